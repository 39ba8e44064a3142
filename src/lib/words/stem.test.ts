import { describe, expect, it } from 'vitest';
import { stem } from './stem.ts';

describe('stem', () => {
  it('brings the inflected forms of a word to one stem', () => {
    for (const group of [
      ['restart', 'restarts', 'restarted', 'restarting'],
      ['timeout', 'timeouts'],
      ['close', 'closed', 'closes', 'closing'],
      ['proxy', 'proxies'],
      ['refused', 'refuse', 'refuses', 'refusing'],
      ['stopped', 'stopping', 'stops'],
      ['upload', 'uploads', 'uploading', 'uploaded'],
    ]) {
      const stems = new Set(group.map(stem));
      expect([...stems], group.join(' ')).toHaveLength(1);
    }
  });

  it('keeps a doubled l, s or z, and undoes other doubled consonants', () => {
    expect(stem('stalled')).toBe('stall');
    expect(stem('passed')).toBe('pass');
    expect(stem('planned')).toBe('plan');
  });

  it('leaves short words, numbers, codes and other scripts as they are', () => {
    for (const w of ['dies', 'uses', '502', '0x80072ee2', 'kestrel.sock', 'über', 'タイムアウト', 'http2']) expect(stem(w)).toBe(w);
  });

  it('never takes a word below four letters', () => {
    expect(stem('tried')).toBe('tried');
    expect(stem('bytes')).toBe('byte');
    for (const w of ['pings', 'ended', 'needs', 'hosted', 'cached', 'fixes', 'lately']) expect(stem(w).length).toBeGreaterThanOrEqual(4);
  });
});
