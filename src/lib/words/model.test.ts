import { describe, expect, it } from 'vitest';
import { CLUE_WEIGHT, readWords } from './model.ts';
import type { WordModel } from './model.ts';
import { trainWordModel } from './train.ts';
import { TEXTS as texts } from './training-fixture.ts';
import { expectLinear } from '../../../tests/support/linear.ts';

describe('readWords', () => {
  const m = trainWordModel(texts);

  it('ranks the cause whose words the paste holds first, with the clue words and their spans', () => {
    const input = 'nginx says: connection refused';
    const r = readWords(m, input);
    expect(r.ranked[0]!.cause).toBe('refused');
    expect(r.ranked[0]!.probability).toBeGreaterThan(r.ranked[1]!.probability);
    const clues = r.ranked[0]!.clues;
    expect(clues.map((c) => c.text)).toContain('connection refused');
    for (const c of clues) {
      expect(input.slice(c.start, c.end).toLowerCase()).toBe(c.text);
      expect(c.weight).toBeGreaterThanOrEqual(CLUE_WEIGHT);
    }
    expect(r.ranked.reduce((a, s) => a + s.probability, 0)).toBeCloseTo(1, 9);
  });

  it('computes from the stored weights: bias plus weights over the square root of the known tokens', () => {
    const tiny: WordModel = { quantum: 10, causes: ['a', 'b'], bias: [0, 0], tokens: { alpha: [0, 20], beta: [1, 10], gamma: [] } };
    const r = readWords(tiny, 'alpha beta gamma delta');
    expect(r.known).toBe(3);
    // a: 2 / sqrt(3), b: 1 / sqrt(3).
    const pa = 1 / (1 + Math.exp(-1 / Math.sqrt(3)));
    expect(r.ranked.map((s) => s.cause)).toEqual(['a', 'b']);
    expect(r.ranked[0]!.probability).toBeCloseTo(pa, 9);
    expect(r.ranked[0]!.clues.map((c) => c.text)).toEqual(['alpha']);
    expect(r.ranked[1]!.clues.map((c) => c.text)).toEqual(['beta']);
  });

  it('counts an HTTP status and a one- or two-digit number in the score, but never as a clue', () => {
    const tiny: WordModel = { quantum: 10, causes: ['a', 'b'], bias: [0, 0], tokens: { '503': [0, 20], '10': [0, 20], '12002': [0, 20], alpha: [1, 5] } };
    const r = readWords(tiny, 'got 503 from 10.0.0.4 with 12002 alpha');
    expect(r.ranked[0]!.cause).toBe('a');
    // 503, 10 and 12002 all weigh for a (a: 6 / sqrt(4), b: 0.5 / sqrt(4)), only 12002 is a clue.
    expect(r.ranked[0]!.probability).toBeCloseTo(1 / (1 + Math.exp(-5.5 / 2)), 9);
    expect(r.ranked[0]!.clues.map((c) => c.text)).toEqual(['12002']);
  });

  it('shows a stem that is a clue as the word the paste wrote, once per place, with the stronger weight', () => {
    const tiny: WordModel = { quantum: 10, causes: ['a', 'b'], bias: [0, 0], tokens: { '~restart': [0, 9], restarts: [0, 6, 1, 7], pods: [1, 8] } };
    // "Restarting" is known only through its stem.
    const bent = readWords(tiny, 'Restarting pods');
    expect(bent.ranked.find((s) => s.cause === 'a')!.clues.map((c) => [c.text, c.start, c.weight])).toEqual([['restarting', 0, 0.9]]);
    // "restarts" is a clue as itself (0.6) and through its stem (0.9): one clue, at 0.9.
    const both = readWords(tiny, 'pods restarts');
    expect(both.known).toBe(3);
    expect(both.ranked.find((s) => s.cause === 'a')!.clues.map((c) => [c.text, c.start, c.weight])).toEqual([['restarts', 5, 0.9]]);
    expect(both.ranked.find((s) => s.cause === 'b')!.clues.map((c) => c.text)).toEqual(['pods', 'restarts']);
  });

  it('knows nothing of words it never learned: the biases alone decide, with no clue', () => {
    const none = readWords(m, 'lorem ipsum');
    expect(none.known).toBe(0);
    for (const s of none.ranked) expect(s.clues).toEqual([]);
  });

  it('reads in linear time', () => {
    expectLinear('readWords', (n) => 'gateway timeout after 60 seconds, connection refused '.repeat(n) + Array.from({ length: n }, (_, i) => `word${i}`).join(' '), (t) => readWords(m, t), 2000);
  }, 60_000);
});
