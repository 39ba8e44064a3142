// Corpus benchmark: how often the engine names the cause a public thread confirmed, over the real
// corpus (tests/fixtures/real/ and tests/fixtures/real-events/, format in
// tests/support/real-corpus.ts). Prints, for the learning and the held-out part separately:
// count, top-1, top-3 and no-answer rates, per input kind and for strong vs thin pastes, and the
// goals of issue 10 with met / not met; then the same for the held-out cases no held-out review has
// selected ("fresh": the reviewed ones stayed held out because the engine had them right, so they
// flatter it). Asserts nothing.
//
//   node scripts/bench-corpus.mjs            (also run by `npm run bench`)
//
// Held-out cases are diagnosed here only to count them: no per-case held-out result is printed or
// returned with its file name, so nobody tunes the engine on them.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Issue 10's goals; they are judged on the held-out part. */
export const GOALS = { strongTop1: 0.85, strongTop3: 0.95, strongNoAnswer: 0.02, thinTop3: 0.7 };

async function load() {
  const { isFresh, readCorpus } = await import(pathToFileURL(join(ROOT, 'tests', 'support', 'real-corpus.ts')).href);
  const { diagnose } = await import(pathToFileURL(join(ROOT, 'src', 'lib', 'engine', 'diagnose.ts')).href);
  const { CORPUS_DIRS, foldModels, foldOf } = await import(pathToFileURL(join(ROOT, 'scripts', 'word-training.mjs')).href);
  return { cases: readCorpus(CORPUS_DIRS), diagnose, folds: await foldModels(), foldOf, isFresh };
}

/**
 * One row per case: the part (and whether the case is fresh), kind and evidence strength of the
 * paste, the rank of the confirmed cause among the findings (0 = first, -1 = absent), how many
 * findings there were, and the confidence and rightness of the top finding. Rows carry no file
 * name or text.
 */
export async function corpusRows() {
  const { cases, diagnose, folds, foldOf, isFresh } = await load();
  return cases.map((c) => {
    // The word model learned from the learning part; a learning case is read with the model of
    // its fold, which never saw it, so its words count as unseen (scripts/word-training.mjs).
    const d = c.part === 'learning' ? diagnose(c.text, { wordModel: folds[foldOf(c.source)] }) : diagnose(c.text);
    const top = d.findings[0];
    return {
      part: c.part,
      fresh: isFresh(c),
      kind: c.kind,
      evidence: c.evidence,
      rank: d.findings.findIndex((f) => f.cause === c.expect),
      findings: d.findings.length,
      confidence: top ? top.confidence : 0,
      right: top !== undefined && top.cause === c.expect,
    };
  });
}

/**
 * For calibration (issue 12): per case, the top finding's confidence and whether it was the
 * confirmed cause; cases with no finding have confidence 0 and are never right. `part` picks
 * 'learning', 'held-out' or (default) both.
 */
export async function calibrationPoints(part) {
  const rows = await corpusRows();
  return rows.filter((r) => part === undefined || r.part === part).map((r) => ({ confidence: r.confidence, right: r.right }));
}

/**
 * The 95 % Wilson score interval of a share `k` of `n`: where the rate of many more pastes like
 * these would lie. Over the 100 to 300 fresh cases a reading has, it is 10 to 17 points wide, so a
 * change of a point or two between two engines is no change (compare them case by case instead).
 */
export function wilson(k, n, z = 1.96) {
  if (n === 0) return [NaN, NaN];
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

function rates(rows) {
  const n = rows.length;
  const share = (pred) => (n === 0 ? NaN : rows.filter(pred).length / n);
  return {
    count: n,
    top1: share((r) => r.rank === 0),
    top3: share((r) => r.rank >= 0 && r.rank < 3),
    noAnswer: share((r) => r.findings === 0),
  };
}

/** Rates for one part: overall, by evidence strength, by kind, and the goals. */
export function summarise(rows) {
  const byKind = {};
  for (const kind of [...new Set(rows.map((r) => r.kind))].sort()) byKind[kind] = rates(rows.filter((r) => r.kind === kind));
  const strong = rates(rows.filter((r) => r.evidence === 'strong'));
  const thin = rates(rows.filter((r) => r.evidence === 'thin'));
  const goals = [
    ['strong: right cause first', strong.top1, GOALS.strongTop1, '>='],
    ['strong: right cause in the top three', strong.top3, GOALS.strongTop3, '>='],
    ['strong: no finding at all', strong.noAnswer, GOALS.strongNoAnswer, '<='],
    ['thin: right cause in the top three', thin.top3, GOALS.thinTop3, '>='],
  ].map(([label, value, goal, op]) => {
    const n = label.startsWith('strong') ? strong.count : thin.count;
    return { label, value, goal, op, met: Number.isNaN(value) ? false : op === '>=' ? value >= goal : value <= goal, interval: wilson(Math.round(value * n), n) };
  });
  return { all: rates(rows), strong, thin, byKind, goals };
}

const pct = (v) => (Number.isNaN(v) ? '   -  ' : `${(v * 100).toFixed(1).padStart(5)}%`);
/** Held-out groups smaller than this show only their count: a rate over one or two cases is a per-case result. */
export const MIN_HELD_OUT_GROUP = 5;
const line = (label, r, held) =>
  held && r.count < MIN_HELD_OUT_GROUP
    ? `  ${label.padEnd(20)} ${String(r.count).padStart(5)}  (fewer than ${MIN_HELD_OUT_GROUP} held-out cases: rates not shown)`
    : `  ${label.padEnd(20)} ${String(r.count).padStart(5)}  ${pct(r.top1)}  ${pct(r.top3)}  ${pct(r.noAnswer)}`;

export async function runCorpusBench({ log = console.log } = {}) {
  const rows = await corpusRows();
  const result = {};
  const blocks = [
    ['learning', 'Learning part (tuned on; its word hints from a model that never saw the case)', (r) => r.part === 'learning'],
    ['held-out', 'Held-out part (never tuned on; aggregate rates only)', (r) => r.part === 'held-out'],
    ['fresh', 'Held-out, fresh: the cases no held-out review has selected (unbiased; see tests/support/real-corpus.ts)', (r) => r.fresh],
  ];
  for (const [part, title, pick] of blocks) {
    const held = part !== 'learning';
    const s = summarise(rows.filter(pick));
    result[part] = s;
    log(`\n${title}`);
    log(`  ${''.padEnd(20)} ${'cases'.padStart(5)}  ${'top-1'.padStart(6)}  ${'top-3'.padStart(6)}  ${'none'.padStart(6)}`);
    log(line('all', s.all, held));
    log(line('strong', s.strong, held));
    log(line('thin', s.thin, held));
    for (const [kind, r] of Object.entries(s.byKind)) log(line(`kind ${kind}`, r, held));
    log('  goals (issue 10; judged on the held-out part; in parentheses the 95 % interval):');
    for (const g of s.goals) {
      const hidden = held && (g.label.startsWith('strong') ? s.strong : s.thin).count < MIN_HELD_OUT_GROUP;
      const [low, high] = g.interval;
      const range = hidden || Number.isNaN(low) ? ''.padEnd(14) : `(${(low * 100).toFixed(1)}-${(high * 100).toFixed(1)})`.padEnd(14);
      log(`    ${g.label.padEnd(38)} ${hidden ? '   -  ' : pct(g.value)} ${range} goal ${g.op} ${(g.goal * 100).toFixed(0)}%  ${hidden ? 'too few cases' : g.met ? 'met' : 'not met'}`);
    }
  }
  log('\nConfidence words (thresholds from `npm run calibrate`, content/data/confidence.json): top finding per case');
  const { calibrationTable } = await import(pathToFileURL(join(ROOT, 'src', 'lib', 'report', 'confidence.ts')).href);
  for (const [part, , pick] of blocks) {
    log(`  ${part}`);
    for (const r of calibrationTable(rows.filter(pick))) {
      const share = part !== 'learning' && r.count < MIN_HELD_OUT_GROUP ? `(fewer than ${MIN_HELD_OUT_GROUP}: share not shown)` : r.count ? `${pct(r.right / r.count)} right` : '';
      log(`    ${r.word.padEnd(12)} ${String(r.count).padStart(5)}  ${share}`);
    }
  }
  log(`\n${rows.length} real cases in all (learning ${result.learning.all.count}, held-out ${result['held-out'].all.count}, of which fresh ${result.fresh.all.count})`);
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runCorpusBench();
}
