/**
 * Pieces of an IIS log record pasted without the record's start, where the outcome fields
 * (sc-status sc-substatus sc-win32-status [time-taken]) are what matters:
 *
 * - the fields alone, as a line of their own: `502 3 12002`, `502 3 12002 120012`, `502.3 12002`;
 * - the fields by name, anywhere in a line: `sc-status 502 sc-substatus 3 sc-win32-status 12002`,
 *   `sc-status=502, sc-substatus=3, sc-win32-status=64`;
 * - a record cut before its date and time: `GET /api - 443 - 10.0.0.1 Mozilla/5.0 - 502 3 12002 120012`
 *   (a method, a path, and the outcome tail at the end: fields.ts `locateTail`).
 *
 * Only outcomes worth a diagnosis are read: a 4xx/5xx status with a sub-status or a Win32 code
 * that is not zero. Whole records (with their date) are the recogniser's main path.
 */
import type { LineIndex, Span } from '../../engine/types.ts';
import { linesMatching } from '../shared/proxy-lines.ts';
import type { Token } from './fields.ts';
import { locateTail, methodWithin, tokenize } from './fields.ts';

export interface Outcome {
  status: Token;
  sub?: Token;
  win32?: Token;
  taken?: Token;
  url?: Token;
  /** Where the piece is (the record's span, for its facts). */
  span: Span;
}

/** A line that may hold an outcome: a 4xx/5xx status then a sub-status, or a field's name. */
const HINT = /[45]\d\d(?:[ \t]{1,8}|\.)\d{1,3}(?![\d.])|sc-win32-status/;
const HINT_ALL = new RegExp(HINT.source, 'g');

/** Lines (1-based) that may hold an outcome, found by one search over the whole input. */
export function outcomeLines(input: string, lines: LineIndex): Uint8Array {
  return linesMatching(input, lines, HINT_ALL);
}

/** The fields alone on a line (columns may be padded). */
const ALONE = /^[ \t]*([45]\d\d)(?:[ \t]{1,8}|\.)(\d{1,3})[ \t]{1,8}(\d{1,10})(?:[ \t]{1,8}(\d{1,10}))?(?:[ \t]{1,8}\d{1,10}){0,2}[ \t]*$/;
/** One named field and its value. */
const NAMED = /\b(sc-status|sc-substatus|sc-win32-status|time-taken)[ \t]*[:=]?[ \t]*["']?(\d{1,10})\b/g;
/** Methods a record cut before its date is recognised by (a stricter list than fields.ts's shape test). */
const METHOD = /^(?:GET|POST|PUT|DELETE|HEAD|PATCH|OPTIONS|PROPFIND|CONNECT|TRACE|MERGE|DEBUG)$/;

function token(text: string, at: number, value: string, index: number): Token {
  return { text: value, start: at + index, end: at + index + value.length };
}

/** Is this outcome worth reading: an error status, and something beyond the bare status? */
function worth(o: Outcome): boolean {
  const status = Number(o.status.text);
  if (status < 400 || status > 599) return false;
  const sub = o.sub ? Number(o.sub.text) : 0;
  const win32 = o.win32 ? Number(o.win32.text) : 0;
  return sub > 0 || win32 !== 0;
}

/**
 * The outcome in `text` (a line that starts at offset `at` of the input), if it holds one. A
 * caller that has `outcomeLines` marks may skip the hint test (`hinted`).
 */
export function readOutcome(text: string, at: number, hinted = false): Outcome | undefined {
  if (!hinted && !HINT.test(text)) return undefined;
  const alone = ALONE.exec(text);
  if (alone) {
    let i = alone[0].indexOf(alone[1] as string);
    const status = token(text, at, alone[1] as string, i);
    i = text.indexOf(alone[2] as string, i + 3);
    const sub = token(text, at, alone[2] as string, i);
    i = text.indexOf(alone[3] as string, i + (alone[2] as string).length);
    const win32 = token(text, at, alone[3] as string, i);
    const taken = alone[4] === undefined ? undefined : token(text, at, alone[4], text.indexOf(alone[4], i + (alone[3] as string).length));
    const o: Outcome = { status, sub, win32, span: { start: status.start, end: (taken ?? win32).end } };
    if (taken) o.taken = taken;
    return worth(o) ? o : undefined;
  }
  if (text.includes('sc-')) {
    const named: Partial<Record<string, Token>> = {};
    NAMED.lastIndex = 0;
    let start = Infinity;
    let end = -1;
    for (let m = NAMED.exec(text); m; m = NAMED.exec(text)) {
      const name = m[1] as string;
      if (named[name]) continue;
      named[name] = token(text, at, m[2] as string, m.index + m[0].length - (m[2] as string).length);
      start = Math.min(start, at + m.index);
      end = Math.max(end, at + m.index + m[0].length);
    }
    const status = named['sc-status'];
    if (status && named['sc-win32-status']) {
      const o: Outcome = { status, win32: named['sc-win32-status'], span: { start, end } };
      if (named['sc-substatus']) o.sub = named['sc-substatus'];
      if (named['time-taken']) o.taken = named['time-taken'];
      return worth(o) ? o : undefined;
    }
  }
  // A record cut before its date: a method and a path within its first fields, the tail at its end.
  const tokens = tokenize(text, 0, text.length);
  if (tokens.length < 6 || tokens.length > 60) return undefined;
  const method = methodWithin(tokens, 0, 7, METHOD);
  if (method === undefined) return undefined;
  const tail = locateTail(tokens, method + 2);
  if (!tail) return undefined;
  const shift = (t: Token | undefined): Token | undefined => (t ? { text: t.text, start: t.start + at, end: t.end + at } : undefined);
  const status = shift(tokens[tail.status]) as Token;
  const o: Outcome = { status, span: { start: at + (tokens[0] as Token).start, end: at + (tokens[tokens.length - 1] as Token).end } };
  const sub = shift(tokens[tail.sub]);
  const win32 = shift(tokens[tail.win32]);
  const taken = shift(tokens[tail.timeTaken]);
  const url = shift(tokens[method + 1]);
  if (sub) o.sub = sub;
  if (win32) o.win32 = win32;
  if (taken && tail.timeTaken !== tail.win32) o.taken = taken;
  if (url) o.url = url;
  return worth(o) ? o : undefined;
}
