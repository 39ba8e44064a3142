import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addKey, createTopCounter, isExact, mergeTopCounters, topKeys } from './top-counter.ts';

function count(keys: string[], cap: number) {
  const t = createTopCounter(cap);
  for (const k of keys) addKey(t, k);
  return t;
}

function truth(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

const keyArb = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'), { maxLength: 300 });

describe('top counter', () => {
  it('is exact while the distinct keys fit', () => {
    const t = count(['/a', '/b', '/a', '/c', '/a', '/b'], 3);
    expect(isExact(t)).toBe(true);
    expect(topKeys(t, 2)).toEqual([
      { key: '/a', count: 3 },
      { key: '/b', count: 2 },
    ]);
  });

  it('beyond the cap, counts are short by at most `dropped` and frequent keys survive', () => {
    fc.assert(
      fc.property(keyArb, fc.integer({ min: 1, max: 6 }), (keys, cap) => {
        const t = count(keys, cap);
        const real = truth(keys);
        expect(t.counts.size).toBeLessThanOrEqual(cap);
        expect(t.dropped).toBeLessThanOrEqual(keys.length / (cap + 1));
        for (const [k, v] of real) {
          const got = t.counts.get(k) ?? 0;
          expect(got).toBeLessThanOrEqual(v);
          expect(got).toBeGreaterThanOrEqual(v - t.dropped);
        }
      }),
    );
  });

  it('merges exactly while exact, and keeps the error bound after merging', () => {
    fc.assert(
      fc.property(keyArb, keyArb, fc.integer({ min: 1, max: 12 }), (a, b, cap) => {
        const merged = mergeTopCounters(count(a, cap), count(b, cap));
        const whole = count([...a, ...b], cap);
        if (truth([...a, ...b]).size <= cap) expect(merged).toEqual(whole);
        const real = truth([...a, ...b]);
        expect(merged.total).toBe(a.length + b.length);
        expect(merged.counts.size).toBeLessThanOrEqual(cap);
        for (const [k, v] of real) {
          const got = merged.counts.get(k) ?? 0;
          expect(got).toBeLessThanOrEqual(v);
          expect(got).toBeGreaterThanOrEqual(v - merged.dropped);
        }
      }),
    );
  });

  it('orders ties by key', () => {
    expect(topKeys(count(['b', 'a', 'c'], 5), 3).map((x) => x.key)).toEqual(['a', 'b', 'c']);
  });
});
