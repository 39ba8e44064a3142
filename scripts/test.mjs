// `npm test`: the whole suite in one command, stopping at the first failing stage.
//   1. astro check       (types of every .astro and .ts file)
//   2. vitest            (unit and integration tests)
//   3. astro build       (a fresh site with its Pagefind index)
//   4. browser tests     (playwright-core + Chromium against the built site on 127.0.0.1)
//   5. Lighthouse        (alone, so no other test competes for the CPU)
// Stages 4 and 5 are the two projects of vitest.browser.config.ts.
// Prints the time of each stage, then one closing line "N passed, N failed" over all vitest tests.
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

const times = [];

function finish(code) {
  if (times.length) {
    const width = Math.max(...times.map(([label]) => label.length));
    const total = times.reduce((sum, [, s]) => sum + s, 0);
    console.log('\nStage times:');
    for (const [label, s] of times) console.log(`  ${label.padEnd(width)}  ${clock(s)}`);
    console.log(`  ${'total'.padEnd(width)}  ${clock(total)}`);
  }
  console.log(`\n${totals.passed} passed, ${totals.failed} failed` + (totals.skipped ? `, ${totals.skipped} skipped` : ''));
  process.exit(code);
}

/** 83.4 -> "1 m 23 s" */
function clock(seconds) {
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)} m ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}

const stages = [
  ['type check', () => run('type check', 'astro', ['check'])],
  ['unit tests', () => vitest('unit tests', [], join(out, 'unit.json'))],
  ['build', () => run('build', 'astro', ['build'])],
  ['browser tests', () => vitest('browser tests', ['--config', 'vitest.browser.config.ts', '--project', 'browser'], join(out, 'browser.json'))],
  ['Lighthouse', () => vitest('Lighthouse', ['--config', 'vitest.browser.config.ts', '--project', 'lighthouse'], join(out, 'lighthouse.json'))],
];
for (const [label, stage] of stages) {
  const t0 = performance.now();
  const ok = stage();
  times.push([label, (performance.now() - t0) / 1000]);
  if (!ok) {
    console.error('\nnpm test failed at the stage above.');
    finish(1);
  }
}
finish(0);
