/** @jsxImportSource preact */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { classifyQuery, type QueryKind } from '../../lib/search/query.ts';
import { excerptSegments } from '../../lib/search/excerpt.ts';
import { loadPagefind, type PagefindResultData } from './pagefind.ts';

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
  | { status: 'done'; hits: Hit[]; query: QueryKind; unknownCode?: { hex: string; slug: string } }
  | { status: 'error'; message: string };

function readQuery(): string {
  return new URLSearchParams(location.search).get('q') ?? '';
}

export default function SearchPage({ pages }: Props) {
  const [q, setQ] = useState('');
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
    const initial = readQuery();
    setQ(initial);
    void search(initial, '', '');
    loadPagefind()
      .then((pf) => pf.filters())
      .then(setFilters)
      .catch(() => undefined);
  }, []);

  async function search(raw: string, sec: string, srv: string) {
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
      // An undocumented code must not fall through to Pagefind's nearest-prefix match.
      if (!unknownCode) {
        const pf = await loadPagefind();
        const f: Record<string, string> = {};
        if (sec) f.section = sec;
        if (srv) f.server = srv;
        const res = await pf.search(text, { filters: f });
        const datas: PagefindResultData[] = await Promise.all((res?.results ?? []).slice(0, 20).map((r) => r.data()));
        hits = datas
          .filter((d) => !pinned.some((p) => sameUrl(p.url, d.url)))
          .map((d) => ({ url: d.url, title: d.meta.title ?? d.url, section: d.filters.section?.[0] ?? '', excerpt: d.excerpt }));
      }
      if (id !== run.current) return;
      const visible = pinned.filter((p) => !sec || p.section === sec);
      setState({ status: 'done', hits: [...visible, ...hits], query: kind, ...(unknownCode ? { unknownCode } : {}) });
    } catch {
      if (id !== run.current) return;
      setState({ status: 'error', message: 'The search index could not be loaded. Search works on the built site (npm start); in `npm run dev` it is not available.' });
    }
  }

  function submit(e: Event) {
    e.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('q', q);
    history.replaceState(null, '', url);
    void search(q, section, server);
  }

  const sections = Object.keys(filters.section ?? {}).sort();
  const servers = Object.keys(filters.server ?? {}).sort();

  return (
    <div class="search-page">
      <form role="search" aria-label="Search the guide" onSubmit={submit} class="search-form">
        <label for="search-q">Search for a message, a status or an error number</label>
        <div class="search-form__row">
          <input id="search-q" type="search" name="q" value={q} autocomplete="off" spellcheck={false} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
          <button type="submit" class="button button--primary">Search</button>
        </div>
        <div class="search-form__filters">
          <label>
            Section{' '}
            <select value={section} onChange={(e) => { const v = (e.target as HTMLSelectElement).value; setSection(v); void search(q, v, server); }}>
              <option value="">All sections</option>
              {sections.map((s) => <option value={s}>{s}</option>)}
            </select>
          </label>
          <label>
            Server{' '}
            <select value={server} onChange={(e) => { const v = (e.target as HTMLSelectElement).value; setServer(v); void search(q, section, v); }}>
              <option value="">Any server</option>
              {servers.map((s) => <option value={s}>{s}</option>)}
            </select>
          </label>
        </div>
      </form>
      <div role="status" aria-live="polite" class="search-status">
        {state.status === 'loading' && 'Searching…'}
        {state.status === 'error' && state.message}
        {state.status === 'done' && !state.unknownCode && `${state.hits.length === 0 ? 'No' : state.hits.length} result${state.hits.length === 1 ? '' : 's'}${state.hits.length === 20 ? ' (showing the first 20)' : ''}.`}
      </div>
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
    </div>
  );
}

function sameUrl(a: string, b: string): boolean {
  const norm = (u: string) => u.replace(/index\.html$/, '').replace(/\/?$/, '/');
  return norm(a) === norm(b);
}
