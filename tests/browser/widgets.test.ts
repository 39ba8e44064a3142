import { describe, expect, it } from 'vitest';
import { hydrated, useBrowser, type Watched } from './page.ts';

const { open } = useBrowser();

const SEED = '2024-03-05 10:14:22 10.0.0.4 POST /api/reports/export - 443 - 203.0.113.7 Mozilla/5.0 - 502 3 12002 120016';

/** Every request the page made, as text, must not contain `marker`. */
function expectNotSent(w: Watched, marker: string) {
  for (const r of w.requests) {
    expect(decodeURIComponent(r.url), r.url).not.toContain(marker);
    expect(r.postData ?? '', r.url).not.toContain(marker);
  }
  expect(w.offsiteRequests).toEqual([]);
}

describe('paste and diagnose', () => {
  it('diagnoses the seed IIS log line as request-timeout, by keyboard alone', async () => {
    const w = await open('/diagnose/');
    const { page } = w;
    const box = page.getByRole('textbox', { name: /^Paste/ });
    await box.focus();
    await page.keyboard.insertText(SEED);
    const region = page.getByRole('region', { name: 'Diagnosis' });
    const first = region.locator('.diagnosis__cause');
    await expect.poll(() => first.locator('a').first().getAttribute('href'), { timeout: 15_000 }).toBe('/causes/request-timeout/');
    expect(await region.locator('mark').first().innerText()).not.toBe('');
    expect(await page.locator('[aria-live="polite"]').filter({ hasText: 'The app did not answer within requestTimeout' }).count()).toBe(1);
    // Keyboard: Tab from the box reaches the buttons, then the first finding's link.
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(() => document.activeElement?.getAttribute('href'))) === '/causes/request-timeout/';
    }
    expect(reached).toBe(true);
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });

  it('copies the diagnosis as Markdown', async () => {
    const w = await open('/diagnose/');
    await w.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await w.page.getByRole('textbox', { name: /^Paste/ }).fill('0x80072EE2');
    const copy = w.page.getByRole('button', { name: 'Copy as Markdown' });
    await expect.poll(() => copy.isEnabled(), { timeout: 15_000 }).toBe(true);
    await copy.click();
    await expect.poll(() => w.page.evaluate(() => navigator.clipboard.readText())).toContain('## 502 diagnosis');
    const md = await w.page.evaluate(() => navigator.clipboard.readText());
    expect(md).toContain('/causes/request-timeout/');
    await w.context.close();
  });

  it('renders pasted HTML and script as text and sends nothing anywhere', async () => {
    const w = await open('/diagnose/');
    const marker = 'MARKER-7f3a9c';
    const hostile = `<img src="http://203.0.113.9/${marker}.png" onerror="window.__pwned=1"><script>window.__pwned=2</script>\n${SEED.replace('/api/reports/export', `/api/${marker}`)}\nHTTP Error 502.5 - ANCM Out-Of-Process Startup Failure <b>${marker}</b>`;
    await w.page.getByRole('textbox', { name: /^Paste/ }).fill(hostile);
    const region = w.page.getByRole('region', { name: 'Diagnosis' });
    await expect.poll(() => region.locator('.diagnosis__answer').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await w.page.waitForTimeout(300);
    expect(await w.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await region.locator('img, script, b').count()).toBe(0);
    expect(await region.innerText()).toContain(marker);
    expectNotSent(w, marker);
    await w.context.close();
  });

  it('reads a dropped text file', async () => {
    const w = await open('/diagnose/');
    const dt = await w.page.evaluateHandle((text) => {
      const d = new DataTransfer();
      d.items.add(new File([text], 'u_ex240305.log', { type: 'text/plain' }));
      return d;
    }, `#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\n${SEED}\n`);
    await w.page.dispatchEvent('textarea', 'drop', { dataTransfer: dt });
    await expect.poll(() => w.page.getByRole('textbox', { name: /^Paste/ }).inputValue(), { timeout: 10_000 }).toContain('#Fields:');
    await expect.poll(() => w.page.locator('.diagnosis__cause a').first().getAttribute('href'), { timeout: 15_000 }).toBe('/causes/request-timeout/');
    expect(await w.page.locator('.paste-diagnose__notice').innerText()).toContain('u_ex240305.log');
    await w.context.close();
  });

  it('stays responsive with a multi-megabyte paste', async () => {
    const w = await open('/diagnose/');
    const workers: string[] = [];
    w.page.on('worker', (wk) => workers.push(wk.url()));
    await w.page.evaluate((line) => {
      const t = document.querySelector('textarea')!;
      t.value = (line + '\n').repeat(25_000); // about 2.7 MB
      t.dispatchEvent(new Event('input', { bubbles: true }));
    }, SEED);
    // The paste is read in a Web Worker, and the page handles a second interaction meanwhile:
    // the theme toggle answers. (Behaviour, not a stopwatch: how long either takes is for
    // `npm run bench`.)
    const toggle = w.page.locator('[data-theme-toggle]');
    const before = await w.page.evaluate(() => document.documentElement.dataset.theme);
    await toggle.click({ timeout: 30_000 });
    await expect.poll(() => w.page.evaluate(() => document.documentElement.dataset.theme), { timeout: 30_000 }).not.toBe(before);
    await expect.poll(() => workers.length + w.page.workers().length, { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => w.page.locator('.diagnosis__cause a').first().getAttribute('href'), { timeout: 30_000 }).toBe('/causes/request-timeout/');
    expect(await w.page.locator('.diagnosis__note').count()).toBeGreaterThan(0);
    await w.context.close();
  }, 120_000);

  it('is pre-filled with a sample on cause articles', async () => {
    const w = await open('/causes/request-timeout/');
    const box = w.page.locator('#article-diagnose-input');
    await box.scrollIntoViewIfNeeded();
    await expect.poll(() => box.inputValue(), { timeout: 10_000 }).not.toBe('');
    await expect.poll(() => w.page.locator('.try-it .diagnosis__cause a').first().getAttribute('href'), { timeout: 15_000 }).toBe('/causes/request-timeout/');
    await w.context.close();
  });
});

describe('code decoder', () => {
  it('opens /decode/#0x80072ee2 decoded, and decodes every form typed', async () => {
    const w = await open('/decode/#0x80072ee2');
    const out = w.page.getByRole('region', { name: 'Decoded code' });
    await expect.poll(() => out.innerText(), { timeout: 10_000 }).toContain('ERROR_WINHTTP_TIMEOUT');
    expect(await out.locator('a[href="/codes/0x80072ee2/"]').count()).toBe(1);
    const input = w.page.getByLabel('Decode an error code');
    for (const form of ['-2147012894', '12002', '80072EE2', 'error_winhttp_timeout']) {
      await input.fill(form);
      await expect.poll(() => out.innerText(), { timeout: 10_000 }).toContain('0x80072EE2');
    }
    await input.fill('0xC0000409');
    await expect.poll(() => out.innerText(), { timeout: 10_000 }).toContain('STATUS_STACK_BUFFER_OVERRUN');
    await input.fill('hello');
    await expect.poll(() => out.innerText()).toContain('not a code');
    expect(w.offsiteRequests).toEqual([]);
    await w.context.close();
  });
});

describe('guided troubleshooter', () => {
  it('walks to a cause, keeps the path in the fragment, and goes back', async () => {
    const w = await open('/troubleshoot/');
    const { page } = w;
    let steps = 0;
    while ((await page.locator('.troubleshooter__result').count()) === 0 && steps < 12) {
      const answers = page.locator('.troubleshooter__answer');
      await expect.poll(() => answers.count()).toBeGreaterThan(0);
      await answers.first().focus();
      await page.keyboard.press('Enter');
      steps++;
      await expect.poll(() => page.locator('.troubleshooter__path li').count()).toBe(steps);
    }
    expect(await page.locator('.troubleshooter__result a').getAttribute('href')).toMatch(/^\/causes\/[a-z0-9-]+\/$/);
    const hash = new URL(page.url()).hash;
    expect(hash.length).toBeGreaterThan(3);
    expect(await page.locator('.troubleshooter__path li').count()).toBe(steps);
    await page.reload();
    await hydrated(page);
    await expect.poll(() => page.locator('.troubleshooter__path li').count()).toBe(steps);
    await page.getByRole('button', { name: 'Back' }).click();
    expect(await page.locator('.troubleshooter__path li').count()).toBe(steps - 1);
    expect(await page.locator('.troubleshooter__result').count()).toBe(0);
    await page.getByRole('button', { name: 'Start again' }).click();
    expect(await page.locator('.troubleshooter__path li').count()).toBe(0);
    await w.context.close();
  });

  it('fills answers from a paste and marks them as evidence', async () => {
    const w = await open('/troubleshoot/');
    await w.page.locator('summary', { hasText: 'Fill in answers from a paste' }).click();
    await w.page.getByLabel(/^Paste a log line/).fill(SEED);
    await w.page.getByRole('button', { name: 'Use this evidence' }).click();
    await expect.poll(() => w.page.locator('.troubleshooter__evidence').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await w.context.close();
  });

  it('draws the whole tree without JavaScript, each leaf linking its article', async () => {
    const w = await open('/troubleshoot/tree/', { javaScript: false });
    const leaves = w.page.locator('.tree-leaf a');
    expect(await leaves.count()).toBeGreaterThan(20);
    for (const href of await leaves.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(href).toMatch(/^\/causes\/[a-z0-9-]+\/$/);
    await w.context.close();
  });
});
