/**
 * What a search query is. Pagefind drops `-` and `.` from queries and matches terms as prefixes,
 * so an error number typed in another form than the one printed on its page would land on the
 * wrong page. A query that is a code or a status is therefore normalised before searching, and
 * the page that owns it (when the site has one) is put first.
 */
import { codeForms, formatStatus, parseCode, parseStatus, statusSlug } from '../codes/forms.ts';

export type QueryKind =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'code'; value: number; hex: string; slug: string; text: string }
  | { kind: 'status'; status: string; slug: string; text: string };

const MAX_QUERY = 200;

/** Strip a leading label people paste along with a code: "Error code: 0x80072EE2", "HTTP 502.3". */
function stripLabel(q: string): string {
  return q.replace(/^(?:http(?:\s+error)?|error(?:\s+code)?|hresult|status|code|win32(?:\s+status)?)(?:\s*[:#=]\s*|\s+)/i, '');
}

/**
 * Classify a raw query. `resolveName` maps symbolic names (ERROR_WINHTTP_TIMEOUT) to values;
 * without it names stay text (Pagefind finds them as printed).
 */
export function classifyQuery(raw: string, resolveName?: (name: string) => number | null | undefined): QueryKind {
  const q = String(raw ?? '').slice(0, MAX_QUERY).trim().replace(/\s+/g, ' ');
  if (!q) return { kind: 'empty' };
  const bare = stripLabel(q).replace(/\s+(?:bad gateway|service unavailable|internal server error|gateway time-?out)$/i, '');
  const status = parseStatus(bare);
  if (status) {
    const text = formatStatus(status);
    return { kind: 'status', status: text, slug: statusSlug(text), text };
  }
  const value = parseCode(bare, resolveName ? { resolveName } : undefined);
  if (value !== null) {
    const forms = codeForms(value);
    const canonical = codeForms(forms.canonical);
    return { kind: 'code', value, hex: canonical.hex, slug: forms.slug, text: canonical.hex.toLowerCase() };
  }
  return { kind: 'text', text: q };
}
