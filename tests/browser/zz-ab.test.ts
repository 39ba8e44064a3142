import { it } from 'vitest';
import { htmlFiles, urlOf } from '../built/site-files.ts';
import { withAxe, WCAG_TAGS } from './axe.ts';
import { hydrated, useBrowser } from './page.ts';
const pages = htmlFiles().map(urlOf).filter((p) => p.startsWith('/codes/0x')).slice(0, 16);
const { newContext } = useBrowser();
it('ab', { timeout: 900_000 }, async () => {
  const context = await withAxe(await newContext({ theme: 'light' }));
  const page = await context.newPage();
  const t = { full: 0, main: 0, nocontrast: 0 };
  for (const p of pages) {
    await page.goto(p, { waitUntil: 'load' });
    await hydrated(page);
    for (const k of ['full', 'main', 'nocontrast', 'full', 'main', 'nocontrast'] as const) {
      const s = performance.now();
      await page.evaluate(async ({ k, tags }) => {
        const axe = (window as any).axe;
        const ctx = k === 'main' ? { include: ['main'] } : document;
        const opts: any = { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] };
        if (k !== 'full') opts.rules = { 'color-contrast': { enabled: false } };
        await axe.run(ctx, opts);
      }, { k, tags: WCAG_TAGS });
      t[k] += performance.now() - s;
    }
  }
  console.log('AB', JSON.stringify(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v / pages.length / 2)]))));
});
