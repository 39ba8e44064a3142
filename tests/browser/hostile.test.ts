/** Every widget gets the hostile corpus: nothing runs, nothing is injected, nothing leaves the page. */
import { describe, expect, it } from 'vitest';
import { useBrowser, type Watched } from './page.ts';
import { HOSTILE } from '../fixtures/hostile/corpus.ts';

const { open } = useBrowser();

async function expectInert(w: Watched, where: string) {
  await w.page.waitForTimeout(400);
  expect(await w.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), where).toBeUndefined();
  expect(await w.page.locator('main iframe, main svg[onload], main img[onerror], main template').count(), where).toBe(0);
  expect(w.consoleErrors.filter((e) => e.startsWith('pageerror')), where).toEqual([]);
  expect(w.offsiteRequests, where).toEqual([]);
}

describe('hostile input', () => {
  it('the paste box renders every hostile input as text', async () => {
    const w = await open('/diagnose/');
    const box = w.page.getByRole('textbox', { name: /^Paste/ });
    for (const h of HOSTILE) {
      await box.fill(h.text);
      await expect.poll(() => w.page.locator('.paste-diagnose__results .diagnosis, .paste-diagnose__error').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await expectInert(w, `diagnose: ${h.name}`);
    }
    await w.context.close();
  });

  it('the decoder, the troubleshooter and search do too', async () => {
    const w = await open('/decode/');
    const input = w.page.getByLabel('Decode an error code');
    for (const h of HOSTILE) {
      await input.fill(h.text.slice(0, 5000));
      await expectInert(w, `decoder: ${h.name}`);
    }
    await w.context.close();

    const t = await open('/troubleshoot/');
    await t.page.locator('summary', { hasText: 'Fill in answers from a paste' }).click();
    for (const h of HOSTILE.slice(0, 8)) {
      await t.page.getByLabel(/^Paste a log line/).fill(h.text);
      await t.page.getByRole('button', { name: 'Use this evidence' }).click();
      await expectInert(t, `troubleshooter: ${h.name}`);
    }
    await t.context.close();

    for (const h of HOSTILE.slice(0, 8)) {
      const s = await open('/search/?q=' + encodeURIComponent(h.text));
      await expectInert(s, `search: ${h.name}`);
      await s.context.close();
    }
  });
});
