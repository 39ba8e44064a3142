/** @jsxImportSource preact */
/**
 * FREB reader: drop or choose fr*.xml files (or paste a part of one) and see, per trace, the
 * request, the event that failed it, its error code decoded and the likely causes. Files are
 * read and parsed in this tab, in a Web Worker; nothing is sent anywhere.
 *
 * To embed it: `<FrebReader client:load pageSlugs={(await loadSite()).codePages.map((p) => p.slug)} />`
 * and import `./freb.css` in the page (widget CSS is unlayered and imported by the page).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { readTraceFromFile, readTraceInWorker, type TraceEntry } from '../shared/freb-client.ts';
import { FrebReport } from '../shared/FrebReport.tsx';

interface Props {
  /** Slugs of the code pages that exist, so statuses and codes can link to them. */
  pageSlugs: string[];
  /** id prefix, so several readers can live on one page. */
  idPrefix?: string;
  /** Level of each trace's heading (its sections get the next level). */
  headingLevel?: 2 | 3;
}

type Entry = TraceEntry;

const DEBOUNCE_MS = 300;
const MAX_FILES = 20;
const PASTE_NAME = 'Pasted text';

let nextKey = 0;

function summaryOf(entry: Entry): string {
  if (entry.state === 'error') return `${entry.name}: ${entry.message}`;
  if (entry.state !== 'done') return '';
  const r = entry.report;
  if (r.message) return `${entry.name}: ${r.message}`;
  const req = r.requests[0];
  const top = r.diagnosis?.findings[0];
  return `${entry.name}: ${req?.status ? `status ${req.status}` : 'read'}${top ? `. Most likely: ${top.title}.` : '.'}`;
}

export default function FrebReader({ pageSlugs, idPrefix = 'freb', headingLevel = 2 }: Props) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [paste, setPaste] = useState('');
  const [pasted, setPasted] = useState<Entry | undefined>();
  const [dragging, setDragging] = useState(false);
  const [notice, setNotice] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const pages = new Set(pageSlugs);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const pasteSeq = useRef(0);
  const box = useRef<HTMLTextAreaElement>(null);
  const id = (s: string) => `${idPrefix}-${s}`;
  const H = `h${headingLevel}` as 'h2' | 'h3';

  // Text pasted before the island woke up is kept.
  useEffect(() => {
    const early = box.current?.value ?? '';
    if (early) setPaste(early);
  }, []);

  useEffect(() => {
    clearTimeout(timer.current);
    const seq = ++pasteSeq.current;
    if (!paste.trim()) {
      setPasted(undefined);
      return;
    }
    timer.current = setTimeout(() => {
      const key = nextKey++;
      setPasted((p) => (p && p.state === 'done' ? p : { key, name: PASTE_NAME, state: 'reading' }));
      readTraceInWorker(PASTE_NAME, paste).then(
        (report) => {
          if (seq !== pasteSeq.current) return;
          const entry: Entry = { key, name: PASTE_NAME, state: 'done', report };
          setPasted(entry);
          setAnnouncement(summaryOf(entry));
        },
        (err: Error) => {
          if (seq === pasteSeq.current) setPasted({ key, name: PASTE_NAME, state: 'error', message: `The trace could not be read: ${err.message}` });
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer.current);
  }, [paste]);

  const update = (key: number, next: Entry) => setEntries((list) => list.map((e) => (e.key === key ? next : e)));

  async function addFiles(files: File[]) {
    const taken = files.slice(0, MAX_FILES);
    setNotice(files.length > MAX_FILES ? `Only the first ${MAX_FILES} of ${files.length} files were read.` : '');
    const fresh: Entry[] = taken.map((f) => ({ key: nextKey++, name: f.name || 'Unnamed file', state: 'reading' }));
    setEntries((list) => [...fresh, ...list]);
    // One after the other: the worker reads them in turn and results appear as they come.
    for (const [i, file] of taken.entries()) {
      const entry = fresh[i] as Entry;
      const next: Entry = { key: entry.key, name: entry.name, ...(await readTraceFromFile(file)) };
      update(entry.key, next);
      setAnnouncement(summaryOf(next));
    }
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length > 0) void addFiles(files);
    else {
      const text = e.dataTransfer?.getData('text/plain') ?? '';
      if (text) setPaste(text);
    }
  }

  const all: Entry[] = pasted ? [pasted, ...entries] : entries;

  return (
    <div
      class={`freb-reader${dragging ? ' is-dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <div class="freb-reader__drop">
        <p class="freb-reader__drop-text" id={id('hint')}>
          Drop one or more <code>fr*.xml</code> files here, or choose them. They are read in this tab; nothing is uploaded.
        </p>
        <label class="button button--primary freb-reader__file">
          Choose trace files…
          <input
            type="file"
            multiple
            accept=".xml,text/xml,application/xml"
            aria-describedby={id('hint')}
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const files = [...(input.files ?? [])];
              input.value = '';
              if (files.length > 0) void addFiles(files);
            }}
          />
        </label>
      </div>
      <label for={id('paste')} class="freb-reader__label">
        Or paste a trace, or the part around the error
      </label>
      <textarea
        ref={box}
        id={id('paste')}
        class="freb-reader__paste"
        rows={6}
        spellcheck={false}
        autocomplete="off"
        placeholder={'<failedRequest url="…" statusCode="502.3" …> or the MODULE_SET_RESPONSE_ERROR_STATUS event'}
        value={paste}
        onInput={(e) => setPaste((e.target as HTMLTextAreaElement).value)}
      />
      <div class="freb-reader__actions">
        <button
          type="button"
          class="button"
          disabled={all.length === 0 && !paste}
          onClick={() => {
            setEntries([]);
            setPaste('');
            setNotice('');
            setAnnouncement('Cleared.');
          }}
        >
          Clear all
        </button>
        {notice && <span class="freb-reader__notice" role="status">{notice}</span>}
      </div>
      <p class="visually-hidden" aria-live="polite">{announcement}</p>
      <section class="freb-reader__results" aria-label="Trace summaries">
        {all.length === 0 && <p class="freb-reader__placeholder">Each trace you add gets a summary here.</p>}
        {all.map((entry) => {
          const hid = id(`trace-${entry.key}`);
          return (
            <article class="freb-card" aria-labelledby={hid} key={entry.key}>
              <div class="freb-card__head">
                <H id={hid} class="freb-card__title">
                  {entry.name}
                </H>
                <button
                  type="button"
                  class="button freb-card__remove"
                  aria-label={`Remove ${entry.name}`}
                  onClick={() => {
                    if (entry.name === PASTE_NAME && entry === pasted) setPaste('');
                    else setEntries((list) => list.filter((e) => e.key !== entry.key));
                  }}
                >
                  Remove
                </button>
              </div>
              {entry.state === 'reading' && <p class="freb-reader__placeholder">Reading…</p>}
              {entry.state === 'error' && <p class="freb-card__error">{entry.message}</p>}
              {entry.state === 'done' && <FrebReport report={entry.report} pages={pages} headingLevel={headingLevel} headingId={hid} />}
            </article>
          );
        })}
      </section>
    </div>
  );
}
