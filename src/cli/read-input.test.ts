import { describe, expect, it } from 'vitest';
import { countLines, decodeBytes, joinParts, locate } from './read-input.ts';

const utf16le = (s: string, bom: boolean): Uint8Array => {
  const body = Buffer.from(s, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
};

describe('decodeBytes', () => {
  it('reads UTF-8 with or without a BOM', () => {
    expect(decodeBytes(Buffer.from('\ufeffHTTP Error 502.3', 'utf8'))).toBe('HTTP Error 502.3');
    expect(decodeBytes(Buffer.from('café 502', 'utf8'))).toBe('café 502');
  });
  it('reads UTF-16 LE (as Windows PowerShell writes) with or without a BOM', () => {
    expect(decodeBytes(utf16le('Event ID: 1000\r\n', true))).toBe('Event ID: 1000\r\n');
    expect(decodeBytes(utf16le('Event ID: 1000\r\nLevel: Warning', false))).toBe('Event ID: 1000\r\nLevel: Warning');
  });
  it('reads UTF-16 BE with a BOM', () => {
    const le = Buffer.from('502.3', 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1] ?? 0;
      be[i + 1] = le[i] ?? 0;
    }
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe('502.3');
  });
});

describe('joinParts and locate', () => {
  it('counts lines without a phantom last line', () => {
    expect(countLines('a\nb\n')).toBe(2);
    expect(countLines('a\r\nb')).toBe(2);
    expect(countLines('')).toBe(1);
  });
  it('starts every part on a new line and maps lines back', () => {
    const j = joinParts([
      { name: 'a.log', text: 'one\ntwo' },
      { name: 'b.log', text: 'three\nfour\n' },
      { name: 'c.log', text: 'five' },
    ]);
    expect(j.text).toBe('one\ntwo\nthree\nfour\nfive');
    expect(j.parts.map((p) => [p.name, p.startLine, p.lines])).toEqual([
      ['a.log', 1, 2],
      ['b.log', 3, 2],
      ['c.log', 5, 1],
    ]);
    expect(locate(j.parts, 4)).toEqual({ name: 'b.log', line: 2 });
    expect(locate(j.parts, 5)).toEqual({ name: 'c.log', line: 1 });
  });
});
