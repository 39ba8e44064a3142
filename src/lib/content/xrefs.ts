/**
 * Build-time cross-reference check. Astro's reference() only warns when a reference is looked
 * up; this fails the build on any dangling id, naming the file.
 */
import { codePageSlug } from './slugs.ts';

export interface CauseEntry {
  id: string;
  filePath?: string;
  data: { statuses: string[]; codes: string[]; related: string[]; guides: string[] };
}
export interface CodeEntry {
  id: string;
  filePath?: string;
  data: { code: string; kind: 'status' | 'error'; causes: string[]; related: string[] };
}
export interface GuideEntry {
  id: string;
  filePath?: string;
  data: { related: string[] };
}

export interface SiteContent {
  causes: CauseEntry[];
  codes: CodeEntry[];
  guides: GuideEntry[];
  /** Every cause id of the vocabulary (content/data/causes.json). */
  causeIds: ReadonlySet<string>;
  /** Slugs of every code page the site builds (hand-written and generated). */
  codePageSlugs: ReadonlySet<string>;
}

/** Every dangling reference, as "<file>: <problem>". Empty when all is well. */
export function checkCrossReferences(site: SiteContent): string[] {
  const problems: string[] = [];
  const guideSlugs = new Set(site.guides.map((g) => g.id));
  const articleIds = new Set(site.causes.map((c) => c.id));
  const where = (e: { id: string; filePath?: string }, dir: string) => e.filePath ?? `content/${dir}/${e.id}.mdx`;

  const cause = (file: string, id: string, field: string) => {
    if (!site.causeIds.has(id)) problems.push(`${file}: ${field} names unknown cause id "${id}"`);
    else if (!articleIds.has(id)) problems.push(`${file}: ${field} names cause "${id}", which has no article`);
  };
  const code = (file: string, value: string, field: string) => {
    const slug = codePageSlug(value);
    if (slug === null) problems.push(`${file}: ${field} has "${value}", which is not a status or an error code`);
    else if (!site.codePageSlugs.has(slug)) problems.push(`${file}: ${field} names "${value}", which has no page (/codes/${slug}/)`);
  };

  for (const c of site.causes) {
    const file = where(c, 'causes');
    if (!site.causeIds.has(c.id)) problems.push(`${file}: "${c.id}" is not a cause id (add it to content/data/causes.json first)`);
    for (const r of c.data.related) {
      if (r === c.id) problems.push(`${file}: related lists the article itself`);
      else cause(file, r, 'related');
    }
    for (const g of c.data.guides) if (!guideSlugs.has(g)) problems.push(`${file}: guides names unknown guide "${g}"`);
    for (const s of c.data.statuses) code(file, s, 'statuses');
    for (const x of c.data.codes) code(file, x, 'codes');
  }
  for (const k of site.codes) {
    const file = where(k, 'codes');
    const slug = codePageSlug(k.data.code);
    if (slug !== k.id) problems.push(`${file}: file name should be "${slug}.mdx" for code "${k.data.code}"`);
    const isStatus = !k.data.code.startsWith('0x');
    if (isStatus !== (k.data.kind === 'status')) problems.push(`${file}: kind "${k.data.kind}" does not fit code "${k.data.code}"`);
    for (const id of k.data.causes) cause(file, id, 'causes');
    for (const r of k.data.related) code(file, r, 'related');
  }
  for (const g of site.guides) {
    const file = where(g, 'guides');
    for (const id of g.data.related) cause(file, id, 'related');
  }
  return problems;
}
