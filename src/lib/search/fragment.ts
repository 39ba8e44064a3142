/**
 * The search page keeps its query and filters in the URL fragment (`/search/#q=timeout&section=Guides`):
 * the fragment is never sent to a server, so what a reader types (often a pasted log line) stays
 * out of every access log, and a reload or Back still shows the same search.
 */
export interface SearchState {
  q: string;
  section: string;
  server: string;
}

const MAX = 2000;

export function encodeSearch(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q.slice(0, MAX));
  if (s.section) p.set('section', s.section.slice(0, 100));
  if (s.server) p.set('server', s.server.slice(0, 100));
  return p.toString();
}

/** Read `#q=…&section=…&server=…`; a legacy `?q=` (old links) is read when the fragment has none. */
export function decodeSearch(hash: string, search = ''): SearchState {
  const raw = hash.replace(/^#/, '');
  const h = new URLSearchParams(raw.includes('=') ? raw : '');
  const legacy = new URLSearchParams(search.replace(/^\?/, ''));
  const pick = (k: string, max: number) => (h.get(k) ?? (k === 'q' && !h.has('q') ? legacy.get('q') : null) ?? '').slice(0, max);
  return { q: pick('q', MAX), section: pick('section', 100), server: pick('server', 100) };
}
