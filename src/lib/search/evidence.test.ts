import { describe, expect, it } from 'vitest';
import { looksLikeEvidence } from './evidence.ts';

describe('looksLikeEvidence', () => {
  it('takes log lines and error pages for evidence', () => {
    expect(looksLikeEvidence('2024/03/05 10:15:22 [error] 1234#1234: *5678 connect() failed (111: Connection refused) while connecting to upstream')).toBe(true);
    expect(looksLikeEvidence('2024-03-05 10:15:22 10.0.0.5 POST /api/orders/submit - 443 - 203.0.113.7 Mozilla/5.0 - 502 3 12002 120015')).toBe(true);
    expect(looksLikeEvidence('upstream: "http://127.0.0.1:5000/"')).toBe(true);
    expect(looksLikeEvidence('[error] no live upstreams while connecting to upstream')).toBe(true);
    expect(looksLikeEvidence('HTTP Error 502.3 - Bad Gateway')).toBe(true);
    expect(looksLikeEvidence('first line\nsecond line')).toBe(true);
    expect(looksLikeEvidence('x'.repeat(161))).toBe(true);
  });
  it('leaves codes, statuses, words and message fragments to the search', () => {
    for (const q of ['0x80072EE2', '502.3', 'HTTP 502.3', '-2147012894', 'ERROR_WINHTTP_TIMEOUT', 'requestTimeout', 'hosting bundle', 'upstream prematurely closed connection while reading response header from upstream', 'connect() failed (111: Connection refused) while connecting to upstream', '']) {
      expect(looksLikeEvidence(q), q).toBe(false);
    }
  });
});
