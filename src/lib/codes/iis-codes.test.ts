import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hexCode, parseCode, unsigned32, win32Of } from './iis-codes.ts';

describe('parseCode', () => {
  it('reads every form of the WinHTTP timeout as one value', () => {
    for (const t of ['2147954402', '-2147012894', '0x80072ee2', '0x80072EE2', ' 2147954402 '])
      expect(parseCode(t)).toBe(2147954402);
    expect(parseCode('The operation timed out\r\n (0x80072ee2)')).toBe(2147954402);
    expect(parseCode('12002')).toBe(12002);
  });
  it('takes the last hex code in text and rejects what is not a code', () => {
    expect(parseCode('0x1 then (0x8007000d)')).toBe(0x8007000d);
    expect(parseCode('')).toBeUndefined();
    expect(parseCode('timed out')).toBeUndefined();
    expect(parseCode('99999999999')).toBeUndefined();
    expect(parseCode('0x123456789')).toBeUndefined();
  });
  it('round-trips any 32-bit value through decimal, signed and hex', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (u) => {
        expect(parseCode(String(u))).toBe(u);
        expect(parseCode(String(u | 0))).toBe(u);
        expect(parseCode(hexCode(u))).toBe(u);
      }),
    );
  });
});

describe('win32Of and unsigned32', () => {
  it('unwraps HRESULT_FROM_WIN32 and keeps small codes', () => {
    expect(win32Of(0x80072ee2)).toBe(12002);
    expect(win32Of(12030)).toBe(12030);
    expect(win32Of(0xe0434352)).toBeUndefined();
    expect(unsigned32(-1)).toBe(0xffffffff);
    expect(unsigned32(2 ** 32)).toBeUndefined();
  });
});
