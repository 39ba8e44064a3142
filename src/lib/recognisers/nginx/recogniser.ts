/**
 * nginx (and Kubernetes ingress-nginx, which is nginx): error-log entries about upstream
 * failures, access-log lines with 5xx, and nginx's built-in 502/503/504 page.
 *
 * Error-log anatomy (src/core/ngx_log.c, src/http/ngx_http_request.c):
 *   YYYY/MM/DD HH:MM:SS [level] PID#TID: *CID <message>[ (errno: text)] while <action>,
 *   client: <ip>, server: <name>, request: "<line>", upstream: "<url>", host: "<host>"
 * Entries are found anywhere in a line (journald/kubectl/docker prefixes), several per line when
 * newlines were lost, and across wrapped lines.
 */
import type { Fact, LineIndex, Recogniser, Span } from '../../engine/types.ts';
import type { LogRecord } from '../shared/proxy-lines.ts';
import {
  fact,
  isBlank,
  isErrorStatus,
  lineAt,
  linesHolding,
  looksLikeNewEntry,
  makeRecord,
  recordSpan,
  requestTarget,
  secondsToMs,
  squeeze,
  unsqueeze,
} from '../shared/proxy-lines.ts';
import type { AccessLine } from '../shared/access-log.ts';
import { accessLogOwner, ingressFields, keyValueExtras, looksLikeHaproxyClf, looksLikeTraefik, parseAccessLines } from '../shared/access-log.ts';
import { classifyNginx } from './messages.ts';

const KIND = 'nginx' as const;

const HEADER =
  /(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2}) \[(emerg|alert|crit|error|warn|notice|info|debug)\] (?:\d{1,10}#\d{1,10}: )?(?:\*\d{1,20} )?/g;
const HAS_HEADER =
  /\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} \[(?:emerg|alert|crit|error|warn|notice|info|debug)\]/;
const CLF_BRACKET = /\[\d{2}\/[A-Za-z]{3}\/\d{4}:\d{2}:\d{2}:\d{2}/;
const CONTINUES_FIELDS = /^\s*(?:,|client:|server:|request:|subrequest:|upstream:|host:|referrer:|while )/;
/** Where the message ends: the first context field (normally `, client: `). */
const FIELDS_START = /,\s*(?:client|server|request|upstream|host):\s/;

const FIELD_CLIENT = /,\s*client:\s*([^,\s]{1,200})/;
const FIELD_SERVER = /,\s*server:\s*([^,"]{0,300})/;
// Quoted fields may be JSON-escaped (\") when the entry sits inside a JSON log line.
const FIELD_REQUEST = /,\s*request:\s*\\?"([^"\\]{0,8000})\\?"/;
const FIELD_UPSTREAM = /,\s*upstream:\s*\\?"([^"\\]{1,4000})\\?"/;
const FIELD_HOST = /,\s*host:\s*\\?"([^"\\]{0,1000})\\?"/;

const MAX_JOINED_LINES = 6;
const MAX_RECORD = 16384;

interface Ctx {
  input: string;
  lines: LineIndex;
  facts: Fact[];
  servers: Set<string>;
}

function server(ctx: Ctx, value: string, span: Span): void {
  if (ctx.servers.has(value)) return;
  ctx.servers.add(value);
  ctx.facts.push(fact(KIND, 'server', value, span));
}

/** Does line text (lower case) read like a bare nginx upstream message without its header? */
function headerlessAnchor(text: string): boolean {
  // 'pstream': a title may write "Upstream prematurely closed connection".
  if (!text.includes('pstream') && !text.includes('connect()')) return false;
  const t = text.toLowerCase();
  return (
    t.includes('while connecting to upstream') ||
    t.includes('while reading response header from upstream') ||
    t.includes('while sending request to upstream') ||
    t.includes('while ssl handshaking to upstream') ||
    t.includes('upstream ssl certificate') ||
    t.includes('upstream server temporarily disabled') ||
    t.includes('while reading upstream') ||
    t.includes('no live upstreams') ||
    t.includes('upstream timed out') ||
    t.includes('upstream prematurely closed') ||
    t.includes('upstream sent too big') ||
    t.includes('upstream sent no valid') ||
    t.includes('upstream sent invalid') ||
    t.includes('upstream sent too large http2') ||
    t.includes('upstream rejected request with error')
  );
}

/**
 * Extend a record that ends at line `last` with wrapped continuation lines. Returns the new
 * last line. Only entries that are about an upstream and do not yet end in a closing quote
 * (nginx ends them with `host: "…"` or `referrer: "…"`) are extended.
 */
function continuation(ctx: Ctx, slices: Span[], last: number, firstText: string): number {
  const total = ctx.lines.starts.length;
  let text = firstText;
  let joined = 0;
  const lower = text.toLowerCase();
  const upstreamish =
    lower.includes('upstream') || lower.includes('connect()') || lower.includes('ssl') || lower.includes('client:');
  if (!upstreamish) return last;
  while (last < total && joined < MAX_JOINED_LINES && text.length < MAX_RECORD) {
    const next = lineAt(ctx.input, ctx.lines, last + 1);
    if (isBlank(next.text) || HAS_HEADER.test(next.text) || CLF_BRACKET.test(next.text)) break;
    if (looksLikeNewEntry(next.text) || next.text.length > MAX_RECORD) break;
    const complete = text.trimEnd().endsWith('"');
    if (complete && !CONTINUES_FIELDS.test(next.text)) break;
    slices.push(next.span);
    text += next.text;
    last++;
    joined++;
  }
  return last;
}

function nginxTimestamp(m: RegExpExecArray): string {
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
}

function analyseError(ctx: Ctx, rec: LogRecord, header: RegExpExecArray | undefined): void {
  const text = rec.text;
  const msgStart = header ? header[0].length : 0;
  const clientAt = text.slice(msgStart).search(FIELDS_START);
  const msgEnd = clientAt < 0 ? text.length : msgStart + clientAt;
  const message = text.slice(msgStart, msgEnd);
  const sq = squeeze(message);
  const found = classifyNginx(sq.s);
  if (found?.signal === 'nginx.no-live-upstreams') {
    const group = upstreamGroup(text.slice(msgEnd));
    if (group) found.signal = group === 'host' ? 'nginx.no-live-upstreams-host' : 'nginx.no-live-upstreams-group';
  }
  const { facts } = ctx;
  if (!found) {
    facts.push(fact(KIND, 'placed', 'nginx error log entry', recordSpan(rec, 0, text.length)));
    return;
  }
  if (header) {
    facts.push(fact(KIND, 'timestamp', nginxTimestamp(header), recordSpan(rec, 0, 19)));
  }
  // The signal's evidence is the message itself, trimmed of the trailing comma/whitespace.
  const [a, b] = unsqueeze(sq, 0, sq.s.length);
  facts.push(fact(KIND, 'signal', found.signal, recordSpan(rec, msgStart + a, msgStart + b)));
  server(ctx, 'nginx', recordSpan(rec, msgStart + a, msgStart + b));
  // A wrapped entry: its continuation lines are nginx's too.
  if (rec.lastLine > rec.firstLine) facts.push(fact(KIND, 'placed', 'nginx error log entry', recordSpan(rec, 0, text.length)));
  if (found.errno && found.errno.number >= 10000) {
    const at = sq.s.indexOf(`(${found.errno.number}:`);
    if (at >= 0) {
      const [x, y] = unsqueeze(sq, at + 1, String(found.errno.number).length);
      facts.push(fact(KIND, 'code', found.errno.number, recordSpan(rec, msgStart + x, msgStart + y)));
    }
  }
  fields(ctx, rec, msgEnd, found.signal);
}

function fields(ctx: Ctx, rec: LogRecord, from: number, signal?: string): void {
  const tail = rec.text.slice(from);
  const { facts } = ctx;
  const put = (re: RegExp, name: string, trim = false): RegExpExecArray | null => {
    const m = re.exec(tail);
    if (!m) return null;
    let v = m[1] as string;
    if (trim) v = v.trim();
    const at = from + m.index + m[0].lastIndexOf(m[1] as string);
    facts.push(fact(KIND, 'setting', `${name}=${v}`, recordSpan(rec, at, at + (m[1] as string).length)));
    return m;
  };
  put(FIELD_CLIENT, 'client');
  put(FIELD_SERVER, 'server_name', true);
  const req = FIELD_REQUEST.exec(tail);
  if (req) {
    const value = req[1] as string;
    const valueAt = from + req.index + req[0].lastIndexOf(value);
    const t = requestTarget(value);
    if (t) {
      facts.push(fact(KIND, 'url', t.target, recordSpan(rec, valueAt + t.offset, valueAt + t.offset + t.target.length)));
    }
  }
  const up = put(FIELD_UPSTREAM, 'upstream');
  put(FIELD_HOST, 'host');
  if (up && schemeMeetsProtocolFailure(signal)) {
    const v = up[1] as string;
    const at = from + up.index + up[0].lastIndexOf(v);
    const mismatch = schemePortMismatch(v);
    if (mismatch) facts.push(fact(KIND, 'signal', 'nginx.upstream-scheme-port-mismatch', recordSpan(rec, at, at + mismatch)));
  }
  // A FastCGI backend (PHP-FPM) that resets or closes mid-response: nginx does not keep FastCGI
  // connections open between requests unless fastcgi_keep_conn is on, so no idle connection was
  // reused; the worker that held the request went away (crashed, exited or was killed).
  if (up && (signal === 'nginx.upstream-reset' || signal === 'nginx.upstream-closed' || signal === 'nginx.upstream-closed-body') && /^fastcgi:\/\//i.test(up[1] as string)) {
    const v = up[1] as string;
    const at = from + up.index + up[0].lastIndexOf(v);
    facts.push(fact(KIND, 'signal', 'nginx.fastcgi-worker-gone', recordSpan(rec, at, at + 'fastcgi://'.length)));
  }
}

/**
 * Failures where the upstream accepted the connection and then broke off or answered nonsense:
 * what a plain-HTTP request to a TLS port (or a TLS handshake with a plain-HTTP port) produces.
 * Connect-phase failures and timeouts say nothing about the scheme.
 */
function schemeMeetsProtocolFailure(signal: string | undefined): boolean {
  return (
    signal === 'nginx.upstream-closed' ||
    signal === 'nginx.upstream-closed-body' ||
    signal === 'nginx.upstream-reset' ||
    signal === 'nginx.no-valid-http-header' ||
    signal === 'nginx.invalid-response' ||
    signal === 'nginx.invalid-chunked' ||
    signal === 'nginx.premature-response' ||
    signal === 'nginx.ssl-handshake-failed' ||
    signal === 'nginx.ssl-peer-closed'
  );
}

const UPSTREAM_HOST = /^[a-z][a-z0-9+.-]{0,15}:\/\/(\[[0-9a-fA-F:.]{2,45}\]|[^/:\s"\\]{1,253})/i;

/**
 * What the `upstream:` field of a `no live upstreams` entry names: a host nginx resolved itself
 * ('host': localhost, a dotted name or an address; the group was that host's addresses, as
 * localhost's 127.0.0.1 and ::1) or an `upstream {}` block ('group'); undefined without the field.
 */
function upstreamGroup(tail: string): 'host' | 'group' | undefined {
  const m = FIELD_UPSTREAM.exec(tail);
  const host = m ? UPSTREAM_HOST.exec(m[1] as string)?.[1] : undefined;
  if (!host) return undefined;
  return host.toLowerCase() === 'localhost' || host.includes('.') || host.startsWith('[') ? 'host' : 'group';
}

const UPSTREAM_URL = /^(https?|grpcs?):\/\/(?:\[[0-9a-fA-F:.]{2,45}\]|[^/:\s"\\]{1,253}):(\d{1,5})(?=[/?#]|$)/i;
const TLS_PORTS = new Set(['443', '8443', '5001', '7001']);
const PLAIN_PORTS = new Set(['80', '8080', '5000']);

/**
 * `http://10.0.0.9:443/` or `grpc://10.0.0.9:8443` (plain HTTP to a port that speaks TLS) or `https://app:80/` (TLS to a
 * plain port): the length of the scheme-and-authority part that shows it, else 0.
 */
export function schemePortMismatch(url: string): number {
  const m = UPSTREAM_URL.exec(url);
  if (!m) return 0;
  // grpc_pass writes grpc:// (plain HTTP/2) and grpcs:// (HTTP/2 over TLS) where proxy_pass writes
  // http:// and https://.
  const scheme = (m[1] as string).toLowerCase().replace('grpcs', 'https').replace('grpc', 'http');
  const port = m[2] as string;
  if ((scheme === 'http' && TLS_PORTS.has(port)) || (scheme === 'https' && PLAIN_PORTS.has(port))) return m[0].length;
  return 0;
}

function analyseAccess(ctx: Ctx, lineStart: number, e: AccessLine, owner: 'nginx' | 'apache'): void {
  const { facts } = ctx;
  const ingress = ingressFields(e.extras);
  if (!ingress && (owner !== 'nginx' || looksLikeTraefik(e.extras) || looksLikeHaproxyClf(e.extras))) return;
  const span = (a: number, b: number): Span => ({ start: lineStart + a, end: lineStart + b });
  if (ingress) server(ctx, 'kubernetes', span(ingress.upstreamName.start, ingress.upstreamName.end));
  const status = e.status.value;
  if (!isErrorStatus(status)) {
    facts.push(fact(KIND, 'placed', 'nginx access log line', span(e.start, e.end)));
    return;
  }
  server(ctx, 'nginx', span(e.start, e.end));
  facts.push(fact(KIND, 'status', String(status), span(e.status.start, e.status.end)));
  facts.push(fact(KIND, 'timestamp', e.timestamp.value, span(e.timestamp.start, e.timestamp.end)));
  const t = requestTarget(e.request.value);
  if (t) {
    const at = e.request.start + t.offset;
    facts.push(fact(KIND, 'url', t.target, span(at, at + t.target.length)));
  }
  const kv = keyValueExtras(e.extras);
  const reqTime = ingress?.requestTime ?? kv.requestTime;
  const upStatus = ingress?.upstreamStatus ?? kv.upstreamStatus;
  const upAddr = ingress?.upstreamAddr ?? kv.upstreamAddr;
  if (reqTime) {
    const ms = secondsToMs(reqTime.value);
    if (ms !== undefined) facts.push(fact(KIND, 'time-taken-ms', ms, span(reqTime.start, reqTime.end)));
  }
  if (ingress && ingress.upstreamName.value) {
    const u = ingress.upstreamName;
    facts.push(fact(KIND, 'setting', `proxy_upstream_name=${u.value}`, span(u.start, u.end)));
  }
  if (upAddr && upAddr.value && upAddr.value !== '-') {
    facts.push(fact(KIND, 'setting', `upstream=${upAddr.value}`, span(upAddr.start, upAddr.end)));
  }
  const tries = upStatus && upStatus.value && upStatus.value !== '-' ? upStatus.value.split(/\s*[,:]\s*/) : [];
  if (upStatus && tries.length > 0) {
    facts.push(fact(KIND, 'setting', `upstream_status=${upStatus.value}`, span(upStatus.start, upStatus.end)));
  }
  const statusSpan = span(e.status.start, e.status.end);
  if (status === 502) facts.push(fact(KIND, 'signal', 'nginx.access-502', statusSpan));
  if (status === 504) facts.push(fact(KIND, 'signal', 'nginx.access-504', statusSpan));
  if (status === 499) facts.push(fact(KIND, 'signal', 'nginx.access-499', statusSpan));
  if (tries.length >= 2 && tries.every((s) => s === '502' || s === '504') && upStatus) {
    facts.push(fact(KIND, 'signal', 'nginx.access-all-upstreams-failed', span(upStatus.start, upStatus.end)));
  }
}

const PAGE_STATUS = /(502) Bad Gateway|(504) Gateway Time-out|(503) Service Temporarily Unavailable/g;
const PAGE_SIGNAL: Readonly<Record<string, string>> = {
  '502': 'nginx.error-page-502',
  '503': 'nginx.error-page-503',
  '504': 'nginx.error-page-504',
};
const PAGE_SERVER =
  /(?:^|[\n>]|Server:)[ \t]*((?:nginx|openresty)(?:\/\d{1,3}(?:\.\d{1,3}){0,3})?(?: \([^)<\r\n]{1,40}\))?)[ \t]*(?=[\r\n<]|$)/i;

/** nginx's built-in error page (raw HTML, rendered text, or curl -i headers). */
function errorPages(ctx: Ctx): void {
  const { input, facts } = ctx;
  if (!input.includes(' Bad Gateway') && !input.includes(' Gateway Time-out') && !input.includes(' Service Temporarily Unavailable')) return;
  PAGE_STATUS.lastIndex = 0;
  let consumed = 0;
  for (let m = PAGE_STATUS.exec(input); m; m = PAGE_STATUS.exec(input)) {
    if (m.index < consumed) continue;
    const windowEnd = Math.min(input.length, m.index + m[0].length + 320);
    const window = input.slice(m.index + m[0].length, windowEnd);
    const s = PAGE_SERVER.exec(window);
    if (!s) continue;
    const status = (m[1] ?? m[2] ?? m[3]) as string;
    const statusSpan = { start: m.index, end: m.index + 3 };
    const sAt = m.index + m[0].length + s.index + s[0].indexOf(s[1] as string);
    const serverSpan = { start: sAt, end: sAt + (s[1] as string).length };
    facts.push(fact(KIND, 'status', status, statusSpan));
    facts.push(fact(KIND, 'signal', PAGE_SIGNAL[status] as string, statusSpan));
    server(ctx, 'nginx', serverSpan);
    facts.push(fact(KIND, 'setting', `version=${s[1]}`, serverSpan));
    // One page = one finding: skip the <h1> repeat and the rest of the document.
    const close = input.slice(serverSpan.end, m.index + 1200).indexOf('</html>');
    consumed = close >= 0 ? serverSpan.end + close + 7 : serverSpan.end;
    facts.push(fact(KIND, 'placed', 'nginx error page', { start: m.index, end: consumed }));
  }
}

export const recogniser: Recogniser = {
  kind: KIND,
  recognise(input: string, lines: LineIndex, out: Fact[] = []): Fact[] {
    const ctx: Ctx = { input, lines, facts: out, servers: new Set() };
    scan(ctx);
    errorPages(ctx);
    return ctx.facts;
  },
};

function scan(ctx: Ctx): void {
  const { input, lines } = ctx;
  const total = lines.starts.length;
  const hasAccess = input.includes('] "');
  const owner = hasAccess ? accessLogOwner(input) : 'nginx';
  // A line starts something below only if it holds '] ' (a header, an access line) or the words
  // headerlessAnchor needs first: the others are passed over without being cut out of the paste.
  const marked = linesHolding(input, lines, ['] ', 'pstream', 'connect()']);
  let n = 1;
  while (n <= total) {
    if (marked[n] !== 1) {
      n++;
      continue;
    }
    const { text, span } = lineAt(input, lines, n);
    if (text.length === 0) {
      n++;
      continue;
    }
    if (text.includes('] ') && HAS_HEADER.test(text)) {
      n = errorLine(ctx, n, text, span);
      continue;
    }
    if (headerlessAnchor(text)) {
      const slices: Span[] = [span];
      const last = continuation(ctx, slices, n, text);
      analyseError(ctx, makeRecord(input, slices, n, last), undefined);
      n = last + 1;
      continue;
    }
    if (hasAccess && text.includes('] "')) {
      for (const e of parseAccessLines(text)) analyseAccess(ctx, span.start, e, owner);
    }
    n++;
  }
}

/** One physical line holding one or more headers; the last entry may continue on later lines. */
function errorLine(ctx: Ctx, n: number, text: string, span: Span): number {
  const headers: RegExpExecArray[] = [];
  HEADER.lastIndex = 0;
  for (let m = HEADER.exec(text); m; m = HEADER.exec(text)) headers.push(m);
  let last = n;
  for (let k = 0; k < headers.length; k++) {
    const h = headers[k] as RegExpExecArray;
    const isLast = k === headers.length - 1;
    const end = isLast ? text.length : (headers[k + 1] as RegExpExecArray).index;
    const slices: Span[] = [{ start: span.start + h.index, end: span.start + end }];
    const level = h[7] as string;
    if (isLast && level !== 'notice' && level !== 'info' && level !== 'debug') {
      last = continuation(ctx, slices, n, text.slice(h.index, end));
    }
    const rec = makeRecord(ctx.input, slices, n, isLast ? last : n);
    // Re-anchor the header match on the record text (it starts at the header).
    HEADER.lastIndex = 0;
    const local = HEADER.exec(rec.text);
    analyseError(ctx, rec, local && local.index === 0 ? local : undefined);
  }
  return last + 1;
}
