/**
 * Text typed or pasted while a tool page's scripts are still loading is kept and used once the
 * widget wakes (issue 14: on a slow link the first seconds of every visit used to be erased).
 * The page's scripts are held back until the text is in the field.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hydrated, useBrowser } from './page.ts';

const { open } = useBrowser();

/** Open `path` with every script held back until `release()` is called. */
async function openHeld(path: string) {
  const w = await open('/about/');
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await w.page.route(/\/_astro\/.+\.js$/, async (route) => {
    await gate;
    await route.continue();
  });
  await w.page.goto(new URL(path, w.page.url()).href, { waitUntil: 'commit' });
  return { ...w, release };
}

async function typeEarly(page: Page, selector: string, text: string) {
  const field = page.locator(selector);
  await field.waitFor({ state: 'attached' });
  // The island has not hydrated yet: the field is the server-rendered one.
  expect(await page.locator('astro-island[ssr]').count()).toBeGreaterThan(0);
  await field.fill(text);
}

const CASES: { path: string; field: string; text: string; result: string; expected: RegExp }[] = [
  { path: '/', field: '#home-diagnose-input', text: 'HTTP Error 502.3 - Bad Gateway', result: '.paste-diagnose__results', expected: /Very likely|Likely|Possible/ },
  { path: '/diagnose/', field: '#diagnose-input', text: 'HTTP Error 502.3 - Bad Gateway', result: '.paste-diagnose__results', expected: /Very likely|Likely|Possible/ },
  { path: '/decode/', field: '#decoder-input', text: '0x80072ee2', result: '.decoder__out', expected: /ERROR_WINHTTP_TIMEOUT/ },
  { path: '/check-web-config/', field: '#webconfig-input', text: '<aspNetCore processPath="dotnet" hostingModel="in-process" />', result: '.wc-checker__results', expected: /Not valid/ },
  {
    path: '/freb/',
    field: '#freb-paste',
    text: 'MODULE_SET_RESPONSE_ERROR_STATUS ModuleName="AspNetCoreModuleV2", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3", ErrorCode="The operation timed out (0x80072ee2)"',
    result: '.freb-reader__results',
    expected: /502\.3/,
  },
  { path: '/search/', field: '#search-q', text: 'requestTimeout', result: '.search-status', expected: /\d+ results?/ },
];

describe('text entered before the page is ready', () => {
  for (const c of CASES) {
    it(`${c.path}: is kept and read once the widget wakes`, async () => {
      const w = await openHeld(c.path);
      await typeEarly(w.page, c.field, c.text);
      w.release();
      await hydrated(w.page);
      await expect.poll(() => w.page.locator(c.result).innerText(), { timeout: 20_000 }).toMatch(c.expected);
      expect(await w.page.locator(c.field).inputValue()).toBe(c.text);
      expect(w.consoleErrors).toEqual([]);
      await w.context.close();
    }, 60_000);
  }
});
