/**
 * The sentence a diagnosis opens with: what happened, in the reader's terms, one per cause
 * (content/data/verdicts.json), with shared numbers read from facts.json.
 */
import data from '../../../content/data/verdicts.json' with { type: 'json' };
import { expandFacts } from '../facts/facts.ts';

const VERDICTS = data.verdicts as Record<string, string>;

/** The plain-sentence verdict for a cause id, or undefined for an id without one. */
export function verdictFor(cause: string): string | undefined {
  const v = VERDICTS[cause];
  return v === undefined ? undefined : expandFacts(v);
}
