/**
 * The recogniser contract (docs/architecture.md), checked for every registered recogniser:
 * on its fixtures and on random pastes built from its fragments, every fact has the kind's id,
 * a known name, a value of that name's type and a span inside the input; every signal id is
 * registered; no recogniser throws; and each reads its adversarial inputs (and its
 * own fixtures repeated) in linear time, compared between n and 4n repetitions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Fact, FactName, Kind, LineIndex } from '../engine/types.ts';
import { indexLines } from '../engine/lines.ts';
import { FACT_NAMES } from '../engine/fact-index.ts';
import { SIGNALS } from '../signals/index.ts';
import { RECOGNISERS } from './index.ts';
import type { Adversarial, KindFragments } from './shared/fragments.ts';
import { runOf } from './shared/fragments.ts';
import { fixturesOf, run } from '../../../tests/support/recognisers.ts';
import { cpuMs, expectLinear } from '../../../tests/support/linear.ts';

const FRAGMENT_FILES = import.meta.glob<{ fragments: KindFragments }>('./*/fragments.ts', { eager: true });
const fragmentsOf = (kind: Kind): KindFragments | undefined => FRAGMENT_FILES[`./${kind}/fragments.ts`]?.fragments;

/** What a value must look like, per fact name. A new fact name must be added here. */
const VALUE_CHECKS: Readonly<Record<string, (v: unknown) => boolean>> = {
  signal: (v) => typeof v === 'string',
  status: (v) => typeof v === 'string' && /^[1-5]\d\d(\.\d{1,3})?$/.test(v),
  code: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff,
  'time-taken-ms': (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0,
  'stated-duration-ms': (v) => typeof v === 'number' && Number.isFinite(v) && v > 0,
  url: (v) => typeof v === 'string' && v !== '',
  setting: (v) => typeof v === 'string' && v.includes('='),
  server: (v) => typeof v === 'string' && /^[a-z0-9-]+$/.test(v),
  'hosting-model': (v) => v === 'in-process' || v === 'out-of-process',
  exception: (v) => typeof v === 'string' && v !== '',
  timestamp: (v) => typeof v === 'string' && v !== '',
  placed: (v) => typeof v === 'string' && v !== '',
  word: (v) => typeof v === 'string' && v !== '',
};

/** Facts that break the contract, described; [] when all keep it. */
function breaches(kind: Kind, text: string, facts: readonly Fact[], signalIds: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const f of facts) {
    const where = `${f.name}=${JSON.stringify(f.value)} at ${f.span?.start}-${f.span?.end}`;
    if (f.kind !== kind) out.push(`${where}: kind is ${f.kind}`);
    if (!(FACT_NAMES as readonly string[]).includes(f.name)) out.push(`${where}: unknown fact name`);
    const check = VALUE_CHECKS[f.name];
    if (!check) out.push(`${where}: no value check for fact name "${f.name}" in contract.test.ts`);
    else if (!check(f.value)) out.push(`${where}: value does not fit its name`);
    if (!(Number.isInteger(f.span.start) && Number.isInteger(f.span.end) && f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length)) {
      out.push(`${where}: span outside the input (length ${text.length})`);
    }
    if (f.name === 'signal' && !signalIds.has(String(f.value))) out.push(`${where}: signal not registered in src/lib/signals/`);
  }
  return out;
}

/** Inputs every recogniser must read in linear time, whatever its kind. */
const COMMON_ADVERSARIAL: readonly Adversarial[] = [runOf('\n'), runOf('\r'), runOf('a\u0000'), runOf('<a b="'), runOf('0x8007')];

/**
 * n so that make(n) holds about 16 KB. Inputs stay small (16 KB against 64 KB): around a megabyte
 * the garbage collector's own costs stop growing linearly, whatever the recogniser does.
 */
function startingN(a: Adversarial): number {
  const per = Math.max(1, a.make(2).length - a.make(1).length);
  return Math.max(1, Math.ceil(16_000 / per));
}

/** How many back-to-back runs of `work` take about 4 ms of CPU, so one timing is not noise. */
function repeatsFor(work: () => unknown): number {
  work();
  const t0 = cpuMs();
  work();
  return Math.min(500, Math.max(1, Math.ceil(4 / Math.max(cpuMs() - t0, 0.01))));
}

/** Signal ids registered in src/lib/signals/ (a kind may emit another kind's id: ancm-debug-log emits event-log ones). */
const signalIds: ReadonlySet<string> = new Set(SIGNALS.map((s) => s.id));

describe.each(RECOGNISERS.map((r) => [r.kind, r] as const))('%s recogniser keeps the contract', (kind, recogniser) => {
  const fragments = fragmentsOf(kind);

  it('gives the contract test its fragments', () => {
    expect(fragments, `src/lib/recognisers/${kind}/fragments.ts must export fragments: KindFragments`).toBeDefined();
    expect(fragments!.pieces.length).toBeGreaterThan(0);
    expect(fragments!.adversarial.length).toBeGreaterThan(0);
  });

  it('keeps the contract on every fixture of its kind', () => {
    for (const { name, text } of fixturesOf(kind)) {
      expect(breaches(kind, text, run(recogniser, text), signalIds), name).toEqual([]);
    }
  }, 60_000);

  it('never throws on random pastes built from its fragments, and keeps the contract', () => {
    const pieces = fragments?.pieces ?? [];
    const piece = pieces.length > 0 ? fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 12 })) : fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(breaches(kind, text, run(recogniser, text), signalIds)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('never throws on arbitrary text, including lone surrogates and control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(breaches(kind, text, run(recogniser, text), signalIds)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('reads its adversarial inputs and its fixtures repeated in linear time', { timeout: 240_000, retry: 2 }, () => {
    const all = [...(fragments?.adversarial ?? []), ...COMMON_ADVERSARIAL];
    const corpus = fixturesOf(kind).map((f) => f.text).join('\n');
    if (corpus !== '') all.push({ label: `${kind} fixtures, repeated`, make: (n) => `${corpus}\n`.repeat(n) });
    // The line index is the engine's, built once per paste before any recogniser runs (it has its
    // own test in engine/lines.test.ts): only the recogniser is timed. Building it inside the timed
    // runs measured the garbage collector instead: 64,000 blank lines need an index array in V8's
    // large-object space, 16,000 do not, and that alone gave ratios just over 10.
    for (const a of all) {
      const indexed = (k: number): { text: string; lines: LineIndex } => {
        const text = a.make(k);
        return { text, lines: indexLines(text) };
      };
      const n = startingN(a);
      const small = indexed(n);
      const times = repeatsFor(() => recogniser.recognise(small.text, small.lines));
      const runs = (input: { text: string; lines: LineIndex }): void => {
        for (let i = 0; i < times; i++) recogniser.recognise(input.text, input.lines);
      };
      expectLinear(`${kind}: ${a.label} (x${times})`, indexed, runs, n, { clock: cpuMs, maxGrowth: 0, runs: 3 });
    }
    // A shared machine can still disturb one pair of timings; a quadratic reader fails every try.
  });
});

it('checks a value for every fact name', () => {
  expect(Object.keys(VALUE_CHECKS).sort()).toEqual([...FACT_NAMES].sort() as FactName[]);
});
