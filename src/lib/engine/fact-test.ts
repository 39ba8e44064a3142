/**
 * Fact tests: the small data language the decision tree (`when`) and the contextual ranking rules
 * use to ask "does the evidence say X?". JSON-friendly, evaluated against a FactIndex.
 *
 * - `{ "fact": "status", "in": ["502.3"] }`: a status fact with one of these values. A status
 *   without a sub-status ("502") matches every sub-status (502, 502.3, 502.5).
 * - `{ "fact": "code", "in": [12002, "0x80072EE2"] }`: codes compare by value; a Win32 code and
 *   its HRESULT (0x8007xxxx) are the same code.
 * - `{ "fact": "signal", "in": ["nginx.upstream-refused"] }`, `server`, `hosting-model`,
 *   `exception` (full or short type name), `setting` ("name=value", or "name=" for any value):
 *   case-insensitive.
 * - `{ "fact": "kind", "in": ["iis-log"] }`: an input kind was found.
 * - `{ "fact": "time-taken-ms", "between": [110000, 130000] }`: inclusive numeric range.
 * - `{ "fact": "time-taken-ms", "near": { "setting": "requestTimeout", "default": 120000,
 *   "tolerance": 0.1 } }`: within 10 % of the configured value, or of the default when the
 *   evidence shows no such setting.
 * - `{ "fact": "url" }` (no condition): any fact of that name.
 * - `{ "all": [...] }`, `{ "any": [...] }`, `{ "not": {...} }`.
 */
import type { Fact, FactName, Kind } from './types.ts';
import { KINDS } from './types.ts';
import { FACT_NAMES, valueKeys } from './fact-index.ts';
import type { FactIndex } from './fact-index.ts';
import { splitSetting, timeSpanMs } from './values.ts';

export type TestFact = FactName | 'kind';

export interface NearTest {
  /** Setting whose value (an IIS timeSpan or seconds) is the target, e.g. "requestTimeout". */
  setting?: string;
  /** Target in ms when no such setting is in the evidence. */
  default: number;
  /** Allowed relative distance, e.g. 0.1 for +/-10 %. */
  tolerance: number;
}

export interface FactCondition {
  fact: TestFact;
  in?: (string | number)[];
  between?: [number, number];
  near?: NearTest;
}

export type FactTest = FactCondition | { all: FactTest[] } | { any: FactTest[] } | { not: FactTest };

/** How many matching facts a test hands back as evidence (the rest only count). */
const MAX_MATCHED = 3;

/** The target of a `near` test in ms: the configured setting if the evidence has one, else the default. */
export function nearTarget(index: FactIndex, near: NearTest): { ms: number; configured?: Fact } {
  if (near.setting) {
    const name = near.setting.toLowerCase();
    for (const f of index.byValue.get(`setting#${name}`) ?? []) {
      const s = splitSetting(f.value);
      const ms = s ? timeSpanMs(s.value) : undefined;
      if (ms !== undefined && ms > 0) return { ms, configured: f };
    }
  }
  return { ms: near.default };
}

/** The look-up keys of a condition's values, in order: made once per condition (rules and the tree are fixed data). */
const TEST_KEYS = new WeakMap<FactCondition, readonly string[]>();

function testKeys(c: FactCondition): readonly string[] {
  let keys = TEST_KEYS.get(c);
  if (!keys) {
    keys = (c.in ?? []).flatMap((v) => valueKeys(c.fact as FactName, v, true));
    TEST_KEYS.set(c, keys);
  }
  return keys;
}

function matchCondition(c: FactCondition, index: FactIndex): Fact[] | null {
  if (c.fact === 'kind') {
    if (!c.in) return index.kinds.size > 0 ? [] : null;
    return c.in.some((k) => index.kinds.has(k as Kind)) ? [] : null;
  }
  let candidates: Iterable<Fact>;
  if (c.in) {
    const lists: (readonly Fact[])[] = [];
    for (const key of testKeys(c)) {
      const list = index.byValue.get(key);
      if (list && list.length > 0) lists.push(list);
    }
    candidates = lists.length === 0 ? [] : lists.length === 1 ? (lists[0] as readonly Fact[]) : mergeByStart(lists);
  } else {
    candidates = index.byName.get(c.fact) ?? [];
  }
  if (c.between || c.near) {
    let lo = -Infinity;
    let hi = Infinity;
    const extra: Fact[] = [];
    if (c.between) {
      lo = Math.max(lo, c.between[0]);
      hi = Math.min(hi, c.between[1]);
    }
    if (c.near) {
      const t = nearTarget(index, c.near);
      lo = Math.max(lo, t.ms * (1 - c.near.tolerance));
      hi = Math.min(hi, t.ms * (1 + c.near.tolerance));
      if (t.configured) extra.push(t.configured);
    }
    const hits: Fact[] = [];
    let any = false;
    for (const f of candidates) {
      if (typeof f.value === 'number' && f.value >= lo && f.value <= hi) {
        any = true;
        if (hits.length < MAX_MATCHED) hits.push(f);
        else break;
      }
    }
    return any ? [...hits, ...extra] : null;
  }
  const first: Fact[] = [];
  for (const f of candidates) {
    first.push(f);
    if (first.length >= MAX_MATCHED) break;
  }
  return first.length > 0 ? first : null;
}

/**
 * The facts of several lists, each in input order (as the index files them), once each, by span
 * start; facts that start together come in the order of the lists and then of each list (what
 * a stable sort of their union, list by list, gives). Lazy: a test that needs the first few facts
 * of thousands reads only those.
 */
function* mergeByStart(lists: readonly (readonly Fact[])[]): Generator<Fact> {
  const at = new Array<number>(lists.length).fill(0);
  const seen = new Set<Fact>();
  for (;;) {
    let best = -1;
    let bestStart = Infinity;
    for (let k = 0; k < lists.length; k++) {
      const list = lists[k] as readonly Fact[];
      let i = at[k] as number;
      // Skip the facts an earlier list gave already.
      while (i < list.length && seen.has(list[i] as Fact)) i++;
      at[k] = i;
      if (i < list.length && (list[i] as Fact).span.start < bestStart) {
        best = k;
        bestStart = (list[i] as Fact).span.start;
      }
    }
    if (best < 0) return;
    const f = (lists[best] as readonly Fact[])[at[best] as number] as Fact;
    at[best] = (at[best] as number) + 1;
    seen.add(f);
    yield f;
  }
}

/**
 * Evaluate a test. Returns the facts that satisfied it (possibly none, e.g. for `not` or a
 * `kind` test), or `null` when the test fails.
 */
export function matchTest(test: FactTest, index: FactIndex): Fact[] | null {
  if ('all' in test) {
    const out: Fact[] = [];
    for (const t of test.all) {
      const m = matchTest(t, index);
      if (m === null) return null;
      for (const f of m) if (!out.includes(f)) out.push(f);
    }
    return out;
  }
  if ('any' in test) {
    let out: Fact[] | null = null;
    for (const t of test.any) {
      const m = matchTest(t, index);
      if (m === null) continue;
      out ??= [];
      for (const f of m) if (!out.includes(f)) out.push(f);
    }
    return out;
  }
  if ('not' in test) return matchTest(test.not, index) === null ? [] : null;
  return matchCondition(test, index);
}

/**
 * Check a test is well formed: known fact names, known kinds, known signal ids (when a set is
 * given), numeric ranges the right way round. Returns a list of problems (empty = fine).
 */
export function validateTest(test: unknown, signalIds?: ReadonlySet<string>, where = 'test'): string[] {
  if (typeof test !== 'object' || test === null) return [`${where}: not an object`];
  const t = test as Record<string, unknown>;
  if ('all' in t || 'any' in t) {
    const list = t['all'] ?? t['any'];
    if (!Array.isArray(list) || list.length === 0) return [`${where}: all/any needs a non-empty list`];
    return list.flatMap((x, i) => validateTest(x, signalIds, `${where}[${i}]`));
  }
  if ('not' in t) return validateTest(t['not'], signalIds, `${where}.not`);
  const fact = t['fact'];
  const problems: string[] = [];
  if (fact !== 'kind' && !(FACT_NAMES as readonly unknown[]).includes(fact)) {
    return [`${where}: unknown fact name ${JSON.stringify(fact)}`];
  }
  const values = t['in'];
  if (values !== undefined) {
    if (!Array.isArray(values) || values.length === 0) problems.push(`${where}: "in" needs a non-empty list`);
    else {
      for (const v of values) {
        if (fact === 'kind' && !(KINDS as readonly unknown[]).includes(v)) problems.push(`${where}: unknown kind ${JSON.stringify(v)}`);
        if (fact === 'signal' && signalIds && !signalIds.has(String(v))) problems.push(`${where}: unknown signal id ${JSON.stringify(v)}`);
        if (fact !== 'kind' && valueKeys(fact as FactName, v, true).length === 0) problems.push(`${where}: unreadable ${String(fact)} value ${JSON.stringify(v)}`);
      }
    }
  }
  const between = t['between'];
  if (between !== undefined) {
    if (!Array.isArray(between) || between.length !== 2 || typeof between[0] !== 'number' || typeof between[1] !== 'number' || between[0] > between[1]) {
      problems.push(`${where}: "between" needs [low, high]`);
    }
  }
  const near = t['near'] as NearTest | undefined;
  if (near !== undefined && (typeof near.default !== 'number' || typeof near.tolerance !== 'number' || near.tolerance <= 0)) {
    problems.push(`${where}: "near" needs a numeric default and a positive tolerance`);
  }
  for (const key of Object.keys(t)) {
    if (!['fact', 'in', 'between', 'near'].includes(key)) problems.push(`${where}: unknown key ${key}`);
  }
  return problems;
}
