// Paired comparison of two engines on the same held-out pastes: this checkout's engine and the one
// of another checkout (an older commit in a git worktree, with its own shipped word model), each
// reading this checkout's corpus. Prints only counts of cases one engine has right and the other
// not, per measure, for the fresh held-out cases. Rates over 100 to 300 fresh cases move by about a point per case
// and their 95 % intervals are 10 to 20 points wide (bench-corpus.mjs); paired counts show whether
// two engines differ at all. No case is named, so nobody tunes on held-out cases.
//
//   git worktree add /tmp/before <commit> && (cd /tmp/before && npm ci --ignore-scripts)
//   node scripts/bench-paired.mjs /tmp/before
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The measures compared: which pastes count for each, and when a paste is right. */
export const MEASURES = [
  { label: 'strong: right cause first', evidence: 'strong', right: (rank) => rank === 0 },
  { label: 'strong: right cause in the top three', evidence: 'strong', right: (rank) => rank >= 0 && rank < 3 },
  { label: 'thin: right cause in the top three', evidence: 'thin', right: (rank) => rank >= 0 && rank < 3 },
  { label: 'thin: right cause first', evidence: 'thin', right: (rank) => rank === 0 },
];

/**
 * Per measure, how many pastes only `a` has right, how many only `b`, and how many they share:
 * `a` and `b` are the ranks of the confirmed cause (-1: absent) for the same pastes, in order.
 */
export function pairedCounts(cases, a, b) {
  return MEASURES.map((m) => {
    let onlyA = 0;
    let onlyB = 0;
    let both = 0;
    let n = 0;
    cases.forEach((c, i) => {
      if (c.evidence !== m.evidence) return;
      n++;
      const x = m.right(a[i]);
      const y = m.right(b[i]);
      if (x && y) both++;
      else if (x) onlyA++;
      else if (y) onlyB++;
    });
    return { label: m.label, cases: n, onlyA, onlyB, both };
  });
}

async function ranks(root, cases) {
  const { diagnose } = await import(pathToFileURL(join(root, 'src', 'lib', 'engine', 'diagnose.ts')).href);
  return cases.map((c) => diagnose(c.text).findings.findIndex((f) => f.cause === c.expect));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const other = process.argv[2];
  if (!other) {
    console.error('usage: node scripts/bench-paired.mjs <another checkout, e.g. a git worktree of an older commit>');
    process.exit(2);
  }
  const { isFresh, readCorpus } = await import(pathToFileURL(join(ROOT, 'tests', 'support', 'real-corpus.ts')).href);
  const { CORPUS_DIRS } = await import(pathToFileURL(join(ROOT, 'scripts', 'word-training.mjs')).href);
  const fresh = readCorpus(CORPUS_DIRS).filter(isFresh);
  const here = await ranks(ROOT, fresh);
  const there = await ranks(resolve(other), fresh);
  console.log(`Fresh held-out cases: ${fresh.length}; "this" is ${ROOT}, "other" is ${resolve(other)} (each with its own shipped word model)`);
  for (const r of pairedCounts(fresh, here, there)) {
    console.log(`  ${r.label.padEnd(38)} ${String(r.cases).padStart(4)} cases: both right ${r.both}, only this ${r.onlyA}, only the other ${r.onlyB}`);
  }
}
