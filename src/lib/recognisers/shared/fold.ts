/**
 * Fold text for tolerant matching, keeping a map back to the original offsets.
 *
 * - lower case (only where a character lower-cases to one UTF-16 unit, so offsets stay 1:1);
 * - typographic quotes to ASCII (‘ ’ ‚ ‛ ′ → ', “ ” „ ‟ « » ″ → "), dashes and minus signs to "-",
 *   full-width ASCII forms (（ ） ： ， etc.) to their ASCII letters;
 * - every run of white space (spaces, tabs, line breaks, no-break spaces) to one space.
 *
 * One pass, linear in the input. `map[i]` is the offset in the original text of folded char `i`,
 * so a folded span [a, b) is the original span [map[a], map[b - 1] + 1).
 */
export interface Folded {
  text: string;
  map: Int32Array;
}

const SPACE = 32;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0x2007 || c === 0x202f || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x85;
}

const lowerCache = new Map<number, number>();
const DECODER = new TextDecoder('utf-16le');

/** The folded code unit for `c` (not white space). */
export function foldUnit(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201a:
    case 0x201b:
    case 0x2032:
    case 0x00b4:
      return 39; // '
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x201f:
    case 0x00ab:
    case 0x00bb:
    case 0x2033:
      return 34; // "
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return 45; // -
    case 0x2026:
      return 46; // … (one unit; "..." stays three)
  }
  // Full-width ASCII forms (！ to ～) -> ASCII, then lower-cased.
  if (c >= 0xff01 && c <= 0xff5e) return foldUnit(c - 0xfee0);
  let l = lowerCache.get(c);
  if (l === undefined) {
    const s = String.fromCharCode(c).toLowerCase();
    l = s.length === 1 ? s.charCodeAt(0) : c;
    lowerCache.set(c, l);
  }
  return l;
}

/**
 * Work buffers kept between calls: a fresh typed array of a megabyte paste's size costs more to
 * touch for the first time than the fold itself. Inputs above SCRATCH_MOST units get their own.
 */
const SCRATCH_MOST = 4_000_000;
let unitScratch = new Uint16Array(0);
let mapScratch = new Int32Array(0);

function unitBuffer(n: number): Uint16Array {
  if (n > SCRATCH_MOST) return new Uint16Array(n);
  if (unitScratch.length < n) unitScratch = new Uint16Array(Math.max(n, 2 * unitScratch.length));
  return unitScratch;
}

function mapBuffer(n: number, reuse: boolean): Int32Array {
  if (!reuse || n > SCRATCH_MOST) return new Int32Array(n);
  if (mapScratch.length < n) mapScratch = new Int32Array(Math.max(n, 2 * mapScratch.length));
  return mapScratch;
}

/** Folded code units (not yet a string) and the map back to the input. */
export interface FoldedUnits {
  units: Uint16Array;
  map: Int32Array;
}

/**
 * Fold `input` (see the module comment) into code units, without making the string: for a caller
 * that reads units by index. The units live in a buffer the next fold overwrites (inputs above
 * SCRATCH_MOST units excepted); with `reuse`, so does the map. A lone surrogate becomes U+FFFD,
 * as in the string `fold` returns.
 */
export function foldUnits(input: string, reuse = false): FoldedUnits {
  const n = input.length;
  const units = unitBuffer(n);
  const map = mapBuffer(n, reuse);
  let len = 0;
  let pendingSpace = -1;
  let surrogates = false;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    // ASCII fast path: spaces, then letters and the rest, without a call.
    const space = c < 128 ? c === 32 || (c >= 9 && c <= 13) : isSpace(c);
    if (space) {
      if (pendingSpace < 0 && len > 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0) {
      units[len] = SPACE;
      map[len++] = pendingSpace;
      pendingSpace = -1;
    }
    if (c < 128) units[len] = c >= 65 && c <= 90 ? c + 32 : c;
    else {
      const f = foldUnit(c);
      if (f >= 0xd800 && f <= 0xdfff) surrogates = true;
      units[len] = f;
    }
    map[len++] = i;
  }
  if (pendingSpace >= 0) {
    units[len] = SPACE;
    map[len++] = pendingSpace;
  }
  if (surrogates) replaceLoneSurrogates(units, len);
  return { units: units.subarray(0, len), map: map.subarray(0, len) };
}

/** U+FFFD for each surrogate that is not half of a pair (what a UTF-16 decode does). */
function replaceLoneSurrogates(units: Uint16Array, len: number): void {
  for (let i = 0; i < len; i++) {
    const c = units[i]!;
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < len && units[i + 1]! >= 0xdc00 && units[i + 1]! <= 0xdfff) i++;
    else units[i] = 0xfffd;
  }
}

/**
 * Fold `input` (see the module comment). Leading white space is dropped, a trailing run kept as
 * one space. With `reuse`, the returned map lives in a buffer the next `reuse` call overwrites
 * (for a caller that is done with it before folding again).
 */
export function fold(input: string, reuse = false): Folded {
  const { units, map } = foldUnits(input, reuse);
  // One decode of the UTF-16 units (lone surrogates are U+FFFD already: offsets hold).
  return { text: DECODER.decode(units), map };
}

/** Printable ASCII and spaces only: folding is lower-casing and collapsing spaces. */
const PLAIN = /^[ -~]*$/;

/** Fold a short string (a catalogue text) without an offset map: same rules as fold(). */
export function foldString(s: string): string {
  // Most catalogue texts: built-in string operations instead of a loop over the characters.
  if (PLAIN.test(s)) return s.toLowerCase().replace(/ {2,}/g, ' ').replace(/^ /, '');
  let out = '';
  let pending = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      pending = out.length > 0;
      continue;
    }
    if (pending) {
      out += ' ';
      pending = false;
    }
    out += String.fromCharCode(foldUnit(c));
  }
  return pending ? out + ' ' : out;
}

/** Fold a short string (a catalogue text): the folded text alone, trimmed. */
export function foldText(s: string): string {
  return foldString(s).trim();
}

/** The original span of the folded span [start, end). */
export function originalSpan(folded: Folded, start: number, end: number): { start: number; end: number } {
  const a = folded.map[start] ?? 0;
  const b = (folded.map[end - 1] ?? a) + 1;
  return { start: a, end: b };
}
