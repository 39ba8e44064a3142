/**
 * The accessibility checks as every-page.test.ts runs them do find what they are for: a rule
 * violation, low-contrast text, and low contrast in a style only the dark theme shows.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './page.ts';
import { colourViolations, contrastViolations, wcagViolations, withAxe } from './axe.ts';

const { newContext } = useBrowser();

async function open(path: string, theme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await withAxe(await newContext({ theme }));
  const page = await context.newPage();
  await page.goto(path, { waitUntil: 'load' });
  return page;
}

const ids = (found: string[]) => found.map((v) => v.split(' ')[0]);

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

  it('find low contrast that only the dark theme has', async () => {
    const page = await open('/causes/', 'dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.evaluate(() => document.querySelector('main')?.insertAdjacentHTML('beforeend', '<p style="color:#333">dark on dark</p>'));
    expect(ids(await colourViolations(page, new Set()))).toEqual(['color-contrast']);
    await page.context().close();
  }, 60_000);
});
