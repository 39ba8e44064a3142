/**
 * The one place for defaults, limits and version boundaries that many pages and the engine state
 * (content/data/facts.json). Pages read them through the <Fact> MDX component; engine rules read
 * them here, so fixing a number in the data file fixes it everywhere.
 */
import data from '../../../content/data/facts.json' with { type: 'json' };

export interface Fact {
  /** The product the fact belongs to, as readers name it ("nginx", "ASP.NET Core Module"). */
  product: string;
  /** The setting or limit's own name ("proxy_read_timeout", "requestTimeout"). */
  setting: string;
  /** The number, in `unit`. */
  value: number;
  unit: 's' | 'ms' | 'count' | 'bytes' | 'port';
  /** How a page writes it ("120 seconds (00:02:00)"). */
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
  if (f.unit === 's') return f.value * 1000;
  if (f.unit === 'ms') return f.value;
  throw new Error(`Fact "${id}" is in ${f.unit}, not a duration`);
}

/**
 * Replaces every `{fact:<id>}` in a data text (next steps, verdicts) with the fact's wording.
 * An unknown id throws, so a typo fails the tests instead of reaching a reader.
 */
export function expandFacts(text: string): string {
  return text.replace(/\{fact:([\w.-]+)\}/g, (_, id: string) => fact(id).says);
}
