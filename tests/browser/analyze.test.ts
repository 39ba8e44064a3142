/**
 * The IIS log analyzer page (/analyze/): a generated multi-megabyte log is dropped, read in the
 * worker, and the counts on the page are checked against what was generated; Cancel stops a
 * long read; each cluster shows its time window, first lines and own URLs, and hands its lines
 * to /diagnose/; the page works by keyboard alone, renders hostile log content as text, is
 * axe-clean with results in both themes, and sends nothing anywhere.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FileChooser, Page } from 'playwright-core';
import { pageViolations } from './axe.ts';
import { useBrowser, type Watched } from './page.ts';
import { generateText } from '../fixtures/analyze/generate.ts';

const { open } = useBrowser();
const nf = new Intl.NumberFormat('en-US');

/** Drop files made in the page from `texts` on the drop zone. */
async function dropTexts(page: Page, files: { name: string; text: string }[]): Promise<void> {
  const dt = await page.evaluateHandle((fs) => {
    const d = new DataTransfer();
    for (const f of fs) d.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    return d;
  }, files);
  await page.dispatchEvent('.log-analyzer__drop', 'drop', { dataTransfer: dt });
}

async function results(page: Page) {
  const region = page.getByRole('region', { name: 'Analysis' });
  await expect.poll(() => region.locator('h2').first().textContent(), { timeout: 60_000 }).toBe('Summary');
  return region;
}

/** The value shown next to a summary term. */
async function summaryValue(page: Page, term: string): Promise<string> {
  const dt = page.locator('dt', { hasText: new RegExp(`^${term.replace(/[()]/g, '\\$&')}`) });
  return (await page.locator('.analyze-summary div', { has: dt }).locator('dd').innerText()).trim();
}

function expectNothingSent(w: Watched, marker?: string) {
  expect(w.offsiteRequests).toEqual([]);
  for (const r of w.requests) {
    expect(r.postData ?? '', r.url).toBe('');
    if (marker) expect(decodeURIComponent(r.url), r.url).not.toContain(marker);
  }
}

describe('IIS log analyzer', () => {
  const log = generateText({ lines: 30_000, seed: 2024, spacing: 2 });

  it('reads a dropped multi-megabyte log and shows the generated counts', { timeout: 120_000 }, async () => {
    expect(log.text.length).toBeGreaterThan(5_000_000);
    const w = await open('/analyze/');
    const { page } = w;
    await dropTexts(page, [{ name: 'u_ex240305.log', text: log.text }]);
    await results(page);
    const e = log.expected;
    expect(await summaryValue(page, 'Requests')).toBe(nf.format(e.requests));
    expect(await summaryValue(page, '502 Bad Gateway')).toMatch(new RegExp(`^${nf.format(e.byStatus['502']!)} \\(`));
    const fiveXX = (e.byStatus['500'] ?? 0) + (e.byStatus['502'] ?? 0) + (e.byStatus['503'] ?? 0);
    expect(await summaryValue(page, 'Server errors')).toMatch(new RegExp(`^${nf.format(fiveXX)} \\(`));
    expect(await summaryValue(page, 'Unreadable lines')).toBe('0');
    expect(await summaryValue(page, 'Read')).toContain('u_ex240305.log');

    // The request-timeout cluster: its count, its time and its article.
    const cluster = page.locator('.analyze-cluster', { hasText: '12002' }).filter({ hasText: '120 s' });
    expect(await cluster.count()).toBe(1);
    expect(await cluster.locator('.analyze-cluster__note').innerText()).toContain(`${nf.format(e.timeout120)} requests answered 502.3`);
    expect(await cluster.locator('a').first().getAttribute('href')).toBe('/causes/request-timeout/');
    expect(await cluster.locator('a').first().innerText()).toBe('The app did not answer within requestTimeout');
    // The front-end cut at 230 s and the outage are diagnosed too.
    expect(await page.locator('.analyze-cluster', { has: page.locator('.analyze-cluster__note', { hasText: 'after about 230 s' }) }).locator('a').first().getAttribute('href')).toBe('/causes/azure-frontend-timeout/');
    expect(await page.locator('.analyze-cluster', { hasText: '12029' }).locator('a').first().getAttribute('href')).toBe('/causes/backend-connection-refused/');
    expect(await page.locator('.analyze-cluster', { hasText: 'answered 503' }).locator('a').first().getAttribute('href')).toBe('/causes/app-pool-stopped/');

    // Status table, with the decoded Win32 name.
    const codes = page.locator('table', { has: page.locator('caption', { hasText: 'sub-status and sc-win32-status' }) });
    const row12002 = codes.locator('tr', { hasText: '12002' });
    expect(await row12002.innerText()).toContain('ERROR_WINHTTP_TIMEOUT');
    expect(await row12002.locator('td').last().innerText()).toBe(nf.format(e.timeout120));
    expect(await row12002.locator('a').getAttribute('href')).toBe('/decode/#12002');

    // Charts: SVGs with text alternatives; the 120 s marker is hit; data tables add up.
    const charts = page.locator('svg.analyze-chart__svg');
    expect(await charts.count()).toBe(2);
    for (const svg of await charts.all()) {
      expect(await svg.getAttribute('role')).toBe('img');
      expect((await svg.locator('title').textContent())?.length).toBeGreaterThan(10);
    }
    expect(await page.locator('.analyze-markers li', { hasText: '120 s' }).innerText()).toContain(`${nf.format(e.timeout120)} 502s`);
    const histRows = page.locator('table', { has: page.locator('caption', { hasText: '502s by time-taken' }) }).locator('tbody tr td:last-child');
    const sum = (await histRows.allTextContents()).reduce((a, t) => a + Number(t.replace(/,/g, '')), 0);
    expect(sum).toBe(e.byStatus['502']);

    // Top URLs, with their 502 counts.
    const urls = page.locator('table', { has: page.locator('caption', { hasText: 'cs-uri-stem' }) }).locator('tbody tr');
    const first = urls.first();
    const url = (await first.locator('code').innerText()).trim();
    expect(await first.locator('td').innerText()).toBe(nf.format(e.urls502[url]!));

    expect(w.consoleErrors).toEqual([]);
    expectNothingSent(w);
    await w.context.close();
  });

  it("shows each cluster's time window, first lines and own URLs, and diagnoses those lines on /diagnose/", { timeout: 120_000 }, async () => {
    const w = await open('/analyze/', { viewport: { width: 390, height: 844 } });
    const { page } = w;
    const marker = 'MARKER-c3e9a1';
    const fields = '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';
    // A long user agent: the lines must scroll inside their box, not widen the page.
    const ua = `Mozilla/5.0+${marker}+${'x'.repeat(2000)}`;
    const line = (t: string, url: string, tail: string) => `2024-03-05 ${t} 10.0.0.4 GET ${url} - 443 - 203.0.113.9 ${ua} - ${tail}`;
    const timeout = [
      line('10:00:01', '/export', '502 3 12002 120016'),
      line('10:00:05', '/report', '502 3 12002 120011'),
      line('10:02:07', '/export', '502 3 12002 120004'),
      line('12:45:59', '/export', '502 3 12002 120020'),
      line('13:00:00', '/report', '502 3 12002 120003'),
    ];
    const refused = [line('11:30:00', '/api/orders', '502 3 12029 15'), line('11:31:00', '/api/orders', '502 3 12029 12')];
    const text = [fields, line('09:00:00', '/', '200 0 0 4'), timeout[0], timeout[1], refused[0], timeout[2], timeout[3], refused[1], timeout[4]].join('\r\n') + '\r\n';
    await dropTexts(page, [{ name: 'u_ex240305.log', text }]);
    await results(page);

    const rowsOf = async (cluster: ReturnType<Page['locator']>) =>
      Promise.all((await cluster.locator('table tbody tr').all()).map(async (r) => [(await r.locator('th').innerText()).trim(), (await r.locator('td').innerText()).trim()]));

    const a = page.locator('.analyze-cluster', { hasText: '12002' });
    expect(await a.count()).toBe(1);
    expect(await a.locator('.analyze-cluster__window').innerText()).toBe('First seen 2024-03-05 10:00:01, last seen 2024-03-05 13:00:00 (UTC).');
    const linesA = a.locator('pre');
    expect(await linesA.innerText()).toBe(timeout.slice(0, 3).join('\n'));
    expect(await linesA.getAttribute('tabindex')).toBe('0');
    expect(await linesA.getAttribute('aria-label')).toBe('First 3 lines of the cluster 502.3 with 12002 at about 120 s');
    expect(await rowsOf(a)).toEqual([
      ['/export', '3'],
      ['/report', '2'],
    ]);

    const b = page.locator('.analyze-cluster', { hasText: '12029' });
    expect(await b.locator('.analyze-cluster__window').innerText()).toBe('First seen 2024-03-05 11:30:00, last seen 2024-03-05 11:31:00 (UTC).');
    expect(await b.locator('pre').innerText()).toBe(refused.join('\n'));
    expect(await rowsOf(b)).toEqual([['/api/orders', '2']]);

    // The long lines scroll inside their box; the page keeps its width.
    expect(await linesA.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // "Diagnose these lines": the three lines and their #Fields line land in the paste box on
    // /diagnose/ and are diagnosed there; nothing of them is in any request.
    await Promise.all([page.waitForURL('**/diagnose/**'), a.getByRole('button', { name: 'Diagnose these lines' }).click()]);
    expect(new URL(page.url()).pathname).toBe('/diagnose/');
    const box = page.getByRole('textbox', { name: /^Paste/ });
    await expect.poll(() => box.inputValue(), { timeout: 15_000 }).toBe([fields.replace(/^#Fields: (.*)$/, (_m, f: string) => `#Fields: ${f.toLowerCase()}`), ...timeout.slice(0, 3)].join('\n'));
    const diagnosis = page.getByRole('region', { name: 'Diagnosis' });
    await expect.poll(() => diagnosis.locator('.diagnosis__cause a').first().getAttribute('href'), { timeout: 15_000 }).toBe('/causes/request-timeout/');
    expect(page.url()).not.toContain(marker);
    expect(w.consoleErrors).toEqual([]);
    expectNothingSent(w, marker);
    await w.context.close();
  });

  it('cancels a long read and can start again', { timeout: 120_000 }, async () => {
    const w = await open('/analyze/');
    const { page } = w;
    // About 600 MB made of one 4 MB blob repeated (the browser does not copy the parts).
    const dt = await page.evaluateHandle((text) => {
      const part = new Blob([text]);
      const d = new DataTransfer();
      d.items.add(new File(new Array(150).fill(part), 'u_ex-huge.log', { type: 'text/plain' }));
      return d;
    }, log.text.slice(0, 4_000_000));
    await page.dispatchEvent('.log-analyzer__drop', 'drop', { dataTransfer: dt });
    const progress = page.locator('.log-analyzer__progress');
    await expect.poll(() => progress.count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('progress').count()).toBe(1);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await progress.count()).toBe(0);
    expect(await page.locator('.log-analyzer__notice').innerText()).toContain('cancelled');
    await page.waitForTimeout(1500);
    const region = page.getByRole('region', { name: 'Analysis' });
    expect(await region.locator('h2').count()).toBe(0);
    // Focus went back to the file input.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('file');
    // A new read after the cancelled one works.
    await dropTexts(page, [{ name: 'small.log', text: generateText({ lines: 500, seed: 1 }).text }]);
    await results(page);
    expect(await summaryValue(page, 'Requests')).toBe('500');
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });

  it('is usable by keyboard alone, several files at once', { timeout: 120_000 }, async () => {
    const w = await open('/analyze/');
    const { page } = w;
    const a = generateText({ lines: 2000, seed: 31 });
    const b = generateText({ lines: 1000, seed: 32, start: '2024-03-06T00:00:00Z' });
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'file');
    }
    expect(found).toBe(true);
    // Space on the focused input opens the file chooser. On a busy machine headless Chromium now
    // and then drops that first activation, so Space is pressed again (at most three times) while
    // the input keeps the focus; the chooser must come from the keyboard all the same.
    let chooser: FileChooser | undefined;
    for (let attempt = 0; attempt < 3 && !chooser; attempt++) {
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('file');
      [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10_000 }).catch(() => undefined), page.keyboard.press('Space')]);
    }
    if (!chooser) throw new Error('Space on the focused file input opened no file chooser (three presses)');
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles([
      { name: 'u_ex240305.log', mimeType: 'text/plain', buffer: Buffer.from(a.text) },
      { name: 'u_ex240306.log', mimeType: 'text/plain', buffer: Buffer.from(b.text) },
    ]);
    await results(page);
    expect(await summaryValue(page, 'Requests')).toBe(nf.format(a.expected.requests + b.expected.requests));
    expect(await summaryValue(page, 'Read')).toContain('2 files');
    // Tab on from the file input to the request-timeout link, and follow it with Enter.
    let href: string | null = null;
    for (let i = 0; i < 60 && href !== '/causes/request-timeout/'; i++) {
      await page.keyboard.press('Tab');
      href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? null);
    }
    expect(href).toBe('/causes/request-timeout/');
    // On to a chart's data table, opened with Enter.
    let tag = '';
    for (let i = 0; i < 60 && tag !== 'SUMMARY'; i++) {
      await page.keyboard.press('Tab');
      tag = await page.evaluate(() => document.activeElement?.tagName ?? '');
    }
    expect(tag).toBe('SUMMARY');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.activeElement?.parentElement as HTMLDetailsElement).open)).toBe(true);
    // Back to the link, and follow it.
    for (let i = 0; i < 60 && href !== '/causes/request-timeout/'; i++) {
      await page.keyboard.press('Shift+Tab');
      href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? null);
    }
    href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? null);
    for (let i = 0; i < 60 && href !== '/causes/request-timeout/'; i++) {
      await page.keyboard.press('Shift+Tab');
      href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? null);
    }
    expect(href).toBe('/causes/request-timeout/');
    await Promise.all([page.waitForURL('**/causes/request-timeout/'), page.keyboard.press('Enter')]);
    await w.context.close();
  });

  it('renders HTML in log lines as text and sends nothing anywhere', { timeout: 60_000 }, async () => {
    const w = await open('/analyze/');
    const { page } = w;
    const marker = 'MARKER-4b1d7e';
    const hostileUrl = `/${marker}<img/src=http://203.0.113.9/${marker}.png/onerror=window.__pwned=1><script>window.__pwned=2</script>`;
    const text = [
      '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
      `2024-03-05 10:14:22 10.0.0.4 GET ${hostileUrl} - 443 - 203.0.113.7 <b>Mozilla</b> - 502 3 12002 120016`,
      `2024-03-05 10:14:23 10.0.0.4 GET ${hostileUrl} - 443 - 203.0.113.7 <b>Mozilla</b> - 502 3 12002 120002`,
    ].join('\r\n');
    await dropTexts(page, [{ name: `<i>${marker}</i>.log`, text }]);
    const region = await results(page);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await region.locator('img, script, b, i').count()).toBe(0);
    expect(await region.innerText()).toContain(`${marker}<img/src=`);
    expect(await region.innerText()).toContain(`<i>${marker}</i>.log`);
    // The cluster's first lines, verbatim and as text.
    expect(await region.locator('.analyze-cluster pre').innerText()).toBe(text.split('\r\n').slice(1).join('\n'));
    expectNothingSent(w, marker);
    await w.context.close();
  });

  it('reads fr*.xml traces dropped with the logs through the FREB reader', { timeout: 60_000 }, async () => {
    const w = await open('/analyze/');
    const fr = readFileSync(new URL('../fixtures/freb-reader/fr000001.xml', import.meta.url), 'utf8');
    await dropTexts(w.page, [
      { name: 'u_ex240305.log', text: generateText({ lines: 800, seed: 4 }).text },
      { name: 'fr000001.xml', text: fr },
    ]);
    await results(w.page);
    expect(await summaryValue(w.page, 'Requests')).toBe('800');
    const card = w.page.locator('.log-analyzer__traces article', { hasText: 'fr000001.xml' });
    await expect.poll(() => card.locator('.freb-card__findings a').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await card.locator('.freb-card__findings a').first().getAttribute('href')).toBe('/causes/request-timeout/');
    expect(await card.innerText()).toContain('/api/orders/import');
    expectNothingSent(w);
    await w.context.close();
  });

  it('turns away files it cannot read, with a reason', async () => {
    const w = await open('/analyze/');
    const dt = await w.page.evaluateHandle(() => {
      const d = new DataTransfer();
      d.items.add(new File([new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0])], 'u_ex240305.log.gz'));
      d.items.add(new File(['2024-03-05 10:14:22 10.0.0.4 GET /a - 443 - 1.2.3.4 UA - 503 0 0 1\n'], 'u_ex240306.log'));
      return d;
    });
    await w.page.dispatchEvent('.log-analyzer__drop', 'drop', { dataTransfer: dt });
    await results(w.page);
    expect(await w.page.locator('.log-analyzer__skipped').innerText()).toContain('gzip');
    expect(await summaryValue(w.page, 'Requests')).toBe('1');
    await w.context.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations with results shown, ${theme} theme`, { timeout: 60_000 }, async () => {
      const w = await open('/analyze/', { theme });
      expect(await pageViolations(w.page)).toEqual([]);
      const fr = readFileSync(new URL('../fixtures/freb-reader/fr000001.xml', import.meta.url), 'utf8');
      await dropTexts(w.page, [
        { name: 'u_ex240305.log', text: generateText({ lines: 3000, seed: 77 }).text },
        { name: 'fr000001.xml', text: fr },
      ]);
      await results(w.page);
      await expect.poll(() => w.page.locator('.log-analyzer__traces .freb-card__findings a').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      for (const d of await w.page.locator('details').all()) await d.evaluate((el) => el.setAttribute('open', ''));
      expect(await pageViolations(w.page)).toEqual([]);
      await w.context.close();
    });
  }

  it('says what to do without JavaScript', async () => {
    const w = await open('/analyze/', { javaScript: false });
    expect(await w.page.locator('body').innerText()).toContain('needs JavaScript');
    await w.context.close();
  });
});
