import { describe, expect, it } from 'vitest';
import causes from '../../../content/data/causes.json' with { type: 'json' };
import { signals } from './message.ts';
import { MESSAGES } from '../recognisers/message/catalogue.ts';

const ACTIVE = new Set((causes as { id: string }[]).map((c) => c.id));

describe('message signals', () => {
  it('registers one signal per entry with an active cause, with exactly its active causes and weights', () => {
    const byId = new Map(signals.map((s) => [s.id, s]));
    let expected = 0;
    for (const e of MESSAGES) {
      const active = e.causes.filter((c) => ACTIVE.has(c.cause));
      const s = byId.get(`message.${e.id}`);
      if (active.length === 0) {
        expect(s, e.id).toBeUndefined();
        continue;
      }
      expected++;
      expect(s?.kind).toBe('message');
      expect(s?.causes).toEqual(Object.fromEntries(active.map((c) => [c.cause, c.weight])));
    }
    expect(signals).toHaveLength(expected);
  });

  it('labels each signal with the product and the message, cut to a readable length', () => {
    for (const s of signals) {
      expect(s.label.length).toBeLessThanOrEqual(200);
      expect(s.label).toMatch(/: “.+”$/);
    }
  });
});
