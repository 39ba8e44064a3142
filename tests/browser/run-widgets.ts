/**
 * Makes every widget on a page run with long evidence: scrolls so lazy islands wake, fills each
 * paste box with a long nginx line, a long IIS line and a FREB excerpt, types a code into each
 * decoder, searches on the search page, gives the analyzer a mixed log file, and waits until
 * each widget shows its result.
 */
import type { Page } from 'playwright-core';
import { ALL_EVIDENCE, IIS_LINE, NGINX_LINE } from './evidence-samples.ts';

export async function runWidgets(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((el) => !el.hasAttribute('ssr')), null, { timeout: 20_000 });
  await page.evaluate(() => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>('main details:has(textarea)')) d.open = true;
  });
  for (const box of await page.locator('main textarea').all()) await box.fill(ALL_EVIDENCE);
  for (const input of await page.locator('main .decoder__input').all()) await input.fill('0x80072EE2');
  if (await page.locator('#search-q').count()) {
    await page.locator('#search-q').fill(NGINX_LINE);
    await page.locator('#search-q').press('Enter');
  }
  const file = page.locator('main .log-analyzer input[type="file"]');
  if (await file.count()) {
    const log = `#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\n${IIS_LINE}\n${IIS_LINE}\n`;
    await file.setInputFiles({ name: 'u_ex240305.log', mimeType: 'text/plain', buffer: Buffer.from(log) });
  }
  await page.waitForFunction(
    () => {
      const filled = (w: Element, sel: string) => Boolean((w.querySelector(sel) as HTMLInputElement | null)?.value);
      const waiting = [
        ...[...document.querySelectorAll('.paste-diagnose')].map((w) => filled(w, 'textarea') && !w.querySelector('.diagnosis, .paste-diagnose__error')),
        ...[...document.querySelectorAll('.wc-checker')].map((w) => filled(w, 'textarea') && !!w.querySelector('.wc-checker__placeholder')),
        ...[...document.querySelectorAll('.freb-reader')].map((w) => filled(w, 'textarea') && (!w.querySelector('.freb-card') || !!w.querySelector('.freb-card .freb-reader__placeholder'))),
        ...[...document.querySelectorAll('.decoder')].map((w) => filled(w, 'input') && !w.querySelector('.decoder__out > *')),
        ...[...document.querySelectorAll('.search-status')].map((s) => !s.textContent?.trim() || s.textContent.includes('…')),
        ...[...document.querySelectorAll('.log-analyzer')].map((w) => !w.querySelector('.analyze-results, .log-analyzer__error')),
      ];
      return !waiting.some(Boolean);
    },
    null,
    { timeout: 30_000 },
  );
}

/** How much wider than its window the document is (0 when it fits). */
export async function overflowX(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
