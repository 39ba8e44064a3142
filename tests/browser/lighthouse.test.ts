/**
 * Lighthouse (mobile profile) on the key pages, limited to what does not depend on how busy the
 * CPU is: the accessibility, best-practices and SEO scores, and the performance audits that
 * measure what a page is made of (total byte weight, unused JavaScript, layout shift, image sizes
 * and formats). Render-blocking resources are checked on the HTML in
 * tests/built/render-blocking.test.ts (Lighthouse's audit fails on this Chromium's trace). The
 * performance score itself depends on CPU speed: `npm run bench` prints it. This file runs alone, after the other browser tests
 * (its own project in vitest.browser.config.ts).
 */
import { describe, expect, it, inject } from 'vitest';
import { KEY_PAGES, runLighthouse } from './lighthouse-run.ts';

const CATEGORIES = ['accessibility', 'best-practices', 'seo'] as const;
const FLOOR = 95;
const AUDITS = [
  'total-byte-weight',
  'unused-javascript',
  'cumulative-layout-shift',
  'uses-responsive-images',
  'uses-optimized-images',
  'modern-image-formats',
  'unsized-images',
] as const;

describe('Lighthouse', () => {
  const baseUrl = inject('baseUrl');
  it(`scores at least ${FLOOR} in ${CATEGORIES.join(', ')} and passes the CPU-independent performance audits`, { timeout: 600_000 }, async () => {
    const low: string[] = [];
    // The whole performance category runs (its audits share one trace), but only AUDITS count.
    await runLighthouse(baseUrl, KEY_PAGES, { onlyCategories: ['performance', ...CATEGORIES] }, (path, lhr) => {
      const scores = CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)] as const);
      console.log(`Lighthouse ${path}: ${scores.map(([c, s]) => `${c} ${s}`).join(', ')}`);
      for (const [c, s] of scores) {
        if (s < FLOOR) {
          const failing = Object.values(lhr.audits)
            .filter((a) => a.score !== null && a.score < 0.9 && lhr.categories[c]?.auditRefs.some((r) => r.id === a.id && r.weight > 0))
            .map((a) => a.id);
          low.push(`${path} ${c} ${s} (${failing.join(', ')})`);
        }
      }
      for (const id of AUDITS) {
        const a = lhr.audits[id];
        if (!a) low.push(`${path} ${id}: not run`);
        else if (a.scoreDisplayMode === 'error') low.push(`${path} ${id}: ${a.errorMessage ?? 'error'}`);
        else if (a.score !== null && a.score < 0.9) low.push(`${path} ${id}: ${a.displayValue ?? ''} (score ${a.score})`);
      }
    });
    expect(low).toEqual([]);
  });
});
