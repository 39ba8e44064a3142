/**
 * Line prefixes that log collectors put in front of what the app or proxy printed, removed
 * before any recogniser runs so every recogniser sees the product's own line:
 *
 * - docker compose:            `web-1  | `, `web_1  | `, `shop-api-2 | `
 * - kubectl logs --prefix:     `[pod/web-7d9f/web] `
 * - journald / syslog:         `Mar 05 10:14:22 host app[1234]: ` (also with microseconds), and
 *                              journalctl -o short-iso `2024-03-05T10:14:22+0000 host app[1234]: `
 *                              (or `+00:00`)
 * - App Service log stream:    `2024-03-05T10:14:22  PID[1234] Information `
 * - ISO-8601 times:            `2024-03-05T10:14:22.123Z ` (docker --timestamps, kubectl
 *                              --timestamps, Azure log stream, CloudWatch), optionally followed by
 *                              a CloudWatch stream name (`aws logs tail`: `ecs/web/0a1b2c `)
 * - Azure App Service file logs: `2024-03-05 10:14:22.123 +00:00 ` (fraction and offset both
 *                              required, so an IIS log line's `2024-03-05 10:14:22 ` is kept)
 * - CloudWatch / Application Insights exports, where the time is the first column:
 *                              `2024-03-05 10:14:22.123,"`, `3/5/2024, 10:14:22.123 AM\t`
 *
 * Up to MAX_PER_LINE prefixes are removed from one line (`[pod/x/y] 2024-...Z message`). A line
 * without a prefix is never changed. `stripPrefixes` returns undefined when no line had one, so
 * the common paste costs one cheap look at the first character of each line and no copy.
 *
 * The stripped view comes with an offset map: `toOriginal` turns a span in the view back into the
 * span of the same characters in the input. One pass over the input; a span maps by a search
 * over the changed lines that starts where the previous look-up ended (spans come in order).
 */
import type { Fact, LineIndex, Span } from './types.ts';
import { indexLines, lineOf } from './lines.ts';

/** Prefixes removed from one line at most. */
const MAX_PER_LINE = 3;

const MONTHS = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
/** A syslog identifier with an optional pid and the colon: `app[1234]: `, `kernel: `. */
const SYSLOG_TAIL = '[A-Za-z0-9][\\w.-]{0,63} [A-Za-z0-9_./@-]{1,64}(?:\\[\\d{1,10}\\])?: ';
const ISO_TIME = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(?::\\d\\d(?:[.,]\\d{1,9})?)?(?:Z|[+-]\\d\\d:?\\d\\d)?';

interface PrefixRule {
  name: string;
  /**
   * What the prefix starts with (rules of another start are skipped): a letter, `[`, a date
   * `2024-03-05T`, a date `2024-03-05 ` or a date `3/5/2024`.
   */
  first: 'letter' | 'bracket' | 'iso' | 'spaced' | 'slashed';
  /** Sticky: tried at the line start only. */
  re: RegExp;
  /** Where the output ran, when the prefix names it (a `server` fact: prefixServers). */
  server?: string;
}

const RULES: readonly PrefixRule[] = [
  { name: 'docker compose', first: 'letter', re: /[A-Za-z0-9][\w.-]{0,60}[-_]\d{1,3} {0,20}\| ?/y, server: 'docker' },
  { name: 'kubectl --prefix', first: 'bracket', re: /\[pod\/[\w.-]{1,253}\/[\w.-]{1,253}\] /y, server: 'kubernetes' },
  // journalctl's default and -o short-precise (microseconds after the seconds).
  { name: 'syslog', first: 'letter', re: new RegExp(`${MONTHS} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,6})? ${SYSLOG_TAIL}`, 'y') },
  // journalctl -o short-iso(-precise): an offset (newer systemd writes it with a colon), then host
  // and identifier.
  { name: 'journald ISO', first: 'iso', re: new RegExp(`\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d{1,9})?[+-]\\d\\d:?\\d\\d ${SYSLOG_TAIL}`, 'y') },
  // App Service (Windows) log stream: the time, blanks, the process id and the level.
  {
    name: 'App Service log stream',
    first: 'iso',
    re: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,7})?Z? {1,4}PID\[\d{1,10}\] (?:Verbose|Information|Warning|Error|Critical) {1,12}/y,
  },
  {
    name: 'ISO time',
    first: 'iso',
    // The time, one blank, then optionally a CloudWatch stream name (it has a slash).
    re: new RegExp(`${ISO_TIME}[ \\t](?:[A-Za-z0-9][\\w.-]{0,100}(?:/[\\w.$\\[\\]-]{1,100}){1,6} )?`, 'y'),
  },
  { name: 'App Service file log', first: 'spaced', re: /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{1,7} [+-]\d\d:\d\d /y },
  { name: 'CloudWatch export', first: 'spaced', re: /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3},"?/y },
  { name: 'Application Insights export', first: 'slashed', re: /\d{1,2}\/\d{1,2}\/\d{4},? \d{1,2}:\d\d:\d\d(?:\.\d{1,7})? [AP]M(?:,"?|\t)/y },
];

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Which rules can match at `at`, from its first characters (undefined: none). */
function startClass(input: string, at: number): PrefixRule['first'] | undefined {
  const c = input.charCodeAt(at);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return 'letter';
  if (c === 91) return 'bracket';
  if (!isDigit(c)) return undefined;
  // `\d{1,2}/`: a month and a slash.
  if (input.charCodeAt(at + 1) === 47 || (isDigit(input.charCodeAt(at + 1)) && input.charCodeAt(at + 2) === 47)) return 'slashed';
  // `\d{4}-\d\d-\d\d` and then a `T` or a blank.
  if (!isDigit(input.charCodeAt(at + 1)) || !isDigit(input.charCodeAt(at + 2)) || !isDigit(input.charCodeAt(at + 3)) || input.charCodeAt(at + 4) !== 45) return undefined;
  const after = input.charCodeAt(at + 10);
  return after === 84 ? 'iso' : after === 32 ? 'spaced' : undefined;
}
const BY_START: Readonly<Record<PrefixRule['first'], readonly PrefixRule[]>> = {
  letter: RULES.filter((r) => r.first === 'letter'),
  bracket: RULES.filter((r) => r.first === 'bracket'),
  iso: RULES.filter((r) => r.first === 'iso'),
  spaced: RULES.filter((r) => r.first === 'spaced'),
  slashed: RULES.filter((r) => r.first === 'slashed'),
};

export interface PrefixView {
  /** The input with the prefixes removed. */
  text: string;
  /** Lines that lost a prefix. */
  changed: number;
  /** Map a span of `text` to the span of the same characters in the original input. */
  toOriginal(span: Span): Span;
  /** The original offset of the character at `offset` in `text`. */
  offsetToOriginal(offset: number): number;
}

/** Length of the prefix at `at` (0 when none). */
function prefixAt(input: string, at: number): number {
  let pos = at;
  for (let n = 0; n < MAX_PER_LINE; n++) {
    const start = startClass(input, pos);
    if (!start) break;
    let matched = 0;
    for (const rule of BY_START[start]) {
      rule.re.lastIndex = pos;
      if (rule.re.test(input) && rule.re.lastIndex > pos) {
        matched = rule.re.lastIndex - pos;
        break;
      }
    }
    if (matched === 0) break;
    pos += matched;
  }
  return pos - at;
}

/**
 * The input without collector prefixes, or undefined when no line has one. Linear in the input:
 * each line start is tried against a handful of anchored, bounded patterns. `lines` is the line
 * index of `input` when the caller has it already. The input is a text of one stretch
 * (`stripPrefixesOfPieces` below does the work).
 */
export function stripPrefixes(input: string, lines: LineIndex = indexLines(input)): PrefixView | undefined {
  return stripPrefixesOfPieces({ source: input, sourceLines: lines, pieces: [[0, input.length]] });
}

/**
 * A text not built as one string: in order, stretches of `source` ([start, end) pairs) and strings
 * of its own. A string of its own is whole lines: it starts the text or follows a stretch that
 * ends after a line feed, and the stretch after it, if any, starts with the line feed that ends
 * its last line. (The JSON-escape view's lines that it decoded, between the lines it left alone.)
 */
export interface TextPieces {
  source: string;
  /** The line index of `source`. */
  sourceLines: LineIndex;
  pieces: readonly (string | readonly [number, number])[];
}

/**
 * `stripPrefixes` of the text the pieces make, without making that text: the same view (text,
 * changed lines, offset map in that text's offsets), or undefined when no line has a prefix.
 * Every line of the text lies inside one piece, and a prefix never reaches past its line, so
 * each line start is tried in its own piece: in `source` itself for the stretches (their line
 * starts are those of `sourceLines`), in the string for the others. Only the result is joined.
 */
export function stripPrefixesOfPieces(t: TextPieces): PrefixView | undefined {
  const { source, pieces } = t;
  const sourceStarts = t.sourceLines.starts;
  const viewStarts: number[] = [];
  const shifts: number[] = [];
  const keep: number[] = [];
  let shift = 0;
  let copied = 0;
  let changed = 0;
  let at = 0; // offset of the current piece in the whole text
  /** Try the line starting at `local` of `str`, which is at `lineStart` of the whole text. */
  const tryLine = (str: string, local: number, lineStart: number): void => {
    const cut = prefixAt(str, local);
    if (cut === 0) return;
    // A prefix that is the whole line (nothing after it) is left alone: it is not a prefix.
    const next = str.charCodeAt(local + cut);
    if (Number.isNaN(next) || next === 10 || next === 13) return;
    keep.push(copied, lineStart);
    copied = lineStart + cut;
    shift += cut;
    viewStarts.push(lineStart - (shift - cut));
    shifts.push(shift);
    changed++;
  };
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      // Its first line, then every line after a line feed or a lone carriage return inside it
      // (one at its very end is followed by the line feed that starts the next stretch).
      if (piece.length > 0) tryLine(piece, 0, at);
      for (let i = 0; i < piece.length; i++) {
        const c = piece.charCodeAt(i);
        if (c === 10 || (c === 13 && i + 1 < piece.length && piece.charCodeAt(i + 1) !== 10)) tryLine(piece, i + 1, at + i + 1);
      }
      at += piece.length;
    } else {
      const [from, to] = piece;
      if (from === 0 && to > 0) tryLine(source, 0, at);
      // The line starts of `source` inside (from, to).
      let k = from === 0 ? 1 : lineOf(t.sourceLines, from);
      while (k < sourceStarts.length && (sourceStarts[k] as number) <= from) k++;
      for (; k < sourceStarts.length && (sourceStarts[k] as number) < to; k++) {
        const s = sourceStarts[k] as number;
        tryLine(source, s, at + (s - from));
      }
      at += to - from;
    }
  }
  if (changed === 0) return undefined;
  keep.push(copied, at);
  // The kept parts, cut from the pieces (both in order).
  const parts: string[] = [];
  let p = 0;
  let pieceAt = 0;
  for (let k = 0; k < keep.length; k += 2) {
    let a = keep[k] as number;
    const b = keep[k + 1] as number;
    while (a < b) {
      const piece = pieces[p] as string | readonly [number, number];
      const len = typeof piece === 'string' ? piece.length : piece[1] - piece[0];
      if (a >= pieceAt + len) {
        pieceAt += len;
        p++;
        continue;
      }
      const e = Math.min(b, pieceAt + len);
      parts.push(typeof piece === 'string' ? piece.slice(a - pieceAt, e - pieceAt) : source.slice(piece[0] + a - pieceAt, piece[0] + e - pieceAt));
      a = e;
    }
  }
  return new View(parts.join(''), changed, viewStarts, shifts);
}

/**
 * The stripped text and its offset map. A class rather than closures so every view shares one
 * optimised copy of the look-up code. Exported for the other views of edited text
 * (json-escapes.ts), which map offsets the same way.
 */
export class View implements PrefixView {
  /** Segment of the last look-up: spans usually come in order, so the search gallops from there
   * (O(1) for the next span, O(log distance) for any other) instead of bisecting every time. */
  private hint = 0;
  /** The text, once there is one (a subclass may build it when it is first asked for). */
  protected built: string | undefined;
  readonly changed: number;
  /** From view offset viewStarts[k] on, original = view + shifts[k]. */
  private readonly viewStarts: readonly number[];
  private readonly shifts: readonly number[];

  constructor(text: string | undefined, changed: number, viewStarts: readonly number[], shifts: readonly number[]) {
    this.built = text;
    this.changed = changed;
    this.viewStarts = viewStarts;
    this.shifts = shifts;
  }

  get text(): string {
    return (this.built ??= this.build());
  }

  /** The text of a view made without it (see `built`). */
  protected build(): string {
    return '';
  }

  private segmentOf(offset: number): number {
    const starts = this.viewStarts;
    const last = starts.length - 1;
    if ((starts[0] as number) > offset) return -1;
    let lo = Math.min(this.hint, last);
    let hi: number;
    if ((starts[lo] as number) <= offset) {
      // Gallop forward to an index past the offset (or the end).
      let step = 1;
      hi = lo + 1;
      while (hi <= last && (starts[hi] as number) <= offset) {
        lo = hi;
        step *= 2;
        hi = lo + step;
      }
      hi = Math.min(hi, last + 1);
    } else {
      // Gallop backward to an index at or before the offset.
      let step = 1;
      hi = lo;
      lo = hi - 1;
      while (lo > 0 && (starts[lo] as number) > offset) {
        hi = lo;
        step *= 2;
        lo = Math.max(0, hi - step);
      }
    }
    // starts[lo] <= offset < starts[hi] (hi may be past the end): bisect between them.
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid;
    }
    this.hint = lo;
    return lo;
  }

  offsetToOriginal(offset: number): number {
    const k = this.segmentOf(offset);
    return offset + (k < 0 ? 0 : (this.shifts[k] as number));
  }

  toOriginal(span: Span): Span {
    const start = this.offsetToOriginal(span.start);
    const end = span.end <= span.start ? start : this.offsetToOriginal(span.end - 1) + 1;
    return { start, end };
  }
}

/**
 * Facts found in a prefix view, moved back onto the original input (same order, new spans).
 * Without a view the facts are returned as they are.
 */
export function factsToOriginal<F extends { span: Span }>(facts: F[], view: PrefixView | undefined): F[] {
  if (!view) return facts;
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i] as F;
    f.span = view.toOriginal(f.span);
  }
  return facts;
}

/** The prefixes that name where the output ran (docker compose's service column, kubectl's pod). */
const WHERE_COUNT = RULES.filter((r) => r.server).length;

/**
 * The place a prefix names, as `server` facts of the console output (kind stdout-log) spanning
 * the first such prefix in `input`: docker compose's `web-1  | ` says the app runs in a container,
 * kubectl's `[pod/...] ` in a Kubernetes pod. The recognisers read the text without prefixes, so
 * this is where that context is kept. One look at each line start, with the rules that strip them.
 */
export function prefixServers(input: string, lines: LineIndex): Fact[] {
  const out: Fact[] = [];
  const seen = new Set<string>();
  for (const start of lines.starts) {
    const cls = startClass(input, start);
    if (!cls) continue;
    for (const rule of BY_START[cls]) {
      if (!rule.server || seen.has(rule.server)) continue;
      rule.re.lastIndex = start;
      if (!rule.re.test(input)) continue;
      const end = rule.re.lastIndex;
      // A prefix with nothing after it on its line is not a prefix.
      const next = input.charCodeAt(end);
      if (Number.isNaN(next) || next === 10 || next === 13) continue;
      seen.add(rule.server);
      out.push({ kind: 'stdout-log', name: 'server', value: rule.server, span: { start, end } });
    }
    if (seen.size === WHERE_COUNT) break;
  }
  return out;
}
