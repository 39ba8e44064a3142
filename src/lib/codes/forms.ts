/**
 * Every way an error code is written, and the parsers that bring a written form back to one
 * number. Shared by the code pages, the search normaliser, the recognisers and the decoder.
 *
 * Values are unsigned 32-bit integers (0 .. 0xFFFFFFFF). A "Win32 code" is a value in
 * 0 .. 0xFFFF; HRESULT_FROM_WIN32(n) wraps it as 0x8007nnnn.
 *
 * Conventions chosen here (documented so pages, search and engine agree):
 * - `hex` is always `0x` + 8 upper-case digits (`0x80072EE2`, `0x00000005`). `hexBare` drops the
 *   `0x`. The short Win32 form `win32Hex` is `0x` + at least 4 upper-case digits (`0x2EE2`,
 *   `0x0005`).
 * - Canonical page ("slug") rule: a Win32 code N (1 .. 0xFFFF) is usually met both bare (IIS
 *   `sc-win32-status` 12002) and wrapped (FREB 0x80072EE2), so its page is the wrapped HRESULT
 *   form and the bare form resolves to it. Exception: Winsock codes (10000 .. 11999) are reported
 *   bare almost everywhere (`SocketException (10061)`), so their page is the bare form and
 *   0x8007274D resolves to it. Every other value is its own page. Slugs are `0x` + 8 lower-case
 *   hex digits (`0x80072ee2`, `0x0000274d`).
 * - Bare 8-digit tokens are read as hex (`80070005` is 0x80070005, never eighty million): in
 *   Windows logs an 8-digit number is an HRESULT written without `0x`; decimal error values
 *   are at most 5 digits (Win32) or 10 digits (full HRESULTs).
 * - Bare decimals 400 .. 599 are HTTP statuses, not codes, unless the caller says otherwise
 *   (`allowStatusLike`); anything with a sub-status (`502.3`) is never a code.
 */

export interface CodeForms {
  /** Unsigned 32-bit value. */
  value: number;
  /** `0x` + 8 upper-case hex digits: `0x80072EE2`. */
  hex: string;
  /** 8 upper-case hex digits: `80072EE2`. */
  hexBare: string;
  /** Same as `value`; as IIS/FREB print it (2147954402). */
  unsigned: number;
  /** Signed 32-bit reading (-2147012894), as .NET `HResult` and some tools print it. */
  signed: number;
  /** The Win32 code: the value itself when <= 0xFFFF, or the low word of 0x8007xxxx. */
  win32?: number;
  /** `0x` + at least 4 upper-case hex digits of `win32`: `0x2EE2`. */
  win32Hex?: string;
  /** HRESULT_FROM_WIN32(win32) when the value is a bare Win32 code 1..0xFFFF. */
  hresult?: number;
  /** The value whose page documents this code (see the slug rule above). */
  canonical: number;
  /** Page slug of `canonical`: `0x80072ee2`. */
  slug: string;
}

/** Resolves a symbolic name (ERROR_WINHTTP_TIMEOUT) to its value, or null when unknown. */
export type NameResolver = (name: string) => number | null | undefined;

export interface ParseCodeOptions {
  /** Looks up symbolic names; without it names are rejected. */
  resolveName?: NameResolver;
  /** Accept bare decimals 400..599 (normally treated as HTTP statuses). */
  allowStatusLike?: boolean;
  /**
   * Read a code as IIS writes it in a field or in rendered text (sc-win32-status, a FREB
   * ErrorCode, "Error Code 0x8007000d", "The operation timed out\r\n (0x80072ee2)"): a run of
   * digits is always decimal (never bare hex), any decimal is a code (no status check), the text
   * may be up to 4000 characters, and when it is not one code as a whole the last `0x` code in it
   * wins (FormatMessage text comes before the code).
   */
  inText?: boolean;
}

export interface ParsedStatus {
  status: number;
  sub?: number;
}

const MAX_U32 = 0xffffffff;
const WIN32_FACILITY_PREFIX = 0x80070000;

/** True for an integer that is a valid unsigned or signed 32-bit code value. */
export function isCodeValue(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= -0x80000000 && n <= MAX_U32;
}

/** Normalise a signed or unsigned 32-bit integer to unsigned. Throws RangeError otherwise. */
export function toUnsigned(n: number): number {
  if (!isCodeValue(n)) throw new RangeError(`not a 32-bit code value: ${String(n)}`);
  return n >>> 0;
}

/** Winsock codes (WSABASEERR 10000 .. the QoS block): reported bare, never wrapped. */
export function isWinsockCode(n: number): boolean {
  return n >= 10000 && n <= 11999;
}

/** The Win32 code a value carries, if any: itself when <= 0xFFFF, low word of 0x8007xxxx. */
export function win32Of(value: number): number | undefined {
  const v = value >>> 0;
  if (v <= 0xffff) return v;
  // Facility 7 (FACILITY_WIN32) with severity set: the low 16 bits are the Win32 code, 0 included
  // (0x80070000 carries ERROR_SUCCESS, though HRESULT_FROM_WIN32(0) itself is 0).
  if ((v & 0xffff0000) >>> 0 === WIN32_FACILITY_PREFIX) return v & 0xffff;
  return undefined;
}

/** HRESULT_FROM_WIN32 as the SDK macro defines it (non-positive values pass through). */
export function hresultFromWin32(n: number): number {
  const s = n | 0;
  if (s <= 0) return s >>> 0;
  return ((s & 0xffff) | WIN32_FACILITY_PREFIX) >>> 0;
}

/** The value whose page documents `value` (see the module comment for the rule). */
export function canonicalCode(value: number): number {
  const v = toUnsigned(value);
  if (v >= 1 && v <= 0xffff) return isWinsockCode(v) ? v : (WIN32_FACILITY_PREFIX | v) >>> 0;
  const w = win32Of(v);
  if (w !== undefined && v > 0xffff && isWinsockCode(w)) return w;
  return v;
}

function hex8(v: number): string {
  return v.toString(16).toUpperCase().padStart(8, '0');
}

/** Page slug of a code: `0x` + 8 lower-case digits of its canonical value. */
export function codeSlug(value: number): string {
  return '0x' + hex8(canonicalCode(value)).toLowerCase();
}

/** Every written form of `value` (signed or unsigned 32-bit). Throws RangeError on non-codes. */
export function codeForms(value: number): CodeForms {
  const v = toUnsigned(value);
  const forms: CodeForms = {
    value: v,
    hex: '0x' + hex8(v),
    hexBare: hex8(v),
    unsigned: v,
    signed: v | 0,
    canonical: canonicalCode(v),
    slug: codeSlug(v),
  };
  const w = win32Of(v);
  if (w !== undefined) {
    forms.win32 = w;
    forms.win32Hex = '0x' + w.toString(16).toUpperCase().padStart(4, '0');
    if (v === w && w !== 0) forms.hresult = hresultFromWin32(w);
  }
  return forms;
}

/**
 * Every textual form to print on a code page so a full-text search finds it, most useful first,
 * without duplicates: hex, bare hex, unsigned, signed, the short `0x%x` form event logs print,
 * the Win32 code and its short hex, the wrapped HRESULT forms of a bare Win32 code, then names.
 */
export function searchForms(forms: CodeForms, names: readonly string[] = []): string[] {
  const out: string[] = [];
  const add = (s: string): void => {
    if (s && !out.includes(s)) out.push(s);
  };
  const addValue = (v: number): void => {
    add('0x' + hex8(v));
    add(hex8(v));
    add(String(v >>> 0));
    add(String(v | 0));
    add('0x' + v.toString(16).toUpperCase());
  };
  addValue(forms.value);
  if (forms.win32 !== undefined) {
    add(String(forms.win32));
    if (forms.win32Hex) add(forms.win32Hex);
    add('0x' + forms.win32.toString(16).toUpperCase());
  }
  if (forms.hresult !== undefined) addValue(forms.hresult);
  for (const n of names) add(n);
  return out;
}

// --- parsing -------------------------------------------------------------------------------

const RE_HEX_0X = /^0x0*([0-9a-f]{1,8})$/i;
const RE_HEX_BARE8 = /^[0-9a-f]{8}$/i;
const RE_DECIMAL = /^[+-]?\d{1,11}$/;
// Digit groups of three with one separator kind (2,147,954,402 / 2.147.954.402 / 2 147 954 402).
// Each repetition starts with a separator that `\d` cannot match, so matching is linear.
const RE_GROUPED = /^[+-]?\d{1,3}(?:[,.' \u00a0\u202f\u2019]\d{3}){1,3}$/;
const RE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,79}$/;
const RE_FROM_WIN32 = /^HRESULT_FROM_WIN32\s*\(\s*([^()]{1,80}?)\s*\)$/i;

const QUOTE_PAIRS: Record<string, string> = { "'": "'", '"': '"', '`': '`', '(': ')', '[': ']', '‘': '’', '“': '”' };

function unquote(t: string): string {
  if (t.length >= 2) {
    const close = QUOTE_PAIRS[t[0] as string];
    if (close !== undefined && t.endsWith(close)) return t.slice(1, -1).trim();
  }
  return t;
}

function decimalValue(digits: string): number | null {
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) return null;
  if (n < -0x80000000 || n > MAX_U32) return null;
  return n >>> 0;
}

function normaliseOptions(options?: NameResolver | ParseCodeOptions): ParseCodeOptions {
  if (typeof options === 'function') return { resolveName: options };
  return options ?? {};
}

/** True when `text` is a bare decimal HTTP error status (400..599), which parseCode rejects. */
export function isStatusLike(text: string): boolean {
  const t = text.trim();
  if (t.length !== 3) return false;
  const n = Number(t);
  return /^\d{3}$/.test(t) && n >= 400 && n <= 599;
}

/**
 * Any written form of a code to its unsigned 32-bit value, or null: `0x80072EE2`, `80072EE2`,
 * `2147954402`, `-2147012894`, `12002`, `0x2EE2`, `2,147,954,402`, `HRESULT_FROM_WIN32(5)`,
 * and names through `resolveName` (`ERROR_WINHTTP_TIMEOUT`). A Win32 code stays what it is
 * (`12002` -> 12002); use canonicalCode() to find its page. Never throws.
 */
export function parseCode(text: string, options?: NameResolver | ParseCodeOptions): number | null {
  if (typeof text !== 'string') return null;
  const opts = normaliseOptions(options);
  let t = text.trim();
  if (t.length === 0 || t.length > (opts.inText ? 4000 : 96)) return null;
  if (opts.inText && t.length > 96) return lastHexIn(t);
  t = unquote(t);
  if (t.length === 0) return null;

  // Each form is tried only where its first character (or length) allows it: most tokens a paste
  // offers are words, which only the name form can read.
  const c0 = t.charCodeAt(0);
  const numeric = (c0 >= 48 && c0 <= 57) || c0 === 43 || c0 === 45;
  const hx = c0 === 48 ? RE_HEX_0X.exec(t) : null;
  if (hx) return parseInt(hx[1] as string, 16) >>> 0;
  if (!opts.inText && t.length === 8 && RE_HEX_BARE8.test(t)) return parseInt(t, 16) >>> 0;

  if (numeric && RE_DECIMAL.test(t)) {
    if (!opts.allowStatusLike && !opts.inText && isStatusLike(t)) return null;
    return decimalValue(t);
  }
  if (opts.inText) return lastHexIn(t);
  if (numeric && RE_GROUPED.test(t)) {
    const seps = t.replace(/^[+-]/, '').replace(/\d/g, '');
    if (new Set(seps).size !== 1) return null;
    return decimalValue(t.replace(/[^\d+-]/g, ''));
  }

  const wrap = c0 === 72 || c0 === 104 ? RE_FROM_WIN32.exec(t) : null;
  if (wrap) {
    const inner = parseCode(wrap[1] as string, { ...opts, allowStatusLike: true });
    if (inner === null) return null;
    return hresultFromWin32(inner);
  }

  if (opts.resolveName && ((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) || c0 === 95) && RE_NAME.test(t)) {
    let v: number | null | undefined;
    try {
      v = opts.resolveName(t);
    } catch {
      return null;
    }
    return isCodeValue(v) ? v >>> 0 : null;
  }
  return null;
}

/** A hex code in free text ("... timed out (0x80072ee2)"): the last one wins. */
const RE_HEX_ANYWHERE = /0x([0-9a-f]{1,8})(?![0-9a-z])/gi;

function lastHexIn(t: string): number | null {
  let last: string | undefined;
  RE_HEX_ANYWHERE.lastIndex = 0;
  for (let m = RE_HEX_ANYWHERE.exec(t); m; m = RE_HEX_ANYWHERE.exec(t)) last = m[1];
  return last === undefined ? null : parseInt(last, 16) >>> 0;
}

// --- HTTP statuses ---------------------------------------------------------------------------

const RE_STATUS = /^([45]\d\d)(?:\.(0|[1-9]\d{0,2}))?$/;

/** `502.3` -> { status: 502, sub: 3 }; `502` -> { status: 502 }. 4xx/5xx only; null otherwise. */
export function parseStatus(text: string): ParsedStatus | null {
  if (typeof text !== 'string') return null;
  const t = text.trim();
  if (t.length > 7) return null;
  const m = RE_STATUS.exec(t);
  if (!m) return null;
  const out: ParsedStatus = { status: Number(m[1]) };
  if (m[2] !== undefined) out.sub = Number(m[2]);
  return out;
}

/** { status: 502, sub: 3 } -> `502.3`. */
export function formatStatus(s: ParsedStatus): string {
  return s.sub === undefined ? String(s.status) : `${s.status}.${s.sub}`;
}

/** `502.3` -> `502-3`, `502` -> `502`. Text that is not a status is slugged defensively. */
export function statusSlug(text: string): string {
  const p = parseStatus(text);
  if (p) return p.sub === undefined ? String(p.status) : `${p.status}-${p.sub}`;
  return String(text)
    .trim()
    .toLowerCase()
    .replace(/[^0-9a-z]+/g, '-')
    .replace(/^-|-$/g, '');
}
