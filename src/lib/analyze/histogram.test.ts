import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BUCKETS, bucketOf, bucketRange, EDGES } from './histogram.ts';

describe('time-taken histogram', () => {
  it('has strictly increasing, log-spaced edges from 1 ms to 1,000 s', () => {
    expect(EDGES[0]).toBe(1);
    expect(EDGES[EDGES.length - 1]).toBe(1_000_000);
    for (let i = 1; i < EDGES.length; i++) expect(EDGES[i]).toBeGreaterThan(EDGES[i - 1] as number);
    // Above 100 ms neighbouring edges grow by about 10^(1/10).
    for (let i = 1; i < EDGES.length; i++) {
      if ((EDGES[i - 1] as number) >= 100) expect((EDGES[i] as number) / (EDGES[i - 1] as number)).toBeCloseTo(10 ** 0.1, 1);
    }
    expect(BUCKETS).toBe(EDGES.length + 1);
  });

  it('puts every duration in the bucket whose range holds it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), (ms) => {
        const b = bucketOf(ms);
        const r = bucketRange(b);
        expect(b).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThan(BUCKETS);
        expect(ms).toBeGreaterThanOrEqual(r.from);
        expect(ms).toBeLessThan(r.to);
      }),
    );
  });

  it('keeps the three timeouts in different buckets', () => {
    expect(new Set([bucketOf(60_000), bucketOf(120_000), bucketOf(230_000)]).size).toBe(3);
    expect(bucketOf(0)).toBe(0);
    expect(bucketRange(BUCKETS - 1).to).toBe(Infinity);
  });
});
