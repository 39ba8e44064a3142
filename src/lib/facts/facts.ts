/**
 * The one place for defaults, limits and version boundaries that many pages and the engine state
 * (content/data/facts.json). Pages read them through the <Fact> MDX component; engine rules and
 * next steps read them here, so fixing a number in the data file fixes it everywhere.
 */
import data from '../../../content/data/facts.json' with { type: 'json' };

export type FactUnit = 's' | 'ms' | 'count' | 'bytes' | 'KB' | 'port' | 'version' | 'event' | 'text';

export interface Fact {
  /** The product the fact belongs to, as readers name it ("nginx", "ASP.NET Core Module"). */
  product: string;
  /** The setting or limit's own name ("proxy_read_timeout", "requestTimeout"). */
  setting: string;
  /**
   * The number, in `unit` (for `port` the lower end of a range, `max` the upper end); for
   * `version` the version the fact turns on, for `event` the event id, for `text` a short value.
   */
  value: number | string;
  /** Upper end of a range (`port` facts). */
  max?: number;
  unit: FactUnit;
  /** How a page writes it ("120 seconds (00:02:00)"); for `event` the message text. */
  says: string;
  /** Where and for which versions it holds. */
  applies: string;
  /** Where it was checked. */
  source: string;
}

const FACTS = data.facts as Record<string, Fact>;

/** Every fact id. */
export const FACT_IDS: readonly string[] = Object.keys(FACTS);

/** The fact with this id; throws on an unknown id so a typo fails the build and the tests. */
export function fact(id: string): Fact {
  const f = FACTS[id];
  if (!f) throw new Error(`Unknown fact id "${id}" (content/data/facts.json)`);
  return f;
}

/** The fact's value in milliseconds (for `s` and `ms` facts). */
export function factMs(id: string): number {
  const f = fact(id);
  if (typeof f.value === 'number' && f.unit === 's') return f.value * 1000;
  if (typeof f.value === 'number' && f.unit === 'ms') return f.value;
  throw new Error(`Fact "${id}" is in ${f.unit}, not a duration`);
}

/** Ways to write a fact: its wording, its setting's name, the bare number, or number and unit. */
export type FactShow = 'says' | 'setting' | 'value' | 'short';

const SHORT_UNITS: Partial<Record<FactUnit, string>> = { s: 's', ms: 'ms', KB: 'KB' };

/**
 * What `{fact:id}` (the `says` text) or `{fact:id:setting}` / `{fact:id:value}` /
 * `{fact:id:short}` ("60 s", for tables) stands for. A range's value is written low-high.
 */
export function factText(id: string, show: FactShow = 'says'): string {
  const f = fact(id);
  if (show === 'setting') return f.setting;
  const value = f.max === undefined ? String(f.value) : `${f.value}-${f.max}`;
  if (show === 'value') return value;
  if (show === 'short') {
    const unit = SHORT_UNITS[f.unit];
    if (unit) return `${value} ${unit}`;
    if (f.unit === 'count' || f.unit === 'port') return value;
  }
  return f.says;
}

const PLACEHOLDER = /\{fact:([A-Za-z0-9._-]+)(?::(says|setting|value|short))?\}/g;

/**
 * Text with every `{fact:id}` placeholder replaced (used by data files that cannot hold an MDX
 * component, such as next-steps.json). An unknown id throws, like `fact`.
 */
export function expandFacts(text: string): string {
  return text.replace(PLACEHOLDER, (_m, id: string, show?: FactShow) => factText(id, show ?? 'says'));
}
