import { describe, expect, it } from 'vitest';
import { excerptSegments } from './excerpt.ts';

describe('excerptSegments', () => {
  it('splits marks and decodes entities into plain text', () => {
    expect(excerptSegments('the <mark>0x80072EE2</mark> code &amp; &lt;aspNetCore&gt;')).toEqual([
      { text: 'the ', mark: false },
      { text: '0x80072EE2', mark: true },
      { text: ' code & <aspNetCore>', mark: false },
    ]);
  });

  it('drops any other tag instead of rendering it', () => {
    const segs = excerptSegments('a <img src=x onerror=alert(1)> b');
    expect(segs).toEqual([{ text: 'a  b', mark: false }]);
  });

  it('keeps an unknown entity as written', () => {
    expect(excerptSegments('x &bogus; y')[0]?.text).toBe('x &bogus; y');
  });
});
