import { describe, expect, it } from 'vitest';
import { trainWordModel } from './train.ts';
import { TEXTS as texts } from './training-fixture.ts';

describe('trainWordModel', () => {
  it('keeps only tokens held by at least two texts, with per-cause counts', () => {
    const m = trainWordModel(texts);
    expect(m.causes).toEqual(['header', 'refused', 'timeout', 'tls']);
    expect(m.docs).toEqual([3, 3, 3, 3]);
    expect(m.tokens['timed out']).toEqual([2, 2]);
    expect(m.tokens['connection refused']).toEqual([1, 3]);
    expect(m.tokens['upstream']).toEqual([0, 1, 1, 1, 2, 1, 3, 2]);
    // Held by one text only: not kept.
    expect(m.tokens['report']).toBeUndefined();
  });

  it('is deterministic: the order of the texts does not matter', () => {
    expect(trainWordModel([...texts].reverse())).toEqual(trainWordModel(texts));
  });
});
