/**
 * Top-level-ish fields of a one-line JSON log entry, read without parsing the whole object: the
 * first `"key":` (optionally `"key": ` with a space) and its string or number value, with offsets
 * in the line. Pasted entries are often cut off or wrapped, so JSON.parse would fail where these
 * still read what is there. Linear: indexOf and one scan to the closing quote.
 */

export interface JsonField<T> {
  value: T;
  /** Offsets of the value in the line (inside the quotes for a string). */
  start: number;
  end: number;
}

/** Offset just after `"key":` and any spaces, or -1. */
function valueStart(text: string, key: string, from: number): number {
  const needle = `"${key}":`;
  const at = text.indexOf(needle, from);
  if (at < 0) return -1;
  let i = at + needle.length;
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  return i;
}

/** The string value of `"key":"…"` (escapes kept as written), or undefined. */
export function jsonString(text: string, key: string, from = 0): JsonField<string> | undefined {
  const i = valueStart(text, key, from);
  if (i < 0 || text.charCodeAt(i) !== 34) return undefined;
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 92) j += 2;
    else if (c === 34) break;
    else j++;
  }
  if (j >= text.length) return undefined;
  return { value: text.slice(i + 1, j), start: i + 1, end: j };
}

/** The value of `"key":<number>` (digits, a fraction, an exponent), as written, or undefined. */
export function jsonNumberText(text: string, key: string, from = 0): JsonField<string> | undefined {
  const i = valueStart(text, key, from);
  if (i < 0) return undefined;
  let j = i;
  while (j < text.length && j - i < 40) {
    const c = text.charCodeAt(j);
    const digit = c >= 48 && c <= 57;
    if (!digit && c !== 46 /* . */ && c !== 101 /* e */ && c !== 69 /* E */ && c !== 45 /* - */ && c !== 43 /* + */) break;
    j++;
  }
  if (j === i) return undefined;
  const value = text.slice(i, j);
  if (!Number.isFinite(Number(value))) return undefined;
  return { value, start: i, end: j };
}
