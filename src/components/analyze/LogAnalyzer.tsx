/** @jsxImportSource preact */
/**
 * The IIS log analyzer island: drop or choose log files, watch them being read in a Web
 * Worker (with Cancel), then see the analysis. Failed Request Tracing files (fr*.xml) dropped
 * with them go to the FREB reader's worker and get its summary cards. The files never leave
 * the browser.
 */
import { useRef, useState } from 'preact/hooks';
import type { AnalyzeView } from '../../lib/analyze/view.ts';
import { formatBytes, formatCount } from '../../lib/analyze/format.ts';
import { analyzeInWorker, cancelAnalysis, type Progress } from './analyze-client.ts';
import { AnalysisResults } from './AnalysisResults.tsx';
import { readTraceFromFile, type TraceEntry } from '../shared/freb-client.ts';
import { FrebReport } from '../shared/FrebReport.tsx';

type Trace = TraceEntry;

/** A Failed Request Tracing file, by name (fr000001.xml; any .xml: IIS logs are never XML). */
export function isTraceFile(name: string): boolean {
  return /\.xml$/i.test(name);
}

let nextTraceKey = 0;

type State =
  | { state: 'idle' }
  | { state: 'reading'; progress: Progress; names: string[] }
  | { state: 'done'; view: AnalyzeView }
  | { state: 'cancelled' }
  | { state: 'error'; message: string };

interface Props {
  idPrefix?: string;
  /** Slugs of the code pages that exist, so trace cards can link statuses and codes. */
  pageSlugs?: string[];
}

export default function LogAnalyzer({ idPrefix = 'analyze', pageSlugs = [] }: Props) {
  const [s, setS] = useState<State>({ state: 'idle' });
  const [traces, setTraces] = useState<Trace[]>([]);
  const pages = new Set(pageSlugs);
  const [dragging, setDragging] = useState(false);
  const [announce, setAnnounce] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const id = (x: string) => `${idPrefix}-${x}`;

  async function readTraces(files: File[]) {
    const fresh: Trace[] = files.map((f) => ({ key: nextTraceKey++, name: f.name || 'Unnamed file', state: 'reading' }));
    setTraces(fresh);
    for (const [i, file] of files.entries()) {
      const entry = fresh[i] as Trace;
      const next: Trace = { key: entry.key, name: entry.name, ...(await readTraceFromFile(file)) };
      setTraces((list) => list.map((t) => (t.key === entry.key ? next : t)));
    }
  }

  function start(list: FileList | File[] | null | undefined) {
    const all = [...(list ?? [])].filter((f) => f instanceof File);
    if (all.length === 0) return;
    const traceFiles = all.filter((f) => isTraceFile(f.name));
    const files = all.filter((f) => !isTraceFile(f.name));
    setTraces([]);
    if (traceFiles.length > 0) void readTraces(traceFiles);
    if (files.length === 0) {
      cancelAnalysis();
      setS({ state: 'idle' });
      setAnnounce(`Reading ${traceFiles.length === 1 ? 'one trace file' : `${traceFiles.length} trace files`}.`);
      return;
    }
    const total = files.reduce((a, f) => a + f.size, 0);
    setS({ state: 'reading', progress: { read: 0, total, file: files[0]!.name, index: 0, count: files.length }, names: files.map((f) => f.name) });
    setAnnounce(`Reading ${files.length === 1 ? files[0]!.name : `${files.length} files`}.`);
    analyzeInWorker(files, (progress) => setS((cur) => (cur.state === 'reading' ? { ...cur, progress } : cur))).then(
      (view) => {
        setS({ state: 'done', view });
        const t = view.report.totals;
        setAnnounce(`Analysis ready: ${formatCount(t.requests)} requests, ${formatCount(t.serverErrors)} server errors, ${formatCount(t.badGateway)} of them 502.`);
      },
      (err: Error) => {
        if (err.message === 'cancelled') return;
        setS({ state: 'error', message: err.message });
        setAnnounce(`The analysis failed: ${err.message}`);
      },
    );
  }

  function cancel() {
    cancelAnalysis();
    setS({ state: 'cancelled' });
    setAnnounce('Reading cancelled.');
    input.current?.focus();
  }

  const reading = s.state === 'reading' ? s : undefined;
  const p = reading?.progress;
  const share = p && p.total > 0 ? p.read / p.total : 0;

  return (
    <div class="log-analyzer">
      <div
        class={`log-analyzer__drop${dragging ? ' is-dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          start(e.dataTransfer?.files);
        }}
      >
        <p class="log-analyzer__lead" id={id('hint')}>
          Drop IIS log files here (<code>u_ex*.log</code>, several at once is fine; Failed Request Tracing files <code>fr*.xml</code> too), or
        </p>
        <label class="button log-analyzer__file">
          Choose log files…
          <input
            ref={input}
            type="file"
            multiple
            accept=".log,.txt,.xml,text/plain,text/xml"
            aria-describedby={id('hint')}
            onChange={(e) => {
              const el = e.target as HTMLInputElement;
              start(el.files);
              el.value = '';
            }}
          />
        </label>
        <p class="log-analyzer__privacy">The files are read in this tab and never uploaded. Gigabyte logs are fine: they are read as a stream.</p>
      </div>

      {reading && p ? (
        <div class="log-analyzer__progress" role="group" aria-labelledby={id('progress-label')}>
          <label id={id('progress-label')} for={id('progress')}>
            {p.file ? `Reading ${p.file}` : 'Finishing'}
            {p.count > 1 && p.file ? ` (file ${p.index + 1} of ${p.count})` : ''}
          </label>
          <progress id={id('progress')} max={1} value={share} />
          <span class="log-analyzer__progress-text">
            {formatBytes(p.read)} of {formatBytes(p.total)} ({Math.floor(share * 100)}%)
          </span>
          <button type="button" class="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      ) : null}

      <p class="visually-hidden" aria-live="polite">
        {announce}
      </p>
      {s.state === 'cancelled' ? <p class="log-analyzer__notice">Reading was cancelled. Choose or drop the files again to start over.</p> : null}
      {s.state === 'error' ? <p class="log-analyzer__error">The logs could not be read: {s.message}</p> : null}
      {s.state === 'done' && s.view.skipped.length > 0 ? (
        <ul class="log-analyzer__skipped">
          {s.view.skipped.map((k, i) => (
            <li key={i}>
              Skipped {k.name}: {k.reason}
            </li>
          ))}
        </ul>
      ) : null}
      <section class="log-analyzer__results" aria-label="Analysis" aria-busy={s.state === 'reading'}>
        {s.state === 'done' && s.view.files.length > 0 ? <AnalysisResults view={s.view} idPrefix={idPrefix} /> : null}
        {s.state === 'idle' && traces.length === 0 ? <p class="log-analyzer__placeholder">The analysis appears here once a log has been read.</p> : null}
      </section>
      {traces.length > 0 ? (
        <section class="log-analyzer__traces" aria-labelledby={id('traces')}>
          <h2 id={id('traces')}>Failed Request Tracing files</h2>
          {traces.map((t) => {
            const hid = id(`trace-${t.key}`);
            return (
              <article class="freb-card" aria-labelledby={hid} key={t.key}>
                <div class="freb-card__head">
                  <h3 id={hid} class="freb-card__title">
                    {t.name}
                  </h3>
                </div>
                {t.state === 'reading' ? <p class="log-analyzer__placeholder">Reading…</p> : null}
                {t.state === 'error' ? <p class="freb-card__error">{t.message}</p> : null}
                {t.state === 'done' ? <FrebReport report={t.report} pages={pages} headingLevel={3} headingId={hid} /> : null}
              </article>
            );
          })}
        </section>
      ) : null}
    </div>
  );
}
