import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wordsAt } from './envoy.ts';

/** What the global `\bwords\b` expression finds (the search wordsAt stands for). */
function byRegExp(input: string, words: string): number[] {
  const re = new RegExp(`\\b${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g');
  const out: number[] = [];
  for (let m = re.exec(input); m; m = re.exec(input)) out.push(m.index);
  return out;
}

describe('wordsAt', () => {
  it('finds the words where no word character touches them', () => {
    expect(wordsAt('no healthy upstream', 'no healthy upstream')).toEqual([0]);
    expect(wordsAt('HTTP 503: no healthy upstream.\nno healthy upstreams', 'no healthy upstream')).toEqual([10]);
    expect(wordsAt('xno healthy upstream no healthy upstream_', 'no healthy upstream')).toEqual([]);
    expect(wordsAt('"upstream request timeout""upstream request timeout"', 'upstream request timeout')).toEqual([1, 27]);
  });

  it('finds what the \\b expression finds', () => {
    const piece = fc.constantFrom('no healthy upstream', 'upstream request timeout', 'no ', 'x', '_', ' ', '\n', '-', '9', 'é', 'upstream');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.constantFrom('no healthy upstream', 'upstream request timeout'), (parts, words) => {
        const input = parts.join('');
        expect(wordsAt(input, words)).toEqual(byRegExp(input, words));
      }),
      { numRuns: 500 },
    );
  });
});
