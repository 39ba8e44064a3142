/** axe over every built page in one theme, reusing one page (the sitemap is long). */
import { expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { htmlFiles, urlOf } from '../built/site-files.ts';
import { useBrowser } from './page.ts';

export function sweep(theme: 'light' | 'dark') {
  const { open } = useBrowser();
  it(`every page has no axe violations in the ${theme} theme`, { timeout: 900_000 }, async () => {
    const pages = htmlFiles().map(urlOf).filter((u) => u !== '/404.html' || theme === 'light');
    const w = await open('/', { theme });
    const problems: string[] = [];
    for (const path of pages) {
      await w.page.goto(new URL(path, w.page.url()).href, { waitUntil: 'load' });
      const r = await new AxeBuilder({ page: w.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
      for (const v of r.violations) problems.push(`${path}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 2).join(' | ')})`);
    }
    expect(problems, `${problems.length} violations over ${pages.length} pages`).toEqual([]);
    await w.context.close();
  });
}
