import type { Fact, FactName, Kind } from './types.ts';
import { codeKey, exceptionShortName, parseStatus, splitSetting } from './values.ts';

/** Every fact name, in the order types.ts documents them. */
export const FACT_NAMES = [
  'signal',
  'status',
  'code',
  'time-taken-ms',
  'stated-duration-ms',
  'url',
  'setting',
  'server',
  'hosting-model',
  'exception',
  'timestamp',
  'placed',
  'word',
] as const satisfies readonly FactName[];

// Compile-time check that FACT_NAMES lists every FactName.
type Missing = Exclude<FactName, (typeof FACT_NAMES)[number]>;
const everyFactName: Missing extends never ? true : never = true;
void everyFactName;

/**
 * Facts indexed once so fact tests (decision tree, contextual rules) cost a map look-up, not a
 * scan of every fact. Build it with `indexFacts`; it never changes afterwards.
 */
export interface FactIndex {
  facts: readonly Fact[];
  byName: ReadonlyMap<FactName, readonly Fact[]>;
  kinds: ReadonlySet<Kind>;
  /** Facts by `valueKey(name, value)`. */
  byValue: ReadonlyMap<string, readonly Fact[]>;
}

/**
 * The look-up keys a fact value is filed under. A test value goes through the same function, so
 * "502" finds every 502.x, 12002 finds 0x80072EE2, and "FileNotFoundException" finds
 * "System.IO.FileNotFoundException".
 */
export function valueKeys(name: FactName, value: unknown, asTest = false): string[] {
  switch (name) {
    case 'status': {
      const s = parseStatus(value);
      if (!s) return [];
      if (asTest) return s.sub === undefined ? [`status~${s.status}`] : [`status=${s.status}.${s.sub}`];
      const keys = [`status~${s.status}`, `status=${s.status}`];
      if (s.sub !== undefined) keys.push(`status=${s.status}.${s.sub}`);
      return keys;
    }
    case 'code': {
      const k = codeKey(value);
      return k === undefined ? [] : [`code=${k}`];
    }
    case 'setting': {
      const s = splitSetting(value);
      if (!s) return [];
      if (asTest) return s.value === '' ? [`setting#${s.name}`] : [`setting=${s.name}=${s.value.toLowerCase()}`];
      return [`setting#${s.name}`, `setting=${s.name}=${s.value.toLowerCase()}`];
    }
    case 'exception': {
      if (typeof value !== 'string') return [];
      const full = value.trim().toLowerCase();
      const short = exceptionShortName(value);
      if (asTest) return [`exception=${full}`];
      return short && short !== full ? [`exception=${full}`, `exception=${short}`] : [`exception=${full}`];
    }
    case 'time-taken-ms':
    case 'stated-duration-ms':
      return typeof value === 'number' && Number.isFinite(value) ? [`time-taken-ms=${value}`] : [];
    default:
      return typeof value === 'string' || typeof value === 'number'
        ? [`${name}=${String(value).trim().toLowerCase()}`]
        : [];
  }
}

export function indexFacts(facts: readonly Fact[]): FactIndex {
  const byName = new Map<FactName, Fact[]>();
  const byValue = new Map<string, Fact[]>();
  const kinds = new Set<Kind>();
  // A paste repeats the same few values many times: their keys are made, and their lists looked
  // up, once per name and value.
  const listsOf = new Map<FactName, Map<unknown, Fact[][]>>();
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i] as Fact;
    kinds.add(f.kind);
    let list = byName.get(f.name);
    if (!list) byName.set(f.name, (list = []));
    list.push(f);
    let known = listsOf.get(f.name);
    if (!known) listsOf.set(f.name, (known = new Map()));
    let lists = known.get(f.value);
    if (!lists) {
      lists = valueKeys(f.name, f.value).map((key) => {
        let l = byValue.get(key);
        if (!l) byValue.set(key, (l = []));
        return l;
      });
      known.set(f.value, lists);
    }
    for (let k = 0; k < lists.length; k++) (lists[k] as Fact[]).push(f);
  }
  return { facts, byName, kinds, byValue };
}
