import { describe, expect, it } from 'vitest';
import { isCauseId } from '../engine/catalogue.ts';
import { markerIndex, TIMEOUT_MARKERS } from './timeouts.ts';

describe('timeout markers', () => {
  it('mark 60 s, 120 s and 230 s with a window around each', () => {
    expect(TIMEOUT_MARKERS.map((m) => m.seconds)).toEqual([60, 120, 230]);
    for (const m of TIMEOUT_MARKERS) {
      expect(m.from).toBeLessThan(m.seconds * 1000);
      expect(m.to).toBeGreaterThan(m.seconds * 1000);
      expect(isCauseId(m.cause)).toBe(true);
    }
  });

  it('finds the marker of a time-taken', () => {
    expect(markerIndex(60_012)).toBe(0);
    expect(markerIndex(120_016)).toBe(1);
    expect(markerIndex(229_884)).toBe(2);
    expect(markerIndex(230_015)).toBe(2);
    for (const ms of [0, 15, 30_000, 56_999, 90_000, 126_000, 200_000, 240_000, 600_000]) expect(markerIndex(ms)).toBe(-1);
  });
});
