/**
 * Input clean-up before recognition. Linear, one pass, never throws.
 *
 * - Control characters other than tab, line feed and carriage return (NUL, escape codes, other
 *   binary noise) become spaces, so offsets stay the same and spans still point into the text
 *   the person pasted.
 * - Text that is really UTF-16 read as single bytes ("H\0T\0T\0P\0") loses its NULs instead;
 *   spans then refer to the cleaned text, and a note says so.
 * - A leading byte-order mark becomes a space (offsets unchanged).
 * - Input longer than MAX_INPUT characters is cut at the last line break before the limit; a
 *   note says how much was read.
 */

/** Characters read at most (about 2 MB of text); the rest is ignored, with a note. */
export const MAX_INPUT = 2_000_000;

export interface Sanitized {
  text: string;
  notes: string[];
  /** True when offsets no longer match the original input (UTF-16 NULs removed). */
  shifted: boolean;
  truncated: boolean;
}

function looksLikeUtf16Bytes(input: string): boolean {
  // Sample the start: in UTF-16 read as bytes, about every other character is NUL.
  const n = Math.min(input.length, 4096);
  if (n < 8) return false;
  let nuls = 0;
  for (let i = 0; i < n; i++) if (input.charCodeAt(i) === 0) nuls++;
  return nuls / n > 0.3;
}

/** Control characters other than tab, line feed and carriage return, DEL and the C1 controls. */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;

export function sanitize(raw: unknown, maxInput: number = MAX_INPUT): Sanitized {
  const notes: string[] = [];
  let input = typeof raw === 'string' ? raw : raw == null ? '' : String(raw);
  let shifted = false;
  let truncated = false;

  if (input.length > maxInput) {
    const originalLength = input.length;
    let cut = input.lastIndexOf('\n', maxInput);
    if (cut < maxInput / 2) cut = maxInput;
    input = input.slice(0, cut);
    truncated = true;
    notes.push(
      `The input has ${originalLength.toLocaleString('en-US')} characters; only the first ${cut.toLocaleString('en-US')} were read (limit ${maxInput.toLocaleString('en-US')}).`,
    );
  }

  if (input.indexOf('\0') >= 0 && looksLikeUtf16Bytes(input)) {
    input = input.split('\0').join('');
    shifted = true;
    notes.push('The input looked like UTF-16 text read as single bytes: NUL characters were removed, so offsets refer to the cleaned text.');
  }

  let cleaned = 0;
  let out: string[] | undefined;
  let last = 0;
  if (input.charCodeAt(0) === 0xfeff) {
    out = [' '];
    last = 1;
  }
  // The characters to replace, found by one native search (a paste rarely has any).
  CONTROL.lastIndex = 0;
  for (let m = CONTROL.exec(input); m; m = CONTROL.exec(input)) {
    const i = m.index;
    out ??= [];
    out.push(input.slice(last, i), ' ');
    last = i + 1;
    cleaned++;
  }
  if (out) {
    out.push(input.slice(last));
    input = out.join('');
  }
  if (cleaned > 0) {
    notes.push(`${cleaned.toLocaleString('en-US')} control or binary character${cleaned === 1 ? ' was' : 's were'} replaced by spaces.`);
  }
  return { text: input, notes, shifted, truncated };
}
