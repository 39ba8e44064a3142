/**
 * Astro-side access to the content collections: loads them once, checks every cross-reference
 * (failing the build with the file names), and derives section orderings and sidebars.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { CAUSE_GROUPS, CAUSE_IDS, CAUSES } from '../lib/content/vocabulary.ts';
import { checkCrossReferences } from '../lib/content/xrefs.ts';
import { causeUrl, codePageSlug, guideUrl } from '../lib/content/slugs.ts';
import type { SidebarGroup } from '../components/Sidebar.astro';
import { generatedCodePages, type CodePage } from './code-pages.ts';

export type CauseEntry = CollectionEntry<'causes'>;
export type CodeEntry = CollectionEntry<'codes'>;
export type GuideEntry = CollectionEntry<'guides'>;

export interface Site {
  causes: CauseEntry[];
  guides: GuideEntry[];
  codePages: CodePage[];
}

let loaded: Promise<Site> | undefined;

export function loadSite(): Promise<Site> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<Site> {
  const causeEntries = await getCollection('causes');
  const codeEntries = await getCollection('codes');
  const guideEntries = await getCollection('guides');

  const order = new Map(CAUSES.map((c, i) => [c.id, i]));
  const causes = [...causeEntries].sort((a, b) => (order.get(a.id) ?? 999) - (order.get(b.id) ?? 999));
  const guides = [...guideEntries].sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title));
  const codePages = await generatedCodePages(codeEntries);

  const problems = checkCrossReferences({
    causes: causes.map((e) => ({ id: e.id, filePath: e.filePath, data: e.data })),
    codes: codeEntries.map((e) => ({ id: e.id, filePath: e.filePath, data: e.data })),
    guides: guides.map((e) => ({ id: e.id, filePath: e.filePath, data: e.data })),
    causeIds: CAUSE_IDS,
    codePageSlugs: new Set(codePages.map((p) => p.slug)),
  });
  if (problems.length) {
    const message = `Broken cross-references in content/ (${problems.length}):\n  ${problems.join('\n  ')}`;
    // While writing, `astro dev` keeps serving and reports; a build always fails.
    if (import.meta.env.DEV) console.warn(message);
    else throw new Error(message);
  }
  return { causes, guides, codePages };
}

export function causeSidebar(site: Site): SidebarGroup[] {
  return CAUSE_GROUPS.map((g) => ({
    label: g.label,
    links: site.causes
      .filter((c) => CAUSES.find((x) => x.id === c.id)?.group === g.id)
      .map((c) => ({ href: causeUrl(c.id), label: causeTitle(c.id) })),
  })).filter((g) => g.links.length > 0);
}

export function guideSidebar(site: Site): SidebarGroup[] {
  return [{ label: 'Guides', links: site.guides.map((g) => ({ href: guideUrl(g.id), label: g.data.title })) }];
}

/** Short title of a cause from the vocabulary (used in lists and links). */
export function causeTitle(id: string): string {
  return CAUSES.find((c) => c.id === id)?.title ?? id;
}

export function codeHref(code: string): string {
  return `/codes/${codePageSlug(code)}/`;
}
