/**
 * Text helpers shared by the event-log, stdout-log and ancm-debug-log recognisers.
 *
 * A `TextView` is a rewritten copy of part of the input with a map back to input offsets:
 * - compact views drop every whitespace character, so a phrase still matches when a paste
 *   wrapped it across lines (at a space or in the middle of a word) or doubled its spaces;
 * - both kinds decode the XML character references found in event XML (`&apos;`, `&quot;`,
 *   `&#xD;&#xA;` ...), so messages read the same in XML and in plain text.
 * Matching happens on the view; values (numbers, names) are then read from the input itself
 * at the mapped offset, where word boundaries are still intact.
 */
import type { Span } from '../../../engine/types.ts';

export interface TextView {
  text: string;
  /** map[i] = input offset of text[i]; map[text.length] = the end of the viewed range. */
  map: Int32Array;
}

function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const NAMED: Record<string, number> = { lt: 60, gt: 62, amp: 38, quot: 34, apos: 39 };

/**
 * Decode the character reference starting at `i` (input[i] === '&'). Returns the code point and
 * the reference length, or undefined when it is not one. Reads at most 10 characters.
 */
export function decodeEntity(input: string, i: number): { code: number; length: number } | undefined {
  const limit = Math.min(input.length, i + 10);
  let j = i + 1;
  if (input.charCodeAt(j) === 35 /* # */) {
    j++;
    let hex = false;
    if (input.charCodeAt(j) === 120 || input.charCodeAt(j) === 88) {
      hex = true;
      j++;
    }
    const digitsStart = j;
    let value = 0;
    while (j < limit) {
      const c = input.charCodeAt(j);
      let d = -1;
      if (c >= 48 && c <= 57) d = c - 48;
      else if (hex && c >= 97 && c <= 102) d = c - 87;
      else if (hex && c >= 65 && c <= 70) d = c - 55;
      if (d < 0) break;
      value = value * (hex ? 16 : 10) + d;
      j++;
    }
    if (j === digitsStart || input.charCodeAt(j) !== 59 /* ; */ || value > 0x10ffff) return undefined;
    return { code: value, length: j + 1 - i };
  }
  const semi = input.indexOf(';', j);
  if (semi < 0 || semi > limit) return undefined;
  const code = NAMED[input.slice(j, semi)];
  return code === undefined ? undefined : { code, length: semi + 1 - i };
}

/**
 * The code units of a view are only a step towards its string: one buffer kept between calls
 * (touching a fresh megabyte-sized array costs more than filling it). Views above SCRATCH_MOST
 * units get their own.
 */
const SCRATCH_MOST = 4_000_000;
let scratch = new Uint16Array(0);

function codeBuffer(n: number): Uint16Array {
  if (n > SCRATCH_MOST) return new Uint16Array(n);
  if (scratch.length < n) scratch = new Uint16Array(Math.max(n, 2 * scratch.length));
  return scratch;
}

/** The offset map of the last view built with `reuseMap` (see buildView). */
let mapScratch = new Int32Array(0);

function mapBuffer(n: number, reuse: boolean): Int32Array {
  if (!reuse || n > SCRATCH_MOST) return new Int32Array(n);
  // Grown to the size needed, no more: it stays allocated between pastes.
  if (mapScratch.length < n) mapScratch = new Int32Array(n);
  return mapScratch;
}

const CHUNK = 8192;
const DECODER = new TextDecoder('utf-16le');

/** Is some unit of codes[0, length) a surrogate that is not half of a pair? */
function hasLoneSurrogate(codes: Uint16Array, length: number): boolean {
  for (let i = 0; i < length; i++) {
    const c = codes[i] as number;
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff) return true; // a low half with no high half before it
    const next = i + 1 < length ? (codes[i + 1] as number) : 0;
    if (next < 0xdc00 || next > 0xdfff) return true;
    i++;
  }
  return false;
}

/** The units as a string; `surrogates` says some unit is a surrogate (then each unit is kept as it is). */
function codesToString(codes: Uint16Array, length: number, surrogates: boolean): string {
  // One native decode; it would turn a lone surrogate into U+FFFD, so not when there are any
  // (surrogates that all pair up, an emoji, decode as they are), and it drops a U+FEFF at the
  // start, so not for a view that starts with one (a view that keeps blanks).
  if (codes[0] !== 0xfeff && (!surrogates || !hasLoneSurrogate(codes, length))) return DECODER.decode(codes.subarray(0, length));
  if (length <= CHUNK) return String.fromCharCode.apply(null, codes.subarray(0, length) as unknown as number[]);
  const parts: string[] = [];
  for (let i = 0; i < length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[]));
  }
  return parts.join('');
}

/**
 * Build a view of input[start, end), skipping the `skip` spans (sorted, non-overlapping).
 * `compact` drops whitespace; `decode` turns XML character references into characters.
 * With `reuseMap`, the view's offset map lives in a buffer the next `reuseMap` view overwrites
 * (for a caller done with the view before building another such view).
 * Linear in the range; allocates two typed arrays, no per-character objects.
 */
export function buildView(
  input: string,
  start: number,
  end: number,
  options: { compact: boolean; decode?: boolean; skip?: readonly Span[]; reuseMap?: boolean },
): TextView {
  const from = Math.max(0, Math.min(start, input.length));
  const to = Math.max(from, Math.min(end, input.length));
  const size = to - from;
  const codes = codeBuffer(size + 1);
  const map = mapBuffer(size + 2, options.reuseMap ?? false);
  const skip = options.skip ?? [];
  const decode = options.decode ?? true;
  const compact = options.compact;
  let k = 0;
  let s = 0;
  let surrogates = false;
  while (s < skip.length && (skip[s] as Span).end <= from) s++;
  let i = from;
  // Where the next skipped span starts (or the end of the range): the hot loop only compares with it.
  let stop = s < skip.length ? Math.min(to, (skip[s] as Span).start) : to;
  while (i < to) {
    if (i >= stop) {
      // Inside (or past) the next skipped span: jump over it and look at the following one.
      const sk = skip[s] as Span;
      if (i < sk.end) i = sk.end;
      s++;
      stop = s < skip.length ? Math.min(to, (skip[s] as Span).start) : to;
      continue;
    }
    let c = input.charCodeAt(i);
    // Printable ASCII other than '&' is copied as it is (the bulk of any paste).
    if (c > 32 && c < 127 && c !== 38) {
      codes[k] = c;
      map[k++] = i++;
      continue;
    }
    let len = 1;
    if (c === 38 && decode) {
      const e = decodeEntity(input, i);
      if (e) {
        len = e.length;
        c = e.code;
        if (c > 0xffff) {
          // Astral character: keep it as a surrogate pair, both halves mapped to the reference.
          const v = c - 0x10000;
          if (k + 2 > size) break;
          surrogates = true;
          codes[k] = 0xd800 + (v >> 10);
          map[k++] = i;
          codes[k] = 0xdc00 + (v & 0x3ff);
          map[k++] = i;
          i += len;
          continue;
        }
      }
    }
    if (!(compact && isSpace(c))) {
      if (c >= 0xd800 && c <= 0xdfff) surrogates = true;
      codes[k] = c;
      map[k++] = i;
    }
    i += len;
  }
  map[k] = to;
  return { text: codesToString(codes, k, surrogates), map: map.subarray(0, k + 1) };
}

/** Input offset of view index `i` (clamped). */
export function toInput(view: TextView, i: number): number {
  const n = view.map.length - 1;
  return view.map[Math.max(0, Math.min(i, n))] as number;
}

/** Input offset just after view index `i - 1` (the exclusive end of a view range ending at i). */
export function endToInput(view: TextView, i: number): number {
  if (i <= 0) return toInput(view, 0);
  return toInput(view, i - 1) + 1;
}

/** Escape a literal for use in a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A case-insensitive, global RegExp for a phrase in a compact view (whitespace removed). */
export function compactPhrase(phrase: string): RegExp {
  return new RegExp(escapeRegExp(phrase.replace(/\s+/g, '')), 'gi');
}

/** Unsigned 32-bit value of a hex string (1 to 8 digits), or undefined. */
export function hexValue(digits: string): number | undefined {
  if (!/^[0-9a-fA-F]{1,8}$/.test(digits)) return undefined;
  return parseInt(digits, 16) >>> 0;
}

export interface NumberAt {
  value: number;
  start: number;
  end: number;
}

const HEX_AT = /[ \t]*'?[ \t]*(0[xX])?([0-9a-fA-F]{1,8})(?![0-9a-zA-Z])/y;
const DEC_AT = /[ \t]*'?[ \t]*(-?\d{1,10})(?![0-9a-zA-Z])/y;

/**
 * A hex code written at `offset` ("0x8007000d", "'0x80004005", "c00000fd"), as an unsigned
 * 32-bit number with its span. With `needPrefix` the "0x" must be there.
 */
export function hexAt(input: string, offset: number, needPrefix = false): NumberAt | undefined {
  HEX_AT.lastIndex = offset;
  const m = HEX_AT.exec(input);
  if (!m || (needPrefix && !m[1])) return undefined;
  const value = hexValue(m[2] as string);
  if (value === undefined) return undefined;
  const end = offset + m[0].length;
  const start = end - (m[2] as string).length - (m[1] ? 2 : 0);
  return { value, start, end };
}

/** A decimal integer written at `offset` (optionally signed), with its span. */
export function decimalAt(input: string, offset: number): NumberAt | undefined {
  DEC_AT.lastIndex = offset;
  const m = DEC_AT.exec(input);
  if (!m) return undefined;
  const value = Number(m[1]);
  if (!Number.isSafeInteger(value)) return undefined;
  const end = offset + m[0].length;
  return { value, start: end - (m[1] as string).length, end };
}

/**
 * A signed or unsigned decimal as an unsigned 32-bit code when it looks like an HRESULT,
 * NTSTATUS or CLR code (negative, or at least 0x80000000); small numbers stay undefined
 * because as exit codes they do not name an error.
 */
export function decimalAsCode(value: number): number | undefined {
  if (!Number.isInteger(value)) return undefined;
  if (value < 0 && value >= -0x80000000) return value >>> 0;
  if (value >= 0x80000000 && value <= 0xffffffff) return value;
  return undefined;
}

const IDENT = /[A-Za-z0-9_.`+]/;

/** Read a .NET type name ("System.IO.IOException") at `offset`, skipping leading blanks. */
export function typeNameAt(input: string, offset: number): { name: string; start: number; end: number } | undefined {
  let i = offset;
  const limit = Math.min(input.length, offset + 400);
  while (i < limit && (input[i] === ' ' || input[i] === '\t')) i++;
  const start = i;
  while (i < limit && IDENT.test(input[i] as string)) i++;
  let end = i;
  while (end > start && (input[end - 1] === '.' || input[end - 1] === '+')) end--;
  const name = input.slice(start, end);
  if (!/^[A-Za-z_]/.test(name) || !name.includes('.')) return undefined;
  return { name, start, end };
}

/** Does input[from, to) contain `needle`, case-insensitively? Bounded by the range. */
export function rangeIncludes(input: string, from: number, to: number, needle: string): boolean {
  const a = Math.max(0, from);
  const b = Math.min(input.length, to);
  if (b - a < needle.length) return false;
  return input.slice(a, b).toLowerCase().includes(needle.toLowerCase());
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function valid(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  return y >= 1990 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 60;
}

function iso(y: number, mo: number, d: number, h: number, mi: number, s: number, frac = '', zone = ''): string | undefined {
  if (!valid(y, mo, d, h, mi, s)) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${frac}${zone}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?/;
const NUMERIC_DATE =
  /^(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})\.?,?\s+(?:(午前|午後|오전|오후|上午|下午)\s*)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*([AaPp]\.?\s?[Mm]\.?)?/;

/**
 * Parse the date/time forms Windows writes in event exports (ISO, US M/d/yyyy h:mm:ss AM,
 * d/M/yyyy and d.M.yyyy 24-hour, yyyy/M/d) into ISO-8601 "yyyy-MM-ddTHH:mm:ss" (with the zone
 * only when the source has one). Ambiguous day/month order follows the clock style: a 12-hour
 * clock means month first (en-US), a 24-hour clock with slashes or dots means day first.
 * Returns undefined for anything it cannot read unambiguously enough.
 */
export function parseEventDate(text: string): string | undefined {
  const s = text.trim().slice(0, 80);
  let m = ISO_DATE.exec(s);
  if (m) {
    return iso(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), m[7] ?? '', m[8] ?? '');
  }
  m = NUMERIC_DATE.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const c = Number(m[4]);
    const sep = m[2];
    let h = Number(m[6]);
    const mi = Number(m[7]);
    const sec = Number(m[8] ?? 0);
    const ampm = m[5] ?? m[9] ?? '';
    const pm = /^[Pp]|午後|오후|下午/.test(ampm);
    const twelve = ampm !== '';
    if (twelve) {
      if (h < 1 || h > 12) return undefined;
      if (pm && h < 12) h += 12;
      if (!pm && h === 12) h = 0;
    }
    if ((m[1] as string).length === 4) return iso(a, b, c, h, mi, sec); // yyyy/M/d, yyyy-M-d, yyyy.M.d
    if ((m[4] as string).length !== 4) return undefined;
    let day: number;
    let month: number;
    if (sep === '.' || (sep !== '.' && !twelve)) {
      day = a;
      month = b;
    } else {
      month = a;
      day = b;
    }
    if (month > 12 && day <= 12) [day, month] = [month, day];
    return iso(c, month, day, h, mi, sec);
  }
  // "Mar 05 2024 10:14:22" style (rare in exports).
  const w = /^([A-Za-z]{3})\w*\.?\s+(\d{1,2}),?\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(s);
  if (w) {
    const mo = MONTHS.indexOf((w[1] as string).toLowerCase()) + 1;
    if (mo > 0) return iso(Number(w[3]), mo, Number(w[2]), Number(w[4]), Number(w[5]), Number(w[6] ?? 0));
  }
  return undefined;
}
