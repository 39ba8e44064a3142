import { describe, expect, it } from 'vitest';
import causes from '../../../content/data/causes.json' with { type: 'json' };
import { signals } from './event-log.ts';

const ids = new Set((causes as { id: string }[]).map((c) => c.id));

describe('event-log signals', () => {
  it('are unique, prefixed with the kind, and point to known causes with weights in (0, 1]', () => {
    expect(new Set(signals.map((s) => s.id)).size).toBe(signals.length);
    for (const s of signals) {
      expect(s.kind).toBe('event-log');
      expect(s.id.startsWith('event-log.')).toBe(true);
      expect(s.label.length).toBeGreaterThan(10);
      const entries = Object.entries(s.causes);
      expect(entries.length).toBeGreaterThan(0);
      for (const [cause, w] of entries) {
        expect(ids.has(cause), `${s.id} -> ${cause}`).toBe(true);
        expect(w).toBeGreaterThan(0);
        expect(w).toBeLessThanOrEqual(1);
      }
    }
  });
});
