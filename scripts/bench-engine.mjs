// Engine benchmark: diagnose() latency per pasted line over every fixture under tests/fixtures/,
// and the time for a 1 MB mixed paste. Reports against the targets, never fails on them.
//
//   node scripts/bench-engine.mjs          (Node 24: imports the TypeScript engine directly)
//
// `scripts/bench.mjs` can import { runEngineBench } and print or collect the same numbers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const TARGETS = { p95PerLineMs: 2, oneMegabyteMs: 250 };

function filesUnder(dir) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Case files carry "# expect:" style header lines; drop them like the case runner does. */
function pasteOf(text) {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && /^# (expect|kinds|note):/.test(lines[i])) i++;
  return lines.slice(i).join('\n');
}

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function time(fn) {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/**
 * Run the benchmark. Returns the numbers; `log` (default console.log) prints a report.
 * Options: `rounds` (timed repetitions per paste, the median is kept).
 */
export async function runEngineBench({ log = console.log, rounds = 3 } = {}) {
  const { diagnose } = await import(pathToFileURL(join(ROOT, 'src', 'lib', 'engine', 'diagnose.ts')).href);
  const { RECOGNISERS } = await import(pathToFileURL(join(ROOT, 'src', 'lib', 'recognisers', 'index.ts')).href);
  const { indexLines } = await import(pathToFileURL(join(ROOT, 'src', 'lib', 'engine', 'lines.ts')).href);
  const pastes = filesUnder(FIXTURES)
    .filter((f) => /\.(txt|log|xml|html?|json|config|out)$/i.test(f))
    .map((f) => ({ file: f.slice(FIXTURES.length + 1), text: pasteOf(readFileSync(f, 'utf8')) }))
    .filter((p) => p.text.trim() !== '');

  // Warm up the JIT and the module graph.
  for (const p of pastes.slice(0, 20)) diagnose(p.text);

  const median = (fn) => {
    const t = [];
    for (let r = 0; r < rounds; r++) t.push(time(fn));
    t.sort((a, b) => a - b);
    return t[Math.floor(t.length / 2)];
  };

  // 1. Every non-blank line pasted on its own.
  const single = [];
  for (const p of pastes) {
    for (const line of p.text.split(/\r?\n/)) {
      if (line.trim() === '') continue;
      single.push(median(() => diagnose(line)));
    }
  }
  single.sort((a, b) => a - b);

  // 2. Whole fixtures: milliseconds per non-blank line.
  const perLine = [];
  for (const p of pastes) {
    const n = p.text.split(/\r?\n/).filter((l) => l.trim() !== '').length || 1;
    perLine.push(median(() => diagnose(p.text)) / n);
  }
  perLine.sort((a, b) => a - b);

  // 3. A 1 MB paste mixing every fixture.
  const all = pastes.map((p) => p.text).join('\n');
  let big = '';
  while (big.length < 1_000_000) big += all + '\n';
  big = big.slice(0, 1_000_000);
  const bigLines = big.split('\n').length;
  const bigMs = median(() => diagnose(big));
  // Where the time goes: each recogniser alone on the same paste, and the rest of the engine.
  const bigLinesIndex = indexLines(big);
  const byKind = RECOGNISERS.map((r) => ({ kind: r.kind, ms: median(() => r.recognise(big, bigLinesIndex)) }));
  const recognisersMs = byKind.reduce((a, b) => a + b.ms, 0);
  // The engine without recognition: the same facts handed in by a stand-in recogniser.
  const facts = diagnose(big).facts;
  const cached = [{ kind: 'iis-log', recognise: () => facts }];
  const engineMs = median(() => diagnose(big, { recognisers: cached }));

  const result = {
    fixtures: pastes.length,
    singleLine: { count: single.length, p50: percentile(single, 50), p95: percentile(single, 95), max: single.at(-1) ?? 0 },
    wholeFilePerLine: { count: perLine.length, p50: percentile(perLine, 50), p95: percentile(perLine, 95) },
    oneMegabyte: { chars: big.length, lines: bigLines, ms: bigMs, perLineMs: bigMs / bigLines, recognisersMs, byKind, engineMs, facts: facts.length },
    targets: TARGETS,
  };
  const ok = (v, t) => (v <= t ? 'ok' : 'OVER TARGET');
  const f = (ms) => `${ms.toFixed(3)} ms`;
  log(`Engine benchmark over ${result.fixtures} fixtures (median of ${rounds} runs each)`);
  log(`  one line pasted alone (${result.singleLine.count} lines): p50 ${f(result.singleLine.p50)}, p95 ${f(result.singleLine.p95)} [target p95 <= ${TARGETS.p95PerLineMs} ms: ${ok(result.singleLine.p95, TARGETS.p95PerLineMs)}], max ${f(result.singleLine.max)}`);
  log(`  whole fixture, per line (${result.wholeFilePerLine.count} files): p50 ${f(result.wholeFilePerLine.p50)}, p95 ${f(result.wholeFilePerLine.p95)} [target p95 <= ${TARGETS.p95PerLineMs} ms: ${ok(result.wholeFilePerLine.p95, TARGETS.p95PerLineMs)}]`);
  log(`  1 MB mixed paste (${result.oneMegabyte.lines} lines): ${f(result.oneMegabyte.ms)} [target <= ${TARGETS.oneMegabyteMs} ms: ${ok(result.oneMegabyte.ms, TARGETS.oneMegabyteMs)}]`);
  log(`    recognisers alone: ${f(recognisersMs)} (${[...byKind].sort((a, b) => b.ms - a.ms).map((k) => `${k.kind} ${k.ms.toFixed(1)}`).join(', ')})`);
  log(`    engine without recognition (${facts.length} facts: clean-up, ranking, tree, line coverage): ${f(engineMs)}`);
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runEngineBench();
}
