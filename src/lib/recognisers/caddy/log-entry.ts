/**
 * Caddy's log entries about proxied requests.
 *
 * v2 logs with zap, as JSON (the default when not on a terminal) or in console layout:
 *   {"level":"error","ts":1733480000.5,"logger":"http.log.error","msg":"dial tcp 127.0.0.1:5000: connect: connection refused","request":{…,"method":"GET","uri":"/api/orders"},"duration":0.0012,"status":502,"err_id":"…","err_trace":"reverseproxy.statusError (reverseproxy.go:1269)"}
 *   2024/12/06 10:00:00.123	ERROR	http.log.error	dial tcp 127.0.0.1:5000: connect: connection refused	{"request": {…}, "duration": 0.0012, "status": 502, …}
 * Loggers: `http.log.error` (msg = the error, status = what the client got), `http.handlers.reverse_proxy`
 * (the error in `error`), `http.log.access…` (msg `handled request`, status, duration in seconds).
 * reverse_proxy answers 502 for a failed round trip, 504 when it was a timeout and 499 when the
 * client canceled (caddyserver/caddy: modules/caddyhttp/reverseproxy/reverseproxy.go, statusError).
 *
 * v1 wrote an error log line per failed request:
 *   06/Dec/2024:10:00:00 +0000 [ERROR 502 /api/orders] dial tcp 127.0.0.1:5000: connect: connection refused
 */
import { jsonNumberText, jsonString } from '../shared/json-fields.ts';

export interface Field<T = string> {
  value: T;
  start: number;
  end: number;
}

export interface CaddyEntry {
  logger?: Field;
  /** The error text (msg of http.log.error and v1, `error` of reverse_proxy), if the entry has one. */
  error?: Field;
  status?: Field<number>;
  /** Milliseconds, from `duration` in seconds. */
  duration?: Field<number>;
  uri?: Field;
  access: boolean;
}

const JSON_LOGGER = /"logger":\s?"(http\.(?:log\.error|log\.access|handlers\.reverse_proxy)[\w.-]{0,80})"/;
const CONSOLE_LOGGER = /\b(?:DEBUG|INFO|WARN|ERROR)\s{1,8}(http\.(?:log\.error|log\.access|handlers\.reverse_proxy)[\w.-]{0,80})\s{1,8}/;
const V1 = /\[ERROR (\d{3}) ([^\]\s]{1,2000})\] /;

function field(m: RegExpExecArray | null, k = 1): Field | undefined {
  if (!m) return undefined;
  const v = m[k] as string;
  const at = m.index + m[0].lastIndexOf(v);
  return { value: v, start: at, end: at + v.length };
}

function fields(text: string, from: number, entry: CaddyEntry): void {
  const s = jsonNumberText(text, 'status', from);
  if (s && /^\d{3}$/.test(s.value)) entry.status = { value: Number(s.value), start: s.start, end: s.end };
  const d = jsonNumberText(text, 'duration', from);
  if (d && Number(d.value) >= 0) entry.duration = { value: Math.round(Number(d.value) * 1000), start: d.start, end: d.end };
  entry.uri = jsonString(text, 'uri', from);
}

/** A non-empty string field. */
function nonEmpty(f: Field | undefined): Field | undefined {
  return f && f.value.length > 0 ? f : undefined;
}

/** The Caddy entry on this line, if there is one. */
export function readEntry(text: string): CaddyEntry | undefined {
  if (text.includes('"logger":')) {
    const lg = field(JSON_LOGGER.exec(text));
    if (!lg) return undefined;
    const access = lg.value.startsWith('http.log.access');
    const entry: CaddyEntry = { logger: lg, access };
    if (lg.value.startsWith('http.log.error')) entry.error = nonEmpty(jsonString(text, 'msg'));
    else if (!access) entry.error = nonEmpty(jsonString(text, 'error'));
    fields(text, 0, entry);
    return entry;
  }
  if (text.includes('http.')) {
    const m = CONSOLE_LOGGER.exec(text);
    if (m) {
      const lg = { value: m[1] as string, start: m.index + m[0].indexOf(m[1] as string), end: 0 };
      lg.end = lg.start + lg.value.length;
      const access = lg.value.startsWith('http.log.access');
      const entry: CaddyEntry = { logger: lg, access };
      const msgStart = m.index + m[0].length;
      // The message runs up to the context object (`\t{` or `  {"`), else to the line end.
      let msgEnd = text.indexOf('\t{', msgStart);
      if (msgEnd < 0) msgEnd = text.indexOf(' {"', msgStart);
      if (msgEnd < 0) msgEnd = text.length;
      let e = msgEnd;
      while (e > msgStart && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
      if (lg.value.startsWith('http.log.error') && e > msgStart) entry.error = { value: text.slice(msgStart, e), start: msgStart, end: e };
      else if (!access) entry.error = nonEmpty(jsonString(text, 'error', msgEnd));
      fields(text, msgEnd, entry);
      return entry;
    }
  }
  if (text.includes('[ERROR ')) {
    const m = V1.exec(text);
    if (m) {
      const statusAt = m.index + 7;
      const uriAt = statusAt + 4;
      const errAt = m.index + m[0].length;
      let e = text.length;
      while (e > errAt && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
      return {
        status: { value: Number(m[1]), start: statusAt, end: statusAt + 3 },
        uri: { value: m[2] as string, start: uriAt, end: uriAt + (m[2] as string).length },
        error: e > errAt ? { value: text.slice(errAt, e), start: errAt, end: e } : undefined,
        access: false,
      };
    }
  }
  return undefined;
}
