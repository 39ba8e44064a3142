/**
 * axe over every built page. One browser serves the whole sweep; LANES pages are checked at once,
 * each lane with its own light and dark browser context (axe preloaded: see axe.ts).
 *
 * Light theme: every WCAG 2.2 AA and best-practice rule. Dark theme: the rules that depend on
 * colour (contrast of text, and of links against the text around them), since the dark theme
 * changes colours only; the other rules in the dark theme are run page type by page type in
 * a11y.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { htmlFiles, urlOf } from '../built/site-files.ts';
import { axeViolations, COLOUR_RULES, WCAG_TAGS, withAxe } from './axe.ts';
import { useBrowser } from './page.ts';

const LANES = 3;

const { newContext } = useBrowser();

/** Loads `path` in `context` (of `theme`) and adds what axe finds there to `problems`. */
async function check(context: BrowserContext, theme: 'light' | 'dark', path: string, problems: string[], only: { tags: string[] } | { rules: string[] }): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(path, { waitUntil: 'load' });
    const shown = await page.evaluate(() => document.documentElement.dataset.theme);
    if (shown !== theme) problems.push(`${path} (${theme}): the page shows the ${shown} theme`);
    for (const v of await axeViolations(page, only)) problems.push(`${path} (${theme}): ${v}`);
  } finally {
    await page.close();
  }
}

/** Pages per test: each test checks one slice of the sitemap, so progress and failures show per slice. */
const SLICE = 30;
const pages = htmlFiles().map(urlOf);

describe('accessibility of every page: all rules in the light theme, colour rules in the dark theme', () => {
  it('covers the whole built site', () => {
    expect(pages.length).toBeGreaterThan(100);
  });

  for (let from = 0; from < pages.length; from += SLICE) {
    const slice = pages.slice(from, from + SLICE);
    it(`pages ${from + 1}-${from + slice.length} of ${pages.length} (${slice[0]} ...)`, { timeout: 600_000 }, async () => {
      const problems: string[] = [];
      let next = 0;
      const lane = async (): Promise<void> => {
        const light = await withAxe(await newContext({ theme: 'light' }));
        const dark = await withAxe(await newContext({ theme: 'dark' }));
        try {
          for (let i = next++; i < slice.length; i = next++) {
            const path = slice[i]!;
            await check(light, 'light', path, problems, { tags: WCAG_TAGS });
            if (path !== '/404.html') await check(dark, 'dark', path, problems, { rules: COLOUR_RULES });
          }
        } finally {
          await light.close();
          await dark.close();
        }
      };
      await Promise.all(Array.from({ length: LANES }, lane));
      expect(problems, `${problems.length} violations over ${slice.length} pages`).toEqual([]);
    });
  }
});
