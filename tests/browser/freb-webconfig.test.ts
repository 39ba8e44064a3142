/** The FREB reader (/freb/) and the web.config checker (/check-web-config/) in Chromium, against the built site. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageViolations } from './axe.ts';
import { useBrowser, type Watched } from './page.ts';

const { open } = useBrowser();

const fixture = (path: string): string => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const FR1 = fixture('freb-reader/fr000001.xml');
const HOSTILE_FREB = fixture('freb-reader/fr000002-hostile.xml');

/** Drop files (name -> text) on `selector` the way a browser does. */
async function dropFiles(page: Page, selector: string, files: { name: string; text: string; type?: string }[]) {
  const dt = await page.evaluateHandle((list) => {
    const d = new DataTransfer();
    for (const f of list) d.items.add(new File([f.text], f.name, { type: f.type ?? 'text/xml' }));
    return d;
  }, files);
  await page.dispatchEvent(selector, 'drop', { dataTransfer: dt });
}

const card = (page: Page, name: string) => page.locator('article.freb-card').filter({ has: page.getByRole('heading', { name, exact: true }) });

/** Nothing the page requested carries `marker`, and nothing left 127.0.0.1. */
function expectNotSent(w: Watched, marker: string) {
  for (const r of w.requests) {
    expect(decodeURIComponent(r.url), r.url).not.toContain(marker);
    expect(r.postData ?? '', r.url).not.toContain(marker);
  }
  expect(w.offsiteRequests).toEqual([]);
}

async function expectAxeClean(page: Page, where: string) {
  expect(await pageViolations(page), where).toEqual([]);
}

describe('FREB reader', () => {
  it('reads a dropped fr000001.xml: URL, status, failing module, decoded code and the request-timeout finding', async () => {
    const w = await open('/freb/');
    const { page } = w;
    await dropFiles(page, '.freb-reader', [{ name: 'fr000001.xml', text: FR1 }]);
    const c = card(page, 'fr000001.xml');
    await expect.poll(() => c.locator('.freb-card__findings a').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const text = await c.innerText();
    expect(text).toContain('http://orders.example.net:80/api/orders/import?batch=2024-06-11');
    expect(text).toContain('POST');
    expect(text).toMatch(/Status\s+502\.3/);
    expect(text).toContain('120,047 ms');
    expect(text).toMatch(/Module\s+AspNetCoreModuleV2/);
    expect(text).toMatch(/Notification\s+EXECUTE_REQUEST_HANDLER/);
    expect(text).toContain('The operation timed out (0x80072ee2)');
    // Decoded: hex, decimal, names, and the code's own page.
    const codes = c.locator('table.freb-card__codes');
    expect(await codes.innerText()).toMatch(/0x80072EE2[\s\S]*2147954402 \/ -2147012894 \(Win32 12002\)[\s\S]*ERROR_WINHTTP_TIMEOUT/);
    expect(await codes.locator('a[href="/codes/0x80072ee2/"]').count()).toBe(1);
    expect(await c.locator('a[href="/codes/502-3/"]').count()).toBeGreaterThan(0);
    // The diagnosis: the request-timeout cause first.
    expect(await c.locator('.freb-card__findings a').first().getAttribute('href')).toBe('/causes/request-timeout/');
    await expect.poll(() => page.locator('[aria-live="polite"]').innerText()).toContain('Most likely');
    expect(w.consoleErrors).toEqual([]);
    expectNotSent(w, 'orders.example.net');
    await expectAxeClean(page, '/freb/ with a trace (light)');
    await w.context.close();
  });

  it('reads several chosen files, refusing binary and non-trace files with a clear message', async () => {
    const w = await open('/freb/');
    const { page } = w;
    const binary = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 37) % 256));
    await page.setInputFiles('.freb-reader input[type=file]', [
      { name: 'fr000001.xml', mimeType: 'text/xml', buffer: Buffer.from(FR1) },
      { name: 'traces.zip', mimeType: 'application/zip', buffer: binary },
      { name: 'web.config.xml', mimeType: 'text/xml', buffer: Buffer.from(fixture('web-config-checker/requesttimeout-inprocess.config')) },
      { name: 'notes.xml', mimeType: 'text/xml', buffer: Buffer.from('The site returns 502 since this morning, any idea?') },
    ]);
    await expect.poll(() => card(page, 'fr000001.xml').locator('.freb-card__findings a').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => card(page, 'traces.zip').innerText(), { timeout: 10_000 }).toContain('not a text file');
    await expect.poll(() => card(page, 'web.config.xml').innerText(), { timeout: 10_000 }).toContain('not a Failed Request Tracing file');
    await expect.poll(() => card(page, 'notes.xml').innerText(), { timeout: 10_000 }).toContain('does not look like a Failed Request Tracing file');
    expect(await card(page, 'notes.xml').locator('a[href="/diagnose/"]').count()).toBe(1);
    // Remove one by keyboard.
    await page.getByRole('button', { name: 'Remove traces.zip' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => card(page, 'traces.zip').count()).toBe(0);
    expect(await page.locator('article.freb-card').count()).toBe(3);
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });

  it('reads a pasted fragment and updates as the paste changes', async () => {
    const w = await open('/freb/', { theme: 'dark' });
    const { page } = w;
    const box = page.getByRole('textbox', { name: /^Or paste a trace/ });
    await box.focus();
    await page.keyboard.insertText(fixture('freb/fragment-config-error.txt'));
    const c = card(page, 'Pasted text');
    await expect.poll(() => c.innerText(), { timeout: 15_000 }).toContain('500.19');
    expect(await c.innerText()).toContain("The configuration section 'aspNetCore' cannot be read");
    expect(await c.locator('table.freb-card__codes').innerText()).toContain('0x8007000D');
    await expect.poll(() => c.locator('.freb-card__findings a').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expectAxeClean(page, '/freb/ with a paste (dark)');
    await box.fill(fixture('freb/text-view-details.txt'));
    await expect.poll(() => c.locator('table.freb-card__codes').innerText(), { timeout: 15_000 }).toContain('0x80072EFE');
    await box.fill('');
    await expect.poll(() => card(page, 'Pasted text').count()).toBe(0);
    await w.context.close();
  });

  it('renders markup inside a trace as text and sends nothing anywhere', async () => {
    const w = await open('/freb/');
    const { page } = w;
    await dropFiles(page, '.freb-reader', [{ name: 'fr000002.xml', text: HOSTILE_FREB }]);
    const c = card(page, 'fr000002.xml');
    await expect.poll(() => c.locator('.freb-card__findings a').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await c.locator('img, script, b, iframe').count()).toBe(0);
    const text = await c.innerText();
    expect(text).toContain('<img src=x onerror="window.__pwned=10">');
    expect(text).toContain('<b>bold</b>');
    expect(w.consoleErrors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    expectNotSent(w, '__pwned');
    await w.context.close();
  });

  it('stays responsive while a multi-megabyte trace is read', async () => {
    const w = await open('/freb/');
    const { page } = w;
    const at = FR1.indexOf(' <Event xmlns');
    const one = FR1.slice(at, FR1.indexOf(' <Event xmlns', at + 1));
    const big = FR1.slice(0, at) + one.repeat(Math.ceil(6_000_000 / one.length)) + FR1.slice(at);
    const workers: string[] = [];
    page.on('worker', (wk) => workers.push(wk.url()));
    await dropFiles(page, '.freb-reader', [{ name: 'fr000077.xml', text: big }]);
    // The trace is read in a Web Worker, and the page handles a second interaction meanwhile:
    // the theme toggle answers. (Behaviour, not a stopwatch: timings are for `npm run bench`.)
    const before = await page.evaluate(() => document.documentElement.dataset.theme);
    await page.locator('[data-theme-toggle]').click({ timeout: 30_000 });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme), { timeout: 30_000 }).not.toBe(before);
    await expect.poll(() => workers.length + page.workers().length, { timeout: 30_000 }).toBeGreaterThan(0);
    const c = card(page, 'fr000077.xml');
    await expect.poll(() => c.locator('.freb-card__findings a').first().getAttribute('href'), { timeout: 45_000 }).toBe('/causes/request-timeout/');
    expect(await c.innerText()).toContain('trace is large');
    await w.context.close();
  }, 120_000);

  it('can be used by keyboard: the file chooser and the paste box are reachable', async () => {
    const w = await open('/freb/');
    const { page } = w;
    await page.locator('#main').focus();
    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => `${document.activeElement?.tagName}:${(document.activeElement as HTMLInputElement | null)?.type ?? ''}`));
    }
    expect(reached).toContain('INPUT:file');
    expect(reached).toContain('TEXTAREA:textarea');
    await w.context.close();
  });
});

describe('web.config checker', () => {
  const boxOf = (page: Page) => page.getByRole('textbox', { name: /^Paste a web\.config/ });
  const results = (page: Page) => page.getByRole('region', { name: 'Check results' });

  it('flags requestTimeout with in-process hosting, links its cause, and is keyboard usable', async () => {
    const w = await open('/check-web-config/');
    const { page } = w;
    await boxOf(page).focus();
    await page.keyboard.insertText(fixture('web-config-checker/requesttimeout-inprocess.config'));
    const r = results(page);
    await expect.poll(() => r.locator('.wc-problem').count(), { timeout: 10_000 }).toBe(1);
    const problem = r.locator('.wc-problem').first();
    expect(await problem.innerText()).toMatch(/Warning:\s+requestTimeout has no effect in process/);
    expect(await problem.locator('a').getAttribute('href')).toBe('/causes/request-timeout/');
    const text = await r.innerText();
    expect(text).toContain('The XML is well-formed.');
    expect(text).toMatch(/Hosting model\s+In process \(hostingModel="inprocess"\)/);
    expect(text).toMatch(/Handler module\s+AspNetCoreModuleV2 \(V2/);
    const row = r.locator('tr', { has: page.locator('th', { hasText: /^requestTimeout$/ }) });
    expect(await row.innerText()).toMatch(/00:10:00[\s\S]*Written, not used[\s\S]*00:02:00 \(2 min\)[\s\S]*Out of process only/);
    const startup = r.locator('tr', { has: page.locator('th', { hasText: /^startupTimeLimit$/ }) });
    expect(await startup.innerText()).toMatch(/120 s\s+Default/);
    await expect.poll(() => page.locator('[aria-live="polite"]').innerText()).toBe('1 warning.');
    // Tab from the box reaches the cause link.
    await boxOf(page).focus();
    let reachedLink = false;
    for (let i = 0; i < 8 && !reachedLink; i++) {
      await page.keyboard.press('Tab');
      reachedLink = (await page.evaluate(() => document.activeElement?.getAttribute('href'))) === '/causes/request-timeout/';
    }
    expect(reachedLink).toBe(true);
    await expectAxeClean(page, '/check-web-config/ with results (light)');
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });

  it('updates as the text changes: wrong arguments, out-of-range values, malformed XML, V1 in process', async () => {
    const w = await open('/check-web-config/', { theme: 'dark' });
    const { page } = w;
    const box = boxOf(page);
    const r = results(page);
    const links = () => r.locator('.wc-problem a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

    await box.fill(fixture('web-config-checker/dotnet-run-arguments.config'));
    await expect.poll(links, { timeout: 10_000 }).toEqual(['/causes/wrong-arguments/', '/causes/stdout-log-unwritable/', '/causes/subapp-inherits-handlers/']);
    expect(await r.locator('.wc-problem').first().innerText()).toContain('run --project');
    expect(await r.innerText()).toContain('ASPNETCORE_ENVIRONMENT is Development');
    await expectAxeClean(page, '/check-web-config/ with results (dark)');

    await box.fill(fixture('web-config-checker/out-of-range.config'));
    await expect.poll(() => r.locator('.wc-problem--error').count(), { timeout: 10_000 }).toBe(3);
    const errors = await r.locator('.wc-problem--error').allInnerTexts();
    expect(errors.join('\n')).toMatch(/requestTimeout="400:00:00"[\s\S]*startupTimeLimit="7200"[\s\S]*stdoutLogEnabled="yes"/);
    expect(await links()).toEqual(['/causes/web-config-invalid/', '/causes/web-config-invalid/', '/causes/web-config-invalid/']);
    expect(await r.locator('tr.wc-row--invalid').count()).toBe(3);

    await box.fill(fixture('web-config-checker/malformed-after-blank-lines.config'));
    await expect.poll(() => r.locator('.wc-checker__xml-error').count(), { timeout: 10_000 }).toBe(1);
    expect(await r.locator('.wc-checker__xml-error').innerText()).toMatch(/Expected closing tag 'aspNetCore'[\s\S]*\(line 10, column 3\)[\s\S]*<\/system\.webServer>/);

    await box.fill(fixture('web-config/v1-module.config'));
    await expect.poll(() => r.innerText(), { timeout: 10_000 }).toContain('In-process hosting with the V1 module');
    expect(await r.innerText()).toMatch(/Out of process: the V1 module ignores hostingModel="inprocess"/);

    await box.fill('<aspNetCore processPath=".\\Wingtip.exe" hostingModel="inprocess" stdoutLogFolder=".\\logs" />');
    await expect.poll(links, { timeout: 10_000 }).toEqual(['/causes/web-config-invalid/', '/causes/app-dll-not-found/']);

    await box.fill('<system.webServer><handlers /></system.webServer>');
    await expect.poll(() => r.innerText(), { timeout: 10_000 }).toContain('No <aspNetCore> element in this text');
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });

  it('renders markup in values as text and sends nothing anywhere', async () => {
    const w = await open('/check-web-config/');
    const { page } = w;
    await boxOf(page).fill(fixture('web-config-checker/hostile.config'));
    const r = results(page);
    await expect.poll(() => r.locator('.wc-problem').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await r.locator('img, script, iframe, b').count()).toBe(0);
    const text = await r.innerText();
    expect(text).toContain('<script>window.__pwned=21</script>');
    expect(text).toContain('<iframe srcdoc="x"></iframe>');
    expectNotSent(w, '__pwned');
    await w.context.close();
  });
});
