/**
 * Lighthouse 12.2.3 (mobile profile) on the test Chromium against the built site: prints the
 * four scores per page and fails below 95 in any of them (100 is the target).
 */
import { describe, expect, it, inject } from 'vitest';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { executablePath, launchArgs } from './launch.ts';

const PAGES = ['/', '/causes/request-timeout/', '/codes/0x80072ee2/', '/diagnose/'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const FLOOR = 95;

describe('Lighthouse', () => {
  const baseUrl = inject('baseUrl');
  it(`scores at least ${FLOOR} in every category on the key pages`, { timeout: 600_000 }, async () => {
    const flags = (await launchArgs()).filter((a) => !a.startsWith('--headless')).concat(['--headless=new']);
    const chrome = await chromeLauncher.launch({ chromePath: await executablePath(), chromeFlags: flags, logLevel: 'silent' });
    const low: string[] = [];
    try {
      for (const path of PAGES) {
        const result = await lighthouse(baseUrl + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse returned no result for ${path}`);
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
      }
    } finally {
      chrome.kill();
    }
    expect(low).toEqual([]);
  });
});
