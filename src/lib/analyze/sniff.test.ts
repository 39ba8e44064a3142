import { describe, expect, it } from 'vitest';
import { sniff } from './sniff.ts';

const enc = new TextEncoder();

describe('sniff', () => {
  it('accepts IIS logs, with or without a byte-order mark, and empty files', () => {
    expect(sniff(enc.encode('#Software: Microsoft Internet Information Services 10.0\r\n2024-03-05 ...'))).toEqual({ ok: true });
    expect(sniff(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('#Fields: date time')]))).toEqual({ ok: true });
    expect(sniff(new Uint8Array(0))).toEqual({ ok: true });
    expect(sniff(enc.encode('caf\u00e9 \t tab\n'))).toEqual({ ok: true });
  });

  it('turns away archives, dumps and event log files with a reason', () => {
    for (const [bytes, word] of [
      [[0x1f, 0x8b, 8, 0], 'gzip'],
      [[0x50, 0x4b, 3, 4, 20], 'zip'],
      [[0x4d, 0x44, 0x4d, 0x50, 0x93], 'dump'],
      [[0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0], 'evtx'],
    ] as const) {
      const r = sniff(new Uint8Array(bytes));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toContain(word);
    }
  });

  it('turns away UTF-16 text and binary data', () => {
    const u16 = new Uint8Array([...enc.encode('#Fields: date time')].flatMap((b) => [b, 0]));
    const r = sniff(u16);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('UTF-16');
    expect(sniff(new Uint8Array([0xff, 0xfe, 0x23, 0]))).toMatchObject({ ok: false });
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(sniff(noise).ok).toBe(false);
  });
});
