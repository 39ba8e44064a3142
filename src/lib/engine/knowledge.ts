/**
 * The engine's view of the project's knowledge: the signal registry (src/lib/signals), the code
 * database (src/lib/codes) and the status table. diagnose() uses DEFAULT_KNOWLEDGE; tests can
 * pass their own.
 */
import type { DecodedCode } from './types.ts';
import type { Knowledge } from './contributions.ts';
import { signalById } from '../signals/index.ts';
import { codeForms } from '../codes/forms.ts';

/** Weights for an ordered list of causes: the first is the usual reading, later ones less so. */
export function orderedWeights(n: number, single = 0.7, first = 0.55, second = 0.35, rest = 0.2): number[] {
  if (n <= 0) return [];
  if (n === 1) return [single];
  return Array.from({ length: n }, (_, i) => (i === 0 ? first : i === 1 ? second : rest));
}

export const DEFAULT_KNOWLEDGE: Knowledge = {
  signal: signalById,
  codeCauses: () => undefined,
  statusCauses: () => undefined,
};

/** Decode one code value (unsigned 32-bit) for the Diagnosis. `input` is the text as written. */
export function decodeCode(unsigned: number, input: string): DecodedCode {
  const forms = codeForms(unsigned);
  const out: DecodedCode = { input, hex: forms.hex, unsigned: forms.unsigned, signed: forms.signed, names: [] };
  if (forms.win32 !== undefined) out.win32 = forms.win32;
  return out;
}
