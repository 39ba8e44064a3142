import { describe, expect, it } from 'vitest';
import { QUANTUM, trainWordModel } from './train.ts';
import { TEXTS as texts } from './training-fixture.ts';

describe('trainWordModel', () => {
  const m = trainWordModel(texts);

  it('has every cause, a bias each, and only tokens held by at least two texts', () => {
    expect(m.causes).toEqual(['header', 'refused', 'timeout', 'tls']);
    expect(m.bias).toHaveLength(4);
    expect(m.quantum).toBe(QUANTUM);
    expect(m.tokens['connection refused']).toBeDefined();
    expect(m.tokens['timed out']).toBeDefined();
    // Held by one text only: not a feature.
    expect(m.tokens['report']).toBeUndefined();
  });

  it('learns positive weights for a cause’s own words and stores them as integers', () => {
    const weight = (token: string, cause: string): number => {
      const pairs = m.tokens[token] ?? [];
      const c = m.causes.indexOf(cause);
      for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === c) return pairs[i + 1]! / m.quantum;
      return 0;
    };
    expect(weight('connection refused', 'refused')).toBeGreaterThan(0);
    expect(weight('certificate', 'tls')).toBeGreaterThan(0);
    expect(weight('certificate', 'tls')).toBeGreaterThan(weight('certificate', 'timeout'));
    for (const pairs of Object.values(m.tokens)) for (const v of pairs) expect(Number.isInteger(v)).toBe(true);
  });

  it('is deterministic: the order of the texts does not matter', () => {
    expect(trainWordModel([...texts].reverse())).toEqual(m);
  });

  it('averages the last passes: another order of the texts moves the weights less than the last pass alone', () => {
    // The distance between the models of two seeds (shuffles), in stored weight units.
    const distance = (a: ReturnType<typeof trainWordModel>, b: ReturnType<typeof trainWordModel>): number => {
      const table = (x: typeof a): Map<string, number> => {
        const t = new Map<string, number>();
        for (const [token, pairs] of Object.entries(x.tokens)) for (let i = 0; i < pairs.length; i += 2) t.set(`${token}|${pairs[i]}`, pairs[i + 1]!);
        return t;
      };
      const ta = table(a);
      const tb = table(b);
      let d = 0;
      for (const k of new Set([...ta.keys(), ...tb.keys()])) d += Math.abs((ta.get(k) ?? 0) - (tb.get(k) ?? 0));
      return d;
    };
    const last = distance(trainWordModel(texts, { average: 0 }), trainWordModel(texts, { average: 0, seed: 7 }));
    const averaged = distance(trainWordModel(texts), trainWordModel(texts, { seed: 7 }));
    expect(last).toBeGreaterThan(0);
    expect(averaged).toBeLessThan(last);
  });

  it('counts a weighted text more', () => {
    // The same text given to two causes: the one it weighs more for wins.
    const tie = [
      ...texts,
      { cause: 'tls', text: 'strange handshake glitch', weight: 3 },
      { cause: 'timeout', text: 'strange handshake glitch', weight: 1 },
    ];
    const w = trainWordModel(tie);
    const pairs = w.tokens['strange'] ?? [];
    const of = (cause: string): number => {
      const c = w.causes.indexOf(cause);
      for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === c) return pairs[i + 1]!;
      return 0;
    };
    expect(of('tls')).toBeGreaterThan(of('timeout'));
  });
});
