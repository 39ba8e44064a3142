import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../engine/types.ts';
import type { Kind } from '../engine/types.ts';
import { KIND_LABELS } from '../report/labels.ts';
import { RECOGNISERS } from './index.ts';
import { casesExercising, fixturesOf } from '../../../tests/support/recognisers.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const SIGNALS_DIR = fileURLToPath(new URL('../signals/', import.meta.url));
const SIGNALS_INDEX = readFileSync(`${SIGNALS_DIR}index.ts`, 'utf8');

/** The pieces a kind lacks, each with where to add it (README: "Adding an input kind"). */
function missingPieces(kind: Kind): string[] {
  const missing: string[] = [];
  if (!RECOGNISERS.some((r) => r.kind === kind)) missing.push(`recogniser: src/lib/recognisers/${kind}/recogniser.ts, registered in src/lib/recognisers/index.ts`);
  if (!existsSync(`${HERE}${kind}/fragments.ts`)) missing.push(`fragments for the contract test: src/lib/recognisers/${kind}/fragments.ts`);
  if (!existsSync(`${SIGNALS_DIR}${kind}.ts`) || !SIGNALS_INDEX.includes(`'./${kind}.ts'`)) missing.push(`signals: src/lib/signals/${kind}.ts, registered in src/lib/signals/index.ts`);
  if (!/\w/.test(KIND_LABELS[kind] ?? '')) missing.push(`label: KIND_LABELS in src/lib/report/labels.ts`);
  if (fixturesOf(kind).length === 0) missing.push(`fixtures: pastes in tests/fixtures/${kind}/`);
  if (casesExercising(kind).length === 0) missing.push(`an end-to-end case: tests/fixtures/cases/<cause>--<what>.txt with "# kinds: ${kind}"`);
  return missing;
}

describe('recogniser registry', () => {
  it('lists recognisers in KINDS order, one per kind', () => {
    const kinds = RECOGNISERS.map((r) => r.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    const order = kinds.map((k) => KINDS.indexOf(k));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.every((i) => i >= 0)).toBe(true);
  });

  it('registers every <kind>/recogniser.ts in this folder', () => {
    const files = readdirSync(HERE, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(`${HERE}${d.name}/recogniser.ts`))
      .map((d) => d.name)
      .filter((name) => (KINDS as readonly string[]).includes(name));
    expect(RECOGNISERS.map((r) => r.kind).sort()).toEqual(files.sort());
  });

  it('has a kind id for every kind folder (shared/ is the only other folder)', () => {
    const folders = readdirSync(HERE, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(folders.filter((f) => f !== 'shared' && !(KINDS as readonly string[]).includes(f))).toEqual([]);
  });

  it.each(KINDS.map((k) => [k]))('%s has every piece a kind needs', (kind) => {
    expect(missingPieces(kind), `kind "${kind}" lacks pieces (README, "Adding an input kind")`).toEqual([]);
  }, 60_000);
});
