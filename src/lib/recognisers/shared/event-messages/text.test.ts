import { describe, expect, it } from 'vitest';
import { cpuMs, expectLinear } from '../../../../../tests/support/linear.ts';
import {
  buildView,
  decimalAsCode,
  decimalAt,
  decodeEntity,
  endToInput,
  hexAt,
  parseEventDate,
  toInput,
  typeNameAt,
} from './text.ts';

describe('buildView', () => {
  it('keeps every code unit: surrogate pairs, lone surrogates and a leading U+FEFF', () => {
    // Each view is built as the input without its blanks, unit for unit (the decoder is used only
    // where it gives the same units).
    const pieces = ['a', ' ', '\ud83d\ude00', '\ud83d', '\ude00', '\ufeff', 'é', '接'];
    for (let k = 0; k < 400; k++) {
      let input = '';
      for (let j = 0; j < 1 + (k % 9); j++) input += pieces[(k * 7 + j * 13 + (k >> 3)) % pieces.length];
      const v = buildView(input, 0, input.length, { compact: false, decode: false });
      expect(v.text.length).toBe(input.length);
      expect(v.text === input).toBe(true);
    }
  });

  it('drops whitespace and maps every character back to the input', () => {
    const input = 'failed to\n   start';
    const v = buildView(input, 0, input.length, { compact: true });
    expect(v.text).toBe('failedtostart');
    expect(input[toInput(v, 8)]).toBe('s');
    expect(endToInput(v, v.text.length)).toBe(input.length);
  });

  it('decodes XML references, and skips the given spans', () => {
    const input = 'a &apos;b&apos; [skip me] c&#xD;&#xA;d &lt;e&gt;';
    const skipStart = input.indexOf('[');
    const v = buildView(input, 0, input.length, { compact: true, skip: [{ start: skipStart, end: input.indexOf(']') + 1 }] });
    expect(v.text).toBe("a'b'cd<e>");
    expect(toInput(v, 1)).toBe(input.indexOf('&apos;'));
    const lines = buildView(input, 0, input.length, { compact: false });
    expect(lines.text).toContain('c\r\nd');
  });

  it('keeps astral characters from references', () => {
    const v = buildView('x&#x1F600;y', 0, 11, { compact: true });
    expect(v.text).toBe('x\u{1F600}y');
  });
});

describe('decodeEntity', () => {
  it('accepts named, decimal and hex references and nothing else', () => {
    expect(decodeEntity('&quot;', 0)).toEqual({ code: 34, length: 6 });
    expect(decodeEntity('&#10;', 0)).toEqual({ code: 10, length: 5 });
    expect(decodeEntity('&#x41;', 0)).toEqual({ code: 65, length: 6 });
    expect(decodeEntity('&nbsp;', 0)).toBeUndefined();
    expect(decodeEntity('& x', 0)).toBeUndefined();
    expect(decodeEntity('&#x110000;', 0)).toBeUndefined();
  });
});

describe('number readers', () => {
  it('read hex and decimal codes with their spans', () => {
    const s = "ErrorCode = '0x8007000d'.";
    const h = hexAt(s, s.indexOf("'"));
    expect(h).toEqual({ value: 0x8007000d, start: 13, end: 23 });
    expect(hexAt('c00000fd,', 0)?.value).toBe(0xc00000fd);
    expect(hexAt('c00000fd', 0, true)).toBeUndefined();
    expect(hexAt('0x123456789', 0)).toBeUndefined();
    expect(decimalAt(" '-532462766'", 0)).toEqual({ value: -532462766, start: 2, end: 12 });
  });

  it('turn HRESULT-like decimals into unsigned codes and leave small exit codes alone', () => {
    expect(decimalAsCode(-532462766)).toBe(0xe0434352);
    expect(decimalAsCode(2147942402)).toBe(0x80070002);
    expect(decimalAsCode(1)).toBeUndefined();
    expect(decimalAsCode(0)).toBeUndefined();
  });

  it('read a type name', () => {
    expect(typeNameAt('Exception Info: System.IO.IOException: boom', 15)?.name).toBe('System.IO.IOException');
    expect(typeNameAt(' exception code c0000005', 0)).toBeUndefined();
  });
});

describe('parseEventDate', () => {
  it('reads the usual export forms', () => {
    expect(parseEventDate('2024-03-05T10:14:22.8135942Z')).toBe('2024-03-05T10:14:22.8135942Z');
    expect(parseEventDate('3/5/2024 10:14:22 AM')).toBe('2024-03-05T10:14:22');
    expect(parseEventDate('3/5/2024 1:14:22 PM')).toBe('2024-03-05T13:14:22');
    expect(parseEventDate('12/5/2024 12:01:00 AM')).toBe('2024-12-05T00:01:00');
    expect(parseEventDate('05.03.2024 10:14:22')).toBe('2024-03-05T10:14:22');
    expect(parseEventDate('22/09/2016 12:05:19')).toBe('2016-09-22T12:05:19');
    expect(parseEventDate('2024/03/05 午後 3:12:41')).toBe('2024-03-05T15:12:41');
  });

  it('swaps day and month when only that reading is valid, and refuses nonsense', () => {
    expect(parseEventDate('13/25/2024 10:00:00')).toBeUndefined();
    expect(parseEventDate('3/25/2024 10:00:00')).toBe('2024-03-25T10:00:00');
    expect(parseEventDate('Index 12')).toBeUndefined();
    expect(parseEventDate('1/2/3 4:5')).toBeUndefined();
  });

  it('reads long blank runs in linear time', () => {
    expectLinear('blank run', (n) => '1/2/2024' + ' '.repeat(n) + 'x', parseEventDate, 16_000, { clock: cpuMs });
  }, 60_000);
});
