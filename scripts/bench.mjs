// `npm run bench`: every benchmark of the project, one after the other. Figures are printed,
// never asserted (speed targets are not unit tests).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const benches = [
  ['real corpus: right cause, learning and held-out parts', 'scripts/bench-corpus.mjs'],
  ['engine', 'scripts/bench-engine.mjs'],
  ['IIS log analyzer', 'scripts/bench-analyze.mjs'],
  ['IIS log analyzer in the browser', 'scripts/bench-analyze-browser.mjs'],
  ['site build', 'scripts/bench-build.mjs'],
  ['Lighthouse, performance included', 'scripts/bench-lighthouse.mjs'],
].filter(([, file]) => existsSync(file));

let failed = 0;
for (const [name, file] of benches) {
  console.log(`\n=== ${name} (${file}) ===`);
  const r = spawnSync(process.execPath, [file, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
