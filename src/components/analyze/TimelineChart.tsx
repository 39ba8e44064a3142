/** @jsxImportSource preact */
/**
 * 5xx and 502 responses over time: two step areas on one axis, hand-rolled SVG coloured by
 * CSS classes (both themes), with the numbers in a table under a <details>.
 */
import type { Timeline } from '../../lib/analyze/report.ts';
import { niceTicks } from '../../lib/analyze/chart-scale.ts';
import { formatCount, formatTime, formatUnit } from '../../lib/analyze/format.ts';

const W = 720;
const H = 240;
const M = { left: 52, right: 12, top: 12, bottom: 30 };
const MAX_ROWS = 500;

function stepPath(values: readonly number[], x: (i: number) => number, y: (v: number) => number, base: number): string {
  const parts = [`M${x(0).toFixed(1)},${base}`];
  for (let i = 0; i < values.length; i++) {
    const yy = y(values[i] as number).toFixed(1);
    parts.push(`L${x(i).toFixed(1)},${yy}L${x(i + 1).toFixed(1)},${yy}`);
  }
  parts.push(`L${x(values.length).toFixed(1)},${base}Z`);
  return parts.join('');
}

export function TimelineChart({ timeline, id }: { timeline: Timeline; id: string }) {
  const n = timeline.requests.length;
  const start = Date.parse(timeline.start) / 1000;
  const multiDay = n * timeline.unit > 86_400;
  const max = Math.max(1, ...timeline.serverErrors);
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1] as number;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const base = M.top + plotH;
  const x = (i: number) => M.left + (plotW * i) / Math.max(1, n);
  const y = (v: number) => M.top + plotH * (1 - v / top);
  const labelEvery = Math.max(1, Math.ceil(n / 5));
  const xLabels: number[] = [];
  for (let i = 0; i < n; i += labelEvery) xLabels.push(i);

  let peak = 0;
  for (let i = 1; i < n; i++) if ((timeline.serverErrors[i] as number) > (timeline.serverErrors[peak] as number)) peak = i;
  const when = (i: number) => formatTime(start + i * timeline.unit, timeline.unit, multiDay);
  const total5xx = timeline.serverErrors.reduce((a, b) => a + b, 0);
  const summary =
    total5xx === 0
      ? 'No server errors in this time range.'
      : `Busiest ${formatUnit(timeline.unit).replace(/^1 /, '')}: ${formatCount(timeline.serverErrors[peak] as number)} server errors from ${when(peak)} UTC (${formatCount(timeline.badGateway[peak] as number)} of them 502).`;

  const rows: number[] = [];
  for (let i = 0; i < n && rows.length < MAX_ROWS; i++) if ((timeline.serverErrors[i] as number) > 0) rows.push(i);
  const withErrors = timeline.serverErrors.filter((v) => v > 0).length;

  return (
    <figure class="analyze-chart">
      <svg class="analyze-chart__svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>502 and other 5xx responses per {formatUnit(timeline.unit)}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line class="analyze-chart__grid" x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
            <text class="analyze-chart__label" x={M.left - 6} y={y(t) + 4} text-anchor="end">
              {formatCount(t)}
            </text>
          </g>
        ))}
        <path class="analyze-chart__area-5xx" d={stepPath(timeline.serverErrors, x, y, base)} />
        <path class="analyze-chart__area-502" d={stepPath(timeline.badGateway, x, y, base)} />
        <line class="analyze-chart__axis" x1={M.left} x2={W - M.right} y1={base} y2={base} />
        {xLabels.map((i) => (
          <text key={i} class="analyze-chart__label" x={x(i)} y={H - 10} text-anchor={i === 0 ? 'start' : 'middle'}>
            {when(i)}
          </text>
        ))}
      </svg>
      <figcaption class="analyze-chart__caption">
        <span class="analyze-chart__key analyze-chart__key--502" aria-hidden="true" /> 502
        <span class="analyze-chart__key analyze-chart__key--5xx" aria-hidden="true" /> other 5xx
        <span class="analyze-chart__note">
          Times in UTC, one step per {formatUnit(timeline.unit).replace(/^1 /, '')}. {summary}
        </span>
      </figcaption>
      <details class="analyze-chart__data">
        <summary>The numbers as a table</summary>
        {rows.length === 0 ? (
          <p>No period had a server error.</p>
        ) : (
          <div class="analyze-table-wrap">
            <table class="analyze-table">
              <caption>
                Periods with server errors ({formatCount(withErrors)}
                {withErrors > rows.length ? `, first ${formatCount(rows.length)} shown` : ''})
              </caption>
              <thead>
                <tr>
                  <th scope="col">Start (UTC)</th>
                  <th scope="col">Requests</th>
                  <th scope="col">5xx</th>
                  <th scope="col">502</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((i) => (
                  <tr key={i}>
                    <th scope="row">{formatTime(start + i * timeline.unit, timeline.unit, true)}</th>
                    <td>{formatCount(timeline.requests[i] as number)}</td>
                    <td>{formatCount(timeline.serverErrors[i] as number)}</td>
                    <td>{formatCount(timeline.badGateway[i] as number)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </details>
    </figure>
  );
}
