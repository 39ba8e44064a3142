import { describe, expect, it } from 'vitest';
import { useBrowser } from './page.ts';
import { PAGE_TYPES } from './page-types.ts';

const { open } = useBrowser();

describe('keyboard', () => {
  it('offers the skip link first, and it moves focus to the content', async () => {
    const { page, context } = await open(PAGE_TYPES.cause);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ text: document.activeElement?.textContent?.trim(), href: document.activeElement?.getAttribute('href') }));
    expect(first).toEqual({ text: 'Skip to content', href: '#main' });
    expect(await page.locator('.skip-link').evaluate((el) => el.getBoundingClientRect().top >= 0)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await context.close();
  });

  it('walks the header by Tab with a visible focus outline', async () => {
    const { page, context } = await open(PAGE_TYPES.home);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('site-name'))).toBe(true);
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Diagnose');
    expect(outline).not.toBe('none');
    await context.close();
  });

  it('focuses the search field with "/" and searches on Enter', async () => {
    const { page, context } = await open(PAGE_TYPES.guide);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('502.3');
    await Promise.all([page.waitForURL(/\/search\/#q=502\.3$/), page.keyboard.press('Enter')]);
    await expect.poll(() => page.locator('.search-results a').first().getAttribute('href'), { timeout: 15_000 }).toBe('/codes/502-3/');
    await context.close();
  });
});

describe('theme', () => {
  it('follows the system and persists the toggle across reloads', async () => {
    const { page, context } = await open(PAGE_TYPES.cause, { theme: 'dark' });
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    expect(await theme()).toBe('dark');
    const toggle = page.locator('[data-theme-toggle]');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    expect(await theme()).toBe('light');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const bgLight = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await page.reload();
    expect(await theme()).toBe('light');
    await page.goto(page.url().replace(/\/causes\/.*/, '/codes/'));
    expect(await theme()).toBe('light');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(bgLight);
    await context.close();
  });

  it('sets the stored theme before first paint, without waiting for bundled scripts', async () => {
    const { page, context } = await open(PAGE_TYPES.home, { theme: 'light' });
    await page.evaluate(() => localStorage.setItem('bgg-theme', 'dark'));
    // Block every bundled script: only the inline head script can set the theme now.
    await page.route(/\/_astro\/.*\.js$/, (route) => route.abort());
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await context.close();
  });
});
