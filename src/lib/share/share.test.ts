import { describe, expect, it } from 'vitest';
import { SHARE_MAX_CHARS, decodeShareFragment, encodeShareFragment } from './share.ts';

const LINE = '2024-03-05 10:14:22 10.0.0.1 POST /api/reports/export - 443 - 10.0.0.2 Mozilla/5.0 - 502 3 12002 120016';

describe('share fragment', () => {
  it('round-trips a paste, Unicode and line ends included', async () => {
    const paste = `${LINE}\r\nHTTP Error 500.30 – ASP.NET Core app failed to start “here”\n连接被拒绝 <script>x</script>`;
    const fragment = await encodeShareFragment(paste);
    expect(fragment).toMatch(/^paste=[A-Za-z0-9_-]+$/);
    expect(await decodeShareFragment(fragment)).toBe(paste);
    expect(await decodeShareFragment('#' + fragment)).toBe(paste);
  });

  it('compresses repetitive logs', async () => {
    const paste = Array.from({ length: 200 }, () => LINE).join('\n');
    expect((await encodeShareFragment(paste)).length).toBeLessThan(paste.length / 10);
  });

  it('says plainly when there is nothing shared, the link is damaged or the paste is too long', async () => {
    expect(await decodeShareFragment('')).toBeUndefined();
    expect(await decodeShareFragment('#q=502')).toBeUndefined();
    const fragment = await encodeShareFragment(LINE);
    await expect(decodeShareFragment(fragment.slice(0, fragment.length - 6))).rejects.toThrow(/link is damaged/);
    await expect(decodeShareFragment('paste=%%%')).rejects.toThrow(/link is damaged/);
    await expect(encodeShareFragment('x'.repeat(SHARE_MAX_CHARS + 1))).rejects.toThrow(/at most 60,000/);
  });
});
