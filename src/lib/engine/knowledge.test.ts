import { describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE, curatedCodeCauses, decodeCode, orderedWeights } from './knowledge.ts';
import { SIGNALS } from '../signals/index.ts';

describe('DEFAULT_KNOWLEDGE', () => {
  it('finds registered signals', () => {
    const first = SIGNALS[0];
    if (first) expect(DEFAULT_KNOWLEDGE.signal(first.id)).toBe(first);
    expect(DEFAULT_KNOWLEDGE.signal('no.such')).toBeUndefined();
  });
  it('reads curated code causes in any form, best cause first', () => {
    const a = curatedCodeCauses(12002);
    const b = curatedCodeCauses(0x80072ee2);
    expect(a?.causes).toEqual(b?.causes);
    const ranked = Object.entries(a?.causes ?? {}).sort((x, y) => y[1] - x[1]);
    expect(ranked[0]?.[0]).toBe('request-timeout');
    expect(a?.note).toMatch(/^12002 \(0x80072EE2\) ERROR_WINHTTP_TIMEOUT: /);
    expect(b?.note).toMatch(/^0x80072EE2 ERROR_WINHTTP_TIMEOUT: /);
    expect(curatedCodeCauses(0x12345678)).toBeUndefined();
  });
});

describe('decodeCode', () => {
  it('gives every form and the curated names', () => {
    expect(decodeCode(0x80072ee2, '-2147012894')).toMatchObject({
      input: '-2147012894',
      hex: '0x80072EE2',
      unsigned: 2147954402,
      signed: -2147012894,
      win32: 12002,
      names: expect.arrayContaining(['ERROR_WINHTTP_TIMEOUT']),
    });
  });
  it('omits win32 when the value carries none', () => {
    expect(decodeCode(0x80008096, '0x80008096').win32).toBeUndefined();
  });
});

describe('orderedWeights', () => {
  it('weighs a single cause higher than the first of several', () => {
    expect(orderedWeights(1)).toEqual([0.7]);
    expect(orderedWeights(3)).toEqual([0.55, 0.35, 0.2]);
    expect(orderedWeights(0)).toEqual([]);
  });
});

describe('status causes', () => {
  it('come from the status table, with the sub-status deciding', () => {
    const s = DEFAULT_KNOWLEDGE.statusCauses('500.34');
    const best = Object.entries(s?.causes ?? {}).sort((a, b) => b[1] - a[1])[0];
    expect(best?.[0]).toBe('mixed-hosting-models');
    expect(s?.note.length).toBeGreaterThan(10);
    expect(DEFAULT_KNOWLEDGE.statusCauses('not a status')).toBeUndefined();
  });
});
