/**
 * Reading one log in several parts at once (the CLI uses two cores) and getting exactly the
 * result of one pass. A part that starts mid-file cannot know which `#Fields:` layout is in
 * effect, so it is scanned with a guess and with `separatePrefix`: the lines before its own
 * first directive are counted apart. Once the parts before it are done, the real layout is
 * known; when the guess was wrong, only that prefix is read again (planFixups), then the parts
 * are merged in order (combineParts).
 */
import type { ScanResult } from './scanner.ts';
import { fieldsOfDirective, sameFields } from './plan.ts';
import { mergeStats, type Stats } from './stats.ts';

/** Offset of the first byte after the first '\n' at or after `from` in `bytes`, or -1. */
export function lineStartAfter(bytes: Uint8Array, from: number): number {
  const i = bytes.indexOf(10, Math.max(0, from));
  return i < 0 ? -1 : i + 1;
}

/**
 * The `#Fields:` layout last declared in `head` (the first bytes of a file), as a guess for a
 * part starting later in the file; null when the head declares none.
 */
export function lastFieldsIn(headText: string): string[] | null {
  let found: string[] | null = null;
  let i = 0;
  while (i < headText.length) {
    let nl = headText.indexOf('\n', i);
    if (nl < 0) nl = headText.length;
    const fields = fieldsOfDirective(headText.slice(i, nl));
    if (fields) found = fields;
    i = nl + 1;
  }
  return found;
}

export interface Fixup {
  /** Index of the part whose prefix must be read again. */
  part: number;
  /** The layout actually in effect at the start of that part. */
  fields: readonly string[] | null;
  /** Bytes of the prefix, from the start of the part. */
  bytes: number;
}

/**
 * Parts in file order: part 0 read with the real starting layout, every later part read with
 * `separatePrefix` and a guessed layout. Which prefixes were read with the wrong layout?
 */
export function planFixups(parts: readonly ScanResult[]): Fixup[] {
  const out: Fixup[] = [];
  let actual: readonly string[] | null = parts[0]?.endFields ?? null;
  for (let k = 1; k < parts.length; k++) {
    const p = parts[k] as ScanResult;
    if (!sameFields(p.startFields, actual)) out.push({ part: k, fields: actual, bytes: p.prefixBytes });
    // A part with no directive of its own ends with the layout it started with (the real one).
    actual = p.sawFields ? p.endFields : actual;
  }
  return out;
}

/**
 * Merge the parts in order; `fixed` holds the re-read prefixes by part index (from planFixups),
 * which replace the prefixes read with a wrong guess.
 */
export function combineParts(parts: readonly ScanResult[], fixed: ReadonlyMap<number, Stats> = new Map()): Stats {
  let acc: Stats | undefined;
  parts.forEach((p, k) => {
    const pieces = p.prefix ? [fixed.get(k) ?? p.prefix, p.stats] : [p.stats];
    for (const s of pieces) acc = acc ? mergeStats(acc, s) : s;
  });
  if (!acc) throw new RangeError('combineParts needs at least one part');
  return acc;
}
