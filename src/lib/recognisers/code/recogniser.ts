/**
 * The `code` recogniser: a bare error code, alone on a line or as the whole paste, in any
 * written form — `0x80072EE2`, `80072EE2`, `2147954402`, `-2147012894`, `12002`, `0x2EE2`,
 * `HRESULT_FROM_WIN32(5)`, or a name such as `ERROR_WINHTTP_TIMEOUT` (names resolve through the
 * curated codes) — optionally with a label ("Error code: 0x80072EE2", "HRESULT 0x80070005",
 * "Exit code: -1073741819") and a short description ("0x80070005 (Access is denied)",
 * "The operation timed out (0x80072ee2)").
 *
 * It never reads numbers inside other formats: a line with more than the code, a label and a
 * description is not bare, so IIS log lines, timestamps and event fields stay untouched. Extra
 * care for unlabelled numbers without `0x`, which could be the wrapped tail of a long line:
 * - a bare decimal of one digit, or one that looks like an HTTP status (400..599), needs a label
 *   that says it is a code (HRESULT, Win32, exit code ...);
 * - an unlabelled decimal or bare 8-digit hex right after a long line (> 60 characters, no blank
 *   line between) is treated as that line's wrapped tail and ignored;
 * - an unlabelled bare 8-digit hex must look like a failure (first digit 8..F): `20240305` is a
 *   date, not an HRESULT.
 *
 * Emits `code` facts whose value is the unsigned 32-bit value as written (12002 stays 12002).
 */
import type { Fact, LineIndex, Recogniser } from '../../engine/types.ts';
import { forEachLine } from '../../engine/lines.ts';
import { canonicalCode, parseCode } from '../../codes/forms.ts';
import { resolveCuratedName } from '../../codes/curated.ts';
import { hasDigit, splitBareLine } from '../../codes/bare-line.ts';

const KIND = 'code' as const;

/** Labels that say the value is an error code; they also admit 1-digit and 400..599 values. */
const STRONG_LABELS = [
  'sc-win32-status',
  'win32 error code',
  'win32 status',
  'win32 error',
  'win32 code',
  'win32',
  'exception from hresult',
  'hresult',
  'hr',
  'process exit code',
  'exit code',
  'exitcode',
  'exception code',
  'ntstatus',
  'nt status',
  'last error',
  'lasterror',
  'getlasterror',
  'error number',
  'return code',
];
/** Labels that may also precede an HTTP status; 400..599 after them is left to `status`. */
const WEAK_LABELS = ['error code', 'errorcode', 'error', 'code', 'status code', 'status', 'failed with error', 'failed with'];
const LABELS = [...STRONG_LABELS, ...WEAK_LABELS].sort((a, b) => b.length - a.length);
const STRONG = new Set(STRONG_LABELS);
/** Weak labels that still admit a one-digit code ("Error 5", "Error code: 2"). */
const ERROR_LABELS = new Set(['error code', 'errorcode', 'error']);
/**
 * Labels shared with HTTP statuses ("Status: 200", "Code: 404"): a decimal after them counts
 * only with four or more digits (12002, 2147954402); hex and names always count.
 */
const STATUS_LIKE_LABELS = new Set(['status code', 'status', 'code']);

/** A previous line longer than this may have wrapped onto the current one. */
const WRAP_WIDTH = 60;

const RE_DECIMAL = /^[+-]?\d+$/;
const RE_HEX8 = /^[0-9a-f]{8}$/i;
const RE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A worded description: "Access is denied.", "The operation timed out" (no markup, no paths). */
const RE_WORDS = /^[A-Za-z][A-Za-z _'’,.;()-]{0,119}$/;
/** "description (0x...)" at the end of a short line. */
const RE_TRAILING_PAREN = /\(\s*([^()\s]{1,60})\s*\)\.?$/;

const resolveName = (name: string): number | undefined => resolveCuratedName(name);

function sameCode(a: number, b: number): boolean {
  return canonicalCode(a) === canonicalCode(b);
}

/**
 * The tail after a code may be another form of the same code, a bracketed note, or a worded
 * description (after a separator; without one only when the code itself is unmistakable).
 */
function tailFits(tail: string, value: number, distinctive: boolean, trailing: string): boolean {
  if (tail === '') return true;
  if (tail.length > 160) return false;
  if (tail[0] === '(' || tail[0] === '[') {
    const closer = tail[0] === '(' ? ')' : ']';
    return tail.endsWith(closer) || tail.endsWith(closer + '.');
  }
  // A separator stands apart ("0x5 - Access is denied"); "-MODULE_SET..." is not one.
  const sep = /^[-–—:=|/](?:\s+|$)/.exec(tail);
  const rest = sep ? tail.slice(sep[0].length) : tail;
  const other = parseCode(rest, { resolveName, allowStatusLike: true });
  if (other !== null) return sameCode(other, value);
  // A worded description: "0x80070005 - Access is denied.", "0x80070005 Access is denied."
  const separated = sep !== null || trailing.includes(':') || trailing.includes(';');
  return (separated || distinctive) && RE_WORDS.test(rest) && !hasDigit(rest);
}

function isUnlabelledNumberRisk(token: string): boolean {
  const t = token.replace(/^[+-]/, '');
  return RE_DECIMAL.test(token) || (RE_HEX8.test(t) && !/^0x/i.test(token));
}

function prevLineIsLong(input: string, lines: LineIndex, lineNumber: number): boolean {
  if (lineNumber < 2) return false;
  const start = lines.starts[lineNumber - 2] as number;
  let end = lines.starts[lineNumber - 1] as number;
  while (end > start && (input.charCodeAt(end - 1) === 10 || input.charCodeAt(end - 1) === 13)) end--;
  if (end - start <= WRAP_WIDTH) return false;
  // A long line that is blank-ish does not wrap into anything.
  return input.slice(start, end).trim().length > WRAP_WIDTH;
}

interface Found {
  value: number;
  start: number;
  end: number;
}

/** True for the characters String.prototype.trim removes (the same set as \s). */
function isTrimmed(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Is the trimmed line longer than 2 characters, starting with "(" and ending with ")"? */
function isBracketed(line: string): boolean {
  let a = 0;
  let b = line.length;
  while (a < b && isTrimmed(line.charCodeAt(a))) a++;
  while (b > a && isTrimmed(line.charCodeAt(b - 1))) b--;
  return b - a > 2 && line.charCodeAt(a) === 40 && line.charCodeAt(b - 1) === 41;
}

function readLine(line: string, input: string, lines: LineIndex, lineNumber: number): Found | null {
  // A whole line in brackets: "(Exception from HRESULT: 0x80131040)".
  const bracketed = isBracketed(line);
  const text = bracketed ? line.replace('(', ' ').replace(/\)(\s*)$/, ' $1') : line;
  const bare = splitBareLine(text, LABELS);
  if (!bare) return null;
  const { token, tokenStart, label, tail, trailing } = bare;
  // An XML or HTML attribute (statusCode="502.3", ErrorCode="0x...") belongs to that format.
  if (text.slice(Math.max(0, tokenStart - 2), tokenStart) === '="') return null;
  const strong = label !== undefined && STRONG.has(label);

  const value = parseCode(token, { resolveName, allowStatusLike: strong });
  if (value !== null) {
    const isName = RE_NAME.test(token) && !RE_HEX8.test(token);
    if (label === undefined && !isName && isUnlabelledNumberRisk(token)) {
      const digits = token.replace(/^[+-]/, '');
      if (RE_DECIMAL.test(token) && digits.length < 2) return null;
      if (RE_HEX8.test(digits) && !/^[89a-f]/i.test(digits)) return null;
      if (prevLineIsLong(input, lines, lineNumber)) return null;
    }
    if (label !== undefined && !strong && !ERROR_LABELS.has(label) && RE_DECIMAL.test(token) && token.replace(/^[+-]/, '').length < 2) {
      return null;
    }
    const distinctive = /^0x/i.test(token) || isName || /^-?\d{9,10}$/.test(token) || /^HRESULT_FROM_WIN32/i.test(token);
    if (label !== undefined && STATUS_LIKE_LABELS.has(label) && RE_DECIMAL.test(token) && token.replace(/^[+-]/, '').length < 4) {
      return null;
    }
    if (bracketed && label === undefined && !distinctive) return null; // "(2019)"
    // "168. -MODULE_SET_RESPONSE_ERROR_STATUS": a numbered list item, not a code.
    if (RE_DECIMAL.test(token) && tail !== '' && (trailing.includes('.') || trailing.includes(')'))) return null;
    if (value === 0) return null; // success: nothing to diagnose
    if (!tailFits(tail, value, distinctive, trailing)) return null;
    return { value, start: tokenStart, end: tokenStart + token.length };
  }

  // "The operation timed out (0x80072ee2)": a short description, then the code in brackets.
  if (label === undefined && text.length <= 120 && text.trimEnd().endsWith(')')) {
    const m = RE_TRAILING_PAREN.exec(text.trimEnd());
    if (!m) return null;
    const inner = m[1] as string;
    if (RE_DECIMAL.test(inner)) return null; // "(2019)", "(3)": too ambiguous
    const v = parseCode(inner, { resolveName });
    if (v === null || v === 0) return null;
    const before = text.slice(0, m.index).trim();
    if (!RE_WORDS.test(before) || before.length > 100 || hasDigit(before)) return null;
    const start = text.lastIndexOf(inner);
    return { value: v, start, end: start + inner.length };
  }
  return null;
}

/**
 * A failure HRESULT named inside a sentence: in brackets right after a status (`shows the
 * 500.19(0x8007000d) error`), after a status and a few words (`502.3 Bad Gateway 0x80072efd`), or after the words error / error code / HRESULT (`fails with error
 * 0x80070005 when ...`). Only 8-digit hex with the failure bit (8..F first): addresses, offsets
 * and timestamps in prose stay unread. Keys of structured logs (ErrorCode=, HResult=) are the
 * business of their recognisers: the words must stand apart.
 */
const INLINE_AFTER_STATUS = /(?<![\w.])[45]\d\d(?:\.\d{1,2})?[ \t]{0,2}\([ \t]{0,2}(0x[89a-fA-F][0-9a-fA-F]{7})[ \t]{0,2}\)/g;
/**
 * After a status and words only, the first capitalised as a reason phrase or a page's subtitle
 * is (`502.3 Bad Gateway 0x80072efd`, `502.3 - The operation timed out 0x80072ee2`; not `502 ms at 0x8...`).
 */
const INLINE_AFTER_STATUS_WORDS = /(?<![\w.="])[45]\d\d(?:\.\d{1,2})?[ \t]{1,3}[-–—]?[ \t]{0,3}[A-Z][A-Za-z \t,'’-]{0,80}?[ \t](0x[89a-fA-F][0-9a-fA-F]{7})(?![\w])/g;
const INLINE_AFTER_WORDS = /\b(?:error code|hresult|error)\b[ \t]{0,2}[:#]?[ \t]{0,3}[`'"“‘(]?(0x[89a-fA-F][0-9a-fA-F]{7})(?![\w])/gi;

const NONE: readonly Found[] = [];
const WIN32_WORD = /win32[ -]?status/i;

/** After the words Win32 status (`an HTTP 503 Win32status 1255`): IIS's own name for the field. */
const INLINE_WIN32_STATUS = /\bwin32[ -]?status\b[ \t]{0,2}[:=]?[ \t]{0,3}(0x[0-9a-fA-F]{1,8}|\d{1,10})(?![\w.])/gi;

/**
 * A Win32 HRESULT written without its `0x` in a sentence (`502.3 with that 80072f78 code`): eight
 * hex digits starting 8007, the facility of every Win32 error, as a token of its own.
 */
const INLINE_BARE_WIN32_HRESULT = /(?<![\w.#/:-])(8007[0-9a-fA-F]{4})(?![\w.:-])/g;

/** The inline forms that need an `0x` in the line. */
const HEX_INLINE: readonly RegExp[] = [INLINE_AFTER_STATUS, INLINE_AFTER_STATUS_WORDS, INLINE_AFTER_WORDS];

function readInline(line: string): readonly Found[] {
  const hex = line.includes('0x') || line.includes('0X');
  const win32 = WIN32_WORD.test(line);
  // Only inside a sentence: a line that is the token alone is readLine's (a wrapped tail stays unread).
  const bare = line.includes('8007') && /[A-Za-z]{3}/.test(line.replace(/8007[0-9a-fA-F]{4}/g, ''));
  if (!hex && !win32 && !bare) return NONE;
  const out: Found[] = [];
  const patterns = [...(hex ? HEX_INLINE : []), ...(win32 ? [INLINE_WIN32_STATUS] : []), ...(bare ? [INLINE_BARE_WIN32_HRESULT] : [])];
  for (const re of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const token = m[1] as string;
      const start = m.index + m[0].lastIndexOf(token);
      if (out.some((f) => f.start === start)) continue;
      const value = parseCode(token);
      if (value === null || value === 0) continue;
      out.push({ value, start, end: start + token.length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export const recogniser: Recogniser = {
  kind: KIND,
  recognise(input: string, lines: LineIndex, out: Fact[] = []): Fact[] {
    const facts = out;
    forEachLine(input, lines, (text, start, lineNumber) => {
      if (text.length === 0) return;
      const found = text.length > 400 ? null : readLine(text, input, lines, lineNumber);
      if (found) {
        facts.push({ kind: KIND, name: 'code', value: found.value, span: { start: start + found.start, end: start + found.end } });
        return;
      }
      if (text.length > 2000) return;
      for (const f of readInline(text)) facts.push({ kind: KIND, name: 'code', value: f.value, span: { start: start + f.start, end: start + f.end } });
    });
    return facts;
  },
};
