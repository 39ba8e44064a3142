/** @jsxImportSource preact */
/** The analysis of dropped IIS logs: summary, diagnosis per cluster, charts, tables. */
import type { AnalyzeView } from '../../lib/analyze/view.ts';
import type { Cluster } from '../../lib/analyze/report.ts';
import { formatBytes, formatCount, formatDuration, formatPercent } from '../../lib/analyze/format.ts';
import { sendToDiagnose } from '../shared/handoff.ts';
import { TimelineChart } from './TimelineChart.tsx';
import { TimeTakenChart } from './TimeTakenChart.tsx';

const MAX_CLUSTERS = 10;
const MAX_FAILURE_ROWS = 40;

function CodeCell({ code, names }: { code: number; names: Record<string, string> }) {
  if (code === 0) return <td>0</td>;
  const name = names[String(code)];
  return (
    <td>
      <a href={`/decode/#${code}`}>{code}</a>
      {name ? <span class="analyze-code-name"> {name}</span> : null}
    </td>
  );
}

function timeText(t: { min: number; max: number; mean: number }): string {
  const lo = formatDuration(t.min);
  const hi = formatDuration(t.max);
  return lo === hi ? `Time-taken ${lo}.` : `Time-taken ${lo} to ${hi}, ${formatDuration(t.mean)} on average.`;
}

/** 2024-03-05T10:00:01Z as 2024-03-05 10:00:01. */
function utc(iso: string): string {
  return iso.replace('T', ' ').replace('Z', '');
}

function ClusterWindow({ w }: { w: { first: string; last: string } }) {
  return (
    <p class="analyze-cluster__window">
      {w.first === w.last ? (
        <>
          Seen at <time dateTime={w.first}>{utc(w.first)}</time> (UTC).
        </>
      ) : (
        <>
          First seen <time dateTime={w.first}>{utc(w.first)}</time>, last seen <time dateTime={w.last}>{utc(w.last)}</time> (UTC).
        </>
      )}
    </p>
  );
}

/** A table of URLs and their counts (a cluster's own, or every 502's). */
function UrlTable(props: { wrapClass: string; caption: string; urlHeader: string; countHeader: string; items: readonly { url: string; count: number }[] }) {
  return (
    <div class={props.wrapClass}>
      <table class="analyze-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.urlHeader}</th>
            <th scope="col">{props.countHeader}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((u, i) => (
            <tr key={i}>
              <th scope="row">
                <code>{u.url}</code>
              </th>
              <td>{formatCount(u.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The cluster's own URLs, its first lines as logged, and the way to diagnose them. */
function ClusterDetail({ c, label }: { c: Cluster; label: string }) {
  const n = c.samples.length;
  return (
    <>
      {c.urls.items.length > 0 ? (
        <UrlTable
          wrapClass="analyze-table-wrap analyze-cluster__urls"
          caption={`Its URLs${c.urls.exact ? '' : ` (estimates: each may be short by up to ${formatCount(c.urls.maxError)})`}`}
          urlHeader="cs-uri-stem"
          countHeader="Requests"
          items={c.urls.items}
        />
      ) : null}
      {n > 0 ? (
        <>
          <p class="analyze-cluster__lead">{n === 1 ? 'Its first line in the log:' : `Its first ${n} lines in the log:`}</p>
          <pre class="analyze-cluster__lines" tabIndex={0} aria-label={`${n === 1 ? 'First line' : `First ${n} lines`} of ${label}`}>
            <code>{c.samples.join('\n')}</code>
          </pre>
          <p class="analyze-cluster__action">
            <button type="button" class="button" onClick={() => sendToDiagnose(c.sampleText)}>
              Diagnose {n === 1 ? 'this line' : 'these lines'}
            </button>
          </p>
        </>
      ) : null}
    </>
  );
}

/** A short name of a cluster for accessible names: "502.3 with 12002 at about 120 s". */
function clusterLabel(c: Cluster): string {
  const what = c.reason ? `${c.status} with s-reason ${c.reason}` : c.win32 !== 0 ? `${c.status} with ${c.win32}` : c.status;
  return `the cluster ${what}${c.near !== null ? ` at about ${c.near} s` : ''}`;
}

function ClusterItem({ c, titles, first }: { c: Cluster; titles: Record<string, string>; first: boolean }) {
  return (
    <li class={first ? 'analyze-cluster analyze-cluster--first' : 'analyze-cluster'}>
      <p class="analyze-cluster__note">{c.note}</p>
      {c.timeTakenMs ? <p class="analyze-cluster__time">{timeText(c.timeTakenMs)}</p> : null}
      {c.window ? <ClusterWindow w={c.window} /> : null}
      {c.causes.length > 0 ? (
        <>
          <p class="analyze-cluster__lead">{c.causes.length === 1 ? 'Cause:' : 'Causes, most likely first:'}</p>
          <ol class="analyze-cluster__causes">
            {c.causes.map((id) => (
              <li key={id}>
                <a href={`/causes/${id}/`}>{titles[id] ?? id}</a>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p class="analyze-cluster__lead">No cause on record for this combination; try the <a href="/troubleshoot/">troubleshooter</a>.</p>
      )}
      <ClusterDetail c={c} label={clusterLabel(c)} />
    </li>
  );
}

export function AnalysisResults({ view, idPrefix, other = false }: { view: AnalyzeView; idPrefix: string; other?: boolean }) {
  const r = view.report;
  const t = r.totals;
  const statuses = Object.entries(r.byStatus).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const clusters = r.clusters.slice(0, MAX_CLUSTERS);
  const id = (s: string) => `${idPrefix}-${s}`;

  return (
    <div class="analyze-results">
      <h2 id={id('summary')}>Summary</h2>
      <dl class="analyze-summary">
        <div>
          <dt>Read</dt>
          <dd>
            {view.files.length === 1 ? view.files[0]!.name : `${formatCount(view.files.length)} files`}, {formatBytes(t.bytes)}, {formatCount(t.lines)} lines
          </dd>
        </div>
        <div>
          <dt>Requests</dt>
          <dd>{formatCount(t.requests)}</dd>
        </div>
        <div>
          <dt>Server errors (5xx)</dt>
          <dd>
            {formatCount(t.serverErrors)} ({formatPercent(t.serverErrors, t.requests)})
          </dd>
        </div>
        <div>
          <dt>502 Bad Gateway</dt>
          <dd>
            {formatCount(t.badGateway)} ({formatPercent(t.badGateway, t.requests)})
          </dd>
        </div>
        {r.range ? (
          <div>
            <dt>Time range (UTC)</dt>
            <dd>
              {r.range.first.replace('T', ' ').replace('Z', '')} to {r.range.last.replace('T', ' ').replace('Z', '')}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Unreadable lines</dt>
          <dd>{formatCount(t.bad)}</dd>
        </div>
      </dl>
      {view.files.length > 1 ? (
        <ul class="analyze-files">
          {view.files.map((f, i) => (
            <li key={i}>
              {f.name} ({formatBytes(f.bytes)})
            </li>
          ))}
        </ul>
      ) : null}
      {t.requests === 0 ? (
        // Nothing was read as a request: say so once, and stop (no empty tables, no "nothing to diagnose").
        other ? null : <p class="analyze-notice">No request lines were found. The analyzer reads IIS logs (u_ex*.log) and HTTP.sys error logs (httperr*.log); for any other log, paste its error lines on the <a href="/diagnose/">Diagnose</a> page.</p>
      ) : (
      <>
      <h2 id={id('clusters')}>Diagnosis per cluster</h2>
      {clusters.length === 0 ? (
        <p>No server errors and no connections dropped at a known timeout: nothing to diagnose in these logs.</p>
      ) : (
        <>
          <p class="analyze-help">Failures grouped by status, sub-status and sc-win32-status, and by the timeout their time-taken sits at.</p>
          <ol class="analyze-clusters">
            {clusters.map((c, i) => (
              <ClusterItem key={i} c={c} titles={view.causeTitles} first={i === 0} />
            ))}
          </ol>
          {r.clusters.length > clusters.length ? <p class="analyze-help">{formatCount(r.clusters.length - clusters.length)} smaller clusters are not shown.</p> : null}
        </>
      )}

      {r.timeline ? (
        <>
          <h2 id={id('timeline')}>502s and 5xx over time</h2>
          <TimelineChart timeline={r.timeline} id={id('timeline-chart')} />
        </>
      ) : null}

      {t.badGateway > 0 ? (
        <>
          <h2 id={id('time-taken')}>Time-taken of the 502s</h2>
          <TimeTakenChart buckets={r.timeTaken502.buckets} markers={r.timeTaken502.markers} unknown={r.timeTaken502.unknown} id={id('time-taken-chart')} />
        </>
      ) : null}

      <h2 id={id('statuses')}>Status codes</h2>
      <div class="analyze-table-wrap">
        <table class="analyze-table">
          <caption>Responses by sc-status</caption>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Requests</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {statuses.map(([s, c]) => (
              <tr key={s}>
                <th scope="row">{s}</th>
                <td>{formatCount(c)}</td>
                <td>{formatPercent(c, t.requests)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {r.failures.length > 0 ? (
        <div class="analyze-table-wrap">
          <table class="analyze-table">
            <caption>Server errors by sub-status and sc-win32-status</caption>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">sc-win32-status or s-reason</th>
                <th scope="col">Requests</th>
              </tr>
            </thead>
            <tbody>
              {r.failures.slice(0, MAX_FAILURE_ROWS).map((f, i) => (
                <tr key={i}>
                  <th scope="row">{f.status}</th>
                  {f.reason ? <td>s-reason {f.reason}</td> : <CodeCell code={f.win32} names={view.names} />}
                  <td>{formatCount(f.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {r.topUrls.items.length > 0 ? (
        <>
          <h2 id={id('urls')}>URLs with the most 502s</h2>
          <p class="analyze-help">All 502s together, whatever their sub-status, code or time-taken; each cluster above lists its own URLs.</p>
          {!r.topUrls.exact ? (
            <p class="analyze-help">
              These logs have very many different URLs with 502s, so the counts are estimates: each may be short by up to {formatCount(r.topUrls.maxError)}.
            </p>
          ) : null}
          <UrlTable wrapClass="analyze-table-wrap" caption="cs-uri-stem of the 502 responses" urlHeader="URL" countHeader="502s" items={r.topUrls.items} />
        </>
      ) : null}
      </>
      )}
      <p class="analyze-help">
        Codes link to the <a href="/decode/">decoder</a>. To read the lines around one failure together with event log entries or a trace, paste them on the <a href="/diagnose/">Diagnose</a> page.
      </p>
    </div>
  );
}
