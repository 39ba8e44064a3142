/**
 * Where a mistyped address should have gone. Codes are typed and linked in many forms
 * (`/codes/0x80072EE2/`, `/codes/502.3/`, `/codes/12002/`), and the site's paths are lower case,
 * so the 404 page asks this for the page that was meant and sends the reader there.
 */
import { classifyQuery } from '../search/query.ts';

/** The known page a missing path stands for, or null. `known` holds paths like "/codes/502-3/". */
export function pathFor(missing: string, known: ReadonlySet<string>): string | null {
  let path: string;
  try {
    path = decodeURIComponent(String(missing ?? '')).slice(0, 300);
  } catch {
    return null;
  }
  path = path.replace(/\/index\.html?$/i, '/').replace(/\/{2,}/g, '/');
  if (!path.endsWith('/')) path += '/';
  const lower = path.toLowerCase();
  if (known.has(lower)) return lower;
  const code = /^\/codes\/([^/]+)\/$/i.exec(path);
  if (code) {
    const q = classifyQuery(code[1]!.replace(/^(\d{3})-(\d+)$/, '$1.$2'));
    if ((q.kind === 'code' || q.kind === 'status') && known.has(`/codes/${q.slug}/`)) return `/codes/${q.slug}/`;
  }
  return null;
}
