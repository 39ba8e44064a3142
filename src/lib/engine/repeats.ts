/**
 * The message catalogue (kind `message`) reads the products' words wherever they appear, so it
 * often reads a line that a format recogniser (nginx, event-log, ...) already explained. Counting
 * both would weigh the same evidence twice. This keeps a catalogue signal only where no other
 * kind placed a signal on an overlapping span; the catalogue's other facts (status, code, server)
 * stay, since the ranking counts each status and code once anyway. Inside output an app printed
 * that a record only carries (`placed` CAPTURED_OUTPUT: an ANCM event's captured hostfxr output),
 * the record's signal spans the line but did not read those words, so the catalogue's signal there
 * stands unless a first-layer signal was read inside that output too.
 */
import type { Fact, Kind } from './types.ts';
import { CAPTURED_OUTPUT } from '../recognisers/shared/event-messages/captured.ts';

/** Kinds whose signals give way to a format recogniser's signal on the same text. */
export const SECOND_LAYER_KINDS: ReadonlySet<Kind> = new Set<Kind>(['message']);
/**
 * Kinds below the catalogue: the prose reader's signals never shadow a catalogue signal (it is
 * prose-overlap.ts that drops prose on a line another kind explained, the catalogue included).
 */
const LAST_RESORT_KINDS: ReadonlySet<Kind> = new Set<Kind>(['prose']);

/** `facts` without second-layer signals that overlap a first-layer signal. n log n. */
export function dropRepeatedSignals(facts: readonly Fact[]): Fact[] {
  const first = facts.filter((f) => f.name === 'signal' && !SECOND_LAYER_KINDS.has(f.kind) && !LAST_RESORT_KINDS.has(f.kind)).sort((a, b) => a.span.start - b.span.start);
  if (first.length === 0) return [...facts];
  const captured = facts.filter((f) => f.name === 'placed' && f.value === CAPTURED_OUTPUT);
  /** A captured-output region holding [start, end), if any. */
  const regionOf = (start: number, end: number): Fact | undefined =>
    captured.length === 0 ? undefined : captured.find((r) => r.span.start <= start && end <= r.span.end);
  const starts = first.map((f) => f.span.start);
  // maxEnd[i]: the furthest end among first-layer spans 0..i (by start).
  const maxEnd: number[] = [];
  let m = -1;
  for (const f of first) maxEnd.push((m = Math.max(m, f.span.end)));
  const overlaps = (start: number, end: number): boolean => {
    // Last first-layer span starting before `end`.
    let lo = 0;
    let hi = starts.length - 1;
    let idx = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as number) < Math.max(end, start + 1)) {
        idx = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return idx >= 0 && (maxEnd[idx] as number) > start;
  };
  const repeated = (f: Fact): boolean => {
    const region = regionOf(f.span.start, f.span.end);
    // Inside captured output only a first-layer signal read there repeats the catalogue's.
    if (region) return first.some((s) => s.span.start >= region.span.start && s.span.start < region.span.end && s.span.start < f.span.end && s.span.end > f.span.start);
    return overlaps(f.span.start, f.span.end);
  };
  return facts.filter((f) => !(f.name === 'signal' && SECOND_LAYER_KINDS.has(f.kind) && repeated(f)));
}
