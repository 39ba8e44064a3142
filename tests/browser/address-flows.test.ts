/**
 * Issue 14's address and navigation promises: typed text never travels in a request, upper-case
 * and other-form code addresses reach the code page, the browser's Back button undoes one
 * troubleshooter answer, a diagnosis hands its answers to the troubleshooter, and the web.config
 * checker fits a phone.
 */
import { describe, expect, it } from 'vitest';
import { hydrated, useBrowser, type Watched } from './page.ts';
import { NGINX_LINE } from './evidence-samples.ts';

const { open, baseUrl } = useBrowser();

function expectNotSent(w: Watched, marker: string) {
  expect(w.requests.length).toBeGreaterThan(0);
  for (const r of w.requests) {
    expect(decodeURIComponent(r.url), r.url).not.toContain(marker);
    expect(r.postData ?? '', r.url).not.toContain(marker);
  }
}

describe('typed text stays out of requests', () => {
  it('search words from the header go to the search page in the fragment and are searched', async () => {
    const w = await open('/guides/reading-iis-logs/');
    const words = 'requestTimeout zqxmarker';
    await w.page.locator('#site-search').fill(words);
    await Promise.all([w.page.waitForURL(/\/search\/#q=/), w.page.locator('#site-search').press('Enter')]);
    await hydrated(w.page);
    await expect.poll(() => w.page.locator('#search-q').inputValue(), { timeout: 15_000 }).toBe(words);
    await expect.poll(() => w.page.locator('.search-status').innerText(), { timeout: 15_000 }).toMatch(/result/);
    expectNotSent(w, 'zqxmarker');
    await w.context.close();
  }, 60_000);

  it('a log line typed in the header search is diagnosed, not searched, and never sent', async () => {
    const w = await open('/causes/');
    const line = NGINX_LINE.replace('internal-api.corp.example.com', 'zqxmarker.example.com');
    await w.page.locator('#site-search').fill(line);
    await Promise.all([w.page.waitForURL(/\/diagnose\/$/), w.page.locator('#site-search').press('Enter')]);
    await hydrated(w.page);
    expect(await w.page.locator('#diagnose-input').inputValue()).toBe(line);
    await expect.poll(() => w.page.locator('.paste-diagnose__results').innerText(), { timeout: 20_000 }).toContain('nginx');
    expect(w.page.url()).not.toContain('zqxmarker');
    expectNotSent(w, 'zqxmarker');
    await w.context.close();
  }, 60_000);

  it('the search page, its filters and every paste box send nothing typed', async () => {
    const w = await open('/search/');
    await w.page.locator('#search-q').fill('timeout zqxmarker');
    await w.page.locator('#search-q').press('Enter');
    await expect.poll(() => w.page.locator('.search-status').innerText(), { timeout: 15_000 }).toMatch(/result/);
    expect(new URL(w.page.url()).search).toBe('');
    expect(new URL(w.page.url()).hash).toContain('zqxmarker');
    // The diagnosis offered for a search with no results carries the text without a request.
    await w.page.getByRole('button', { name: 'Diagnose this text' }).click();
    await w.page.waitForURL(/\/diagnose\/$/);
    await hydrated(w.page);
    expect(await w.page.locator('#diagnose-input').inputValue()).toBe('timeout zqxmarker');
    for (const [path, field] of [['/', '#home-diagnose-input'], ['/check-web-config/', '#webconfig-input'], ['/freb/', '#freb-paste'], ['/decode/', '#decoder-input']] as const) {
      await w.page.goto(baseUrl + path);
      await hydrated(w.page);
      await w.page.locator(field).fill(`${NGINX_LINE} zqxmarker`);
      await w.page.waitForLoadState('networkidle');
    }
    expectNotSent(w, 'zqxmarker');
    await w.context.close();
  }, 90_000);

  it('a header search submitted before any script ran sends no text either', async () => {
    const w = await open('/about/', { javaScript: false });
    await w.page.locator('#site-search').fill('zqxmarker words');
    await Promise.all([w.page.waitForURL(/\/search\//), w.page.locator('#site-search').press('Enter')]);
    expectNotSent(w, 'zqxmarker');
    await w.context.close();
  });
});

describe('code addresses in other forms', () => {
  for (const [typed, page] of [
    ['/codes/0x80072EE2/', '/codes/0x80072ee2/'],
    ['/codes/502.3/', '/codes/502-3/'],
    ['/codes/12002/', '/codes/0x80072ee2/'],
    ['/Codes/0X80072EE2', '/codes/0x80072ee2/'],
  ] as const) {
    it(`${typed} reaches ${page}`, async () => {
      const w = await open('/about/');
      await w.page.goto(baseUrl + typed);
      await w.page.waitForURL((u) => u.pathname === page, { timeout: 15_000 });
      expect(await w.page.locator('h1').innerText()).not.toMatch(/does not exist/);
      await w.context.close();
    });
  }

  it('an address that matches no page stays on the 404 page with its words in the search box', async () => {
    const w = await open('/codes/0x12345678/');
    expect(new URL(w.page.url()).pathname).toBe('/codes/0x12345678/');
    expect(await w.page.locator('#nf-q').inputValue()).toBe('0x12345678');
    await w.context.close();
  });
});

describe('troubleshooter history', () => {
  it("the browser's Back button undoes one answer, Forward redoes it", async () => {
    const w = await open('/troubleshoot/');
    const { page } = w;
    // IIS → 502.3 → …: a path at least three answers long.
    let steps = 0;
    while (steps < 3 && (await page.locator('.troubleshooter__answer').count()) > 0) {
      const answers = page.locator('.troubleshooter__answer');
      await (steps === 0 ? answers.filter({ hasText: 'IIS' }).first() : answers.first()).click();
      steps++;
      await expect.poll(() => page.locator('.troubleshooter__path li').count(), { timeout: 10_000 }).toBe(steps);
    }
    expect(steps).toBe(3);
    await page.goBack();
    await expect.poll(() => page.locator('.troubleshooter__path li').count(), { timeout: 10_000 }).toBe(2);
    expect(new URL(page.url()).pathname).toBe('/troubleshoot/');
    await page.goBack();
    await expect.poll(() => page.locator('.troubleshooter__path li').count(), { timeout: 10_000 }).toBe(1);
    await page.goForward();
    await expect.poll(() => page.locator('.troubleshooter__path li').count(), { timeout: 10_000 }).toBe(2);
    await w.context.close();
  });

  it("a diagnosis's 'Answer in the troubleshooter' opens on the question it asked, with the paste's answers", async () => {
    const w = await open('/diagnose/');
    await w.page.locator('#diagnose-input').fill('HTTP Error 502.3 - Bad Gateway');
    const link = w.page.locator('.diagnosis__questions a').first();
    await expect.poll(() => link.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const question = (await w.page.locator('.diagnosis__questions legend').first().innerText()).trim();
    expect(await link.getAttribute('href')).toMatch(/^\/troubleshoot\/#.+=/);
    await link.click();
    await w.page.waitForURL(/\/troubleshoot\//);
    await hydrated(w.page);
    await expect.poll(() => w.page.locator('.troubleshooter__path li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await w.page.locator('#ts-question').innerText()).trim(), { timeout: 10_000 }).toBe(question);
    await w.context.close();
  });
});

describe('decoder', () => {
  it('decodes several codes copied together, one line each, and keeps the address in step', async () => {
    const w = await open('/decode/');
    const input = w.page.locator('#decoder-input');
    await input.fill('0x80070005 -2147024891 12029 0xC0000005');
    const rows = w.page.locator('.decoder__many > li');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(4);
    await expect.poll(() => w.page.locator('.decoder__many').innerText(), { timeout: 15_000 }).toMatch(/ACCESS_DENIED[\s\S]*CANNOT_CONNECT[\s\S]*ACCESS_VIOLATION/);
    await input.fill('hello');
    await expect.poll(() => w.page.locator('.decoder__out').innerText()).toContain('not a code');
    expect(new URL(w.page.url()).hash).toBe('');
    await w.context.close();
  });
});

describe('web.config checker on a phone', () => {
  it('shows the settings readably and is no taller than its content needs', async () => {
    const w = await open('/check-web-config/', { viewport: { width: 390, height: 844 } });
    const { page } = w;
    await page.getByRole('button', { name: 'Try an example' }).click();
    const table = page.locator('.wc-checker__table').first();
    await table.waitFor();
    // No value is broken into letters: every short code value sits on one line.
    const broken = await table.evaluate((t) =>
      [...t.querySelectorAll('code')]
        .filter((c) => c.textContent && c.textContent.length <= 24 && !/\s/.test(c.textContent))
        .filter((c) => c.getClientRects().length > 1 || c.getBoundingClientRect().height > parseFloat(getComputedStyle(c).lineHeight || '20') * 1.6 + 4)
        .map((c) => c.textContent),
    );
    expect(broken).toEqual([]);
    // The same content at 1280 px: on a phone the page may grow (narrower lines), not explode.
    const phone = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 1280, height: 900 });
    const desktop = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(phone).toBeLessThan(desktop * 2.5);
    await w.context.close();
  });
});
