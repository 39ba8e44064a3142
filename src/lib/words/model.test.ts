import { describe, expect, it } from 'vitest';
import { readWords } from './model.ts';
import { trainWordModel } from './train.ts';
import { TEXTS as texts } from './training-fixture.ts';
import { expectLinear } from '../../../tests/support/linear.ts';


describe('readWords', () => {
  const m = trainWordModel(texts);

  it('ranks the cause whose words the paste holds first, with the clue words and their spans', () => {
    const input = 'nginx says: connection refused';
    const r = readWords(m, input);
    expect(r.ranked[0]!.cause).toBe('refused');
    expect(r.ranked[0]!.probability).toBeGreaterThan(0.9);
    const clues = r.ranked[0]!.clues;
    expect(clues.map((c) => c.text)).toContain('connection refused');
    for (const c of clues) expect(input.slice(c.start, c.end).toLowerCase()).toBe(c.text);
    for (const other of r.ranked.slice(1)) expect(other.clues).toEqual([]);
    expect(r.ranked.reduce((a, s) => a + s.probability, 0)).toBeCloseTo(1, 9);
  });

  it('gives no clue for words the model does not know or shares evenly', () => {
    const r = readWords(m, 'something about upstream');
    expect(r.known).toBe(1);
    for (const s of r.ranked) expect(s.clues).toEqual([]);
    const none = readWords(m, 'lorem ipsum');
    expect(none.known).toBe(0);
    expect(none.ranked[0]!.probability).toBeCloseTo(0.25, 9);
  });

  it('reads in linear time', () => {
    expectLinear('readWords', (n) => 'gateway timeout after 60 seconds, connection refused '.repeat(n) + Array.from({ length: n }, (_, i) => `word${i}`).join(' '), (t) => readWords(m, t), 2000);
  }, 60_000);
});
