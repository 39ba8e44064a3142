// `npm run calibrate`: derives the confidence words' thresholds (src/lib/report/confidence.ts)
// from the LEARNING part of the real corpus only and writes them to content/data/confidence.json.
// Run it again whenever the engine's confidences change (new recognisers, rules, weights).
// Prints the calibration table of the learning part; the held-out part is printed by
// `npm run bench` (aggregate only).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { calibrationPoints } from './bench-corpus.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FILE = join(ROOT, 'content', 'data', 'confidence.json');
const { calibrate, calibrationTable, TARGETS } = await import(pathToFileURL(join(ROOT, 'src', 'lib', 'report', 'confidence.ts')).href);

const points = await calibrationPoints('learning');
const t = calibrate(points);
const before = JSON.parse(readFileSync(FILE, 'utf8'));
const data = {
  veryLikely: t.veryLikely,
  likely: t.likely,
  derived: `npm run calibrate over ${points.length} learning cases; targets: Very likely >= ${TARGETS.veryLikely * 100} % right, Likely >= ${TARGETS.likely * 100} % right, at least ${TARGETS.minCases} cases`,
};
writeFileSync(FILE, JSON.stringify(data, null, 2) + '\n');
console.log(`Thresholds: Very likely >= ${t.veryLikely}, Likely >= ${t.likely} (were ${before.veryLikely}, ${before.likely})`);
console.log('Learning part:');
for (const r of calibrationTable(points, t)) console.log(`  ${r.word.padEnd(12)} ${String(r.count).padStart(4)}  ${r.count ? ((100 * r.right) / r.count).toFixed(1).padStart(5) + ' % right' : '-'}`);
