/**
 * axe-core straight in the page: the engine is added to a browser context once (an init script,
 * so every page of the context has it from the start) and `axe.run` is called in the page.
 * @axe-core/playwright's AxeBuilder injects the engine into every frame on every call and finishes
 * each run in an extra blank page, which costs several times the check itself; the built pages
 * have no frames, so the direct run checks the same. Same axe-core as AxeBuilder's (its
 * dependency), no other package.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(createRequire(require.resolve('@axe-core/playwright')).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.2 AA and axe's best practices: what every page is checked against. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/** The rules whose outcome depends on colours: what differs between the light and dark themes. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Makes axe available in every page `context` opens from now on. */
export async function withAxe(context: BrowserContext): Promise<BrowserContext> {
  await context.addInitScript({ content: AXE_SOURCE });
  return context;
}

/** Violations on the page as "rule-id (first targets)": every rule of `tags`, or only `rules`. */
export async function axeViolations(page: Page, only: { tags: string[] } | { rules: string[] }): Promise<string[]> {
  const runOnly = 'tags' in only ? { type: 'tag', values: only.tags } : { type: 'rule', values: only.rules };
  return page.evaluate(async (runOnly) => {
    const axe = (window as unknown as { axe?: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    if (!axe) throw new Error('axe is not loaded in this page: open it in a context passed to withAxe()');
    const r = await axe.run(document, { runOnly, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
  }, runOnly);
}
