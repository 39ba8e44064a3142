/**
 * Small value normalisers shared by fact tests, rules and ranking. Pure and total: every function
 * returns `undefined` for input it cannot read instead of throwing.
 */

import { parseCode, win32Of } from '../codes/forms.ts';

/**
 * Read an error code written as a number, decimal text ("12002", "-2147012894") or hex text
 * ("0x80072EE2") and return its unsigned 32-bit value. Text goes through parseCode, the one
 * code reader (codes/forms.ts), with digits always read as decimal.
 */
export function codeValue(v: unknown): number | undefined {
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < -2147483648 || v > 4294967295) return undefined;
    return v >>> 0;
  }
  if (typeof v !== 'string') return undefined;
  return parseCode(v, { inText: true }) ?? undefined;
}

/**
 * The key two codes are compared by: an HRESULT built from a Win32 code (facility 7,
 * 0x8007xxxx) compares equal to the bare Win32 code, so 12002 and 0x80072EE2 are one code.
 */
export function codeKey(v: unknown): number | undefined {
  const u = codeValue(v);
  if (u === undefined) return undefined;
  return win32Of(u) ?? u;
}

/** "0x80072EE2": upper-case, eight digits. */
export function hex8(u: number): string {
  return '0x' + (u >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

/** Status text "502.3" -> { status: 502, sub: 3 }; "502" -> { status: 502 }. */
export function parseStatus(v: unknown): { status: number; sub?: number } | undefined {
  const t = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  const m = /^([1-5]\d\d)(?:\.(\d{1,3}))?$/.exec(t);
  if (!m) return undefined;
  const status = Number(m[1]);
  return m[2] === undefined ? { status } : { status, sub: Number(m[2]) };
}

/**
 * An IIS timeSpan ("00:02:00", "360:00:00", "1.00:00:00") or a plain number of seconds, in
 * milliseconds.
 */
export function timeSpanMs(v: string): number | undefined {
  const t = v.trim();
  if (/^\d{1,7}$/.test(t)) return Number(t) * 1000;
  const m = /^(?:(\d{1,4})\.)?(\d{1,4}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,7}))?$/.exec(t);
  if (!m) return undefined;
  const days = Number(m[1] ?? 0);
  const ms = m[5] === undefined ? 0 : Math.round(Number('0.' + m[5]) * 1000);
  return (((days * 24 + Number(m[2])) * 60 + Number(m[3])) * 60 + Number(m[4])) * 1000 + ms;
}

/** Split a `setting` fact value "name=value" (name compared case-insensitively). */
export function splitSetting(v: unknown): { name: string; value: string } | undefined {
  if (typeof v !== 'string') return undefined;
  const i = v.indexOf('=');
  if (i <= 0) return undefined;
  return { name: v.slice(0, i).trim().toLowerCase(), value: v.slice(i + 1).trim() };
}

/** "System.IO.FileNotFoundException" -> "filenotfoundexception" (the short type name, lower case). */
export function exceptionShortName(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  if (!t) return undefined;
  const dot = t.lastIndexOf('.');
  return (dot >= 0 ? t.slice(dot + 1) : t).toLowerCase();
}

/** A duration for people: 120016 -> "120.0 s", 950 -> "950 ms". */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}
