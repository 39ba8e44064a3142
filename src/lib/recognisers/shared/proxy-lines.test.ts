import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexLines } from '../../engine/lines.ts';
import { lineAt, linesHolding, linesMatching, squeeze } from './proxy-lines.ts';

describe('linesHolding', () => {
  it('marks exactly the lines whose text includes a needle', () => {
    const alphabet = fc.constantFrom('a', 'b', 'ab', ' ', '\n', '\r', '\r\n', 'x', '(', ']', '"', '.');
    // Four needles or more are looked for with one alternation (special characters escaped).
    const sets = fc.constantFrom(['ab'], ['b a', 'x'], ['a\nb'], [''], ['ab', 'x', 'b a', '(a'], ['] "', 'a.', '..', 'xb', 'b(']);
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')), sets, (input, needles) => {
        const lines = indexLines(input);
        const marks = linesHolding(input, lines, needles);
        for (let n = 1; n <= lines.starts.length; n++) {
          const text = lineAt(input, lines, n).text;
          expect(marks[n] === 1).toBe(needles.some((needle) => text.includes(needle)));
        }
      }),
    );
  });

  it('finds a needle on the last line and on a line after a lone CR', () => {
    const input = 'one\rtwo app/\nthree\r\nfour app/';
    const marks = linesHolding(input, indexLines(input), [' app/']);
    expect([...marks]).toEqual([0, 0, 1, 0, 1]);
  });
});

describe('linesMatching', () => {
  it('marks exactly the lines the regex matches inside', () => {
    const alphabet = fc.constantFrom('ab', 'AB', 'a', 'b', ' ', '\n', '\r', '\r\n');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')), (input) => {
        const lines = indexLines(input);
        const marks = linesMatching(input, lines, /ab|b a/gi);
        for (let n = 1; n <= lines.starts.length; n++) {
          expect(marks[n] === 1).toBe(/ab|b a/i.test(lineAt(input, lines, n).text));
        }
      }),
    );
  });
});

describe('squeeze', () => {
  it('drops every kind of whitespace and maps each kept character back', () => {
    const text = 'A\u00a0b\u2028C\ufeffd\u3000e\u1680 f\u200bg\u180eh\vi\fj\tK\r\nl';
    const sq = squeeze(text);
    expect(sq.s).toBe(text.toLowerCase().replace(/\s+/g, ''));
    expect(sq.map.length).toBe(sq.s.length);
    for (let i = 0; i < sq.s.length; i++) expect(text[sq.map[i] as number]?.toLowerCase()).toBe(sq.s[i]);
  });

  it('keeps the original case when lower-casing would move offsets', () => {
    const sq = squeeze('İ Ab');
    expect(sq.s).toBe('İAb');
    expect([...sq.map]).toEqual([0, 2, 3]);
  });
});
