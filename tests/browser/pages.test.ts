import { describe, expect, it } from 'vitest';
import { useBrowser } from './page.ts';
import { PAGE_TYPES } from './page-types.ts';

const { open } = useBrowser();

describe('every page type', () => {
  for (const [name, path] of Object.entries(PAGE_TYPES)) {
    it(`${name} (${path}) renders completely, with no console error and no off-site request`, async () => {
      const w = await open(path);
      const { page } = w;
      await page.waitForLoadState('networkidle');
      expect(await page.locator('h1').count(), 'exactly one h1').toBe(1);
      expect((await page.locator('h1').innerText()).trim().length).toBeGreaterThan(3);
      expect(await page.locator('main#main').count()).toBe(1);
      expect(await page.locator('header.site-header nav[aria-label="Main"] a').count()).toBe(5);
      expect(await page.locator('footer.site-footer').count()).toBe(1);
      const description = await page.locator('meta[name="description"]').getAttribute('content');
      expect(description && description.length).toBeGreaterThan(40);
      expect(await page.locator('meta[http-equiv="content-security-policy"]').count(), 'CSP meta tag').toBe(1);
      if (name !== 'not found') {
        const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
        expect(canonical).toMatch(new RegExp(`^https://[^/]+${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
        expect(await page.locator('meta[property="og:title"]').count()).toBe(1);
      }
      expect(w.consoleErrors).toEqual([]);
      expect(w.offsiteRequests).toEqual([]);
      await w.context.close();
    });
  }

  it('answers an unknown URL with the 404 page that offers search', async () => {
    const w = await open('/no/such/page/');
    const res = await w.page.goto(w.page.url());
    expect(res?.status()).toBe(404);
    await expect(w.page.locator('main').getByRole('searchbox').count()).resolves.toBe(1);
    await w.context.close();
  });

  it('is usable at 320 px wide without horizontal scrolling', async () => {
    for (const path of [PAGE_TYPES.cause, PAGE_TYPES.home, PAGE_TYPES['error code']]) {
      const w = await open(path, { viewport: { width: 320, height: 700 } });
      const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
      await w.context.close();
    }
  });

  it('highlights code blocks at build time and adds a working copy button', async () => {
    const w = await open(PAGE_TYPES.cause);
    const pre = w.page.locator('pre.astro-code').first();
    await expect(pre.count()).resolves.toBe(1);
    expect(await pre.locator('span[style*="--shiki-dark"]').count()).toBeGreaterThan(0);
    await w.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const button = w.page.locator('.code-block .copy-button').first();
    await button.click();
    await expect.poll(() => button.innerText()).toBe('Copied');
    const copied = await w.page.evaluate(() => navigator.clipboard.readText());
    expect(copied.trim()).toBe((await pre.locator('code').innerText()).trim());
    await w.context.close();
  });
});
