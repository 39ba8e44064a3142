/**
 * Issue 12: the answer first, few alternatives with their question, calibrated words, and
 * redacted sharing (Markdown and a share link whose paste lives only in the URL fragment).
 */
import { describe, expect, it } from 'vitest';
import { pageViolations } from './axe.ts';
import { useBrowser, type Watched } from './page.ts';
import { decodeShareFragment } from '../../src/lib/share/share.ts';

const { open } = useBrowser();

const SEED = '2024-03-05 10:14:22 10.0.0.4 POST /api/reports/export - 443 - 203.0.113.7 Mozilla/5.0 - 502 3 12002 120016';
/** What a test paste must never leak once redacted: addresses, user, machine, host and pool names. */
const SECRETS = ['10.20.30.40', '198.51.100.23', 'CONTOSO', 'jdoe', 'WEBPROD07', 'api.northwind-traders.com', '2001:db8:85a3::8a2e:370:7334', 'ReportsPool', 'alice.smith'];
const PRIVATE = [
  '2024-03-05 10:14:22 10.20.30.40 POST /api/reports/export - 443 CONTOSO\\jdoe 198.51.100.23 Mozilla/5.0 - 502 3 12002 120016',
  'Computer: WEBPROD07',
  'The app (api.northwind-traders.com, 2001:db8:85a3::8a2e:370:7334) runs as IIS APPPOOL\\ReportsPool from C:\\Users\\alice.smith\\source\\app',
].join('\n');

function expectNothingSent(w: Watched, markers: readonly string[]) {
  for (const r of w.requests) {
    for (const m of markers) {
      expect(decodeURIComponent(r.url), r.url).not.toContain(m);
      expect(r.postData ?? '', r.url).not.toContain(m);
    }
  }
  expect(w.offsiteRequests).toEqual([]);
}

async function paste(w: Watched, text: string) {
  await w.page.getByRole('textbox', { name: /^Paste/ }).fill(text);
  const region = w.page.getByRole('region', { name: 'Diagnosis' });
  await expect.poll(() => region.locator('.diagnosis__answer').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  return region;
}

describe('the diagnosis, answer first', () => {
  it('shows request-timeout first with its verdict and first step, at most three findings, words instead of percentages', async () => {
    const w = await open('/diagnose/');
    const region = await paste(w, SEED);
    const answer = region.locator('.diagnosis__answer');
    expect(await answer.locator('.diagnosis__cause a').getAttribute('href')).toBe('/causes/request-timeout/');
    expect(await answer.locator('.diagnosis__verdict').isVisible()).toBe(true);
    expect(await answer.locator('.diagnosis__verdict').innerText()).toMatch(/^IIS gave up after requestTimeout/);
    const step = answer.locator('.diagnosis__first-step');
    expect(await step.isVisible()).toBe(true);
    expect(await step.innerText()).toMatch(/^First step: ANCM waits requestTimeout/);
    // Before expanding: the answer and at most two others are visible; the rest are folded.
    const cards = await region.locator('.diagnosis__answer, .finding').all();
    expect(cards.length).toBeGreaterThan(3);
    let visible = 0;
    for (const c of cards) if (await c.isVisible()) visible++;
    expect(visible).toBeGreaterThanOrEqual(2);
    expect(visible).toBeLessThanOrEqual(3);
    const more = region.locator('summary', { hasText: /^Other possibilities \(\d+\)$/ });
    expect(await more.count()).toBe(1);
    // Confidence in words, never a percentage.
    const words = await region.locator('.diagnosis__word, .finding__confidence').allTextContents();
    expect(words.length).toBeGreaterThan(1);
    for (const word of words) expect(['Very likely', 'Likely', 'Possible']).toContain(word);
    expect(await region.innerText()).not.toMatch(/100\s?%/);
    expect(await region.locator('meter').count()).toBe(0);
    // The pasted line is quoted once, with the matching parts marked.
    expect(await region.locator('.diagnosis__quote').count()).toBe(1);
    expect(await region.locator('.diagnosis__quote mark').allInnerTexts()).toEqual(['502 3', '12002', '120016']);
    expect((await region.innerText()).split('203.0.113.7').length - 1).toBe(1);
    expect(await region.innerText()).not.toContain('Decision tree');
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  });

  it('answers the question that separates an alternative in place, and the list re-ranks', async () => {
    const w = await open('/diagnose/');
    const region = await paste(w, SEED);
    const starvation = region.locator('.finding', { has: w.page.locator('a[href="/causes/thread-pool-starvation/"]') });
    await starvation.getByRole('button', { name: /under load/ }).click();
    await expect.poll(() => region.locator('.diagnosis__cause a').getAttribute('href'), { timeout: 15_000 }).toBe('/causes/thread-pool-starvation/');
    await region.getByRole('button', { name: 'Take back' }).click();
    await expect.poll(() => region.locator('.diagnosis__cause a').getAttribute('href'), { timeout: 15_000 }).toBe('/causes/request-timeout/');
    await w.context.close();
  });

  it('says another stack is out of scope before any of our findings', async () => {
    const w = await open('/diagnose/');
    await w.page.getByRole('textbox', { name: /^Paste/ }).fill('ModuleName="AspNetInitializationExceptionModule" RequestURL="http://localhost:80/About.aspx" AppPoolId="Clr4IntegratedAppPool" StatusCode="500"');
    const region = w.page.getByRole('region', { name: 'Diagnosis' });
    await expect.poll(() => region.locator('.diagnosis__answer--scope').count(), { timeout: 15_000 }).toBe(1);
    expect(await region.locator('.diagnosis__answer--scope').innerText()).toContain('classic ASP.NET');
    expect(await region.locator('.diagnosis__cause').count()).toBe(0);
    await w.context.close();
  });

  it('never stays silent: a paste with nothing recognised, or nothing that points to a cause, says what to paste instead', async () => {
    const w = await open('/diagnose/');
    const box = w.page.getByRole('textbox', { name: /^Paste/ });
    const region = w.page.getByRole('region', { name: 'Diagnosis' });
    const hint = region.locator('.diagnosis__paste-hint');
    await box.fill('hello everyone, any ideas? thanks in advance');
    await expect.poll(() => hint.count(), { timeout: 15_000 }).toBe(1);
    expect(await hint.innerText()).toMatch(/^Nothing in this text was recognised\. Paste the evidence/);
    expect(await region.locator('.diagnosis__answer').count()).toBe(0);
    // "Broken" is read (a failure told in words), but it names no stack, component or status.
    await box.fill('the website is broken again, please help');
    await expect.poll(() => hint.innerText(), { timeout: 15_000 }).toMatch(/^The text was read, but nothing in it points to a cause of a 502, 503 or 504\. Paste the evidence/);
    expect(await region.locator('.diagnosis__answer').count()).toBe(0);
    await w.context.close();
  });
});

describe('redact and share', () => {
  it('copies redacted Markdown and a redacted share link that restores the diagnosis; nothing leaves the browser', async () => {
    const w = await open('/diagnose/');
    await w.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const region = await paste(w, PRIVATE);
    const redact = w.page.getByRole('switch', { name: 'Redact' });
    expect(await redact.isChecked()).toBe(true);
    // The reader sees what will be replaced before copying.
    const list = w.page.locator('.paste-diagnose__redactions');
    await expect.poll(() => list.innerText(), { timeout: 10_000 }).toContain('10.20.30.40');
    expect(await list.innerText()).toContain('alice.smith');

    await w.page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect.poll(() => w.page.evaluate(() => navigator.clipboard.readText()), { timeout: 10_000 }).toContain('## 502 diagnosis');
    const md = await w.page.evaluate(() => navigator.clipboard.readText());
    expect(md).toContain('IIS gave up after requestTimeout');
    expect(md).toContain('/causes/request-timeout/');
    for (const s of SECRETS) expect(md, s).not.toContain(s);

    await w.page.getByRole('button', { name: 'Copy share link' }).click();
    await expect.poll(() => w.page.evaluate(() => navigator.clipboard.readText()), { timeout: 10_000 }).toContain('#paste=');
    const link = await w.page.evaluate(() => navigator.clipboard.readText());
    const url = new URL(link);
    expect(url.pathname).toBe('/diagnose/');
    expect(url.search).toBe('');
    const shared = (await decodeShareFragment(url.hash))!;
    expect(shared).toContain('502 3 12002 120016');
    for (const s of SECRETS) expect(shared, s).not.toContain(s);
    expect(await region.locator('.diagnosis__cause a').getAttribute('href')).toBe('/causes/request-timeout/');
    expectNothingSent(w, SECRETS);

    // Opening the link restores the (redacted) paste and the diagnosis.
    const other = await w.context.newPage();
    const requests: string[] = [];
    other.on('request', (r) => requests.push(r.url()));
    await other.goto(link);
    await expect.poll(() => other.getByRole('textbox', { name: /^Paste/ }).inputValue(), { timeout: 15_000 }).toBe(shared);
    await expect.poll(() => other.getByRole('region', { name: 'Diagnosis' }).locator('.diagnosis__cause a').getAttribute('href'), { timeout: 15_000 }).toBe('/causes/request-timeout/');
    for (const r of requests) expect(r).not.toContain('paste=');
    await w.context.close();
  });

  it('says clearly when a share link is damaged', async () => {
    const w = await open('/diagnose/#paste=not*valid');
    await expect.poll(() => w.page.locator('.paste-diagnose__notice').innerText(), { timeout: 10_000 }).toContain('The link is damaged');
    await w.context.close();
  });
});

describe('accessibility of the results (axe, WCAG 2.2 AA)', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`the answer, the alternatives, thin evidence and the redaction list pass axe in the ${theme} theme`, async () => {
      const w = await open('/diagnose/', { theme });
      for (const text of [SEED, 'HTTP Error 502.3 - Bad Gateway']) {
        await paste(w, text);
        await w.page.locator('summary', { hasText: /^Other possibilities/ }).first().click().catch(() => undefined);
        expect(await pageViolations(w.page), text).toEqual([]);
      }
      await w.context.close();
    }, 60_000);
  }
});
