/**
 * Reading error codes as IIS writes them, shared by the IIS-side recognisers (freb, iis-log,
 * error-page, web-config). IIS shows one code in several forms:
 *   - IIS log `sc-win32-status`: Win32 code (12002) or the unsigned HRESULT (2147954402);
 *     some tools print it signed (-2147012894);
 *   - FREB `ErrorCode`: decimal, hex (`0x80072ee2`), or rendered text
 *     ("The operation timed out\r\n (0x80072ee2)");
 *   - error pages: "Error Code 0x8007000d".
 * Every function here is total: unreadable input gives `undefined`, never an exception.
 */

const DEC = /^[+-]?\d{1,10}$/;
const HEX = /^0x([0-9a-f]{1,8})$/i;
/** A hex code in parentheses or free text: the last one wins (FormatMessage text comes first). */
const HEX_ANYWHERE = /0x([0-9a-f]{1,8})(?![0-9a-z])/gi;

/** Unsigned 32-bit value of a decimal (signed or unsigned) number, or undefined when out of range. */
export function unsigned32(n: number): number | undefined {
  if (!Number.isInteger(n) || n < -2147483648 || n > 4294967295) return undefined;
  return n >>> 0;
}

/**
 * Read one code written as decimal ("12002", "2147954402", "-2147012894"), hex ("0x80072EE2"),
 * or text that carries a hex code ("The operation timed out (0x80072ee2)"). Returns the unsigned
 * 32-bit value.
 */
export function parseCode(text: string): number | undefined {
  const t = text.trim();
  if (t === '' || t.length > 4000) return undefined;
  if (DEC.test(t)) return unsigned32(Number(t));
  const h = HEX.exec(t);
  if (h) return Number.parseInt(h[1] as string, 16) >>> 0;
  let last: string | undefined;
  HEX_ANYWHERE.lastIndex = 0;
  for (let m = HEX_ANYWHERE.exec(t); m; m = HEX_ANYWHERE.exec(t)) last = m[1];
  return last === undefined ? undefined : Number.parseInt(last, 16) >>> 0;
}

/**
 * The Win32 code behind a value: 0x8007xxxx (HRESULT_FROM_WIN32) gives xxxx, a small number
 * is already a Win32 code, anything else has none.
 */
export function win32Of(code: number): number | undefined {
  const u = code >>> 0;
  if ((u & 0xffff0000) >>> 0 === 0x80070000) return u & 0xffff;
  if (u < 0x10000) return u;
  return undefined;
}

/** "0x80072ee2" form (lower case, eight digits), as IIS prints codes on its pages. */
export function hexCode(code: number): string {
  return '0x' + (code >>> 0).toString(16).padStart(8, '0');
}

/** Win32 codes that mean the client or an intermediary went away (not the app). */
export const CLIENT_GONE_WIN32: ReadonlySet<number> = new Set([64, 1229, 1236, 10053, 10054]);

/** WinHTTP codes ANCM reports on 502.3, by Win32 code, with the signal suffix used for each. */
export const WINHTTP_502_3: ReadonlyMap<number, string> = new Map([
  [12002, 'timeout'],
  [12029, 'cannot-connect'],
  [12030, 'connection-error'],
  [12152, 'invalid-response'],
  [87, 'invalid-parameter'],
  [64, 'connection-aborted'],
  [1236, 'connection-aborted'],
]);
