import { describe, expect, it } from 'vitest';
import { classifyQuery } from './query.ts';

const names: Record<string, number> = { ERROR_WINHTTP_TIMEOUT: 12002 };
const resolve = (n: string) => names[n.toUpperCase()] ?? null;

describe('classifyQuery', () => {
  it('sends every written form of 0x80072EE2 to the same page', () => {
    for (const q of ['0x80072EE2', '0x80072ee2', '80072EE2', '2147954402', '-2147012894', '12002', 'ERROR_WINHTTP_TIMEOUT', ' Error code: 0x80072EE2 ']) {
      const k = classifyQuery(q, resolve);
      expect(k, q).toMatchObject({ kind: 'code', slug: '0x80072ee2', hex: '0x80072EE2', text: '0x80072ee2' });
    }
  });

  it('recognises statuses with sub-status', () => {
    expect(classifyQuery('502.3')).toMatchObject({ kind: 'status', status: '502.3', slug: '502-3' });
    expect(classifyQuery('HTTP Error 500.30')).toMatchObject({ kind: 'status', slug: '500-30' });
    expect(classifyQuery('503 Service Unavailable')).toMatchObject({ kind: 'status', slug: '503' });
    expect(classifyQuery('502')).toMatchObject({ kind: 'status', slug: '502' });
  });

  it('leaves words as text and ignores empty input', () => {
    expect(classifyQuery('requestTimeout')).toEqual({ kind: 'text', text: 'requestTimeout' });
    expect(classifyQuery('upstream   prematurely closed')).toEqual({ kind: 'text', text: 'upstream prematurely closed' });
    expect(classifyQuery('   ')).toEqual({ kind: 'empty' });
    expect(classifyQuery('ERROR_WINHTTP_TIMEOUT')).toEqual({ kind: 'text', text: 'ERROR_WINHTTP_TIMEOUT' });
  });

  it('caps very long queries', () => {
    const k = classifyQuery('a'.repeat(10_000));
    expect(k.kind === 'text' && k.text.length).toBe(200);
  });
});
