/**
 * No page is wider than its window, after its widgets have run with long evidence (issue 14:
 * long log lines inside nested grids used to push the whole page sideways). Every page of the
 * sitemap, at 1280 px and then 390 px wide, in one browser with a few pages at a time.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './launch.ts';
import { overflowX, runWidgets } from './run-widgets.ts';

const sitemap = readFileSync(new URL('../../dist/sitemap-0.xml', import.meta.url), 'utf8');
const PATHS = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
const AT_ONCE = 3;

let browser: Browser;
const baseUrl = inject('baseUrl');
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** One lane: a context and a page kept for every page it measures, so the HTTP cache serves the
 * site's scripts and styles after the first page instead of every page fetching them again. */
async function measure(page: Page, path: string): Promise<string[]> {
  const wide: string[] = [];
  try {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(baseUrl + path, { waitUntil: 'load' });
    await runWidgets(page);
    const at1280 = await overflowX(page);
    if (at1280 > 0) wide.push(`${path} at 1280 px: ${at1280} px too wide`);
    // The same page and results, laid out again for a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => new Promise(requestAnimationFrame));
    const at390 = await overflowX(page);
    if (at390 > 0) wide.push(`${path} at 390 px: ${at390} px too wide`);
  } catch (err) {
    wide.push(`${path}: ${(err as Error).message.split('\n')[0]}`);
  }
  return wide;
}

describe('page width', () => {
  it('the sitemap is the whole site', () => {
    expect(PATHS.length).toBeGreaterThan(100);
    expect(PATHS).toContain('/diagnose/');
    expect(PATHS).toContain('/causes/request-timeout/');
  });

  it(
    'no page is wider than its window at 1280 or 390 px after its widgets ran with long lines',
    async () => {
      const queue = [...PATHS];
      const problems: string[] = [];
      await Promise.all(
        Array.from({ length: AT_ONCE }, async () => {
          const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
          const page = await context.newPage();
          try {
            for (let path = queue.shift(); path !== undefined; path = queue.shift()) problems.push(...(await measure(page, path)));
          } finally {
            await context.close();
          }
        }),
      );
      expect(problems.sort()).toEqual([]);
    },
    1_500_000,
  );
});
