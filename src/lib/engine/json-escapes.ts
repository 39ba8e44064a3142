/**
 * JSON string escapes undone for the lines that carry them. Logs copied from JSON output (docker's
 * json-file driver, Serilog/NLog JSON, Application Insights and CloudWatch exports, an HTTP
 * response body shown as a string) hold the message with `\"`, `\\`, `\/`, `\n`, `\r`, `\t` and
 * `\u0027` escapes: a stack trace is one line with `\r\n   at ...` in it, a quoted name reads
 * `\u0027Foo\u0027`. The catalogue and the readers look for the product's own text, so they read a
 * view of the paste with those escapes decoded (a `\n` becomes a line break) and, in a JSON log
 * record, with the quotes around the message value (`"log"`, `"message"`, `"msg"`, `"@m"`, ...)
 * read as line breaks, so the message starts its line as the product printed it.
 *
 * Only lines that look like JSON are touched: a line with a `"key": "` pair, or one with two or
 * more escapes that only JSON text has (`\"`, `\uXXXX`, `\r\n`, or `\n` before a blank, a quote,
 * a backslash, an upper-case letter or the line end; a line that is one quoted string counts as
 * one). A Windows path (`C:\new\bin`, `\\server`) alone never qualifies a line. `\b` and `\f`
 * are left as they are (in pastes they are paths).
 *
 * Linear: each line holding a backslash or a `":` is looked at once; other lines cost nothing,
 * and a paste without either returns undefined after two indexOf calls. The view comes with an
 * offset map (the same `PrefixView` shape as prefixes.ts), so every span maps back to the text as
 * pasted; a decoded character maps to its whole escape.
 */
import type { PrefixView, TextPieces } from './prefixes.ts';
import { View } from './prefixes.ts';
import type { LineIndex, Span } from './types.ts';

/** A `"key": value` pair, the mark of a JSON object on the line. */
const KEY_PAIR = /"[A-Za-z@_$][\w@.$-]{0,60}" ?: ?["{[\d]/;
/** The key of a log record's message: its value is what the product printed. */
const MESSAGE_KEY = /"(?:log|message|msg|Message|MESSAGE|textPayload|@m|@mt|@x|body|text|line|Exception|exception|RenderedMessage|renderedMessage|error|err)" ?: ?"/;

/** Message values put on lines of their own in one record line, at most. */
const MAX_VALUES_PER_LINE = 8;

const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** Four hex digits after the `\u` at `i`, inside the line (before `to`). */
const hex4At = (input: string, i: number, to: number): boolean =>
  i + 5 < to && isHex(input.charCodeAt(i + 2)) && isHex(input.charCodeAt(i + 3)) && isHex(input.charCodeAt(i + 4)) && isHex(input.charCodeAt(i + 5));

/** Escapes only JSON text has, from line offset `from` to `to` (stops counting at 2). */
function jsonOnlyEscapes(input: string, from: number, to: number): number {
  // A line that is one quoted string (a value copied with its quotes) counts once.
  let b = from;
  while (b < to && (input.charCodeAt(b) === 32 || input.charCodeAt(b) === 9)) b++;
  let e = to;
  while (e > b && (input.charCodeAt(e - 1) === 32 || input.charCodeAt(e - 1) === 9 || input.charCodeAt(e - 1) === 13 || input.charCodeAt(e - 1) === 44)) e--;
  let count = e - b >= 2 && input.charCodeAt(b) === 34 && input.charCodeAt(e - 1) === 34 && input.charCodeAt(e - 2) !== 92 ? 1 : 0;
  for (let i = input.indexOf('\\', from); i >= 0 && i < to - 1; i = input.indexOf('\\', i + 2)) {
    const c = input.charCodeAt(i + 1);
    if (c === 34 /* " */) count++;
    else if (c === 117 /* u */ && hex4At(input, i, to)) count++;
    else if (c === 114 /* r */ && input.charCodeAt(i + 2) === 92 && input.charCodeAt(i + 3) === 110) count += 2;
    else if (c === 110 /* n */) {
      const d = i + 2 < to ? input.charCodeAt(i + 2) : -1;
      if (d === -1 || d === 32 || d === 9 || d === 34 || d === 92 || (d >= 65 && d <= 90)) count++;
    } else if (c === 92 /* \ */) {
      // `\\` is a path as often as an escape: skip both characters, count nothing
    }
    if (count >= 2) return count;
  }
  return count;
}

/** What one escape at `i` decodes to, and its length; undefined: not decoded. */
function decodeAt(input: string, i: number, to: number): [string, number] | undefined {
  const c = input.charCodeAt(i + 1);
  switch (c) {
    case 34: return ['"', 2];
    case 92: return ['\\', 2];
    case 47: return ['/', 2];
    case 110: return ['\n', 2];
    case 114: return ['\r', 2];
    case 116: return ['\t', 2];
    case 117:
      if (hex4At(input, i, to)) {
        return [String.fromCharCode(parseInt(input.slice(i + 2, i + 6), 16)), 6];
      }
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Edits of the input as a view: from view offset viewStarts[k] on, original = view + shifts[k]
 * (the look-up of prefixes.ts). Only a span's end maps differently: an escape is several
 * characters of the input for one of the view, so a span ending on a decoded character ends
 * after its whole escape.
 */
class JsonView extends View implements JsonEscapeView {
  readonly edited: readonly number[];
  /** The input, the edited lines' [start, end) in it, and their text in the view. */
  private readonly input: string;
  private readonly editedInput: readonly number[];
  private readonly editedText: readonly string[];
  /** The view's text in parts, until it is built. */
  private parts: string[] | undefined;

  constructor(input: string, parts: string[], changed: number, viewStarts: readonly number[], shifts: readonly number[], edited: readonly number[], editedInput: readonly number[], editedText: readonly string[]) {
    super(undefined, changed, viewStarts, shifts);
    this.input = input;
    this.parts = parts;
    this.edited = edited;
    this.editedInput = editedInput;
    this.editedText = editedText;
  }

  protected override build(): string {
    const text = (this.parts ?? []).join('');
    this.parts = undefined;
    return text;
  }

  editsAgain(): boolean {
    // Each edited line is decoded from its own text alone (and they are whole lines).
    return decodeJsonEscapes(this.editedText.join('\n')) !== undefined;
  }

  pieces(lines: LineIndex): TextPieces {
    const pieces: (string | readonly [number, number])[] = [];
    let from = 0;
    for (let k = 0; k < this.editedText.length; k++) {
      const start = this.editedInput[2 * k] as number;
      if (start > from) pieces.push([from, start]);
      pieces.push(this.editedText[k] as string);
      from = this.editedInput[2 * k + 1] as number;
    }
    if (from < this.input.length) pieces.push([from, this.input.length]);
    return { source: this.input, sourceLines: lines, pieces };
  }

  override toOriginal(span: Span): Span {
    const start = this.offsetToOriginal(span.start);
    const end = span.end <= span.start ? start : Math.max(start, this.offsetToOriginal(span.end));
    return { start, end };
  }
}

/**
 * The view of `decodeJsonEscapes`: also where its edited lines are. Its text is built when first
 * asked for: `pieces` lets the prefix view be made from the input and the edited lines instead.
 */
export interface JsonEscapeView extends PrefixView {
  /** The edited lines as [start, end) pairs of view offsets, in order. */
  readonly edited: readonly number[];
  /** Would a second decode of the view (a record inside a record) change anything? */
  editsAgain(): boolean;
  /** The view as stretches of the input (whose line index is `lines`) and its edited lines' text. */
  pieces(lines: LineIndex): TextPieces;
}

/**
 * The input with JSON string escapes decoded on the lines that look like JSON, or undefined when
 * no line does. With `within` ([start, end) pairs of whole lines, in order), only those lines are
 * looked at: a second decode of a view needs only the lines the first one edited, since a line
 * is decoded from its own text alone and an unedited line would come out the same again.
 */
export function decodeJsonEscapes(input: string, within?: readonly number[]): JsonEscapeView | undefined {
  // Lines worth a look hold a backslash or a `":` (a JSON key); the next of each is kept, so
  // neither search passes over the same text twice.
  let to = input.length;
  let range = 0;
  if (within) {
    if (within.length < 2) return undefined;
    to = within[1] as number;
    range = 2;
  }
  let nextSlash = input.indexOf('\\', within ? within[0] : 0);
  let nextKey = input.indexOf('":', within ? within[0] : 0);
  if (nextSlash < 0 && nextKey < 0) return undefined;
  const nextOf = (): number => {
    let x = nextSlash < 0 ? nextKey : nextKey < 0 ? nextSlash : Math.min(nextSlash, nextKey);
    // Outside the current range: on to the first range that holds a candidate.
    while (within && x >= to) {
      if (range >= within.length) return -1;
      const from = within[range] as number;
      to = within[range + 1] as number;
      range += 2;
      if (nextSlash >= 0 && nextSlash < from) nextSlash = input.indexOf('\\', from);
      if (nextKey >= 0 && nextKey < from) nextKey = input.indexOf('":', from);
      x = nextSlash < 0 ? nextKey : nextKey < 0 ? nextSlash : Math.min(nextSlash, nextKey);
    }
    return x;
  };
  let next = nextOf();
  const edited: number[] = [];
  const editedInput: number[] = [];
  const editedText: string[] = [];
  const parts: string[] = [];
  const viewStarts: number[] = [];
  const shifts: number[] = [];
  let copied = 0;
  let shift = 0;
  let changed = 0;
  const n = input.length;
  while (next >= 0) {
    // The line holding the next backslash.
    const nl = input.lastIndexOf('\n', next);
    const lineStart = nl < copied ? copied : nl + 1;
    let lineEnd = input.indexOf('\n', next);
    if (lineEnd < 0) lineEnd = n;
    const keyed = KEY_PAIR.test(input.slice(lineStart, lineEnd));
    if (keyed || jsonOnlyEscapes(input, lineStart, lineEnd) >= 2) {
      const viewStart = lineStart - shift;
      let lineEdited = false;
      // The line's text in the view, in parts.
      const lineParts: string[] = [];
      let lineCopied = lineStart;
      const cut = (at: number, len: number, by: string): void => {
        parts.push(input.slice(copied, at), by);
        lineParts.push(input.slice(lineCopied, at), by);
        lineCopied = at + len;
        const viewAfter = at - shift + by.length;
        shift += len - by.length;
        viewStarts.push(viewAfter);
        shifts.push(shift);
        copied = at + len;
        lineEdited = true;
      };
      // A record's message value is put on lines of its own: its opening and closing quotes
      // read as line breaks, so the message starts a line as the product printed it.
      let open = -1;
      if (keyed) {
        const m = MESSAGE_KEY.exec(input.slice(lineStart, lineEnd));
        if (m) open = lineStart + m.index + m[0].length - 1;
      } else {
        // A bare JSON string (a value copied with its quotes) is a message too.
        let b = lineStart;
        while (b < lineEnd && (input.charCodeAt(b) === 32 || input.charCodeAt(b) === 9)) b++;
        if (input.charCodeAt(b) === 34) open = b;
      }
      let i = input.indexOf('\\', lineStart);
      // Every message value of the record (a Serilog line has "@mt" and "@x"), a few at most.
      for (let values = 0; open >= 0 && values < MAX_VALUES_PER_LINE; values++) {
        // Escapes before the message value, then its opening quote.
        for (; i >= 0 && i < open; ) {
          const d = decodeAt(input, i, lineEnd);
          if (d) cut(i, d[1], d[0]);
          i = input.indexOf('\\', i + (d ? d[1] : 2));
        }
        if (copied > open) break;
        cut(open, 1, '\n');
        // The value ends at the first quote no escape covers.
        let q = input.indexOf('"', open + 1);
        let closed = false;
        while (q >= 0 && q < lineEnd) {
          while (i >= 0 && i < q) {
            const d = decodeAt(input, i, lineEnd);
            if (d) cut(i, d[1], d[0]);
            i = input.indexOf('\\', i + (d ? d[1] : 2));
          }
          // An escape that ends past q covered it (`\"`): look for the next quote.
          if (copied > q) {
            q = input.indexOf('"', copied);
            continue;
          }
          cut(q, 1, '\n');
          closed = true;
          break;
        }
        if (i >= 0 && i < copied) i = input.indexOf('\\', copied);
        open = -1;
        if (keyed && closed) {
          const m = MESSAGE_KEY.exec(input.slice(copied, lineEnd));
          if (m) open = copied + m.index + m[0].length - 1;
        }
      }
      for (; i >= 0 && i < lineEnd - 1; ) {
        const d = decodeAt(input, i, lineEnd);
        if (d) {
          cut(i, d[1], d[0]);
          i = input.indexOf('\\', i + d[1]);
        } else {
          i = input.indexOf('\\', i + 2);
        }
      }
      if (lineEdited) {
        changed++;
        edited.push(viewStart, lineEnd - shift);
        editedInput.push(lineStart, lineEnd);
        lineParts.push(input.slice(lineCopied, lineEnd));
        editedText.push(lineParts.join(''));
      }
    }
    if (lineEnd >= n) break;
    if (nextSlash >= 0 && nextSlash <= lineEnd) nextSlash = input.indexOf('\\', lineEnd + 1);
    if (nextKey >= 0 && nextKey <= lineEnd) nextKey = input.indexOf('":', lineEnd + 1);
    next = nextOf();
  }
  if (changed === 0) return undefined;
  parts.push(input.slice(copied));
  return new JsonView(input, parts, changed, viewStarts, shifts, edited, editedInput, editedText);
}
