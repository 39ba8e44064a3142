import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCode, win32Of } from './forms.ts';
import { CLIENT_GONE_WIN32, IIS_TEXT, WINHTTP_502_3 } from './iis-codes.ts';

const iis = (text: string): number | null => parseCode(text, IIS_TEXT);
const hex = (u: number): string => '0x' + u.toString(16).padStart(8, '0');

describe('parseCode on codes as IIS writes them', () => {
  it('reads every form of the WinHTTP timeout as one value', () => {
    for (const t of ['2147954402', '-2147012894', '0x80072ee2', '0x80072EE2', ' 2147954402 ']) expect(iis(t)).toBe(2147954402);
    expect(iis('The operation timed out\r\n (0x80072ee2)')).toBe(2147954402);
    expect(iis('12002')).toBe(12002);
  });

  it('reads digits as decimal and a 5xx-like number as a code', () => {
    expect(iis('12345678')).toBe(12345678);
    expect(parseCode('12345678')).toBe(0x12345678);
    expect(iis('500')).toBe(500);
    expect(parseCode('500')).toBeNull();
  });

  it('takes the last hex code in text and rejects what is not a code', () => {
    expect(iis('0x1 then (0x8007000d)')).toBe(0x8007000d);
    expect(iis('x'.repeat(200) + ' (0x8007000d)')).toBe(0x8007000d);
    expect(iis('')).toBeNull();
    expect(iis('timed out')).toBeNull();
    expect(iis('99999999999')).toBeNull();
    expect(iis('0x123456789')).toBeNull();
    expect(iis('0x' + '1'.repeat(5000))).toBeNull();
  });

  it('round-trips any 32-bit value through decimal, signed and hex', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (u) => {
        expect(iis(String(u))).toBe(u);
        expect(iis(String(u | 0))).toBe(u);
        expect(iis(hex(u))).toBe(u);
      }),
    );
  });
});

describe('win32Of', () => {
  it('unwraps HRESULT_FROM_WIN32 and keeps small codes', () => {
    expect(win32Of(0x80072ee2)).toBe(12002);
    expect(win32Of(12030)).toBe(12030);
    expect(win32Of(0xe0434352)).toBeUndefined();
  });

  it('reads 0x80070000 as facility 7 with code 0: Win32 0, ERROR_SUCCESS', () => {
    expect(win32Of(0x80070000)).toBe(0);
    expect(win32Of(0x8007ffff)).toBe(0xffff);
    expect(win32Of(0x80080000)).toBeUndefined();
  });
});

describe('the IIS code tables', () => {
  it('name Win32 codes', () => {
    for (const c of [...CLIENT_GONE_WIN32, ...WINHTTP_502_3.keys()]) expect(win32Of(c)).toBe(c);
    expect(WINHTTP_502_3.get(12002)).toBe('timeout');
  });
});
