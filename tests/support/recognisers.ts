/**
 * One harness for recogniser tests: run a registered kind on a paste or on one of its fixtures
 * (tests/fixtures/<kind>/), then read the facts by name. Used by each kind's own tests, by the
 * contract test (src/lib/recognisers/contract.test.ts) and the registry test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexLines } from '../../src/lib/engine/lines.ts';
import type { Fact, FactName, Kind, Recogniser } from '../../src/lib/engine/types.ts';
import { RECOGNISERS } from '../../src/lib/recognisers/index.ts';
import { readCases } from '../engine/case-files.ts';

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** File types a kind's fixture folder holds pastes in (data files such as cases.json are not pastes). */
const PASTE = /\.(txt|log|html|xml|config)$/;

/** The registered recogniser of `kind`; throws with a clear message when none is. */
export function recogniserOf(kind: Kind): Recogniser {
  const r = RECOGNISERS.find((x) => x.kind === kind);
  if (!r) throw new Error(`No recogniser registered for kind "${kind}" in src/lib/recognisers/index.ts`);
  return r;
}

/** Run a recogniser (or the registered one of a kind) on `text`. */
export function run(kind: Kind | Recogniser, text: string): Fact[] {
  const r = typeof kind === 'string' ? recogniserOf(kind) : kind;
  return r.recognise(text, indexLines(text));
}

export const named = (facts: readonly Fact[], name: FactName): Fact[] => facts.filter((f) => f.name === name);
export const values = (facts: readonly Fact[], name: FactName): (string | number)[] => named(facts, name).map((f) => f.value);
export const sliced = (text: string, facts: readonly Fact[], name: FactName): string[] => named(facts, name).map((f) => text.slice(f.span.start, f.span.end));

/** The paste fixtures of a kind, by file name, sorted; [] when the folder is missing. */
export function fixturesOf(kind: string): { name: string; text: string }[] {
  const dir = join(FIXTURES_DIR, kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => PASTE.test(f))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** One fixture's text. */
export function fixture(kind: string, name: string): string {
  return readFileSync(join(FIXTURES_DIR, kind, name), 'utf8');
}

/** End-to-end cases (tests/fixtures/cases/) whose `# kinds:` header names the kind. */
export function casesNaming(kind: string): string[] {
  return readCases()
    .filter((c) => c.kinds.includes(kind))
    .map((c) => c.file);
}

/** End-to-end cases whose paste gives this kind's recogniser at least one fact. */
export function casesExercising(kind: Kind): string[] {
  const r = RECOGNISERS.find((x) => x.kind === kind);
  if (!r) return [];
  return readCases()
    .filter((c) => c.kinds.includes(kind) || run(r, c.text).length > 0)
    .map((c) => c.file);
}
