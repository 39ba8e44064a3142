import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasDigit, MAX_BARE_LINE, splitBareLine } from './bare-line.ts';

const LABELS = ['error code', 'error', 'hresult', 'http/1.1', 'http'];

describe('splitBareLine', () => {
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
