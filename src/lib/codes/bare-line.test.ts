import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasDigit, MAX_BARE_LINE, splitBareLine } from './bare-line.ts';

const LABELS = ['error code', 'error', 'hresult', 'http/1.1', 'http'];

describe('splitBareLine', () => {

  it('matches labels in any case the way lower-casing the line would', () => {
    expect(splitBareLine('ERROR CODE: 0x5', LABELS)?.label).toBe('error code');
    expect(splitBareLine('HrEsUlT 0x80070005', LABELS)?.token).toBe('0x80070005');
    // KELVIN SIGN lower-cases to "k"; U+0130 to "i" plus a combining dot, so it can only end a label.
    expect(splitBareLine('\u212AB 5', ['kb'])).toMatchObject({ label: 'kb', token: '5' });
    expect(splitBareLine('H\u0130 5', ['hi'])).toMatchObject({ label: 'hi', token: '5' });
    expect(splitBareLine('\u0130H 5', ['ih'])).toMatchObject({ token: '\u0130H', tail: '5' });
    expect(splitBareLine('\u0130H 5', ['ih'])?.label).toBeUndefined();
    // Labels that are not lower case never match (a lower-cased line cannot start with them).
    expect(splitBareLine('Error 5', ['Error'])?.label).toBeUndefined();
  });

  it('picks the first listed label the lower-cased line starts with at a word boundary', () => {
    const word = (c: string | undefined): boolean => c !== undefined && /\w/.test(c);
    fc.assert(
      fc.property(
        fc.constantFrom('Error', 'ERROR CODE', 'error code', 'HTTP', 'Http/1.1', 'hr', 'Hresult:', 'e', 'x'),
        fc.string({ maxLength: 12 }),
        (head, rest) => {
          const line = `${head}${rest}`.trim();
          const lower = line.toLowerCase();
          const expected = LABELS.find((l) => lower.startsWith(l) && !(word(line[l.length]) && word(l[l.length - 1])));
          const got = splitBareLine(line, LABELS);
          if (got !== null && expected !== undefined) expect(got.label).toBe(expected);
          if (got !== null && expected === undefined && !/^[-*•><][ \t\u00a0]/.test(line)) expect(got.label).toBeUndefined();
        },
      ),
    );
  });
  it('reads a list or quote marker followed only by a no-break space as an empty line', () => {
    for (const line of ['<\u00a0', '-\u00a0', '> \u00a0', '•\u00a0\u00a0']) expect(splitBareLine(line, ['code', 'error'])).toBeNull();
  });

  it('splits label, token and tail', () => {
    expect(splitBareLine('Error code: 0x80072EE2 (The operation timed out)', LABELS)).toEqual({
      label: 'error code',
      token: '0x80072EE2',
      tokenStart: 12,
      tail: '(The operation timed out)',
      trailing: '',
    });
  });

  it('prefers the longest label and respects word boundaries', () => {
    expect(splitBareLine('Error code 5', LABELS)?.label).toBe('error code');
    expect(splitBareLine('Errors 5', LABELS)).toEqual({ token: 'Errors', tokenStart: 0, tail: '5', trailing: '' });
    expect(splitBareLine('HTTP/1.1 502 Bad Gateway', LABELS)).toMatchObject({ label: 'http/1.1', token: '502', tail: 'Bad Gateway' });
  });

  it('drops bullets, quotes and trailing punctuation, keeping the offset right', () => {
    const line = "  - ErrorCode = '0x8007023e'.";
    const b = splitBareLine(line, ['errorcode']);
    expect(b?.token).toBe('0x8007023e');
    expect(line.slice(b!.tokenStart, b!.tokenStart + b!.token.length)).toBe('0x8007023e');
    expect(splitBareLine('502.', [])).toMatchObject({ token: '502', trailing: '.' });
    expect(splitBareLine("'0x5':", [])).toMatchObject({ token: '0x5', trailing: ':' });
    expect(splitBareLine('"502.3"', [])?.token).toBe('502.3');
  });

  it('returns null for blank, label-only and over-long lines', () => {
    expect(splitBareLine('   ', LABELS)).toBeNull();
    expect(splitBareLine('HRESULT:', LABELS)).toBeNull();
    expect(splitBareLine('x'.repeat(MAX_BARE_LINE + 1), LABELS)).toBeNull();
    expect(splitBareLine('"', LABELS)).not.toBeNull();
  });

  it('token offsets always slice back to the token', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (line) => {
        const b = splitBareLine(line, LABELS);
        if (b) expect(line.slice(b.tokenStart, b.tokenStart + b.token.length)).toBe(b.token);
      }),
    );
  });
});

describe('hasDigit', () => {
  it('detects ASCII digits only', () => {
    expect(hasDigit('abc1')).toBe(true);
    expect(hasDigit('Access is denied.')).toBe(false);
    expect(hasDigit('٣')).toBe(false);
  });
});
