import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bucketPosition, niceTicks } from './chart-scale.ts';
import { bucketOf } from './histogram.ts';

describe('niceTicks', () => {
  it('covers the maximum with round steps', () => {
    expect(niceTicks(10)).toEqual([0, 5, 10]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(1234)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });
  it('always ends at or above max, starts at 0, and stays short', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 1e12, noNaN: true }), (max) => {
        const t = niceTicks(max);
        expect(t[0]).toBe(0);
        expect(t[t.length - 1]).toBeGreaterThanOrEqual(max * (1 - 1e-9));
        expect(t.length).toBeLessThanOrEqual(12);
      }),
    );
  });
});

describe('bucketPosition', () => {
  it('falls inside the bucket that holds the value, and grows with it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 1, max: 999_999 }), (a, b) => {
        const pa = bucketPosition(a);
        expect(Math.floor(pa)).toBe(bucketOf(a));
        if (a < b) expect(pa).toBeLessThanOrEqual(bucketPosition(b));
      }),
    );
    expect(bucketPosition(120_000)).toBeGreaterThan(bucketPosition(60_000));
  });
});
