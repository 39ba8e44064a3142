import { describe, expect, it } from 'vitest';
import { hydrated, useBrowser } from './page.ts';
import { PAGE_TYPES } from './page-types.ts';
import { axeViolations, WCAG_TAGS, withAxe } from './axe.ts';

const { newContext } = useBrowser();

describe('accessibility (axe, WCAG 2.2 AA)', () => {
  it('axe as run here does find violations', async () => {
    const context = await withAxe(await newContext());
    const page = await context.newPage();
    await page.goto('/');
    await page.evaluate(() => document.querySelector('main')?.insertAdjacentHTML('beforeend', '<img src="/favicon.svg"><a href="/"></a>'));
    const found = await axeViolations(page, { tags: WCAG_TAGS });
    expect(found.map((v) => v.split(' ')[0])).toEqual(expect.arrayContaining(['image-alt', 'link-name']));
    await context.close();
  }, 60_000);

  for (const theme of ['light', 'dark'] as const) {
    for (const [name, path] of Object.entries(PAGE_TYPES)) {
      it(`${name} in the ${theme} theme has no violations`, async () => {
        const context = await withAxe(await newContext({ theme }));
        const page = await context.newPage();
        await page.goto(path, { waitUntil: 'load' });
        await hydrated(page);
        await page.waitForLoadState('networkidle');
        expect(await axeViolations(page, { tags: WCAG_TAGS }), `${path} (${theme})`).toEqual([]);
        await context.close();
      }, 60_000);
    }
  }
});
