import { describe, expect, it } from 'vitest';
import { QUANTUM, TRAIN_DEFAULTS, trainWordModel } from './train.ts';
import { tokens } from './tokens.ts';
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

  it('averages the weights of the last passes', () => {
    // The first passes of a longer run are those of a shorter one (same seed, same rates), so the
    // model of 3 passes averaged over all 3 is the mean of the models of 1, 2 and 3 passes (each
    // weight within the rounding of the stored integers).
    const at = (epochs: number, average: number) => trainWordModel(texts, { epochs, average, prune: 0 });
    const runs = [at(1, 0), at(2, 0), at(3, 0)];
    const averaged = at(3, 3);
    const weight = (m: ReturnType<typeof trainWordModel>, token: string, cause: number): number => {
      const pairs = m.tokens[token] ?? [];
      for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === cause) return pairs[i + 1]! / m.quantum;
      return 0;
    };
    let compared = 0;
    let moved = 0;
    for (const token of Object.keys(averaged.tokens)) {
      for (let c = 0; c < averaged.causes.length; c++) {
        const mean = runs.reduce((sum, m) => sum + weight(m, token, c), 0) / runs.length;
        expect(Math.abs(weight(averaged, token, c) - mean)).toBeLessThanOrEqual(1 / averaged.quantum);
        if (Math.abs(weight(runs[2]!, token, c) - mean) > 1 / averaged.quantum) moved++;
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(50);
    // The passes differ: for some weights the last pass alone is further from the mean than rounding.
    expect(moved).toBeGreaterThan(0);
  });

  it('averages all the passes when asked for more than there are', () => {
    expect(trainWordModel(texts, { epochs: 3, average: 10 })).toEqual(trainWordModel(texts, { epochs: 3, average: 3 }));
  });

  it('adds the naive Bayes term: centred log-likelihoods of the tokens each cause’s texts hold', () => {
    // No regression passes: the weights are the naive Bayes term alone, computed here by hand.
    const nb = trainWordModel(texts, { epochs: 0, average: 0, prune: 0, naiveBayes: 1 });
    expect(nb.bias).toEqual([0, 0, 0, 0]);
    const held = new Map<string, number>();
    for (const t of texts) for (const w of new Set(tokens(t.text).map((x) => x.text))) held.set(w, (held.get(w) ?? 0) + 1);
    const vocabulary = [...held.keys()].filter((w) => held.get(w)! >= 2);
    expect(Object.keys(nb.tokens).sort()).toEqual([...vocabulary].sort());
    const holds = (cause: string, w: string): number => texts.filter((t) => t.cause === cause && tokens(t.text).some((x) => x.text === w)).length;
    const total = (cause: string): number => vocabulary.reduce((n, w) => n + holds(cause, w), 0);
    const expected = (w: string): number[] => {
      const logs = nb.causes.map((c) => Math.log((holds(c, w) + 0.5) / (total(c) + 0.5 * vocabulary.length)));
      const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
      return logs.map((l) => Math.round((l - mean) * QUANTUM));
    };
    for (const w of ['connection refused', 'certificate', 'upstream']) {
      const pairs = nb.tokens[w]!;
      const got = nb.causes.map((_, c) => {
        for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === c) return pairs[i + 1]!;
        return 0;
      });
      expect(got, w).toEqual(expected(w));
    }
    // A cause's own word weighs for it and against the others.
    const refused = nb.tokens['connection refused']!;
    const byCause = new Map<number, number>();
    for (let i = 0; i < refused.length; i += 2) byCause.set(refused[i]!, refused[i + 1]!);
    expect(byCause.get(nb.causes.indexOf('refused'))!).toBeGreaterThan(0);
    expect(byCause.get(nb.causes.indexOf('tls'))!).toBeLessThan(0);
  });

  it('leaves the regression alone without the naive Bayes term, and adds it by default', () => {
    expect(TRAIN_DEFAULTS.naiveBayes).toBeGreaterThan(0);
    const plain = trainWordModel(texts, { naiveBayes: 0, prune: 0 });
    const both = trainWordModel(texts, { prune: 0 });
    expect(both.bias).toEqual(plain.bias);
    expect(both.tokens).not.toEqual(plain.tokens);
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
