/**
 * Next steps per cause, from content/data/next-steps.json. A step is plain text, or
 * `{ "text", "when" }` where `when` is a fact test: such a step is shown only when the evidence
 * passes the test (e.g. the App Service note on request-timeout).
 */
import data from '../../../content/data/next-steps.json' with { type: 'json' };
import type { FactIndex } from './fact-index.ts';
import { matchTest } from './fact-test.ts';
import type { FactTest } from './fact-test.ts';

export type StepEntry = string | { text: string; when: FactTest };

export const NEXT_STEPS: Readonly<Record<string, readonly StepEntry[]>> = data as Record<string, StepEntry[]>;

/** The steps for a cause in the context of this evidence (unconditional steps always). */
export function nextStepsFor(cause: string, index?: FactIndex): string[] {
  const out: string[] = [];
  for (const step of NEXT_STEPS[cause] ?? []) {
    if (typeof step === 'string') out.push(step);
    else if (index && matchTest(step.when, index) !== null) out.push(step.text);
  }
  return out;
}
