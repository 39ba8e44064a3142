// IIS log analyzer benchmark, browser side: serves the built site (dist/) on 127.0.0.1, writes
// a realistic 1M-line IIS log into the temp folder, hands it to /analyze/ in the test Chromium
// through the page's file input, and reports how fast the page's Web Worker reads it (MB/s from
// hand-over to the Summary being shown) and how much memory the renderer process (page + worker)
// and the browser process peaked at. Figures are printed, never asserted. Each round runs in a
// fresh browser context, so each page gets a renderer process of its own. The log, the browser
// and the server are removed / closed afterwards.
//
//   node scripts/bench-analyze-browser.mjs [--lines N] [--rounds R]
//
// Memory figures, and what they measure:
//  - renderer VmHWM: the peak resident set of the renderer process that hosted /analyze/, read
//    from /proc/<pid>/status once the results are shown (Linux only). The dedicated worker runs
//    in that process, so this covers the page, the worker and the file's bytes as they stream in.
//    It includes what the page itself needed before the file was handed over (printed as the
//    baseline RSS).
//  - browser VmHWM: the same for the browser process, which serves the file's bytes to the blob
//    reader. One browser serves every round, so this is its peak since launch.
//  - page JS heap: Chrome DevTools Protocol Performance.getMetrics JSHeapUsedSize, sampled every
//    100 ms during the read. This is the page's main-thread heap only, not the worker's.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeLog } from './bench-log.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const NODE_TARGET_MBS = 250;
const MB = 1024 * 1024;

function argValue(args, name, fallback, min) {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const n = Number(args[i + 1]);
  return Number.isFinite(n) && n >= min ? Math.floor(n) : fallback;
}


/** A field of /proc/<pid>/status in bytes (VmRSS, VmHWM), or null when it cannot be read. */
function procStatus(pid, field) {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

async function processIds(browserSession) {
  try {
    const { processInfo } = await browserSession.send('SystemInfo.getProcessInfo');
    return processInfo;
  } catch {
    return [];
  }
}

const mbText = (bytes) => (bytes == null ? 'n/a' : `${(bytes / MB).toFixed(0)} MiB`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One round: fresh context and page, hand the file over, wait for the Summary. */
async function round(browser, browserSession, baseUrl, file, size) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${baseUrl}/analyze/`, { waitUntil: 'load' });
    await page.waitForFunction(() => [...document.querySelectorAll('astro-island[client="load"]')].every((el) => !el.hasAttribute('ssr')), null, { timeout: 15_000 });
    // Timestamps taken in the page: the input's change event, and the moment the results
    // region gets its Summary heading (or the error message appears).
    await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      w.__bench = { start: 0, done: 0, error: '' };
      document.addEventListener('change', () => (w.__bench.start = performance.now()), { capture: true, once: true });
      const region = document.querySelector('.log-analyzer__results');
      const root = region ?? document.body;
      const check = () => {
        if (w.__bench.done) return;
        const h2 = root.querySelector('h2');
        if (h2 && h2.textContent === 'Summary') w.__bench.done = performance.now();
        const err = document.querySelector('.log-analyzer__error');
        if (err) w.__bench.error = err.textContent || 'error';
      };
      new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
    });

    const procs = await processIds(browserSession);
    const renderers = procs.filter((p) => p.type === 'renderer').map((p) => p.id);
    const browserPid = procs.find((p) => p.type === 'browser')?.id;
    const baseline = Math.max(0, ...renderers.map((pid) => procStatus(pid, 'VmRSS') ?? 0));

    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    let heapPeak = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        try {
          const { metrics } = await cdp.send('Performance.getMetrics');
          const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
          if (used > heapPeak) heapPeak = used;
        } catch {
          // page busy or closing: skip this sample
        }
        await new Promise((ok) => setTimeout(ok, 100));
      }
    })();

    const t0 = performance.now();
    await page.locator('.log-analyzer input[type="file"]').setInputFiles(file);
    const handle = await page.waitForFunction(() => {
      const b = /** @type {any} */ (window).__bench;
      return b.done || b.error ? b : null;
    }, null, { timeout: 600_000, polling: 50 });
    const wallMs = performance.now() - t0;
    sampling = false;
    await sampler;
    const bench = await handle.jsonValue();
    if (bench.error) throw new Error(`the page reported: ${bench.error}`);
    if (errors.length) console.log(`  page errors: ${errors.join(' | ')}`);

    // The renderer with the highest peak is the one that hosted the page (others are spares).
    const rendererPeak = Math.max(0, ...renderers.map((pid) => procStatus(pid, 'VmHWM') ?? 0)) || null;
    const browserPeak = browserPid ? procStatus(browserPid, 'VmHWM') : null;
    const requests = await page.locator('.analyze-summary div', { has: page.locator('dt', { hasText: /^Requests/ }) }).locator('dd').innerText().catch(() => '');
    return {
      pageMs: bench.done - bench.start,
      wallMs,
      mbs: size / 1e6 / ((bench.done - bench.start) / 1000),
      rendererPeak,
      browserPeak,
      baseline: baseline || null,
      heapPeak: heapPeak || null,
      requests: Number(requests.replace(/[^\d]/g, '')),
      renderers: renderers.length,
    };
  } finally {
    await context.close().catch(() => {});
  }
}

async function main() {
  const args = process.argv.slice(2);
  if (!existsSync(join(DIST, 'analyze', 'index.html'))) {
    console.log('dist/analyze/index.html is missing: build first (npm run build)');
    return;
  }
  const lines = argValue(args, '--lines', 1_000_000, 1000);
  const rounds = argValue(args, '--rounds', 3, 1);

  const { startStaticServer } = await import(pathToFileURL(join(ROOT, 'scripts', 'static-server.mjs')).href);
  const { launchBrowser } = await import(pathToFileURL(join(ROOT, 'tests', 'browser', 'launch.ts')).href);

  const dir = mkdtempSync(join(tmpdir(), 'bench-analyze-browser-'));
  const file = join(dir, 'u_ex240305.log');
  let server;
  let browser;
  try {
    const g0 = performance.now();
    const expected = await writeLog(file, lines);
    const size = statSync(file).size;
    console.log(`Generated ${lines.toLocaleString('en-US')} lines, ${(size / 1e6).toFixed(1)} MB, in ${((performance.now() - g0) / 1000).toFixed(1)} s (${expected.byStatus['502'] ?? 0} 502s).`);

    server = await startStaticServer({ root: DIST, port: 0 });
    // The optimising JIT on, as in a reader's browser (the browser tests turn it off to save CPU).
    browser = await launchBrowser({ optimisingJit: true });
    const browserSession = await browser.newBrowserCDPSession();
    console.log(`Chromium ${browser.version()}, headless; ${rounds} round(s), each in a fresh context. Node analyzer target for comparison: ${NODE_TARGET_MBS} MB/s.`);

    const results = [];
    for (let i = 0; i < rounds; i++) {
      const r = await round(browser, browserSession, server.url, file, size);
      results.push(r);
      const count = r.requests === expected.requests ? 'count matches' : `WARNING: page shows ${r.requests} requests, wrote ${expected.requests}`;
      console.log(
        `  round ${i + 1}: ${r.mbs.toFixed(0)} MB/s (${r.pageMs.toFixed(0)} ms in the page from the change event to the Summary; ${r.wallMs.toFixed(0)} ms wall clock from setInputFiles), ` +
          `renderer peak ${mbText(r.rendererPeak)} (before hand-over ${mbText(r.baseline)}; ${r.renderers} renderer process(es) seen), browser process peak since launch ${mbText(r.browserPeak)}, ` +
          `page main-thread JS heap peak ${mbText(r.heapPeak)}; ${count}`,
      );
    }
    const med = median(results.map((r) => r.pageMs));
    const best = Math.min(...results.map((r) => r.pageMs));
    const mbs = size / 1e6 / (med / 1000);
    console.log(
      `  Browser worker: ${mbs.toFixed(0)} MB/s (median of ${rounds}, ${med.toFixed(0)} ms; best ${(size / 1e6 / (best / 1000)).toFixed(0)} MB/s), ` +
        `${(mbs / NODE_TARGET_MBS).toFixed(2)}x the Node target; renderer peak (VmHWM, page + worker) up to ${mbText(Math.max(...results.map((r) => r.rendererPeak ?? 0)) || null)}.`,
    );
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench-analyze-browser: ${e.message}`);
  process.exitCode = 1;
});
