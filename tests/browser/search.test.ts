import { describe, expect, it } from 'vitest';
import { useBrowser } from './page.ts';

const { open } = useBrowser();

// Every form people paste for the same code (DEVELOPERS.md: the seed scenario).
const FORMS = ['0x80072EE2', '0x80072ee2', '80072EE2', '2147954402', '-2147012894', '12002', 'ERROR_WINHTTP_TIMEOUT'];

describe('search', () => {
  for (const form of FORMS) {
    it(`puts the 0x80072EE2 page first for "${form}"`, async () => {
      const w = await open(`/search/?q=${encodeURIComponent(form)}`);
      const first = w.page.locator('.search-results li a').first();
      await expect.poll(() => first.getAttribute('href'), { timeout: 15_000 }).toBe('/codes/0x80072ee2/');
      expect(w.consoleErrors).toEqual([]);
      expect(w.offsiteRequests).toEqual([]);
      await w.context.close();
    });
  }

  it('finds the code page through the raw Pagefind index for every form printed on it', async () => {
    const w = await open('/search/');
    const forms = ['0x80072EE2', '2147954402', '-2147012894', 'ERROR_WINHTTP_TIMEOUT'];
    // A string, so the test runner's module transform leaves the browser-side import alone.
    const urls: Record<string, string[]> = await w.page.evaluate(`(async () => {
      const pf = await import('/pagefind/pagefind.js');
      const out = {};
      for (const f of ${JSON.stringify(forms)}) {
        const r = await pf.search(f);
        out[f] = await Promise.all(r.results.slice(0, 3).map(async (x) => (await x.data()).url));
      }
      return out;
    })()`);
    for (const [form, list] of Object.entries(urls)) expect(list, form).toContain('/codes/0x80072ee2/');
    await w.context.close();
  });

  it('lands pasted messages on the pages that explain them (top three of the raw index)', async () => {
    const w = await open('/search/');
    const expected: Record<string, string[]> = {
      'The specified CGI application encountered an error and the server terminated the process':
        ['/causes/request-timeout/', '/codes/502-3/'],
      'Failed to bind to address http://127.0.0.1:5000: address already in use': ['/causes/port-binding-failure/'],
    };
    const urls: Record<string, string[]> = await w.page.evaluate(`(async () => {
      const pf = await import('/pagefind/pagefind.js');
      const out = {};
      for (const q of ${JSON.stringify(Object.keys(expected))}) {
        const r = await pf.search(q);
        out[q] = await Promise.all(r.results.slice(0, 3).map(async (x) => (await x.data()).url));
      }
      return out;
    })()`);
    for (const [query, pages] of Object.entries(expected)) {
      expect(urls[query]!.some((u) => pages.includes(u)), `${query}: ${urls[query]!.join(', ')}`).toBe(true);
    }
    await w.context.close();
  }, 60_000);

  it('does not send an undocumented code to an unrelated page, and offers the decoder', async () => {
    const w = await open('/search/?q=0x80072EE9');
    await expect.poll(() => w.page.locator('.search-unknown').count(), { timeout: 15_000 }).toBe(1);
    expect(await w.page.locator('.search-results li').count()).toBe(0);
    expect(await w.page.locator('.search-unknown a').getAttribute('href')).toBe('/decode/#0x80072ee9');
    await w.context.close();
  });

  it('shows title, section and excerpt, and filters by section', async () => {
    const w = await open('/search/?q=requestTimeout');
    const items = w.page.locator('.search-results li');
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBeGreaterThan(1);
    const first = items.first();
    expect((await first.locator('a').innerText()).length).toBeGreaterThan(5);
    expect(await first.locator('.search-results__section').innerText()).toMatch(/Causes|Codes|Guides/);
    expect(await first.locator('mark').count()).toBeGreaterThan(0);
    await w.page.getByLabel('Section').selectOption('Guides');
    await expect.poll(async () => {
      const sections = await w.page.locator('.search-results__section').allInnerTexts();
      return sections.length > 0 && sections.every((s) => s === 'Guides');
    }, { timeout: 15_000 }).toBe(true);
    await w.context.close();
  });

  it('renders markup typed into the query as text', async () => {
    const w = await open('/search/?q=' + encodeURIComponent('<img src=x onerror="window.__x=1">502'));
    await w.page.waitForTimeout(500);
    expect(await w.page.evaluate(() => (window as unknown as { __x?: number }).__x)).toBeUndefined();
    expect(await w.page.locator('main img').count()).toBe(0);
    await w.context.close();
  });
});
