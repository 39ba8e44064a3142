/**
 * The failure boundary around one recogniser: the only place a recogniser's error is caught.
 *
 * The recogniser pushes its facts into a list this helper owns, so a throw part-way keeps
 * everything found before it; the failure comes back with the kind for diagnose() to note.
 * A recogniser that returns its own list instead of filling the one it is given still works:
 * that list is appended (a throw then loses its facts, since none reached the shared list).
 */
import type { Fact, Kind, LineIndex, Recogniser } from './types.ts';

export interface RecogniserRun {
  kind: Kind;
  /** Facts found, as the recogniser produced them (checked by the caller). */
  facts: unknown[];
  /** What the recogniser threw, when it did. */
  failure?: unknown;
  /** The recogniser returned something that is not a list. */
  notAList?: boolean;
}

export function runRecogniser(r: Recogniser, input: string, lines: LineIndex): RecogniserRun {
  const found: Fact[] = [];
  let out: unknown;
  try {
    out = r.recognise(input, lines, found);
  } catch (e) {
    return { kind: r.kind, facts: found, failure: e };
  }
  if (out === found) return { kind: r.kind, facts: found };
  if (!Array.isArray(out)) return { kind: r.kind, facts: found, notAList: true };
  const facts: unknown[] = found;
  for (const f of out as unknown[]) facts.push(f);
  return { kind: r.kind, facts };
}

/** The note diagnose() writes for a failed run. */
export function failureNote(run: RecogniserRun): string | undefined {
  if ('failure' in run) {
    const e = run.failure;
    const why = e instanceof Error ? e.message : String(e);
    const kept = run.facts.length;
    return kept > 0
      ? `The ${run.kind} recogniser failed (${why}); the ${kept} fact${kept === 1 ? '' : 's'} it found before that ${kept === 1 ? 'is' : 'are'} kept, the rest of its evidence is missing.`
      : `The ${run.kind} recogniser failed (${why}); its evidence is missing.`;
  }
  if (run.notAList) return `The ${run.kind} recogniser returned no list; its evidence is missing.`;
  return undefined;
}
