import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addSig, addToSig, coarsenTime, emptySig, emptyStats, fitTime, mergeStats, OTHER_SIG, SIG_CAP, sigKey, sigParts, TIME_KEY_CAP } from './stats.ts';

describe('failure combination keys', () => {
  it('round-trip status, sub-status and any 32-bit win32 value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 4294967295 }), (status, sub, win32) => {
        const k = sigKey(status, sub, win32);
        expect(Number.isSafeInteger(k)).toBe(true);
        expect(k).not.toBe(OTHER_SIG);
        expect(sigParts(k)).toEqual({ status, sub, win32 });
      }),
    );
  });

  it('keeps count, min, max and sum per band', () => {
    const s = emptySig();
    addToSig(s, 1, 120_010);
    addToSig(s, 1, 120_002);
    addToSig(s, -1, 40);
    addToSig(s, -1, -1);
    expect(s.count).toBe(4);
    expect(s.noTime).toBe(1);
    expect(s.bands.slice(4, 8)).toEqual([2, 120_002, 120_010, 240_012]);
    expect(s.bands.slice(12, 16)).toEqual([1, 40, 40, 40]);
  });

  it('counts combinations beyond the cap under OTHER_SIG', () => {
    const m = new Map();
    for (let i = 0; i < SIG_CAP + 5; i++) {
      const s = emptySig();
      addToSig(s, -1, 1);
      addSig(m, sigKey(500, 0, i + 1), s);
    }
    expect(m.size).toBe(SIG_CAP + 1);
    expect(m.get(OTHER_SIG).count).toBe(5);
  });
});

describe('timeline', () => {
  it('coarsens minutes to hours by adding', () => {
    const t = new Map([
      [0, [1, 0, 0]],
      [59, [2, 1, 1]],
      [60, [3, 0, 0]],
    ]);
    expect(coarsenTime(t, 60, 3600)).toEqual(
      new Map([
        [0, [3, 1, 1]],
        [1, [3, 0, 0]],
      ]),
    );
  });

  it('moves to a coarser unit when there are too many keys', () => {
    const s = { timeUnit: 60, time: new Map<number, number[]>() };
    for (let i = 0; i <= TIME_KEY_CAP; i++) s.time.set(i, [1, 0, 0]);
    fitTime(s);
    expect(s.timeUnit).toBe(3600);
    expect(s.time.size).toBe(Math.ceil((TIME_KEY_CAP + 1) / 60));
  });

  it('merges timelines of different units at the coarser one', () => {
    const a = emptyStats();
    a.time.set(61, [1, 1, 0]);
    const b = emptyStats();
    b.timeUnit = 3600;
    b.time.set(1, [2, 0, 0]);
    const m = mergeStats(a, b);
    expect(m.timeUnit).toBe(3600);
    expect(m.time).toEqual(new Map([[1, [3, 1, 0]]]));
  });
});

describe('mergeStats', () => {
  it('has the empty stats as identity and changes neither input', () => {
    const a = emptyStats();
    a.lines = 3;
    a.requests = 2;
    a.status[502] = 2;
    a.sub.set(502003, 2);
    a.first = 10;
    a.last = 20;
    const before = structuredClone(a);
    expect(mergeStats(a, emptyStats())).toEqual(a);
    expect(mergeStats(emptyStats(), a)).toEqual(a);
    mergeStats(a, a);
    expect(a).toEqual(before);
    const twice = mergeStats(a, a);
    expect(twice.status[502]).toBe(4);
    expect(twice.sub.get(502003)).toBe(4);
    expect([twice.first, twice.last]).toEqual([10, 20]);
  });
});
