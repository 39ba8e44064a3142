/**
 * Lighthouse 12 (mobile profile) on the test Chromium, shared by the Lighthouse test (the checks
 * that do not depend on how busy the CPU is) and `npm run bench` (the performance score).
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags } from 'lighthouse';
import type { Result } from 'lighthouse';
import { executablePath, launchArgs } from './launch.ts';

/** The pages Lighthouse looks at: home, a cause article, a code page and the paste tool. */
export const KEY_PAGES = ['/', '/causes/request-timeout/', '/codes/0x80072ee2/', '/diagnose/'];

/** Runs Lighthouse on each of `paths` in turn, in one Chromium, and hands each report to `each`. */
export async function runLighthouse(baseUrl: string, paths: string[], flags: Flags, each: (path: string, lhr: Result) => void): Promise<void> {
  const chromeFlags = (await launchArgs()).filter((a) => !a.startsWith('--headless')).concat(['--headless=new']);
  const chrome = await chromeLauncher.launch({ chromePath: await executablePath(), chromeFlags, logLevel: 'silent' });
  try {
    for (const path of paths) {
      const result = await lighthouse(baseUrl + path, { port: chrome.port, output: 'json', logLevel: 'error', ...flags });
      if (!result?.lhr) throw new Error(`Lighthouse returned no result for ${path}`);
      each(path, result.lhr);
    }
  } finally {
    chrome.kill();
  }
}
