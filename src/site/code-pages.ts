/**
 * The code pages the site builds: every status page and every error-code page written in
 * content/codes/, plus one generated page per curated error code of the engine's database.
 */
import type { CollectionEntry } from 'astro:content';
import { codePageSlug } from '../lib/content/slugs.ts';

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

export function generatedCodePages(entries: CollectionEntry<'codes'>[]): CodePage[] {
  const pages = new Map<string, CodePage>();
  for (const entry of entries) {
    const slug = codePageSlug(entry.data.code) ?? entry.id;
    pages.set(slug, {
      slug,
      code: entry.data.code,
      kind: entry.data.kind,
      title: entry.data.title,
      summary: entry.data.summary,
      causes: entry.data.causes,
      related: entry.data.related,
      entry,
    });
  }
  return [...pages.values()].sort(compareCodes);
}

/** Statuses first in numeric order (502 < 502.3 < 502.5), then error codes by value. */
export function compareCodes(a: { code: string; kind: string }, b: { code: string; kind: string }): number {
  if (a.kind !== b.kind) return a.kind === 'status' ? -1 : 1;
  if (a.kind === 'status') {
    const [as, asub = '-1'] = a.code.split('.');
    const [bs, bsub = '-1'] = b.code.split('.');
    return Number(as) - Number(bs) || Number(asub) - Number(bsub);
  }
  return parseInt(a.code, 16) - parseInt(b.code, 16);
}

/** Sidebar for the codes section: statuses, then error codes. */
export function codeSidebar(pages: CodePage[]): { label: string; links: { href: string; label: string }[] }[] {
  const link = (p: CodePage) => ({ href: `/codes/${p.slug}/`, label: p.kind === 'status' ? `HTTP ${p.code}` : `${p.code}${p.names?.[0] ? ` ${p.names[0]}` : ''}` });
  return [
    { label: 'HTTP statuses', links: pages.filter((p) => p.kind === 'status').map(link) },
    { label: 'Error codes', links: pages.filter((p) => p.kind === 'error').map(link) },
  ].filter((g) => g.links.length > 0);
}
