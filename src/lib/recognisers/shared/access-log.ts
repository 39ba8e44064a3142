/**
 * Access-log lines in the common/combined layout that nginx and Apache share:
 *
 *   203.0.113.7 - - [12/Mar/2025:10:15:32 +0000] "GET /api/orders HTTP/1.1" 502 157 "-" "curl/8.5.0"
 *
 * plus whatever a log format appends (ingress-nginx adds request length/time, the upstream name
 * in brackets, upstream address/length/time/status and a request id). Used by the nginx and the
 * apache recogniser; `accessLogOwner` decides which of the two reports such lines in a paste.
 */
import type { Token } from './proxy-lines.ts';
import { clfTimestamp, tokenize } from './proxy-lines.ts';

/** A field of a parsed line: value and its offsets in the line text. */
export interface Field<T = string> {
  value: T;
  start: number;
  end: number;
}

export interface AccessLine {
  /** Offset where the entry starts in the line (the client address, or the timestamp bracket). */
  start: number;
  end: number;
  client?: Field;
  /** ISO-8601 text. */
  timestamp: Field;
  request: Field;
  status: Field<number>;
  bytes: Field;
  /** Everything after the byte count: referer, user agent, format extras. */
  extras: Token[];
}

const CLF_TIME = /\[(\d{2}\/[A-Za-z]{3}\/\d{4}:\d{2}:\d{2}:\d{2}(?: [+-]\d{4})?)\] "/g;
const STATUS_BYTES = / (\d{3}) (\d{1,15}|-)(?=\s|$)/y;

/** Read one token backwards ending at `end` (exclusive); returns its start or -1. */
function tokenBack(text: string, end: number): number {
  let i = end;
  while (i > 0 && text.charCodeAt(i - 1) !== 32) i--;
  return i < end ? i : -1;
}

/** Every combined-format entry in `text` (a line; several entries when newlines were lost). */
export function parseAccessLines(text: string): AccessLine[] {
  const out: AccessLine[] = [];
  if (!text.includes('] "')) return out;
  const matches: RegExpExecArray[] = [];
  CLF_TIME.lastIndex = 0;
  for (let m = CLF_TIME.exec(text); m; m = CLF_TIME.exec(text)) matches.push(m);
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k] as RegExpExecArray;
    const limit = k + 1 < matches.length ? (matches[k + 1] as RegExpExecArray).index : text.length;
    const parsed = parseAt(text, m, limit);
    if (parsed) out.push(parsed);
  }
  return out;
}

function parseAt(text: string, m: RegExpExecArray, limit: number): AccessLine | undefined {
  const iso = clfTimestamp(m[1] as string);
  if (!iso) return undefined;
  // host ident user [time]: walk three tokens back from the bracket.
  let start = m.index;
  let client: Field | undefined;
  if (m.index >= 2 && text.charCodeAt(m.index - 1) === 32) {
    const userStart = tokenBack(text, m.index - 1);
    const identStart = userStart > 1 ? tokenBack(text, userStart - 1) : -1;
    const hostStart = identStart > 1 ? tokenBack(text, identStart - 1) : -1;
    if (hostStart >= 0) {
      const hostEnd = identStart - 1;
      client = { value: text.slice(hostStart, hostEnd), start: hostStart, end: hostEnd };
      start = hostStart;
    }
  }
  // The request line, up to the closing quote (backslash escapes skipped).
  const reqStart = m.index + m[0].length;
  let j = reqStart;
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (c === 92) j += 2;
    else if (c === 34) break;
    else j++;
  }
  if (j >= limit) return undefined;
  STATUS_BYTES.lastIndex = j + 1;
  const sb = STATUS_BYTES.exec(text);
  if (!sb || sb.index + sb[0].length > limit) return undefined;
  const statusStart = j + 2;
  const bytesStart = statusStart + (sb[1] as string).length + 1;
  const after = sb.index + sb[0].length;
  const extras = tokenize(text.slice(0, limit), after, 40, true);
  return {
    start,
    end: limit,
    client,
    timestamp: { value: iso, start: m.index + 1, end: m.index + 1 + (m[1] as string).length },
    request: { value: text.slice(reqStart, j), start: reqStart, end: j },
    status: { value: Number(sb[1]), start: statusStart, end: statusStart + 3 },
    bytes: { value: sb[2] as string, start: bytesStart, end: bytesStart + (sb[2] as string).length },
    extras,
  };
}

/** The ingress-nginx default `log-format-upstream` extras, when the line carries them. */
export interface IngressFields {
  requestTime: Token;
  upstreamName: Token;
  upstreamAddr?: Token;
  upstreamResponseTime?: Token;
  upstreamStatus?: Token;
}

/**
 * `"referer" "ua" reqlen reqtime [name] [alt] addr len time status reqid`: recognise the
 * ingress-nginx layout by its two bracketed upstream names after two numbers.
 */
export function ingressFields(extras: Token[]): IngressFields | undefined {
  // Skip the referer and user agent (quoted).
  let i = 0;
  while (i < extras.length && i < 2 && (extras[i] as Token).quoted) i++;
  const reqLen = extras[i];
  const reqTime = extras[i + 1];
  const name = extras[i + 2];
  const alt = extras[i + 3];
  if (!reqLen || !reqTime || !name || !alt) return undefined;
  if (!/^\d+$/.test(reqLen.value) || !/^\d+(?:\.\d+)?$/.test(reqTime.value)) return undefined;
  if (!name.bracketed || !alt.bracketed) return undefined;
  return {
    requestTime: reqTime,
    upstreamName: name,
    upstreamAddr: extras[i + 4],
    upstreamResponseTime: extras[i + 6],
    upstreamStatus: extras[i + 7],
  };
}

const KV_NAMES: Record<string, 'requestTime' | 'upstreamStatus' | 'upstreamAddr' | 'upstreamResponseTime'> = {
  rt: 'requestTime',
  request_time: 'requestTime',
  us: 'upstreamStatus',
  upstream_status: 'upstreamStatus',
  ua: 'upstreamAddr',
  upstream_addr: 'upstreamAddr',
  upstream: 'upstreamAddr',
  urt: 'upstreamResponseTime',
  upstream_response_time: 'upstreamResponseTime',
};

/** `key=value` extras from custom formats (`rt=60.001 urt="60.001" us="504"`). */
export function keyValueExtras(
  extras: Token[],
): Partial<Record<'requestTime' | 'upstreamStatus' | 'upstreamAddr' | 'upstreamResponseTime', Token>> {
  const out: Partial<Record<'requestTime' | 'upstreamStatus' | 'upstreamAddr' | 'upstreamResponseTime', Token>> = {};
  for (let k = 0; k < extras.length; k++) {
    const t = extras[k] as Token;
    if (t.quoted || t.bracketed) continue;
    const eq = t.value.indexOf('=');
    if (eq <= 0) continue;
    const key = KV_NAMES[t.value.slice(0, eq).toLowerCase()];
    if (!key) continue;
    let value = t.value.slice(eq + 1);
    let start = t.start + eq + 1;
    const next = extras[k + 1];
    if (value === '' && next && next.quoted && next.start === start + 1) {
      // key="value": the tokenizer split the quoted part off.
      out[key] = next;
      continue;
    }
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
      value = value.slice(1, -1);
      start += 1;
    }
    out[key] = { value, start, end: start + value.length, quoted: false, bracketed: false };
  }
  return out;
}

/** Traefik's CLF appends `<count> "<router>" "<server URL>" <n>ms`: not ours. */
export function looksLikeTraefik(extras: Token[]): boolean {
  const last = extras[extras.length - 1];
  const url = extras[extras.length - 2];
  return !!last && !!url && /^\d+ms$/.test(last.value) && url.quoted && /^https?:\/\//.test(url.value);
}

/** A timer or counter of HAProxy's common log format. */
const CLF_INT = /^[+-]?\d{1,12}$/;

/**
 * HAProxy's `option httplog clf` appends, after the referer and user agent (both empty), the
 * client port, the accept milliseconds, frontend, backend and server, five timers, the
 * four-character termination state and the connection counts: not an nginx or Apache line.
 */
export function looksLikeHaproxyClf(extras: Token[]): boolean {
  for (let i = 5; i + 5 < extras.length; i++) {
    const t = extras[i] as Token;
    if (t.quoted || !/^[A-Za-z-]{4}$/.test(t.value)) continue;
    const before = extras.slice(i - 5, i);
    const after = extras.slice(i + 1, i + 6);
    if (before.every((x) => !x.quoted && CLF_INT.test(x.value)) && after.every((x) => !x.quoted && CLF_INT.test(x.value))) return true;
  }
  return false;
}

const NGINX_MARK = /nginx|openresty|\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[(?:emerg|alert|crit|error|warn|notice|info|debug)\]/i;
const APACHE_MARK = /\bAH\d{5}\b|apache|httpd|\[proxy(?:_[a-z]+)?:[a-z]+\]|mod_proxy/i;

/**
 * Which recogniser reports plain combined-format lines in this paste. The layout is the same
 * for both servers; Apache takes them only when the paste mentions Apache and not nginx.
 */
export function accessLogOwner(input: string): 'nginx' | 'apache' {
  return APACHE_MARK.test(input) && !NGINX_MARK.test(input) ? 'apache' : 'nginx';
}
