/**
 * Traefik's own log lines about a request it could not forward. Its proxy's error handler maps the
 * Go error to a status (io.EOF -> 502, context.Canceled -> 499 "Client Closed Request", a network
 * timeout -> 504, any other network error -> 502, else 500) and logs `<code> <text>` with the
 * error (traefik/traefik: pkg/proxy/httputil/proxy.go; v2: pkg/server/service/proxy.go):
 *
 *   v2 (logrus, text):  time="…" level=debug msg="'502 Bad Gateway' caused by: dial tcp 10.0.0.5:8080: connect: connection refused"
 *   v3 (zerolog, console): … DBG …/proxy.go:113 > 502 Bad Gateway error="dial tcp 10.0.0.5:8080: connect: connection refused"
 *   v3 (zerolog, JSON): {"level":"debug","error":"dial tcp …: connect: connection refused","time":"…","message":"502 Bad Gateway"}
 *   v1 (oxy forwarder): level=warning msg="Error forwarding to http://10.0.0.5:8080, err: dial tcp …: getsockopt: connection refused"
 */
import { jsonString } from '../shared/json-fields.ts';

export interface ErrorEntry {
  /** The status Traefik answered with (undefined for the v1 line, which does not say). */
  status?: { value: string; start: number; end: number };
  /** The Go error text and its offsets in the line. */
  error: { value: string; start: number; end: number };
  /** `time="…"` of a logrus line. */
  time?: { value: string; start: number; end: number };
  /** The backend URL of a v1 `Error forwarding to <url>` line. */
  backend?: { value: string; start: number; end: number };
}

const STATUS_TEXT = '(Bad Gateway|Gateway Timeout|Client Closed Request|Internal Server Error|Service Unavailable)';
const V2 = /'(\d{3}) ([A-Z][A-Za-z ]{0,40})' caused by: /;
const V3_CONSOLE = new RegExp(`\\b(\\d{3}) ${STATUS_TEXT}\\s{1,8}error="`);
const V3_JSON_MESSAGE = new RegExp(`"message":\\s?"(\\d{3}) ${STATUS_TEXT}"`);
const V1 = /Error forwarding to ([^\s,]{1,2000}), err: /;
const LOGRUS_TIME = /\btime="([^"]{1,64})"/;

/** Offset of the first unescaped `"` at or after `from`, or the line end. */
function closingQuote(text: string, from: number): number {
  let j = from;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 92) j += 2;
    else if (c === 34) return j;
    else j++;
  }
  return text.length;
}

function errorFrom(text: string, from: number): ErrorEntry['error'] | undefined {
  const end = closingQuote(text, from);
  let e = end;
  while (e > from && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  if (e <= from) return undefined;
  return { value: text.slice(from, e), start: from, end: e };
}

function logrusTime(text: string): ErrorEntry['time'] {
  if (!text.includes('time="')) return undefined;
  const m = LOGRUS_TIME.exec(text);
  if (!m) return undefined;
  const at = m.index + 6;
  return { value: m[1] as string, start: at, end: at + (m[1] as string).length };
}

/** The Traefik error entry on this line, if there is one. */
export function readErrorLine(text: string): ErrorEntry | undefined {
  if (text.includes(' caused by: ')) {
    const m = V2.exec(text);
    if (m) {
      const error = errorFrom(text, m.index + m[0].length);
      if (error) {
        const at = m.index + 1;
        return { status: { value: m[1] as string, start: at, end: at + 3 }, error, time: logrusTime(text) };
      }
    }
  }
  if (text.includes('error="')) {
    const m = V3_CONSOLE.exec(text);
    if (m) {
      const error = errorFrom(text, m.index + m[0].length);
      if (error) return { status: { value: m[1] as string, start: m.index, end: m.index + 3 }, error };
    }
  }
  if (text.includes('"message":') && text.includes('"error":')) {
    const m = V3_JSON_MESSAGE.exec(text);
    const error = m ? jsonString(text, 'error') : undefined;
    if (m && error && error.value) {
      const sAt = m.index + m[0].indexOf('"', 10) + 1;
      return { status: { value: m[1] as string, start: sAt, end: sAt + 3 }, error };
    }
  }
  if (text.includes('Error forwarding to ')) {
    const m = V1.exec(text);
    if (m) {
      const error = errorFrom(text, m.index + m[0].length);
      if (error) {
        const at = m.index + 20;
        return { error, time: logrusTime(text), backend: { value: m[1] as string, start: at, end: at + (m[1] as string).length } };
      }
    }
  }
  return undefined;
}
