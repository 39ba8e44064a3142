import { describe, expect, it } from 'vitest';
import { decodeSearch, encodeSearch } from './fragment.ts';

describe('search fragment', () => {
  it('round-trips query and filters, including characters that need escaping', () => {
    const s = { q: 'connect() failed (111: Connection refused) & more #1', section: 'Guides', server: 'nginx' };
    expect(decodeSearch('#' + encodeSearch(s))).toEqual(s);
  });
  it('leaves empty parts out', () => {
    expect(encodeSearch({ q: 'timeout', section: '', server: '' })).toBe('q=timeout');
    expect(encodeSearch({ q: '', section: '', server: '' })).toBe('');
  });
  it('reads an old ?q= link when the fragment has no query', () => {
    expect(decodeSearch('', '?q=502.3')).toEqual({ q: '502.3', section: '', server: '' });
    expect(decodeSearch('#q=timeout', '?q=502.3').q).toBe('timeout');
  });
  it('ignores a fragment that is not key=value (an anchor)', () => {
    expect(decodeSearch('#results')).toEqual({ q: '', section: '', server: '' });
  });
});
