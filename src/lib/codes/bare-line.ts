/**
 * Splitting a "bare" line — one that is essentially a single value with an optional label and
 * an optional short description — into label, token and tail. Shared by the `code` and `status`
 * recognisers. Index-based and linear: no regex runs over more than the short line itself.
 *
 *   "Error code: 0x80072EE2 (The operation timed out)"  -> label "error code", token "0x80072EE2",
 *                                                          tail "(The operation timed out)"
 *   "- 502.3 Bad Gateway"                               -> token "502.3", tail "Bad Gateway"
 */

export interface BareLine {
  /** The matched label (as listed by the caller), if any. */
  label?: string;
  /** The value token, without quotes and trailing punctuation. */
  token: string;
  /** Offset of `token` in the line. */
  tokenStart: number;
  /** The rest of the line after the token, trimmed. */
  tail: string;
  /** Punctuation cut from the end of the token ("." in "168.", ":" in "0x5:"), if any. */
  trailing: string;
}

/** Lines longer than this are never bare. */
export const MAX_BARE_LINE = 200;

const QUOTES: Record<string, string> = { "'": "'", '"': '"', '`': '`', '‘': '’', '“': '”' };

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\u00a0';
}

function isSpaceCode(k: number): boolean {
  return k === 32 || k === 9 || k === 0xa0;
}

function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  return (k >= 48 && k <= 57) || (k >= 65 && k <= 90) || (k >= 97 && k <= 122) || c === '_';
}

/**
 * Labels grouped by their first character, in the caller's order; null when a label is not
 * lower-case ASCII (then every label is tried the slow way). Built once per labels array.
 */
const NO_LABELS: readonly string[] = [];
const TABLES = new WeakMap<readonly string[], Map<number, string[]> | null>();

function labelTable(labels: readonly string[]): Map<number, string[]> | null {
  let table = TABLES.get(labels);
  if (table !== undefined) return table;
  table = new Map();
  for (const l of labels) {
    if (l === '' || !/^[\x00-\x40\x5b-\x7f]+$/.test(l)) {
      table = null;
      break;
    }
    const k = l.charCodeAt(0);
    const list = table.get(k) ?? [];
    list.push(l);
    table.set(k, list);
  }
  TABLES.set(labels, table);
  return table;
}

/** MULTI is set when the lower case of a character is several characters (U+0130). */
const MULTI = 0x10000;

/** Code of the first character of `line[pos]` lower-cased (ASCII without allocating), | MULTI. */
function lowerCodeAt(line: string, pos: number): number {
  if (pos >= line.length) return -1;
  const c = line.charCodeAt(pos);
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  const lc = (line[pos] as string).toLowerCase();
  return lc.length > 1 ? lc.charCodeAt(0) | MULTI : lc.charCodeAt(0);
}

/**
 * Does the lower-cased `line[i, limit)` start with the lower-case ASCII label `l`? The same
 * answer as `line.slice(i, limit).toLowerCase().startsWith(l)`, without building the string: a
 * character that lower-cases to several (U+0130) can only end the label.
 */
function startsWithLabel(line: string, i: number, limit: number, l: string): boolean {
  if (i + l.length > limit) return false;
  for (let k = 0; k < l.length; k++) {
    const lc = lowerCodeAt(line, i + k);
    if (lc === l.charCodeAt(k)) continue;
    if (lc < MULTI || (lc & 0xffff) !== l.charCodeAt(k) || k !== l.length - 1) return false;
  }
  return true;
}

/**
 * Split `line` into an optional label (from `labels`, matched case-insensitively, longest
 * first — pass them pre-sorted longest first), a token and a tail. Null when the line is blank
 * or longer than MAX_BARE_LINE.
 */
export function splitBareLine(line: string, labels: readonly string[]): BareLine | null {
  if (line.length > MAX_BARE_LINE * 2) return null;
  let i = 0;
  let end = line.length;
  while (i < end && isSpaceCode(line.charCodeAt(i))) i++;
  while (end > i && isSpaceCode(line.charCodeAt(end - 1))) end--;
  if (end - i === 0 || end - i > MAX_BARE_LINE) return null;

  // A list bullet, a quote marker, or curl -v's response marker ("< HTTP/1.1 502").
  if ('-*•><'.includes(line[i] as string) && isSpace(line[i + 1])) {
    i += 2;
    while (i < end && isSpace(line[i])) i++;
    if (i >= end) return null;
  }

  let label: string | undefined;
  const table = labelTable(labels);
  const limit = Math.min(end, i + 80);
  let candidates: readonly string[] = labels;
  if (table) {
    candidates = table.get(lowerCodeAt(line, i) & 0xffff) ?? NO_LABELS;
  }
  const lower = table ? '' : line.slice(i, limit).toLowerCase();
  for (const l of candidates) {
    if (table ? !startsWithLabel(line, i, limit, l) : !lower.startsWith(l)) continue;
    const next = line[i + l.length];
    if (isWordChar(next) && isWordChar(l[l.length - 1])) continue;
    label = l;
    i += l.length;
    while (i < end && (isSpace(line[i]) || line[i] === ':' || line[i] === '=' || line[i] === '#')) i++;
    break;
  }
  if (i >= end) return null;

  let tokEnd = i;
  while (tokEnd < end && !isSpaceCode(line.charCodeAt(tokEnd))) tokEnd++;
  let tokStart = i;
  let tail = line.slice(tokEnd, end).trim();
  // Trailing punctuation belongs to the sentence, not the value.
  let te = tokEnd;
  while (te > tokStart + 1 && ',;.:!'.includes(line[te - 1] as string)) te--;
  // Quotes around the token.
  const close = QUOTES[line[tokStart] as string];
  if (close !== undefined) {
    if (te - tokStart >= 2 && line[te - 1] === close) {
      tokStart++;
      te--;
    } else if (te - tokStart >= 2) {
      tokStart++;
    }
    while (te > tokStart + 1 && ',;.:!'.includes(line[te - 1] as string)) te--;
  }
  if (te <= tokStart) return null;
  const token = line.slice(tokStart, te);
  const trailing = te === tokEnd ? '' : line.slice(te, tokEnd).replace(/["'`’”]/g, '');
  const out: BareLine = { token, tokenStart: tokStart, tail, trailing };
  if (label !== undefined) out.label = label;
  return out;
}

/** True when `text` contains an ASCII digit. */
export function hasDigit(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}
