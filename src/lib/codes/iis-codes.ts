/**
 * Codes the IIS-side recognisers (freb, iis-log) give a meaning of their own. Reading a code
 * from IIS text is parseCode(text, IIS_TEXT) in forms.ts, the one code reader:
 *   - IIS log `sc-win32-status`: Win32 code (12002) or the unsigned HRESULT (2147954402);
 *     some tools print it signed (-2147012894);
 *   - FREB `ErrorCode`: decimal, hex (`0x80072ee2`), or rendered text
 *     ("The operation timed out\r\n (0x80072ee2)");
 *   - error pages: "Error Code 0x8007000d".
 */
import type { ParseCodeOptions } from './forms.ts';

/** parseCode options for a code as IIS writes it in a field or in rendered text. */
export const IIS_TEXT: ParseCodeOptions = { inText: true };

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
