import { describe, expect, it } from 'vitest';
import { useBrowser } from './page.ts';

const { open } = useBrowser();

describe('without JavaScript', () => {
  for (const path of ['/causes/request-timeout/', '/codes/0x80072ee2/', '/codes/502-3/', '/guides/reading-iis-logs/', '/troubleshoot/tree/', '/causes/']) {
    it(`${path} is fully readable`, async () => {
      const w = await open(path, { javaScript: false });
      const main = w.page.locator('main');
      expect(await w.page.locator('h1').isVisible()).toBe(true);
      expect((await main.innerText()).split(/\s+/).length).toBeGreaterThan(150);
      // The section menu is shown beside the page on wide screens even without the script.
      const sidebarLinks = w.page.locator('.sidebar li a');
      if (await sidebarLinks.count()) expect(await sidebarLinks.first().isVisible()).toBe(true);
      await w.context.close();
    });
  }

  for (const [path, needs] of [
    ['/diagnose/', /needs JavaScript/],
    ['/troubleshoot/', /needs JavaScript/],
    ['/decode/', /needs JavaScript/],
    ['/search/', /needs JavaScript/],
  ] as const) {
    it(`${path} says what the widget needs`, async () => {
      const w = await open(path, { javaScript: false });
      expect(await w.page.locator('main').innerText()).toMatch(needs);
      await w.context.close();
    });
  }
});
