/** @jsxImportSource preact */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { classifyQuery, type QueryKind } from '../../lib/search/query.ts';
import { excerptSegments } from '../../lib/search/excerpt.ts';
import { decodeSearch, encodeSearch, type SearchState } from '../../lib/search/fragment.ts';
import { looksLikeEvidence } from '../../lib/search/evidence.ts';
import { loadPagefind, type PagefindResultData } from './pagefind.ts';
import { earlyValue } from '../shared/early-value.ts';
import { sendToDiagnose } from '../shared/handoff.ts';

export interface CodePageRef {
  slug: string;
  code: string;
  title: string;
  summary: string;
  names: string[];
  /** Unsigned value for error codes. */
  value?: number;
}

interface Props {
  pages: CodePageRef[];
}

interface Hit {
  url: string;
  title: string;
  section: string;
  excerpt: string;
  pinned?: boolean;
}

type State =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; hits: Hit[]; total: number; query: QueryKind; unknownCode?: { hex: string; slug: string }; withoutFilters?: number }
  | { status: 'error'; message: string };

const PAGE = 20;

/** The search as the address holds it: in the fragment, never in the query string. */
function readState(): SearchState {
  return decodeSearch(location.hash, location.search);
}

/** Write the search into the fragment (and drop a legacy ?q= from the address). */
function writeState(s: SearchState, push: boolean) {
  const hash = encodeSearch(s);
  const url = location.pathname + (hash ? `#${hash}` : '');
  if (url === location.pathname + location.search + location.hash) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

export default function SearchPage({ pages }: Props) {
  // A query typed before the island woke up is kept.
  const [q, setQ] = useState(() => earlyValue('search-q', ''));
  const [limit, setLimit] = useState(PAGE);
  const [section, setSection] = useState('');
  const [server, setServer] = useState('');
  const [filters, setFilters] = useState<Record<string, Record<string, number>>>({});
  const [state, setState] = useState<State>({ status: 'idle' });
  const run = useRef(0);

  const byName = useMemo(() => {
    const m = new Map<string, number>();
    for (const p of pages) for (const n of p.names) if (p.value !== undefined) m.set(n.toUpperCase(), p.value);
    return m;
  }, [pages]);

  useEffect(() => {
    const fromAddress = (typedEarly: string) => {
      const s = readState();
      const query = typedEarly || s.q;
      setQ(query);
      setSection(s.section);
      setServer(s.server);
      setLimit(PAGE);
      void search(query, s.section, s.server);
      if (typedEarly || location.search) writeState({ ...s, q: query }, false);
    };
    fromAddress(q);
    const onChange = () => fromAddress('');
    addEventListener('hashchange', onChange);
    addEventListener('popstate', onChange);
    loadPagefind()
      .then((pf) => pf.filters())
      .then(setFilters)
      .catch(() => undefined);
    return () => {
      removeEventListener('hashchange', onChange);
      removeEventListener('popstate', onChange);
    };
  }, []);

  async function search(raw: string, sec: string, srv: string, max = PAGE) {
    const id = ++run.current;
    const kind = classifyQuery(raw, (n) => byName.get(n.toUpperCase()));
    if (kind.kind === 'empty') return setState({ status: 'idle' });
    setState({ status: 'loading' });
    try {
      const pinned: Hit[] = [];
      let unknownCode: { hex: string; slug: string } | undefined;
      let text = kind.text;
      if (kind.kind === 'code' || kind.kind === 'status') {
        const page = pages.find((p) => p.slug === kind.slug);
        if (page) pinned.push({ url: `/codes/${page.slug}/`, title: page.title, section: 'Codes', excerpt: page.summary, pinned: true });
        else if (kind.kind === 'code') unknownCode = { hex: kind.hex, slug: kind.slug };
      }
      let hits: Hit[] = [];
      let total = 0;
      let withoutFilters: number | undefined;
      let dupes = 0;
      // An undocumented code must not fall through to Pagefind's nearest-prefix match.
      if (!unknownCode) {
        const pf = await loadPagefind();
        const f: Record<string, string> = {};
        if (sec) f.section = sec;
        if (srv) f.server = srv;
        const res = await pf.search(text, { filters: f });
        const all = res?.results ?? [];
        total = all.length;
        const datas: PagefindResultData[] = await Promise.all(all.slice(0, max).map((r) => r.data()));
        hits = datas
          .filter((d) => !pinned.some((p) => sameUrl(p.url, d.url)))
          .map((d) => ({ url: d.url, title: d.meta.title ?? d.url, section: d.filters.section?.[0] ?? '', excerpt: d.excerpt }));
        dupes = datas.length - hits.length;
        // Filters that combine to nothing: say how many the words alone find.
        if (total === 0 && (sec || srv)) withoutFilters = (await pf.search(text, {}))?.results.length ?? 0;
      }
      if (id !== run.current) return;
      const visible = pinned.filter((p) => !sec || p.section === sec);
      setState({ status: 'done', hits: [...visible, ...hits], total: total - dupes + visible.length, query: kind, ...(unknownCode ? { unknownCode } : {}), ...(withoutFilters !== undefined ? { withoutFilters } : {}) });
    } catch {
      if (id !== run.current) return;
      setState({ status: 'error', message: 'The search index could not be loaded. Search works on the built site (npm start); in `npm run dev` it is not available.' });
    }
  }

  function submit(e: Event) {
    e.preventDefault();
    writeState({ q, section, server }, true);
    setLimit(PAGE);
    void search(q, section, server);
  }

  function filter(sec: string, srv: string) {
    setSection(sec);
    setServer(srv);
    setLimit(PAGE);
    writeState({ q, section: sec, server: srv }, false);
    void search(q, sec, srv);
  }

  const sections = Object.keys(filters.section ?? {}).sort();
  const servers = Object.keys(filters.server ?? {}).sort();

  return (
    <div class="search-page">
      <form role="search" aria-label="Search the guide" onSubmit={submit} class="search-form">
        <label for="search-q">Search for a message, a status or an error number</label>
        <div class="search-form__row">
          <input id="search-q" type="search" value={q} autocomplete="off" spellcheck={false} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
          <button type="submit" class="button button--primary">Search</button>
        </div>
        <div class="search-form__filters">
          <label>
            Section{' '}
            <select value={section} onChange={(e) => filter((e.target as HTMLSelectElement).value, server)}>
              <option value="">All sections</option>
              {sections.map((s) => <option value={s}>{s}</option>)}
            </select>
          </label>
          <label>
            Server{' '}
            <select value={server} onChange={(e) => filter(section, (e.target as HTMLSelectElement).value)}>
              <option value="">Any server</option>
              {servers.map((s) => <option value={s}>{s}</option>)}
            </select>
          </label>
        </div>
      </form>
      <div role="status" aria-live="polite" class="search-status">
        {state.status === 'loading' && 'Searching…'}
        {state.status === 'error' && state.message}
        {state.status === 'done' && !state.unknownCode && `${state.total === 0 ? 'No' : state.total} result${state.total === 1 ? '' : 's'}${state.total > state.hits.length ? ` (showing the first ${state.hits.length})` : ''}.`}
      </div>
      {state.status === 'done' && state.total === 0 && state.withoutFilters !== undefined && state.withoutFilters > 0 && (
        <p class="search-nothing">
          These filters together match nothing; the words alone find {state.withoutFilters} page{state.withoutFilters === 1 ? '' : 's'}.{' '}
          <button type="button" class="button" onClick={() => filter('', '')}>Clear the filters</button>
        </p>
      )}
      {state.status === 'done' && state.total === 0 && !state.unknownCode && q.trim() && (
        <div class="search-unknown">
          <p>
            {looksLikeEvidence(q) ? 'This looks like a log line or an error message rather than search words.' : 'If this is text from a log, an event or an error page, the diagnosis reads it.'}{' '}
            It stays in this tab.
          </p>
          <p><button type="button" class="button button--primary" onClick={() => sendToDiagnose(q)}>Diagnose this text</button></p>
        </div>
      )}
      {state.status === 'done' && state.unknownCode && (
        <div class="search-unknown">
          <p>
            This guide has no page for <code>{state.unknownCode.hex}</code>. The code decoder still tells you what the number means and
            which family it belongs to.
          </p>
          <p><a class="button button--primary" href={`/decode/#${state.unknownCode.slug}`}>Decode {state.unknownCode.hex}</a></p>
        </div>
      )}
      {state.status === 'done' && state.hits.length > 0 && (
        <ol class="search-results">
          {state.hits.map((h) => (
            <li>
              <a href={h.url}>{h.title}</a>
              {(h.section || h.pinned) && <span class="search-results__section">{h.pinned ? 'Code page' : h.section}</span>}
              <p>{excerptSegments(h.excerpt).map((s) => (s.mark ? <mark>{s.text}</mark> : s.text))}</p>
            </li>
          ))}
        </ol>
      )}
      {state.status === 'done' && state.total > state.hits.length && (
        <p>
          <button type="button" class="button" onClick={() => { const next = limit + PAGE; setLimit(next); void search(q, section, server, next); }}>
            Show {Math.min(PAGE, state.total - state.hits.length)} more
          </button>
        </p>
      )}
    </div>
  );
}

function sameUrl(a: string, b: string): boolean {
  const norm = (u: string) => u.replace(/index\.html$/, '').replace(/\/?$/, '/');
  return norm(a) === norm(b);
}
