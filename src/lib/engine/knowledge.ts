/**
 * The engine's view of the project's knowledge: the signal registry (src/lib/signals), the code
 * database (src/lib/codes) and the status table. diagnose() uses DEFAULT_KNOWLEDGE; tests can
 * pass their own.
 */
import type { DecodedCode } from './types.ts';
import type { Knowledge } from './contributions.ts';
import { signalById } from '../signals/index.ts';
import { decode } from '../codes/decode.ts';
import type { NameSource } from '../codes/table.ts';
import { causeWeights, curatedFor, curatedNames } from '../codes/curated.ts';
import { statusCauses } from '../codes/status-causes.ts';

/** Weights for an ordered list of causes: the first is the usual reading, later ones less so. */
export function orderedWeights(n: number, single = 0.7, first = 0.55, second = 0.35, rest = 0.2): number[] {
  if (n <= 0) return [];
  if (n === 1) return [single];
  return Array.from({ length: n }, (_, i) => (i === 0 ? first : i === 1 ? second : rest));
}

/** Causes of a curated code (content/data/curated-codes.json), with its meaning as the note. */
export function curatedCodeCauses(unsigned: number): ReturnType<Knowledge['codeCauses']> {
  const c = curatedFor(unsigned);
  if (!c) return undefined;
  const written = unsigned === c.value ? c.hex : `${unsigned} (${c.hex})`;
  return { causes: causeWeights(c), note: `${written} ${c.name}: ${c.meaning}` };
}

export const DEFAULT_KNOWLEDGE: Knowledge = {
  signal: signalById,
  codeCauses: curatedCodeCauses,
  statusCauses,
};

/** Name sources used when diagnose() is not given any (sync; the full table loads lazily). */
export const DEFAULT_NAME_SOURCES: readonly NameSource[] = [curatedNames];

/**
 * Decode one code value (unsigned 32-bit) for the Diagnosis with src/lib/codes/decode.ts.
 * `input` is the text as written; `sources` name the value (curated codes by default; the CLI
 * passes the full table too).
 */
export function decodeCode(unsigned: number, input: string, sources: readonly NameSource[] = DEFAULT_NAME_SOURCES): DecodedCode {
  const d = decode(unsigned, sources, input);
  const out: DecodedCode = { input: d.input, hex: d.hex, unsigned: d.unsigned, signed: d.signed, names: [...d.names] };
  if (d.win32 !== undefined) out.win32 = d.win32;
  return out;
}
