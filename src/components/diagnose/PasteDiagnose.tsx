/** @jsxImportSource preact */
/**
 * Paste-and-diagnose: a textarea, results that follow the text as it changes, evidence shown in
 * place, copy as Markdown. All work happens in this tab (a Web Worker); nothing is sent anywhere.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DiagnosisView } from '../../lib/report/view.ts';
import type { Redaction } from '../../lib/redact/redact.ts';
import { KIND_LABELS } from '../../lib/report/labels.ts';
import { ask, diagnoseWithRedactions, warmEngine } from '../shared/engine-client.ts';
import { DiagnosisResults } from './DiagnosisResults.tsx';
import { ShareActions } from './ShareActions.tsx';
import { readDroppedFile } from '../shared/read-file.ts';
import { earlyValue } from '../shared/early-value.ts';
import { takeHandoff } from '../shared/handoff.ts';
import { sendFileToAnalyzer } from '../shared/file-handoff.ts';

interface Props {
  /** Pre-filled text (an article's sample). */
  initial?: string;
  /** id prefix, so several boxes can live on one page. */
  idPrefix?: string;
  /** Heading level of the results' headings. */
  compact?: boolean;
  /** Take text handed over by another page (the header search) — only /diagnose/ does. */
  handoff?: boolean;
}

const DEBOUNCE_MS = 250;

type Status = { state: 'empty' } | { state: 'working' } | { state: 'done'; view: DiagnosisView } | { state: 'error'; message: string };

export default function PasteDiagnose({ initial = '', idPrefix = 'diagnose', compact = false, handoff = false }: Props) {
  const [text, setText] = useState(() => earlyValue(`${idPrefix}-input`, (handoff ? takeHandoff() : null) ?? initial));
  const [status, setStatus] = useState<Status>({ state: 'empty' });
  const [notice, setNotice] = useState('');
  // A file too large for the paste box, which the analyzer can read in full.
  const [bigFile, setBigFile] = useState<File | null>(null);
  const [copied, setCopied] = useState('');
  const [dragging, setDragging] = useState(false);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [redactOn, setRedactOn] = useState(true);
  const [redactions, setRedactions] = useState<Redaction[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const box = useRef<HTMLTextAreaElement>(null);

  // A share link (/diagnose/#paste=...) restores its paste; the fragment never reached a server.
  // (Text typed before the island woke up is read by earlyValue when the state starts.)
  useEffect(() => {
    if (!compact && /(?:^#|&)paste=/.test(location.hash)) {
      ask('open', { fragment: location.hash }).then(
        (r) => { if (r.text !== null) { setText(r.text); setNotice('Opened the paste from the share link.'); } },
        (err: Error) => setNotice(err.message),
      );
    }
  }, []);

  function changeText(t: string) {
    setText(t);
    setAnswers({});
  }

  useEffect(() => {
    clearTimeout(timer.current);
    if (!text.trim()) {
      setStatus({ state: 'empty' });
      return;
    }
    timer.current = setTimeout(() => {
      setStatus((s) => (s.state === 'done' ? s : { state: 'working' }));
      diagnoseWithRedactions(text, answers, redactOn).then(
        (r) => {
          setStatus({ state: 'done', view: r.view });
          setRedactions(r.redactions);
        },
        (err: Error) => {
          if (err.message !== 'superseded') setStatus({ state: 'error', message: `The diagnosis could not run: ${err.message}` });
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer.current);
  }, [text, answers, redactOn]);

  async function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer?.files?.[0];
    if (file) await load(file);
  }

  async function load(file: File) {
    const r = await readDroppedFile(file);
    setNotice(r.notice);
    setBigFile(r.cut ? file : null);
    if (r.text !== null) changeText(r.text);
  }

  function answer(node: string, id: string | undefined) {
    setAnswers((a) => {
      const next = { ...a };
      if (id === undefined) delete next[node];
      else next[node] = id;
      return next;
    });
  }

  const id = (s: string) => `${idPrefix}-${s}`;
  const view = status.state === 'done' ? status.view : undefined;
  const announcement =
    status.state === 'done'
      ? view!.findings.length
        ? view!.outOfScope
          ? view!.outOfScope.what
          : `${view!.findings[0]!.word}: ${view!.findings[0]!.title}.`
        : 'No cause recognised in this text.'
      : status.state === 'error'
        ? status.message
        : '';

  return (
    <div class={`paste-diagnose${compact ? ' paste-diagnose--compact' : ''}`}>
      <label for={id('input')} class="paste-diagnose__label">
        Paste a log line, trace, event message, error page, web.config or error code
      </label>
      <p id={id('hint')} class="paste-diagnose__hint">
        Several kinds at once are fine. You can also drop a text file here. Everything stays in your browser.
      </p>
      <textarea
        ref={box}
        id={id('input')}
        class={`paste-diagnose__input${dragging ? ' is-dragging' : ''}`}
        aria-describedby={id('hint')}
        spellcheck={false}
        autocomplete="off"
        rows={compact ? 5 : 9}
        value={text}
        onInput={(e) => changeText((e.target as HTMLTextAreaElement).value)}
        onFocus={warmEngine}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      />
      <div class="paste-diagnose__actions">
        <label class="button paste-diagnose__file">
          Open a file…
          <input type="file" accept=".log,.txt,.xml,.config,.json,.htm,.html,text/*" onChange={(e) => { const f = (e.target as HTMLInputElement).files?.[0]; if (f) void load(f); }} />
        </label>
        <button type="button" class="button" onClick={() => { changeText(''); setNotice(''); setBigFile(null); setCopied(''); }} disabled={!text}>
          Clear
        </button>
      </div>
      <ShareActions
        idPrefix={idPrefix}
        ready={status.state === 'done'}
        redactOn={redactOn}
        onRedact={setRedactOn}
        redactions={redactions}
        copied={copied}
        onCopied={setCopied}
        request={(type) =>
          type === 'markdown'
            ? ask('markdown', { text, answers, redact: redactOn, origin: location.origin }).then((r) => r.markdown)
            : ask('share', { text, redact: redactOn }).then((r) => `${location.origin}/diagnose/#${r.fragment}`)
        }
      />
      {notice && (
        <p class={`paste-diagnose__notice${bigFile ? ' paste-diagnose__notice--cut' : ''}`} role="status">
          {notice}
          {bigFile && (
            <>
              {' '}
              <button type="button" class="button" onClick={() => void sendFileToAnalyzer(bigFile).then((ok) => ok || setNotice(`${notice} Open it on the log analyzer page (/analyze/) to read all of it.`))}>
                Analyze the whole file
              </button>
            </>
          )}
        </p>
      )}
      {view && view.findings[0] && (
        // The answer in one line right under the box, so it is seen without scrolling.
        <p class="paste-diagnose__summary">
          Most likely: <a href={`#${id('results')}`}>{view.findings[0].title}</a> ({view.findings[0].word.toLowerCase()}) ↓
        </p>
      )}
      <p class="visually-hidden" aria-live="polite">{announcement}</p>
      <section id={id('results')} tabIndex={-1} class="paste-diagnose__results" aria-label="Diagnosis" aria-busy={status.state === 'working'}>
        {status.state === 'empty' && <p class="paste-diagnose__placeholder">The diagnosis appears here as soon as there is something to read.</p>}
        {status.state === 'working' && <p class="paste-diagnose__placeholder">Reading… (the first time, the analyser itself, about 0.5 MB, is loaded too)</p>}
        {status.state === 'error' && <p class="paste-diagnose__error">{status.message}</p>}
        {view && <DiagnosisResults view={view} kindLabels={KIND_LABELS} headingLevel={compact ? 3 : 2} idPrefix={idPrefix} onAnswer={answer} />}
      </section>
    </div>
  );
}
