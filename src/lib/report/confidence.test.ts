import { describe, expect, it } from 'vitest';
import { calibrate, calibrationTable, confidenceWord, THRESHOLDS } from './confidence.ts';
import { calibrationPoints } from '../../../scripts/bench-corpus.mjs';

type Point = { confidence: number; right: boolean };
const points = (spec: [number, number, number][]): Point[] =>
  spec.flatMap(([confidence, right, wrong]) => [...Array(right).fill({ confidence, right: true }), ...Array(wrong).fill({ confidence, right: false })]);

describe('confidence words', () => {
  it('never gives a strong word to a finding that is not the top one', () => {
    expect(confidenceWord(0.999, false)).toBe('Possible');
    expect(confidenceWord(0.999, true, { veryLikely: 0.9, likely: 0.5 })).toBe('Very likely');
    expect(confidenceWord(0.6, true, { veryLikely: 0.9, likely: 0.5 })).toBe('Likely');
    expect(confidenceWord(0.3, true, { veryLikely: 0.9, likely: 0.5 })).toBe('Possible');
  });

  it('puts the thresholds where the cases above them are right often enough', () => {
    // 0.99: 19 of 20 right; 0.8: 5 of 10; 0.6: 9 of 10 (so 14 of 20 from 0.6 to 0.8); 0.3: 2 of 10.
    const t = calibrate(points([[0.99, 19, 1], [0.8, 5, 5], [0.6, 9, 1], [0.3, 2, 8]]));
    expect(t.veryLikely).toBe(0.99);
    expect(t.likely).toBe(0.6);
    const rows = calibrationTable(points([[0.99, 19, 1], [0.3, 2, 8], [0, 0, 4]]), t);
    expect(rows.map((r) => [r.word, r.count, r.right])).toEqual([['Very likely', 20, 19], ['Likely', 0, 0], ['Possible', 10, 2], ['No finding', 4, 0]]);
  });

  it('raises "Likely" until its lowest cases are right at least half the time', () => {
    // 0.99: 20 of 20; 0.6: 40 of 40; 0.1: 2 of 10. The band from 0.1 is right 42 of 50 (84 %), but its
    // lowest ten cases only 2 of 10: "Likely" starts at 0.6.
    const t = calibrate(points([[0.99, 20, 0], [0.6, 40, 0], [0.1, 2, 8]]));
    expect(t.veryLikely).toBe(0.6);
    // 0.99: 18 of 20; 0.5: 24 of 30; 0.1: 4 of 10. Very likely from 0.99 (from 0.5 it would be 84 %);
    // the band from 0.1 is right 28 of 40 (70 %), but its lowest ten only 4 of 10: Likely from 0.5.
    const u = calibrate(points([[0.99, 18, 2], [0.5, 24, 6], [0.1, 4, 6]]));
    expect(u.veryLikely).toBe(0.99);
    expect(u.likely).toBe(0.5);
    expect(confidenceWord(0.1, true, u)).toBe('Possible');
  });

  it('never starts "Likely" below the floor, where word-only guesses on unread pastes lie', () => {
    const t = calibrate(points([[0.99, 18, 2], [0.5, 7, 3], [0.08, 8, 2], [0.06, 8, 2]]));
    expect(t.veryLikely).toBe(0.99);
    expect(t.likely).toBe(0.1);
    expect(confidenceWord(0.09, true, t)).toBe('Possible');
  });

  it('never uses a word no confidence earns', () => {
    const t = calibrate(points([[0.9, 5, 5], [0.5, 1, 9]]));
    expect(t.veryLikely).toBeGreaterThan(1);
    expect(t.likely).toBeGreaterThan(1);
    expect(confidenceWord(1, true, t)).toBe('Possible');
  });

  it('the stored thresholds still make "Very likely" right at least 85 % of the time on the learning part', async () => {
    const learning: Point[] = await calibrationPoints('learning');
    const very = calibrationTable(learning, THRESHOLDS).find((r) => r.word === 'Very likely')!;
    expect(very.count, 'no learning case is called Very likely: run npm run calibrate').toBeGreaterThan(0);
    expect(very.right / very.count, 'the engine changed: run npm run calibrate').toBeGreaterThanOrEqual(0.85);
  }, 120_000);
});
