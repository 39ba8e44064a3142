// `npm test`: the whole suite in one command, stopping at the first failing stage.
//   1. astro check       (types of every .astro and .ts file)
//   2. vitest            (unit and integration tests)
//   3. astro build       (a fresh site with its Pagefind index)
//   4. browser tests     (playwright-core + Chromium against the built site on 127.0.0.1)
// Prints one closing line "N passed, N failed" over all vitest tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'bgg-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label, cmd, args) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.error) {
    console.error(`${label} could not start: ${r.error.message}`);
    return false;
  }
  return r.status === 0;
}

function vitest(label, extra, file) {
  const ok = run(label, 'vitest', ['run', ...extra, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += r.numPassedTests ?? 0;
    totals.failed += r.numFailedTests ?? 0;
    totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    if ((r.numTotalTests ?? 0) === 0) {
      console.error(`${label}: no tests ran`);
      return false;
    }
  } catch {
    console.error(`${label}: no test report was written`);
    return false;
  }
  return ok;
}

function finish(code) {
  console.log(`\n${totals.passed} passed, ${totals.failed} failed` + (totals.skipped ? `, ${totals.skipped} skipped` : ''));
  process.exit(code);
}

const stages = [
  () => run('type check', 'astro', ['check']),
  () => vitest('unit tests', [], join(out, 'unit.json')),
  () => run('build', 'astro', ['build']),
  () => vitest('browser tests', ['--config', 'vitest.browser.config.ts'], join(out, 'browser.json')),
];
for (const stage of stages) {
  if (!stage()) {
    console.error('\nnpm test failed at the stage above.');
    finish(1);
  }
}
finish(0);
