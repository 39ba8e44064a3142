import { describe, expect, it } from 'vitest';
import { cpuMs, expectLinear } from '../../../tests/support/linear.ts';
import fc from 'fast-check';
import { LineCursor, forEachLine, indexLines, lineOf, lineSpan } from './lines.ts';

describe('indexLines', () => {
  it('indexes \\n, \\r\\n and lone \\r line ends', () => {
    const text = 'a\nbb\r\nccc\rd';
    const lines = indexLines(text);
    expect(lines.starts).toEqual([0, 2, 6, 10]);
    const seen: string[] = [];
    forEachLine(text, lines, (t) => seen.push(t));
    expect(seen).toEqual(['a', 'bb', 'ccc', 'd']);
  });

  it('maps offsets back to 1-based line numbers', () => {
    const text = 'one\ntwo\nthree';
    const lines = indexLines(text);
    expect(lineOf(lines, 0)).toBe(1);
    expect(lineOf(lines, 4)).toBe(2);
    expect(lineOf(lines, 12)).toBe(3);
    expect(lineSpan(text, lines, 2)).toEqual({ start: 4, end: 7 });
  });

  it('gives an empty input one empty line', () => {
    expect(indexLines('').starts).toEqual([0]);
  });

  it('finds the same line starts as a walk over every character', () => {
    const walk = (input: string): number[] => {
      const starts = [0];
      for (let i = 0; i < input.length; i++) {
        const c = input.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (input.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
      return starts;
    };
    for (const t of ['\r', '\n', '\r\n', '\n\r', '\r\r\n\n', 'a\r', 'a\rb\nc\r\n']) expect(indexLines(t).starts).toEqual(walk(t));
    fc.assert(
      fc.property(fc.stringMatching(/^[ab\r\n]{0,40}$/), (t) => {
        expect(indexLines(t).starts).toEqual(walk(t));
      }),
    );
  });
});

describe('indexLines time', () => {
  it('is linear in the input, short lines and line-end styles mixed', () => {
    // Short lines make the index large against the text; sizes stay below the point (an index of
    // about 16,000 entries) where V8 puts the array in its large-object space and the garbage
    // collector, not indexLines, sets the pace.
    expectLinear('indexLines', (n) => 'GET /a 1\n502 3\r\nx\r'.repeat(n), (t) => { for (let i = 0; i < 20; i++) indexLines(t); }, 300, { clock: cpuMs, maxGrowth: 2 });
  }, 60_000);
});

describe('LineCursor', () => {
  it('answers as lineOf, whatever the order of the offsets', () => {
    const text = fc.array(fc.constantFrom('a', 'bc', '\n', '\r\n', '\r', ' '), { maxLength: 60 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: -2, max: 70 }), { maxLength: 40 }), fc.boolean(), (t, offsets, sorted) => {
        const lines = indexLines(t);
        const cursor = new LineCursor(lines);
        for (const o of sorted ? [...offsets].sort((a, b) => a - b) : offsets) {
          const first = cursor.lineOf(o);
          expect(first).toBe(lineOf(lines, o));
          const end = Math.max(o, o + 5);
          if (o >= 0) expect(cursor.lineOfEnd(first, end)).toBe(lineOf(lines, end));
        }
      }),
      { numRuns: 500 },
    );
    const lines = indexLines('a\nb\nc');
    expect(new LineCursor(lines).lineOf(Number.NaN)).toBe(lineOf(lines, Number.NaN));
  });
});
