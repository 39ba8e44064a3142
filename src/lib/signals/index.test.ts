import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import causes from '../../../content/data/causes.json' with { type: 'json' };
import { KINDS } from '../engine/types.ts';
import { indexLines } from '../engine/lines.ts';
import { SIGNALS, SIGNAL_IDS, signalById } from './index.ts';
import { RECOGNISERS } from '../recognisers/index.ts';

const CAUSE_IDS = new Set((causes as { id: string }[]).map((c) => c.id));
const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/', import.meta.url));

function filesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('signal registry', () => {
  it('has unique ids named <kind>.<what>', () => {
    const seen = new Set<string>();
    for (const s of SIGNALS) {
      expect(seen.has(s.id), `duplicate ${s.id}`).toBe(false);
      seen.add(s.id);
      expect((KINDS as readonly string[]).includes(s.kind), s.id).toBe(true);
      expect(s.id.startsWith(`${s.kind}.`), `${s.id} starts with its kind`).toBe(true);
      expect(s.label.length, `${s.id} has a label people can read`).toBeGreaterThan(10);
    }
    expect(SIGNAL_IDS.size).toBe(SIGNALS.length);
  });

  it('points only at known cause ids, with weights in (0, 1]', () => {
    for (const s of SIGNALS) {
      expect(Object.keys(s.causes).length, `${s.id} names a cause`).toBeGreaterThan(0);
      for (const [cause, w] of Object.entries(s.causes)) {
        expect(CAUSE_IDS.has(cause), `${s.id} -> ${cause}`).toBe(true);
        expect(w > 0 && w <= 1, `${s.id} -> ${cause}: ${w}`).toBe(true);
      }
    }
  });

  it('looks signals up by id', () => {
    const first = SIGNALS[0];
    if (first) expect(signalById(first.id)).toBe(first);
    expect(signalById('no.such-signal')).toBeUndefined();
  });

  it('registers every signal id the recognisers emit on the fixtures', () => {
    const unknown = new Set<string>();
    const files = filesUnder(FIXTURES);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const lines = indexLines(text);
      for (const r of RECOGNISERS) {
        for (const f of r.recognise(text, lines)) {
          if (f.name === 'signal' && !SIGNAL_IDS.has(String(f.value))) unknown.add(`${String(f.value)} (${r.kind}, ${file.slice(FIXTURES.length)})`);
        }
      }
    }
    expect([...unknown]).toEqual([]);
  }, 60_000);
});

// Kinds whose fixtures exercise every signal they define (the others are also covered by their
// recognisers' own tests with inline inputs).
describe.each(['apache', 'nginx', 'yarp', 'cloud-lb', 'traefik', 'haproxy', 'caddy'] as const)('%s signals', (kind) => {
  it('are each emitted by the recogniser on at least one of its fixtures, and nothing else is', () => {
    const recogniser = RECOGNISERS.find((r) => r.kind === kind)!;
    const emitted = new Set<string>();
    for (const file of filesUnder(join(FIXTURES, kind))) {
      const text = readFileSync(file, 'utf8');
      for (const f of recogniser.recognise(text, indexLines(text))) if (f.name === 'signal') emitted.add(String(f.value));
    }
    expect([...emitted].sort()).toEqual(SIGNALS.filter((s) => s.kind === kind).map((s) => s.id).sort());
  });
});
