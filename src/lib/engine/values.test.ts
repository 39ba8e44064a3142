import { describe, expect, it } from 'vitest';
import { codeKey, codeValue, exceptionShortName, formatMs, hex8, parseStatus, splitSetting, timeSpanMs } from './values.ts';

describe('codeValue', () => {
  it('reads every written form of the WinHTTP timeout as one unsigned value', () => {
    for (const v of [2147954402, -2147012894, '2147954402', '-2147012894', '0x80072EE2', '0x80072ee2']) {
      expect(codeValue(v)).toBe(0x80072ee2);
    }
  });
  it('rejects what is not a 32-bit code', () => {
    for (const v of [1.5, 2 ** 32, -(2 ** 31) - 1, 'abc', '0x', '0x123456789', '', null, undefined, {}]) {
      expect(codeValue(v)).toBeUndefined();
    }
  });
});

describe('codeKey', () => {
  it('makes a Win32 code and its HRESULT the same key', () => {
    expect(codeKey(12002)).toBe(codeKey('0x80072EE2'));
    expect(codeKey(5)).toBe(codeKey(2147942405));
  });
  it('keeps other facilities apart', () => {
    expect(codeKey('0x80008096')).toBe(0x80008096);
    expect(codeKey('0x80008096')).not.toBe(codeKey(0x8096));
  });
});

describe('small readers', () => {
  it('formats hex with eight upper-case digits', () => {
    expect(hex8(12002)).toBe('0x00002EE2');
    expect(hex8(-2147012894)).toBe('0x80072EE2');
  });
  it('parses statuses with and without sub-status', () => {
    expect(parseStatus('502.3')).toEqual({ status: 502, sub: 3 });
    expect(parseStatus(503)).toEqual({ status: 503 });
    expect(parseStatus('5023')).toBeUndefined();
    expect(parseStatus('999')).toBeUndefined();
  });
  it('reads IIS timeSpans and plain seconds', () => {
    expect(timeSpanMs('00:02:00')).toBe(120_000);
    expect(timeSpanMs('360:00:00')).toBe(1_296_000_000);
    expect(timeSpanMs('1.00:00:30')).toBe(86_430_000);
    expect(timeSpanMs('300')).toBe(300_000);
    expect(timeSpanMs('two minutes')).toBeUndefined();
  });
  it('splits settings and shortens exception names', () => {
    expect(splitSetting('requestTimeout=00:05:00')).toEqual({ name: 'requesttimeout', value: '00:05:00' });
    expect(splitSetting('=x')).toBeUndefined();
    expect(exceptionShortName('System.IO.FileLoadException')).toBe('fileloadexception');
    expect(formatMs(120016)).toBe('120.0 s');
    expect(formatMs(950)).toBe('950 ms');
  });
});
