/**
 * Text plumbing shared by the proxy recognisers (nginx, apache, yarp, cloud-lb).
 *
 * Proxy log entries reach us wrapped (soft wraps that eat a space, hard terminal wraps that cut a
 * word in two), several to one line (newlines lost in a web form), or inside longer pastes. The
 * helpers here turn such text into records whose message can be matched loosely (case and
 * whitespace ignored) while every match still maps back to a span of the original input.
 *
 * Everything is linear in the input: one pass to squeeze, native indexOf to search.
 */
import type { Fact, FactName, Kind, LineIndex, Span } from '../../engine/types.ts';
import { lineOf, lineSpan } from '../../engine/lines.ts';

/** A piece of one input line that belongs to a record. */
export interface Piece {
  /** Offset of the piece in `LogRecord.text`. */
  at: number;
  /** Offset of the piece in the input. */
  start: number;
  length: number;
}

/** One log entry: pieces of one or more lines, joined without separators. */
export interface LogRecord {
  text: string;
  pieces: Piece[];
  /** 1-based numbers of the first and last line the record touches. */
  firstLine: number;
  lastLine: number;
}

const TERMINAL_WIDTHS = new Set([80, 100, 120, 132, 160, 200]);

/**
 * How wrapped pieces of one entry are joined. A terminal's hard wrap cuts lines at one fixed
 * width and keeps every character, so the pieces join with nothing; a soft wrap (mail, forum,
 * editor) breaks at spaces and drops them, so the pieces join with a space.
 */
export function wrapSeparator(input: string, slices: Span[]): string {
  if (slices.length < 2) return '';
  const widths = slices.slice(0, -1).map((s) => s.end - s.start);
  const first = widths[0] as number;
  const same = widths.every((w) => w === first);
  if (widths.length === 1) return TERMINAL_WIDTHS.has(first) ? '' : ' ';
  if (same && first >= 40) return '';
  const firstSlice = slices[0] as Span;
  return /\s$/.test(input.slice(firstSlice.start, firstSlice.end)) ? '' : ' ';
}

/**
 * Build a record from input slices (in order). `sep` goes between slices: `'auto'` decides
 * between a hard and a soft wrap (see wrapSeparator).
 */
export function makeRecord(
  input: string,
  slices: Span[],
  firstLine: number,
  lastLine: number,
  sep = 'auto',
): LogRecord {
  const joiner = sep === 'auto' ? wrapSeparator(input, slices) : sep;
  const pieces: Piece[] = [];
  const parts: string[] = [];
  let at = 0;
  for (let k = 0; k < slices.length; k++) {
    const s = slices[k] as Span;
    if (k > 0 && joiner) {
      parts.push(joiner);
      at += joiner.length;
    }
    const length = Math.max(0, s.end - s.start);
    pieces.push({ at, start: s.start, length });
    parts.push(input.slice(s.start, s.start + length));
    at += length;
  }
  return { text: parts.join(''), pieces, firstLine, lastLine };
}

/** Input offset of record text offset `i` (i may equal text.length). */
export function inputOffset(rec: LogRecord, i: number): number {
  const p = rec.pieces;
  if (p.length === 0) return 0;
  let lo = 0;
  let hi = p.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((p[mid] as Piece).at <= i) lo = mid;
    else hi = mid - 1;
  }
  const piece = p[lo] as Piece;
  return piece.start + Math.min(Math.max(0, i - piece.at), piece.length);
}

/** Span of the input covered by record text [a, b). */
export function recordSpan(rec: LogRecord, a: number, b: number): Span {
  if (b <= a) {
    const s = inputOffset(rec, a);
    return { start: s, end: s };
  }
  const start = inputOffset(rec, a);
  // Map the last character, not the end, so a span never runs into the next line's terminator.
  const end = inputOffset(rec, b - 1) + 1;
  return { start, end: Math.max(start, end) };
}

/** Lower-cased text with all whitespace removed, plus where each kept character came from. */
export interface Squeezed {
  s: string;
  /** map[i] = offset in the source text of squeezed character i. */
  map: Int32Array;
}

const ANY_SPACE = /\s+/g;

/** True for the characters `\s` matches (ECMAScript WhiteSpace and LineTerminator). */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Squeeze `text` (case and whitespace dropped) for loose matching. `lowerCase` false keeps the
 * case (for a piece of a text that was not lower-cased as a whole).
 */
export function squeeze(text: string, lowerCase = true): Squeezed {
  const lower = lowerCase ? text.toLowerCase() : text;
  // A few characters change length when lower-cased; keep the original then (offsets must hold).
  const base = lower.length === text.length ? lower : text;
  const n = base.length;
  // The squeezed text in one native pass; the map in one loop over character codes.
  const squeezed = base.replace(ANY_SPACE, '');
  const map = new Int32Array(squeezed.length);
  let k = 0;
  for (let i = 0; i < n; i++) if (!isSpaceCode(base.charCodeAt(i))) map[k++] = i;
  return { s: squeezed, map };
}

/** Source-text range [a, b) of the squeezed range [i, i + len). */
export function unsqueeze(sq: Squeezed, i: number, len: number): [number, number] {
  if (sq.map.length === 0) return [0, 0];
  const a = sq.map[Math.min(i, sq.map.length - 1)] as number;
  const last = Math.min(i + Math.max(len, 1) - 1, sq.map.length - 1);
  return [a, (sq.map[last] as number) + 1];
}

/** Needle for loose matching: lower case, whitespace removed. */
export function loose(needle: string): string {
  return needle.toLowerCase().replace(/\s+/g, '');
}

/** A fact. */
export function fact(kind: Kind, name: FactName, value: string | number, span: Span): Fact {
  return { kind, name, value, span: { start: span.start, end: span.end } };
}

/** The facts of one run of a proxy recogniser, and whether its `server` fact was emitted yet. */
export interface ProxyRun {
  facts: Fact[];
  serverSaid: boolean;
}

/** Emits the `server` fact once per run, at the first evidence that names the product. */
export function serverOnce(run: ProxyRun, kind: Kind, server: string, span: Span): void {
  if (run.serverSaid) return;
  run.serverSaid = true;
  run.facts.push(fact(kind, 'server', server, span));
}

/** Text of line `n` (1-based) and its span, without the terminator. */
export function lineAt(input: string, lines: LineIndex, n: number): { text: string; span: Span } {
  const span = lineSpan(input, lines, n);
  return { text: input.slice(span.start, span.end), span };
}

/** The alternations linesHolding searches with, by their needles. */
const anyNeedle = new Map<string, RegExp>();

function escapeNeedle(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Marks, indexed by 1-based line number, of the lines whose text holds one of `needles`: one
 * indexOf pass over the input per needle instead of a test on every line. The same answer as
 * `lineAt(...).text.includes(needle)` for each line.
 */
export function linesHolding(input: string, lines: LineIndex, needles: readonly string[]): Uint8Array {
  // Four needles or more: one search for any of them beats a pass per needle (the same lines:
  // a needle holds no line break, so a match of the alternation lies inside one line).
  if (needles.length >= 4 && needles.every((n) => n !== '' && !n.includes('\n') && !n.includes('\r'))) {
    const key = needles.join('\u0000');
    let re = anyNeedle.get(key);
    if (!re) {
      if (anyNeedle.size >= 64) anyNeedle.clear();
      anyNeedle.set(key, (re = new RegExp(needles.map(escapeNeedle).join('|'), 'g')));
    }
    return linesMatching(input, lines, re);
  }
  const starts = lines.starts;
  const marks = new Uint8Array(starts.length + 1);
  for (const needle of needles) {
    if (needle === '' || needle.includes('\n') || needle.includes('\r')) {
      // Not expected from callers; read line by line so the answer stays the same.
      for (let n = 1; n <= starts.length; n++) if (lineAt(input, lines, n).text.includes(needle)) marks[n] = 1;
      continue;
    }
    let from = 0;
    for (let at = input.indexOf(needle, from); at >= 0; at = input.indexOf(needle, from)) {
      // The needle holds no line break, so this occurrence lies inside line n's text.
      const n = lineOf(lines, at);
      marks[n] = 1;
      const next = starts[n];
      if (next === undefined) break;
      from = next;
    }
  }
  return marks;
}

/**
 * Marks, indexed by 1-based line number, of the lines holding a match of the global `re`, which
 * must not match across a line break: one search over the input, going on from the next line
 * after each hit.
 */
export function linesMatching(input: string, lines: LineIndex, re: RegExp): Uint8Array {
  const starts = lines.starts;
  const marks = new Uint8Array(starts.length + 1);
  re.lastIndex = 0;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    const n = lineOf(lines, m.index);
    marks[n] = 1;
    const next = starts[n];
    if (next === undefined) break;
    re.lastIndex = Math.max(next, m.index + 1);
  }
  return marks;
}

/** True when the line holds nothing but whitespace. */
export function isBlank(text: string): boolean {
  return !/\S/.test(text);
}

const NEW_ENTRY =
  /^\s*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ T]|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4} |\[|\{|<|#|(?:info|warn|fail|crit|dbug|trce|error|warning):|[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d |(?:at|--->) )/;

/**
 * Does this line look like the start of some other log entry (a timestamp, a bracketed
 * header, JSON, XML, a console logger prefix, a stack frame)? Used to stop joining
 * continuation lines.
 */
export function looksLikeNewEntry(text: string): boolean {
  return NEW_ENTRY.test(text);
}

/** One token of a space-separated log line: quoted and bracketed fields stay whole. */
export interface Token {
  /** The value without its quotes/brackets. */
  value: string;
  /** Span of the value (inside the quotes) in the tokenised string. */
  start: number;
  end: number;
  quoted: boolean;
  bracketed: boolean;
}

/**
 * Split `text` from `from` into tokens separated by single or multiple spaces. `"…"` (with
 * backslash escapes) and, when `brackets` is set, `[…]` are single tokens. When `joinLists` is
 * set, `a, b` and `a : b` lists (nginx upstream variables) become one token. Linear; at most `max`
 * tokens.
 */
export function tokenize(text: string, from = 0, max = 64, joinLists = false, brackets = true): Token[] {
  const out: Token[] = [];
  let i = from;
  const n = text.length;
  while (i < n && out.length < max) {
    while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 92 /* \ */) j += 2;
        else if (d === 34) break;
        else j++;
      }
      const end = Math.min(j, n);
      out.push({ value: text.slice(i + 1, end), start: i + 1, end, quoted: true, bracketed: false });
      i = end + 1;
    } else if (c === 91 /* [ */ && brackets) {
      const j = text.indexOf(']', i + 1);
      const end = j < 0 ? n : j;
      out.push({ value: text.slice(i + 1, end), start: i + 1, end, quoted: false, bracketed: true });
      i = end + 1;
    } else {
      let j = i;
      while (j < n && text.charCodeAt(j) !== 32 && text.charCodeAt(j) !== 9) j++;
      const prev = out[out.length - 1];
      const word = text.slice(i, j);
      if (
        joinLists &&
        prev &&
        !prev.quoted &&
        !prev.bracketed &&
        (prev.value.endsWith(',') || word === ':' || prev.value.endsWith(' :'))
      ) {
        prev.value = text.slice(prev.start, j);
        prev.end = j;
      } else {
        out.push({ value: word, start: i, end: j, quoted: false, bracketed: false });
      }
      i = j;
    }
  }
  return out;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "Mar" -> "03" (case-insensitive); undefined for anything else. */
export function monthNumber(name: string): string | undefined {
  const i = MONTHS.indexOf(name.toLowerCase());
  return i < 0 ? undefined : String(i + 1).padStart(2, '0');
}

/** "12/Mar/2025:10:15:32 +0000" (common log format) -> "2025-03-12T10:15:32+00:00". */
export function clfTimestamp(t: string): string | undefined {
  const m = /^(\d{2})\/([A-Za-z]{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})(?: ([+-])(\d{2})(\d{2}))?$/.exec(t);
  if (!m) return undefined;
  const mon = monthNumber(m[2] as string);
  if (!mon) return undefined;
  const zone = m[7] ? `${m[7]}${m[8]}:${m[9]}` : '';
  return `${m[3]}-${mon}-${m[1]}T${m[4]}:${m[5]}:${m[6]}${zone}`;
}

/** Seconds written as text ("0.002", "60.001", "-") -> milliseconds; undefined when not a number. */
export function secondsToMs(t: string): number | undefined {
  if (!/^\d{1,9}(?:\.\d{1,9})?$/.test(t)) return undefined;
  return Math.round(Number(t) * 1000);
}

/** Status text that a proxy finding cares about: 5xx, 499 (nginx) and 460 (ALB): client gave up. */
export function isErrorStatus(status: number): boolean {
  return (status >= 500 && status <= 599) || status === 499 || status === 460;
}

/** Path of a request line "GET /api/orders HTTP/1.1" (also when a wrap ate the space before HTTP/). */
export function requestTarget(request: string): { target: string; offset: number } | undefined {
  const sp = request.indexOf(' ');
  if (sp <= 0) return undefined;
  let start = sp + 1;
  while (start < request.length && request.charCodeAt(start) === 32) start++;
  let end = request.length;
  const http = request.lastIndexOf('HTTP/');
  if (http > start) end = http;
  while (end > start && request.charCodeAt(end - 1) === 32) end--;
  if (end <= start) return undefined;
  return { target: request.slice(start, end), offset: start };
}
