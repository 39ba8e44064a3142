/**
 * The code pages the site builds: every status page and error-code page written in
 * content/codes/, plus one page per curated error code of the engine's database (a written page
 * for the same code adds its body to the curated data).
 */
import type { CollectionEntry } from 'astro:content';
import { codePageSlug } from '../lib/content/slugs.ts';
import { CURATED_CODES, familyOfName, type CuratedCode } from '../lib/codes/curated.ts';
import { codeForms, searchForms } from '../lib/codes/forms.ts';
import { loadTable, type Family } from '../lib/codes/table.ts';

export interface CodePage {
  slug: string;
  /** "502.3" or "0x80072EE2" */
  code: string;
  kind: 'status' | 'error';
  title: string;
  summary: string;
  causes: string[];
  related: string[];
  entry?: CollectionEntry<'codes'>;
  /** Error codes: the unsigned value, every written form and the symbolic names. */
  value?: number;
  forms?: string[];
  names?: string[];
  /** Error codes: one-sentence meaning and explanation paragraphs from the curated database. */
  meaning?: string;
  /** Error codes: the family heading on the codes index (WinHTTP, Win32, hostfxr, ...). */
  family?: string;
  explanation?: string[];
}

const FAMILY_LABELS: Record<Family, string> = {
  winhttp: 'WinHTTP and WinINet errors',
  wininet: 'WinHTTP and WinINet errors',
  winerror: 'Win32 errors and HRESULTs',
  hostfxr: '.NET host (hostfxr) status codes',
  clr: 'CLR and crash exception codes',
  ntstatus: 'NTSTATUS and crash codes',
};
const FAMILY_ORDER = ['WinHTTP and WinINet errors', 'Win32 errors and HRESULTs', '.NET host (hostfxr) status codes', 'CLR and crash exception codes', 'NTSTATUS and crash codes'];

/** Every name the table knows for the code (its own value and, for wrapped Win32 codes, the bare one). */
function tableNames(table: Awaited<ReturnType<typeof loadTable>>, value: number): string[] {
  const f = codeForms(value);
  const values = [f.value, ...(f.win32 !== undefined && f.win32 !== f.value ? [f.win32] : [])];
  return values.flatMap((v) => table.namesOf(v).map((e) => e.name));
}

function curatedPage(c: CuratedCode, table: Awaited<ReturnType<typeof loadTable>>): CodePage {
  const forms = codeForms(c.value);
  const names = [...new Set([c.name, ...c.aliases, ...tableNames(table, c.value)])];
  const related = CURATED_CODES.filter((o) => o !== c && o.causes[0] === c.causes[0]).slice(0, 6).map((o) => o.hex);
  return {
    slug: forms.slug,
    code: c.hex,
    kind: 'error',
    title: `${c.hex} ${c.name}`,
    summary: c.meaning,
    causes: c.causes,
    related,
    value: c.value,
    forms: searchForms(forms, names),
    names,
    meaning: c.meaning,
    family: FAMILY_LABELS[familyOfName(c.name)],
    explanation: c.explanation.split(/\n\s*\n/),
  };
}

export async function generatedCodePages(entries: CollectionEntry<'codes'>[]): Promise<CodePage[]> {
  const table = await loadTable();
  const pages = new Map<string, CodePage>();
  for (const c of CURATED_CODES) {
    const page = curatedPage(c, table);
    pages.set(page.slug, page);
  }
  for (const entry of entries) {
    const slug = codePageSlug(entry.data.code) ?? entry.id;
    const base = pages.get(slug);
    pages.set(slug, {
      ...base,
      slug,
      code: entry.data.code,
      kind: entry.data.kind,
      title: entry.data.title,
      summary: entry.data.summary,
      causes: entry.data.causes.length ? entry.data.causes : (base?.causes ?? []),
      related: [...new Set([...entry.data.related, ...(base?.related ?? [])])],
      entry,
    });
  }
  return [...pages.values()].sort(compareCodes);
}

/** Statuses first in numeric order (502 < 502.3 < 502.5), then error codes by family and value. */
export function compareCodes(a: { code: string; kind: string; family?: string }, b: { code: string; kind: string; family?: string }): number {
  if (a.kind !== b.kind) return a.kind === 'status' ? -1 : 1;
  if (a.kind === 'status') {
    const [as, asub = '-1'] = a.code.split('.');
    const [bs, bsub = '-1'] = b.code.split('.');
    return Number(as) - Number(bs) || Number(asub) - Number(bsub);
  }
  const fa = FAMILY_ORDER.indexOf(a.family ?? '');
  const fb = FAMILY_ORDER.indexOf(b.family ?? '');
  return fa - fb || parseInt(a.code, 16) - parseInt(b.code, 16);
}

/** Sidebar for the codes section: statuses, then error codes by family. */
export function codeSidebar(pages: CodePage[]): { label: string; links: { href: string; label: string }[] }[] {
  const link = (p: CodePage) => ({ href: `/codes/${p.slug}/`, label: p.kind === 'status' ? `HTTP ${p.code}` : `${p.code} ${p.names?.[0] ?? ''}`.trim() });
  const families = [...new Set(pages.filter((p) => p.kind === 'error').map((p) => p.family ?? 'Other codes'))];
  return [
    { label: 'HTTP statuses', links: pages.filter((p) => p.kind === 'status').map(link) },
    ...families.map((f) => ({ label: f, links: pages.filter((p) => p.kind === 'error' && (p.family ?? 'Other codes') === f).map(link) })),
  ].filter((g) => g.links.length > 0);
}
