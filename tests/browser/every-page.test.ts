/**
 * One pass over every built page, each page loaded once, checking what every page must hold:
 *
 * 1. axe, light theme, every WCAG 2.2 AA and best-practice rule, on the page once its islands
 *    have hydrated;
 * 2. page width (issue 14): after the page's widgets have run with long evidence (a long nginx
 *    line, a long IIS line and a FREB excerpt in every paste box: see run-widgets.ts), the page
 *    is no wider than its window at 1280 px, then laid out again at 390 px;
 * 3. axe, dark theme, the rules that depend on colour (contrast of text, and of links against the
 *    text around them): the system theme is switched to dark in the same page, the way a reader's
 *    operating system does it, so the page's own listener repaints it. The dark theme changes
 *    colours only, so the other rules run in the dark theme on one page of each type (page-types.ts),
 *    there with the results its widgets showed. Colour contrast is checked once per text style
 *    and theme over the whole sweep (axe.ts says why and how).
 *
 * One browser serves the sweep; LANES pages are checked at once, each lane keeping one context and
 * one tab, so the HTTP cache serves the site's scripts and styles after the first page. Each test
 * checks one slice of the site, so progress and failures show per slice.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { htmlFiles, urlOf } from '../built/site-files.ts';
import { colourViolations, wcagViolations, withAxe } from './axe.ts';
import { hydrated, useBrowser } from './page.ts';
import { PAGE_TYPES } from './page-types.ts';
import { overflowX, runWidgets } from './run-widgets.ts';

const LANES = 3;
const SLICE = 32;
const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const pages = htmlFiles().map(urlOf);
const TYPE_PAGES = new Set<string>(Object.values(PAGE_TYPES));
/** Text styles whose contrast is settled, per theme, over the whole sweep (see axe.ts). */
const seen = { light: new Set<string>(), dark: new Set<string>() };

const { newContext } = useBrowser();

async function theme(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.documentElement.dataset.theme);
}

/** Everything wrong with `path`, as one line per problem. */
async function check(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  try {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize(WIDE);
    await page.goto(path, { waitUntil: 'load' });
    await hydrated(page);
    const shown = await theme(page);
    if (shown !== 'light') problems.push(`${path}: the page shows the ${shown} theme for a light system`);
    for (const v of await wcagViolations(page, seen.light)) problems.push(`${path} (light): ${v}`);

    await runWidgets(page);
    const at1280 = await overflowX(page);
    if (at1280 > 0) problems.push(`${path} at 1280 px: ${at1280} px too wide`);
    await page.setViewportSize(PHONE);
    await page.evaluate(() => new Promise(requestAnimationFrame));
    const at390 = await overflowX(page);
    if (at390 > 0) problems.push(`${path} at 390 px: ${at390} px too wide`);

    await page.setViewportSize(WIDE);
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark', null, { timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (!dark) problems.push(`${path}: the page stays ${await theme(page)} when the system theme turns dark`);
    else {
      const found = TYPE_PAGES.has(path) ? await wcagViolations(page, seen.dark) : await colourViolations(page, seen.dark);
      for (const v of found) problems.push(`${path} (dark): ${v}`);
    }
  } catch (err) {
    problems.push(`${path}: ${(err as Error).message.split('\n')[0]}`);
  }
  return problems;
}

describe('every page: axe in both themes, and no wider than its window once its widgets have run', () => {
  it('covers the whole built site', () => {
    expect(pages.length).toBeGreaterThan(100);
    expect(pages).toEqual(expect.arrayContaining(['/', '/diagnose/', '/analyze/', '/causes/request-timeout/', '/404.html']));
  });

  for (let from = 0; from < pages.length; from += SLICE) {
    const slice = pages.slice(from, from + SLICE);
    it(`pages ${from + 1}-${from + slice.length} of ${pages.length} (${slice[0]} ...)`, { timeout: 900_000 }, async () => {
      const problems: string[] = [];
      let next = 0;
      const lane = async (): Promise<void> => {
        const context = await withAxe(await newContext({ theme: 'light', viewport: WIDE }));
        const page = await context.newPage();
        try {
          for (let i = next++; i < slice.length; i = next++) problems.push(...(await check(page, slice[i]!)));
        } finally {
          await context.close();
        }
      };
      await Promise.all(Array.from({ length: LANES }, lane));
      expect(problems.sort(), `${problems.length} problems over ${slice.length} pages`).toEqual([]);
    });
  }
});
