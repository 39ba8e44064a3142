/**
 * Confidence in words ("Very likely", "Likely", "Possible") instead of raw percentages. The
 * thresholds are not guessed: `npm run calibrate` (scripts/calibrate.mjs) derives them from the
 * learning part of the real corpus with `calibrate()` below and stores them in
 * content/data/confidence.json, which this module reads.
 *
 * Only the top finding was measured (the corpus says which cause was right, not how the others
 * rank), so only the top finding can be "Very likely" or "Likely"; every other finding is
 * "Possible".
 */
import data from '../../../content/data/confidence.json' with { type: 'json' };

export type ConfidenceWord = 'Very likely' | 'Likely' | 'Possible';
export const CONFIDENCE_WORDS: readonly ConfidenceWord[] = ['Very likely', 'Likely', 'Possible'];

export interface Thresholds {
  /** Lowest top-finding confidence called "Very likely" (above 1: never). */
  veryLikely: number;
  /** Lowest top-finding confidence called "Likely". */
  likely: number;
}

export const THRESHOLDS: Thresholds = { veryLikely: data.veryLikely, likely: data.likely };

/** The word for a finding's confidence; `top` is true for the first finding only. */
export function confidenceWord(confidence: number, top: boolean, t: Thresholds = THRESHOLDS): ConfidenceWord {
  if (!top) return 'Possible';
  if (confidence >= t.veryLikely) return 'Very likely';
  if (confidence >= t.likely) return 'Likely';
  return 'Possible';
}

export interface CalibrationPoint {
  /** The top finding's confidence (0 when there was no finding). */
  confidence: number;
  /** Whether the top finding was the confirmed cause. */
  right: boolean;
}

/** What the thresholds must achieve on the learning part. */
export const TARGETS = {
  /** Share right among top findings called "Very likely" (the issue asks 85 % held out; 90 % here leaves a margin). */
  veryLikely: 0.9,
  /** Share right among top findings called "Likely" (more likely than not, with a margin). */
  likely: 0.7,
  /**
   * Share right among the lowest `minCases` top findings called "Likely": the band as a whole may
   * reach `likely` on the strength of its upper end, but its lower edge must still be more likely
   * right than not.
   */
  likelyEdge: 0.5,
  /**
   * "Likely" never starts below this: under it lie the causes the word model names for a paste
   * nothing else was read in (engine/word-findings.ts NOTHING_READ, at most 0.09), which may not
   * be about a failure at all.
   */
  likelyFloor: 0.1,
  /** Fewest cases a word must cover for its share to count. */
  minCases: 10,
};

export interface CalibrationRow {
  word: ConfidenceWord | 'No finding';
  count: number;
  right: number;
}

/** Count and right answers per word, for a table. */
export function calibrationTable(points: readonly CalibrationPoint[], t: Thresholds = THRESHOLDS): CalibrationRow[] {
  const rows: CalibrationRow[] = [...CONFIDENCE_WORDS, 'No finding' as const].map((word) => ({ word, count: 0, right: 0 }));
  for (const p of points) {
    const word = p.confidence <= 0 ? 'No finding' : confidenceWord(p.confidence, true, t);
    const row = rows.find((r) => r.word === word)!;
    row.count++;
    if (p.right) row.right++;
  }
  return rows;
}

/**
 * Thresholds from calibration points (the learning part): "Very likely" starts at the lowest
 * confidence whose cases at or above it are right at least TARGETS.veryLikely of the time (over at
 * least TARGETS.minCases cases); "Likely" at the lowest confidence below that whose band is right
 * at least TARGETS.likely of the time and whose lowest TARGETS.minCases cases are right at least
 * TARGETS.likelyEdge of the time. When no confidence qualifies, the word is never used
 * (threshold above 1).
 */
export function calibrate(points: readonly CalibrationPoint[], targets = TARGETS): Thresholds {
  const found = points.filter((p) => p.confidence > 0).sort((a, b) => b.confidence - a.confidence);
  const lowestQualifying = (cases: readonly CalibrationPoint[], share: number): number | undefined => {
    let right = 0;
    let best: number | undefined;
    for (let i = 0; i < cases.length; i++) {
      if (cases[i]!.right) right++;
      const c = cases[i]!.confidence;
      // Only cut between distinct values: every case at this confidence gets the same word.
      if (i + 1 < cases.length && cases[i + 1]!.confidence === c) continue;
      if (i + 1 >= targets.minCases && right / (i + 1) >= share) best = c;
    }
    return best;
  };
  const veryLikely = lowestQualifying(found, targets.veryLikely) ?? 1.01;
  const below = found.filter((p) => p.confidence < veryLikely);
  let likely = lowestQualifying(below, targets.likely) ?? veryLikely;
  // Raise it until its lower edge, the lowest minCases cases at or above it, is right often enough.
  const band = below.filter((p) => p.confidence >= likely).reverse();
  for (let i = 0; i < band.length; i++) {
    if (i > 0 && band[i - 1]!.confidence === band[i]!.confidence) continue;
    // The window takes whole groups of equal confidence: they all get the same word.
    let end = Math.min(i + targets.minCases, band.length);
    while (end < band.length && band[end]!.confidence === band[end - 1]!.confidence) end++;
    const edge = band.slice(i, end);
    if (edge.length < targets.minCases) {
      likely = veryLikely;
      break;
    }
    if (edge.filter((p) => p.right).length / edge.length >= targets.likelyEdge) {
      likely = band[i]!.confidence;
      break;
    }
  }
  return { veryLikely, likely: Math.min(veryLikely, Math.max(likely, targets.likelyFloor)) };
}
