import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fold, foldString, foldText, foldUnits, originalSpan } from './fold.ts';

describe('fold', () => {
  it('lower-cases, collapses white space and line breaks, and maps typographic forms to ASCII', () => {
    expect(fold('  HTTP Error\r\n 500.38 – “ANCM”  ‘x’ —y\u00a0z…').text).toBe('http error 500.38 - "ancm" \'x\' -y z.');
    expect(fold('ＡＢＣ（１）').text).toBe('abc(1)');
  });

  it('keeps a map from every folded character back to the original text', () => {
    const input = 'A  B\n\nC – D';
    const f = fold(input);
    expect(f.text).toBe('a b c - d');
    for (let i = 0; i < f.text.length; i++) {
      const o = input[f.map[i]!]!;
      expect(f.text[i] === ' ' ? /\s/.test(o) : o.toLowerCase() === f.text[i] || o === '–').toBe(true);
    }
    const at = f.text.indexOf('c - d');
    expect(input.slice(originalSpan(f, at, at + 5).start, originalSpan(f, at, at + 5).end)).toBe('C – D');
  });

  it('agrees with the string-only fold used for catalogue texts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        expect(foldString(s)).toBe(fold(s).text);
        expect(foldText(s)).toBe(fold(s).text.trim());
      }),
    );
  });

  it('maps back through leading, inner and trailing white-space runs', () => {
    const input = ' \n  Ab \t\r\n  cD\u00a0e  ';
    const f = fold(input);
    expect(f.text).toBe('ab cd e ');
    expect([...f.map]).toEqual([4, 5, 6, 12, 13, 14, 15, 16]);
  });

  it('keeps offsets one to one for characters that lower-case to two units and for lone surrogates', () => {
    const input = 'İx\uD800y';
    const f = fold(input);
    expect(f.text.length).toBe(4);
    expect([...f.map]).toEqual([0, 1, 2, 3]);
  });

  it('folds to the same units and map without making the string, lone surrogates as U+FFFD', () => {
    const decode = (u: Uint16Array) => String.fromCharCode(...u);
    for (const s of ['A  b\u00a0C', 'x\uD800y', '\uDC00\uD83D\uDE00\uD83D', 'İ \u201cQ\u201d\t\r\n', '']) {
      const f = fold(s);
      const u = foldUnits(s);
      expect(decode(u.units)).toBe(f.text);
      expect([...u.map]).toEqual([...f.map]);
    }
    expect(decode(foldUnits('a\uD800b\uDE00').units)).toBe('a\uFFFDb\uFFFD');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        expect(decode(foldUnits(s).units)).toBe(fold(s).text);
      }),
    );
  });
});
