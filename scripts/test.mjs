// `npm test`: the whole suite in one command, stopping at the first failing stage.
//   1. astro check and vitest (unit and integration tests), side by side: the type check keeps
//      one core busy for its whole run, the unit tests fill what is left
//   2. astro build       (a fresh site with its Pagefind index; not beside the type check, since
//      both write Astro's generated types under .astro/)
//   3. browser tests     (playwright-core + Chromium against the built site on 127.0.0.1)
//   4. Lighthouse        (alone, so no other test competes for the CPU)
// Stages 3 and 4 are the two projects of vitest.browser.config.ts.
// Prints the time of each stage, then one closing line "N passed, N failed" over all vitest tests.
import { spawn, spawnSync } from 'node:child_process';
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

/** Runs two commands at once; output goes to the terminal as it comes, each line tagged. */
async function both(a, b) {
  const one = ([label, cmd, args]) =>
    new Promise((resolve) => {
      console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
      const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
      for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
        let rest = '';
        from.setEncoding('utf8');
        from.on('data', (chunk) => {
          const lines = (rest + chunk).split('\n');
          rest = lines.pop();
          for (const line of lines) to.write(`[${label}] ${line}\n`);
        });
        from.on('end', () => rest && to.write(`[${label}] ${rest}\n`));
      }
      child.on('error', (err) => {
        console.error(`${label} could not start: ${err.message}`);
        resolve(false);
      });
      child.on('close', (code) => resolve(code === 0));
    });
  const [okA, okB] = await Promise.all([one(a), one(b)]);
  return okA && okB;
}

function vitestArgs(extra, file) {
  return ['run', ...extra, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`];
}

function vitest(label, extra, file) {
  const ok = run(label, 'vitest', vitestArgs(extra, file));
  return counted(label, file) && ok;
}

/** Adds the vitest JSON report `file` to the totals; false when it is missing or ran no test. */
function counted(label, file) {
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
  return true;
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
  ['type check + unit tests', () => both(['type check', 'astro', ['check']], ['unit tests', 'vitest', vitestArgs([], join(out, 'unit.json'))]).then((ok) => counted('unit tests', join(out, 'unit.json')) && ok)],
  ['build', () => run('build', 'astro', ['build'])],
  ['browser tests', () => vitest('browser tests', ['--config', 'vitest.browser.config.ts', '--project', 'browser'], join(out, 'browser.json'))],
  ['Lighthouse', () => vitest('Lighthouse', ['--config', 'vitest.browser.config.ts', '--project', 'lighthouse'], join(out, 'lighthouse.json'))],
];
for (const [label, stage] of stages) {
  const t0 = performance.now();
  const ok = await stage();
  times.push([label, (performance.now() - t0) / 1000]);
  if (!ok) {
    console.error('\nnpm test failed at the stage above.');
    finish(1);
  }
}
finish(0);
