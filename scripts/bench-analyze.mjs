// IIS log analyzer benchmark: writes a realistic 1M-line IIS log into the temp folder, then
// reports throughput (MB/s, wall clock and per CPU second) and peak RSS of the Node analyzer on
// one core and on two, and goaccess's time on the same file when goaccess is on PATH. Figures
// are printed, never asserted. The file is deleted afterwards.
//
//   node scripts/bench-analyze.mjs [--lines N]
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeLog } from './bench-log.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const TARGET_MBS = 250;

/** Child mode: read the file once with N threads and print the figures as JSON. */
async function child(file, threads) {
  const { analyzeFile } = await import(pathToFileURL(join(ROOT, 'src', 'cli', 'analyze.ts')).href);
  const info = { parts: 0, fixups: 0 };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const stats = await analyzeFile(file, threads, info);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const { maxRSS } = process.resourceUsage();
  process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRSS, bytes: stats.bytes, requests: stats.requests, parts: info.parts }));
}

function onPath(cmd) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, cmd), constants.X_OK);
      return join(dir, cmd);
    } catch {
      // not here
    }
  }
  return null;
}


function measure(file, threads, rounds = 3) {
  const runs = [];
  for (let i = 0; i < rounds; i++) {
    const r = spawnSync(process.execPath, [SELF, '--child', file, String(threads)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`analyzer run failed: ${r.stderr}`);
    runs.push(JSON.parse(r.stdout));
  }
  runs.sort((a, b) => a.ms - b.ms);
  return { best: runs[0], median: runs[Math.floor(runs.length / 2)] };
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1], Number(args[2]));
  const li = args.indexOf('--lines');
  const lines = li >= 0 ? Math.max(1000, Number(args[li + 1]) || 1_000_000) : 1_000_000;

  const dir = mkdtempSync(join(tmpdir(), 'bench-analyze-'));
  const file = join(dir, 'u_ex240305.log');
  try {
    const t0 = performance.now();
    const expected = await writeLog(file, lines);
    const size = statSync(file).size;
    console.log(`Generated ${lines.toLocaleString('en-US')} lines, ${(size / 1e6).toFixed(1)} MB, in ${((performance.now() - t0) / 1000).toFixed(1)} s (${expected.byStatus['502'] ?? 0} 502s).`);
    console.log(`Cores available: ${availableParallelism()}. Target: ${TARGET_MBS} MB/s on one core.`);
    const rows = [];
    for (const threads of [1, 2]) {
      const { best, median } = measure(file, threads);
      if (best.requests !== expected.requests) console.log(`  WARNING: counted ${best.requests} requests, wrote ${expected.requests}`);
      const mbs = size / 1e6 / (median.ms / 1000);
      rows.push({ threads, ms: median.ms });
      console.log(
        `  Node analyzer, ${threads === 1 ? 'one core ' : 'two cores'}: ${mbs.toFixed(0)} MB/s (median of 3, ${median.ms.toFixed(0)} ms; best ${(size / 1e6 / (best.ms / 1000)).toFixed(0)} MB/s), ` +
          `${(size / 1e6 / (median.cpuMs / 1000)).toFixed(0)} MB per CPU second, peak RSS ${(median.maxRSS / 1024).toFixed(0)} MB, ${median.parts} part(s)` +
          (threads === 1 ? (mbs >= TARGET_MBS ? ' (target met)' : ' (below target)') : ''),
      );
    }
    const goaccess = onPath('goaccess');
    if (!goaccess) {
      console.log('  goaccess not installed');
    } else {
      const out = join(dir, 'goaccess.json');
      const g0 = performance.now();
      const r = spawnSync(goaccess, [file, '--log-format=W3C', '-o', out, '--no-global-config'], { encoding: 'utf8' });
      const gms = performance.now() - g0;
      if (r.status !== 0) console.log(`  goaccess failed (exit ${r.status}): ${(r.stderr || '').trim().split('\n')[0]}`);
      else {
        const node1 = rows[0].ms;
        console.log(`  goaccess: ${(size / 1e6 / (gms / 1000)).toFixed(0)} MB/s (${gms.toFixed(0)} ms); Node one core is ${(gms / node1).toFixed(2)}x goaccess's speed`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench-analyze: ${e.message}`);
  process.exitCode = 1;
});
