/** @jsxImportSource preact */
/**
 * Time-taken of the 502s on a log axis (histogram.ts buckets), with the known timeouts drawn
 * as dashed lines, and the numbers in a table under a <details>.
 */
import type { HistogramBucket, MarkerCount } from '../../lib/analyze/report.ts';
import { bucketPosition, niceTicks } from '../../lib/analyze/chart-scale.ts';
import { formatCount, formatDuration } from '../../lib/analyze/format.ts';

const W = 720;
const H = 250;
const M = { left: 52, right: 16, top: 30, bottom: 30 };
const DECADES = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];
const decadeLabel = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${ms / 1000} s`);

export function TimeTakenChart({ buckets, markers, unknown, id }: { buckets: HistogramBucket[]; markers: MarkerCount[]; unknown: number; id: string }) {
  const nonzero = buckets.map((b, i) => (b.count > 0 ? i : -1)).filter((i) => i >= 0);
  const lastMarker = Math.ceil(bucketPosition(240_000));
  const lo = Math.max(0, Math.min(nonzero[0] ?? 0, Math.floor(bucketPosition(1000))) - 1);
  const hi = Math.min(buckets.length, Math.max((nonzero[nonzero.length - 1] ?? 0) + 2, lastMarker + 1));
  const shown = buckets.slice(lo, hi);
  const max = Math.max(1, ...shown.map((b) => b.count));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1] as number;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const base = M.top + plotH;
  const x = (pos: number) => M.left + (plotW * (pos - lo)) / (hi - lo);
  const y = (v: number) => M.top + plotH * (1 - v / top);
  const total = buckets.reduce((a, b) => a + b.count, 0);
  const atMarkers = markers.filter((m) => m.count > 0);
  const summary =
    total === 0
      ? 'No 502 had a time-taken.'
      : atMarkers.length > 0
        ? atMarkers.map((m) => `${formatCount(m.count)} of ${formatCount(total)} at about ${m.seconds} s`).join('; ') + '.'
        : `None of the ${formatCount(total)} 502s took as long as a known timeout.`;

  return (
    <figure class="analyze-chart">
      <svg class="analyze-chart__svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>Time-taken of the 502 responses, log scale</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line class="analyze-chart__grid" x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
            <text class="analyze-chart__label" x={M.left - 6} y={y(t) + 4} text-anchor="end">
              {formatCount(t)}
            </text>
          </g>
        ))}
        {shown.map((b, k) =>
          b.count > 0 ? <rect key={k} class="analyze-chart__bar" x={x(lo + k) + 1} y={y(b.count)} width={Math.max(1, x(lo + k + 1) - x(lo + k) - 2)} height={base - y(b.count)} /> : null,
        )}
        <line class="analyze-chart__axis" x1={M.left} x2={W - M.right} y1={base} y2={base} />
        {DECADES.filter((d) => bucketPosition(d) >= lo && bucketPosition(d) <= hi).map((d) => (
          <text key={d} class="analyze-chart__label" x={x(bucketPosition(d))} y={H - 10} text-anchor="middle">
            {decadeLabel(d)}
          </text>
        ))}
        {markers.map((m, i) => {
          const mx = x(bucketPosition(m.seconds * 1000));
          return (
            <g key={m.seconds} class={m.count > 0 ? 'analyze-chart__marker is-hit' : 'analyze-chart__marker'}>
              <line x1={mx} x2={mx} y1={M.top - 4 + (i % 2) * 12} y2={base} />
              <text class="analyze-chart__label" x={mx} y={M.top - 8 + (i % 2) * 12} text-anchor="middle">
                {m.seconds} s
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="analyze-chart__caption">
        <span class="analyze-chart__key analyze-chart__key--502" aria-hidden="true" /> 502s per time-taken bucket
        <span class="analyze-chart__key analyze-chart__key--marker" aria-hidden="true" /> known timeouts
        <span class="analyze-chart__note">
          {summary}
          {unknown > 0 ? ` ${formatCount(unknown)} 502s had no time-taken.` : ''}
        </span>
      </figcaption>
      <ul class="analyze-markers">
        {markers.map((m) => (
          <li key={m.seconds}>
            <strong>{m.seconds} s</strong>: {m.label} — {formatCount(m.count)} {m.count === 1 ? '502' : '502s'} near it.
          </li>
        ))}
      </ul>
      <details class="analyze-chart__data">
        <summary>The numbers as a table</summary>
        <div class="analyze-table-wrap">
          <table class="analyze-table">
            <caption>502s by time-taken</caption>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">502s</th>
              </tr>
            </thead>
            <tbody>
              {buckets
                .filter((b) => b.count > 0)
                .map((b) => (
                  <tr key={b.from}>
                    <th scope="row">{formatDuration(b.from)}</th>
                    <td>{b.to === null ? 'longer' : formatDuration(b.to)}</td>
                    <td>{formatCount(b.count)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
