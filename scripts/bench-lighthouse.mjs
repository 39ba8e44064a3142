// Lighthouse (mobile profile) on the key pages of the built site: the four category scores,
// performance included, and the lab metrics behind the performance score. Printed, never
// asserted: the performance score moves with how busy the CPU is (`npm test` checks only the
// CPU-independent part, in tests/browser/lighthouse.test.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['speed-index', 'SI'],
  ['cumulative-layout-shift', 'CLS'],
];

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.log('dist/index.html is missing: build first (npm run build)');
    return;
  }
  const { startStaticServer } = await import(pathToFileURL(join(ROOT, 'scripts', 'static-server.mjs')).href);
  const { KEY_PAGES, runLighthouse } = await import(pathToFileURL(join(ROOT, 'tests', 'browser', 'lighthouse-run.ts')).href);
  const server = await startStaticServer({ root: DIST, port: 0 });
  try {
    await runLighthouse(server.url, KEY_PAGES, { onlyCategories: CATEGORIES }, (path, lhr) => {
      const scores = CATEGORIES.map((c) => `${c} ${Math.round((lhr.categories[c]?.score ?? 0) * 100)}`).join(', ');
      const metrics = METRICS.map(([id, name]) => `${name} ${lhr.audits[id]?.displayValue ?? '?'}`).join(', ');
      console.log(`${path}: ${scores}; ${metrics}`);
    });
  } finally {
    await server.close();
  }
}

main().catch((e) => {
  console.error(`bench-lighthouse: ${e.message}`);
  process.exitCode = 1;
});
