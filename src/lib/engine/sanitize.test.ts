import { describe, expect, it } from 'vitest';
import { sanitize } from './sanitize.ts';

describe('sanitize', () => {
  it('leaves ordinary text alone', () => {
    const r = sanitize('a\tb\r\nc');
    expect(r).toEqual({ text: 'a\tb\r\nc', notes: [], shifted: false, truncated: false });
  });
  it('turns control characters into spaces so offsets stay', () => {
    const r = sanitize('abc\u0000def\u001b[0mghi\u007f');
    expect(r.text).toBe('abc def [0mghi ');
    expect(r.text.length).toBe(15);
    expect(r.notes[0]).toMatch(/3 control or binary characters/);
  });
  it('removes the NULs of UTF-16 text read as bytes, and says offsets moved', () => {
    const utf16 = [...'HTTP Error 502.3 - Bad Gateway'].map((c) => c + '\u0000').join('');
    const r = sanitize(utf16);
    expect(r.text).toBe('HTTP Error 502.3 - Bad Gateway');
    expect(r.shifted).toBe(true);
    expect(r.notes.join(' ')).toMatch(/UTF-16/);
  });
  it('blanks a byte-order mark without a note', () => {
    const r = sanitize('\ufeff#Fields: date');
    expect(r.text).toBe(' #Fields: date');
    expect(r.notes).toEqual([]);
  });
  it('cuts long input at a line break and says how much was read', () => {
    const r = sanitize('line\n'.repeat(100), 52);
    expect(r.truncated).toBe(true);
    expect(r.text.length).toBeLessThanOrEqual(52);
    expect(r.text.endsWith('line')).toBe(true);
    expect(r.notes[0]).toMatch(/only the first 49 were read \(limit 52\)/);
  });
  it('replaces every C0 and C1 control but tab, line feed and carriage return, and a mark only at the start', () => {
    for (let c = 0; c < 0x200; c++) {
      const ch = String.fromCharCode(c);
      const control = (c < 32 && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && c <= 0x9f);
      expect(sanitize(`a${ch}b`).text, `U+${c.toString(16)}`).toBe(control ? 'a b' : `a${ch}b`);
    }
    const r = sanitize('\ufeff\u0085x\ufeff\u0001');
    expect(r.text).toBe('  x\ufeff ');
    expect(r.notes[0]).toMatch(/^2 control or binary characters/);
  });
  it('copes with non-strings', () => {
    expect(sanitize(undefined).text).toBe('');
    expect(sanitize(42).text).toBe('42');
  });
});
