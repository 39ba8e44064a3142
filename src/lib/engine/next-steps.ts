/**
 * Next steps per cause, from content/data/next-steps.json. A step is plain text, or
 * `{ "text", "when" }` where `when` is a fact test: such a step is shown only when the evidence
 * passes the test (e.g. the App Service note on request-timeout). Step texts may hold
 * `{fact:id}` placeholders for shared defaults (content/data/facts.json), expanded here.
 */
import data from '../../../content/data/next-steps.json' with { type: 'json' };
import type { FactIndex } from './fact-index.ts';
import { matchTest } from './fact-test.ts';
import type { FactTest } from './fact-test.ts';
import { expandFacts } from '../facts/facts.ts';

export type StepEntry = string | { text: string; when: FactTest };

/** The steps as written in the data file (placeholders not yet expanded). */
export const NEXT_STEPS_SOURCE: Readonly<Record<string, readonly StepEntry[]>> = data as Record<string, StepEntry[]>;

/** The steps with every `{fact:id}` placeholder expanded. */
export const NEXT_STEPS: Readonly<Record<string, readonly StepEntry[]>> = Object.fromEntries(
  Object.entries(NEXT_STEPS_SOURCE).map(([id, steps]) => [
    id,
    steps.map((s) => (typeof s === 'string' ? expandFacts(s) : { ...s, text: expandFacts(s.text) })),
  ]),
);

/** The steps for a cause in the context of this evidence (unconditional steps always). */
export function nextStepsFor(cause: string, index?: FactIndex): string[] {
  const out: string[] = [];
  for (const step of NEXT_STEPS[cause] ?? []) {
    if (typeof step === 'string') out.push(step);
    else if (index && matchTest(step.when, index) !== null) out.push(step.text);
  }
  return out;
}
