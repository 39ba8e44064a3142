/**
 * Per-test-file browser session: one Chromium, a fresh context per test, and a guard that
 * records console errors, page errors and every request that leaves 127.0.0.1.
 */
import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './launch.ts';

export interface Watched {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  offsiteRequests: string[];
  requests: { url: string; postData: string | null }[];
}

export interface ContextOptions {
  theme?: 'light' | 'dark';
  javaScript?: boolean;
  viewport?: { width: number; height: number };
}

export function useBrowser() {
  let browser: Browser;
  const baseUrl = inject('baseUrl');
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A fresh context on the built site: relative URLs resolve against it. */
  function newContext(options: ContextOptions = {}): Promise<BrowserContext> {
    return browser.newContext({
      baseURL: baseUrl,
      colorScheme: options.theme ?? 'light',
      javaScriptEnabled: options.javaScript ?? true,
      viewport: options.viewport ?? { width: 1280, height: 900 },
    });
  }

  async function open(path: string, options: ContextOptions = {}): Promise<Watched> {
    const context = await newContext(options);
    const page = await context.newPage();
    const watched: Watched = { page, context, consoleErrors: [], offsiteRequests: [], requests: [] };
    page.on('console', (m) => {
      if (m.type() === 'error') watched.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => watched.consoleErrors.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      watched.requests.push({ url: r.url(), postData: r.postData() });
      const u = new URL(r.url());
      if (!(u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1')) watched.offsiteRequests.push(r.url());
    });
    await page.goto(baseUrl + path, { waitUntil: 'load' });
    if (options.javaScript !== false) await hydrated(page);
    return watched;
  }

  return { open, newContext, baseUrl };
}

/** Wait until every island that loads at once has hydrated (Astro drops the `ssr` attribute). */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll('astro-island[client="load"]')].every((el) => !el.hasAttribute('ssr')), null, { timeout: 15_000 });
}
