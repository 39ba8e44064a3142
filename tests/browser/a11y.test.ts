/**
 * The accessibility checks as every-page.test.ts and the widget tests run them do find what they
 * are for: a rule violation, low-contrast text, a link told apart from its text too faintly, and
 * low contrast in a style only the dark theme shows.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './page.ts';
import { colourViolations, contrastViolations, pageViolations, wcagViolations, withAxe } from './axe.ts';

const { newContext, open: openWatched } = useBrowser();

async function open(path: string, theme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await withAxe(await newContext({ theme }));
  const page = await context.newPage();
  await page.goto(path, { waitUntil: 'load' });
  return page;
}

const ids = (found: string[]) => found.map((v) => v.split(' ')[0]);

/** Records every axe.run in the page from now on; the reader gives, per run, the class names of the elements its context left out. */
async function recordAxeRuns(page: Page): Promise<() => Promise<string[][]>> {
  await page.evaluate(() => {
    const w = window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> }; axeRuns: string[][] };
    const run = w.axe.run.bind(w.axe);
    w.axeRuns = [];
    w.axe.run = (c, o) => (w.axeRuns.push(((c as { exclude?: Element[] }).exclude ?? []).map((e) => e.className)), run(c, o));
  });
  return () => page.evaluate(() => (window as unknown as { axeRuns: string[][] }).axeRuns);
}

describe('accessibility checks (axe, WCAG 2.2 AA)', () => {
  it('find missing names and low contrast on a page', async () => {
    const page = await open('/');
    await page.evaluate(() => document.querySelector('main')?.insertAdjacentHTML('beforeend', '<img src="/favicon.svg"><a href="/"></a><p style="color:#bbb;background:#fff">faint text</p>'));
    expect(ids(await wcagViolations(page, new Set()))).toEqual(expect.arrayContaining(['image-alt', 'link-name', 'color-contrast']));
    await page.context().close();
  }, 60_000);

  it('check each text style once: a style settled on one page is not checked again on the next', async () => {
    const seen = new Set<string>();
    const page = await open('/causes/');
    expect(await contrastViolations(page, seen)).toEqual([]);
    const settled = seen.size;
    expect(settled).toBeGreaterThan(3);
    // The same page again adds no style and checks nothing.
    expect(await contrastViolations(page, seen)).toEqual([]);
    expect(seen.size).toBe(settled);
    // A new style on the page is checked, and found wanting.
    await page.evaluate(() => document.querySelector('main')?.insertAdjacentHTML('beforeend', '<p style="color:#c8c8c8">new faint style</p>'));
    expect(ids(await contrastViolations(page, seen))).toEqual(['color-contrast']);
    await page.context().close();
  }, 60_000);

  it('check each link style in running text once, skip axe when nothing is new, and find a link told apart by a faint colour alone', async () => {
    const seen = new Set<string>();
    const links = () => [...seen].filter((k) => k.startsWith('link ')).length;
    const page = await open('/causes/request-timeout/');
    expect(await colourViolations(page, seen)).toEqual([]);
    const settled = links();
    expect(settled).toBeGreaterThan(0);
    // The same page again: no new text or link style, so axe does not run at all.
    const runs = await recordAxeRuns(page);
    expect(await colourViolations(page, seen)).toEqual([]);
    expect(await runs()).toHaveLength(0);
    expect(links()).toBe(settled);
    // A link in a sentence that differs from its text by colour only, and too little: found.
    await page.evaluate(() =>
      document.querySelector('main p')?.insertAdjacentHTML('afterend', '<p style="color:#333">Read <a href="/" style="color:#555;text-decoration:none">this faint link</a> in a sentence with enough words around it to be running text.</p>'),
    );
    expect(ids(await colourViolations(page, seen))).toEqual(['link-in-text-block']);
    expect(await runs()).toHaveLength(1);
    await page.context().close();
  }, 60_000);

  it('find low contrast that only the dark theme has', async () => {
    const page = await open('/causes/', 'dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.evaluate(() => document.querySelector('main')?.insertAdjacentHTML('beforeend', '<p style="color:#333">dark on dark</p>'));
    expect(ids(await colourViolations(page, new Set()))).toEqual(['color-contrast']);
    await page.context().close();
  }, 60_000);

  it("check a page opened without axe (a widget test's own page), loading axe into it first", async () => {
    const w = await openWatched('/diagnose/');
    expect(await pageViolations(w.page)).toEqual([]);
    await w.page.evaluate(() => document.querySelector('main')?.insertAdjacentHTML('beforeend', '<img src="/favicon.svg"><p style="color:#c8c8c8">faint text</p>'));
    expect(ids(await pageViolations(w.page)).sort()).toEqual(['color-contrast', 'image-alt']);
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  }, 60_000);

  it('check the site frame once per markup: a region met before is left out, a changed one is checked again, page rules still run', async () => {
    const seen = new Set<string>();
    const frames = () => [...seen].filter((k) => k.startsWith('frame ')).length;
    const page = await open('/codes/0x80072ee2/');
    expect(await wcagViolations(page, seen)).toEqual([]);
    const settled = frames();
    expect(settled).toBe(3); // header, sidebar, footer
    // Another page of the section: the same frame with another current link.
    await page.goto('/codes/0x80070005/', { waitUntil: 'load' });
    // Left out of axe's run: the three regions are excluded from the context it is given.
    const runs = await recordAxeRuns(page);
    expect(await wcagViolations(page, seen)).toEqual([]);
    expect((await runs()).map((excluded) => excluded.sort())).toEqual([['sidebar', 'site-footer', 'site-header']]);
    expect(frames()).toBe(settled);
    // A change to its markup makes it a region never seen, checked in full.
    await page.evaluate(() => document.querySelector('nav.sidebar ul')?.insertAdjacentHTML('beforeend', '<li><a href="/codes/"></a></li>'));
    expect(ids(await wcagViolations(page, seen))).toEqual(expect.arrayContaining(['link-name']));
    // Page-level rules run on the whole document while the frame is left out.
    await page.goto('/codes/0x80070002/', { waitUntil: 'load' });
    await page.evaluate(() => document.querySelector('h1')?.remove());
    expect(ids(await wcagViolations(page, seen))).toEqual(['page-has-heading-one']);
    await page.context().close();
  }, 60_000);
});
