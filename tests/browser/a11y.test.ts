import { describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { useBrowser } from './page.ts';
import { PAGE_TYPES } from './page-types.ts';

const { open } = useBrowser();

describe('accessibility (axe, WCAG 2.2 AA)', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const [name, path] of Object.entries(PAGE_TYPES)) {
      it(`${name} in the ${theme} theme has no violations`, async () => {
        const w = await open(path, { theme });
        await w.page.waitForLoadState('networkidle');
        const result = await new AxeBuilder({ page: w.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        const problems = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
        expect(problems, `${path} (${theme})`).toEqual([]);
        await w.context.close();
      });
    }
  }
});
