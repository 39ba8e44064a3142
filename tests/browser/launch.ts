/**
 * Launches the test Chromium: the one the @sparticuz/chromium npm package ships (so `npm install`
 * alone brings a browser, unpacked once and atomically: see chromium-unpack.ts), or a system
 * Chromium named by CHROMIUM_PATH.
 */
import { chromium as playwright, type Browser } from 'playwright-core';
import { unpackChromium } from './chromium-unpack.ts';

// Flags of @sparticuz/chromium that would weaken what the tests check (same-origin and CSP
// behaviour) or that only suit serverless sandboxes.
const DROP = new Set(['--disable-web-security', '--allow-running-insecure-content', '--single-process', '--no-zygote', "--headless='shell'"]);
// GPU emulation in software (SwiftShader behind ANGLE) costs CPU on every paint; headless tests
// read layout, styles and the DOM, which plain software compositing gives for less.
const SOFTWARE_GL = /^--(use-gl|use-angle|enable-unsafe-swiftshader|in-process-gpu|ignore-gpu-blocklist)\b/;
// This machine has no network beyond the package registries: keep Chromium from calling home.
const QUIET = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-default-apps', '--metrics-recording-only'];
// The browser tests check what pages show and do, never how fast their scripts run. In a sweep,
// V8's optimising compilers (Maglev, TurboFan) compile axe and the site's scripts again on every
// page, on background threads: over a quarter of the renderers' CPU time, more than the faster
// code saves. Scripts run the same without them (interpreter and baseline compiler). Lighthouse
// keeps them: it launches with launchArgs() alone (lighthouse-run.ts).
const NO_OPTIMISING_JIT = '--js-flags=--no-maglev --no-turbofan';

export async function executablePath(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return unpackChromium();
}

export async function launchArgs(): Promise<string[]> {
  const base = process.env.CHROMIUM_PATH ? ['--no-sandbox', '--disable-gpu'] : (await import('@sparticuz/chromium')).default.args;
  return [...base.filter((a) => !DROP.has(a) && !SOFTWARE_GL.test(a)), '--disable-gpu', ...QUIET].filter((a, i, all) => all.indexOf(a) === i);
}

/**
 * The test Chromium. `optimisingJit: true` keeps V8's optimising compilers, for a benchmark that
 * times the site's own scripts (scripts/bench-analyze-browser.mjs): without them it measures an
 * interpreter, not what a reader's browser runs.
 */
export async function launchBrowser(options: { optimisingJit?: boolean } = {}): Promise<Browser> {
  const args = await launchArgs();
  return playwright.launch({ executablePath: await executablePath(), args: options.optimisingJit ? args : [...args, NO_OPTIMISING_JIT], headless: true });
}
