import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildAhoCorasick } from './aho-corasick.ts';
import { expectLinear } from '../../../../tests/support/linear.ts';

function all(patterns: string[], text: string): [number, number][] {
  const hits: [number, number][] = [];
  buildAhoCorasick(patterns).search(text, (p, end) => hits.push([p, end]));
  return hits;
}

/** Every occurrence by brute force, ordered like the automaton reports them (by end, then longer first). */
function naive(patterns: string[], text: string): [number, number][] {
  const hits: [number, number][] = [];
  for (let end = 1; end <= text.length; end++) {
    patterns.forEach((p, id) => {
      if (p.length > 0 && end >= p.length && text.slice(end - p.length, end) === p) hits.push([id, end]);
    });
  }
  return hits;
}

const sortHits = (h: [number, number][]) => [...h].sort((a, b) => a[1] - b[1] || a[0] - b[0]);

describe('Aho–Corasick', () => {
  it('finds overlapping and nested patterns', () => {
    expect(sortHits(all(['he', 'she', 'his', 'hers'], 'ushers'))).toEqual([
      [0, 4],
      [1, 4],
      [3, 6],
    ]);
  });

  it('reports nothing for an empty pattern set or text', () => {
    expect(all([], 'abc')).toEqual([]);
    expect(all(['abc'], '')).toEqual([]);
    expect(all([''], 'abc')).toEqual([]);
  });

  it('reports duplicate patterns under each id', () => {
    expect(sortHits(all(['ab', 'ab'], 'xab'))).toEqual([
      [0, 3],
      [1, 3],
    ]);
  });

  it('works on non-ASCII text (CJK, accents)', () => {
    const text = '接続が拒否されました; a été';
    expect(all(['拒否', 'été'], text)).toEqual([
      [0, text.indexOf('拒否') + 2],
      [1, text.length],
    ]);
  });

  it('reports the same hits over code units as over the string', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[abé接]{1,4}$/), { maxLength: 6 }), fc.stringMatching(/^[abcé接]{0,40}$/), (patterns, text) => {
        const ac = buildAhoCorasick(patterns);
        const overString: [number, number][] = [];
        const overUnits: [number, number][] = [];
        ac.search(text, (p, end) => overString.push([p, end]));
        ac.searchUnits(Uint16Array.from(text, (c) => c.charCodeAt(0)), (p, end) => overUnits.push([p, end]));
        expect(overUnits).toEqual(overString);
      }),
    );
  });

  it('agrees with a brute-force search on random inputs', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[ab]{1,4}$/), { maxLength: 6 }), fc.stringMatching(/^[abc]{0,40}$/), (patterns, text) => {
        expect(sortHits(all(patterns, text))).toEqual(sortHits(naive(patterns, text)));
      }),
    );
  });

  it('agrees with a brute-force search when ASCII and other units mix', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[aé接]{1,4}$/), { maxLength: 6 }), fc.stringMatching(/^[aé接c]{0,40}$/), (patterns, text) => {
        expect(sortHits(all(patterns, text))).toEqual(sortHits(naive(patterns, text)));
      }),
    );
  });

  it('handles a pattern far longer than any call stack', () => {
    const long = 'ab'.repeat(100_000);
    expect(all([long, 'bab'], 'x' + long + 'x').filter(([p]) => p === 0)).toEqual([[0, long.length + 1]]);
  });

  it('searches in time linear in the text', () => {
    const ac = buildAhoCorasick(['aaaaaaaaab', 'aaab', 'connection refused', 'baaa']);
    expectLinear(
      'aho-corasick search',
      (n) => 'a'.repeat(n) + 'connection refused '.repeat(n / 20),
      (text) => {
        let count = 0;
        ac.search(text, () => count++);
        return count;
      },
      50_000,
    );
  }, 60_000);
});
