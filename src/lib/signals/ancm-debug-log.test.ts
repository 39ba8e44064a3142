import { describe, expect, it } from 'vitest';
import causes from '../../../content/data/causes.json' with { type: 'json' };
import { signals } from './ancm-debug-log.ts';

const ids = new Set((causes as { id: string }[]).map((c) => c.id));

describe('ancm-debug-log signals', () => {
  it('are unique, prefixed with the kind, and point to known causes with weights in (0, 1]', () => {
    expect(new Set(signals.map((s) => s.id)).size).toBe(signals.length);
    for (const s of signals) {
      expect(s.kind).toBe('ancm-debug-log');
      expect(s.id.startsWith('ancm-debug-log.')).toBe(true);
      expect(s.label.length).toBeGreaterThan(10);
      for (const [cause, w] of Object.entries(s.causes)) {
        expect(ids.has(cause), `${s.id} -> ${cause}`).toBe(true);
        expect(w).toBeGreaterThan(0);
        expect(w).toBeLessThanOrEqual(1);
      }
    }
  });
});
