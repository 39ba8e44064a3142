import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import causes from '../../../content/data/causes.json' with { type: 'json' };
import { indexLines } from '../engine/lines.ts';
import { recogniser } from '../recognisers/nginx.ts';
import { signals } from './nginx.ts';

const causeIds = new Set((causes as { id: string }[]).map((c) => c.id));
const dir = new URL('../../../tests/fixtures/nginx/', import.meta.url);

describe('nginx signals', () => {
  it('are unique, prefixed with the kind, and point to known causes with weights in (0, 1]', () => {
    expect(new Set(signals.map((s) => s.id)).size).toBe(signals.length);
    for (const s of signals) {
      expect(s.kind).toBe('nginx');
      expect(s.id.startsWith('nginx.')).toBe(true);
      expect(s.label.length).toBeGreaterThan(10);
      const entries = Object.entries(s.causes);
      expect(entries.length).toBeGreaterThan(0);
      for (const [cause, w] of entries) {
        expect(causeIds.has(cause), `${s.id} -> ${cause}`).toBe(true);
        expect(w).toBeGreaterThan(0);
        expect(w).toBeLessThanOrEqual(1);
      }
    }
  });

  it('are each emitted by the recogniser on at least one fixture, and nothing else is', () => {
    const emitted = new Set<string>();
    for (const name of readdirSync(dir)) {
      const text = readFileSync(new URL(name, dir), 'utf8');
      for (const f of recogniser.recognise(text, indexLines(text))) {
        if (f.name === 'signal') emitted.add(f.value as string);
      }
    }
    expect([...emitted].sort()).toEqual(signals.map((s) => s.id).sort());
  });
});
