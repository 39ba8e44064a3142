import { describe, expect, it } from 'vitest';
import { summarise, wilson } from './bench-corpus.mjs';

describe('wilson', () => {
  it('gives the 95 % interval of a share, inside 0..1 and around the share', () => {
    const [low, high] = wilson(90, 117);
    expect(low).toBeCloseTo(0.685, 2);
    expect(high).toBeCloseTo(0.835, 2);
    expect(wilson(0, 10)[0]).toBe(0);
    expect(wilson(10, 10)[1]).toBe(1);
    expect(wilson(5, 10)[0]).toBeLessThan(0.5);
    expect(wilson(5, 10)[1]).toBeGreaterThan(0.5);
  });
  it('narrows as the cases grow: four times the cases, about half the width', () => {
    const width = ([a, b]: number[]): number => b! - a!;
    const ratio = width(wilson(300, 400)) / width(wilson(75, 100));
    expect(ratio).toBeGreaterThan(0.45);
    expect(ratio).toBeLessThan(0.55);
  });
  it('has no interval for no cases', () => {
    expect(wilson(0, 0).every(Number.isNaN)).toBe(true);
  });
});

describe('summarise', () => {
  it('gives each goal the interval of its own cases', () => {
    const row = (evidence: string, rank: number) => ({ part: 'held-out', fresh: true, kind: 'title', evidence, rank, findings: 1, confidence: 0.5, right: rank === 0 });
    const rows = [...Array.from({ length: 8 }, () => row('strong', 0)), row('strong', 1), row('strong', -1), row('thin', 2), row('thin', -1)];
    const goals = summarise(rows).goals;
    const first = goals.find((g) => g.label === 'strong: right cause first')!;
    expect(first.value).toBeCloseTo(0.8, 5);
    expect(first.interval).toEqual(wilson(8, 10));
    const thin = goals.find((g) => g.label === 'thin: right cause in the top three')!;
    expect(thin.interval).toEqual(wilson(1, 2));
  });
});
