/**
 * Apache httpd as a reverse proxy: mod_proxy / mod_proxy_http / mod_proxy_balancer / mod_ssl
 * error-log entries, the built-in Proxy Error / Service Unavailable / Gateway Timeout pages, and
 * access-log lines with 502/503/504 (when the paste is about Apache, see accessLogOwner).
 *
 * Error-log anatomy (server/log.c):
 *   2.4: [Tue Mar 05 10:14:22.123456 2024] [proxy:error] [pid 1234:tid 5678] (111)Connection
 *        refused: [client 203.0.113.7:51234] AH00957: http: attempt to connect to … failed
 *   2.2: [Tue Mar 05 10:14:22 2024] [error] [client 203.0.113.7] proxy: Error reading from …
 */
import type { Fact, LineIndex, Recogniser, Span } from '../../engine/types.ts';
import type { LogRecord, Squeezed } from '../shared/proxy-lines.ts';
import {
  fact,
  isBlank,
  isErrorStatus,
  isSpaceCode,
  lineAt,
  linesHolding,
  linesMatching,
  looksLikeNewEntry,
  makeRecord,
  monthNumber,
  recordSpan,
  requestTarget,
  squeeze,
  unsqueeze,
} from '../shared/proxy-lines.ts';
import type { AccessLine } from '../shared/access-log.ts';
import { accessLogOwner, parseAccessLines } from '../shared/access-log.ts';
import { classifyApache } from './messages.ts';
import { lineOf } from '../../engine/lines.ts';

const KIND = 'apache' as const;

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MON = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const HEADER = new RegExp(
  `\\[${DAY} ${MON} {1,2}(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2})(\\.\\d{1,6})? (\\d{4})\\] ` +
    `(?:\\[(?:([a-z_0-9]{1,40}):)?(emerg|alert|crit|error|warn|notice|info|debug|trace\\d)\\] )?` +
    `(?:\\[pid \\d{1,10}(?::tid \\d{1,24})?\\] )?`,
  'g',
);
const HAS_HEADER = new RegExp(`\\[${DAY} ${MON} {1,2}\\d{1,2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,6})? \\d{4}\\]`);
const HEADERLESS = /\bAH0\d{4}:|\bproxy: (?:Error|HTTP|error|DNS)|attempt to connect to/;
/** HEADERLESS over the whole paste: the lines it can match (a match and its word edges lie inside one line). */
const HEADERLESS_ANY = new RegExp(HEADERLESS.source, 'g');
const CLF_BRACKET = /\[\d{2}\/[A-Za-z]{3}\/\d{4}:\d{2}:\d{2}:\d{2}/;
const TERMINAL_WIDTHS = new Set([80, 100, 120, 132, 160, 200]);

const CLIENT = /\[(client|remote) ([^\]\s]{1,200})\]/;
const CONNECT_TO = /attempt to connect to (?:Unix domain socket )?([^\s()]{1,400})/;
const STATUS_LINE_FROM = /(?:status line|response) from remote server ([^\s,]{1,400})/;
const BODY_TO = /pass request body failed to ([^\s,]{1,400})/;
const WORKER = /(?:disabling worker for|disabled connection for) \(([^)\s]{1,400})\)/;
const RETURNED_BY = /returned by (\/[^\s,]{0,4000})/;

interface Ctx {
  input: string;
  lines: LineIndex;
  facts: Fact[];
  servers: Set<string>;
}

function server(ctx: Ctx, span: Span): void {
  if (ctx.servers.has('apache')) return;
  ctx.servers.add('apache');
  ctx.facts.push(fact(KIND, 'server', 'apache', span));
}

function isoOf(h: RegExpExecArray): string | undefined {
  const mon = monthNumber(h[1] as string);
  if (!mon) return undefined;
  const day = (h[2] as string).padStart(2, '0');
  return `${h[7]}-${mon}-${day}T${h[3]}:${h[4]}:${h[5]}${h[6] ?? ''}`;
}

/** Join a hard-wrapped (fixed width) or indented continuation line. */
function continuation(ctx: Ctx, slices: Span[], last: number, lastText: string): number {
  const total = ctx.lines.starts.length;
  let prev = lastText;
  let joined = 0;
  while (last < total && joined < 4) {
    const next = lineAt(ctx.input, ctx.lines, last + 1);
    if (isBlank(next.text) || HAS_HEADER.test(next.text) || CLF_BRACKET.test(next.text)) break;
    const hard = TERMINAL_WIDTHS.has(prev.length);
    const indented = /^[ \t]+\S/.test(next.text) && !/^\s+(?:at |--->)/.test(next.text);
    if (!hard && !indented) break;
    if (!hard && looksLikeNewEntry(next.text)) break;
    slices.push(next.span);
    prev = next.text;
    last++;
    joined++;
  }
  return last;
}

function analyseError(ctx: Ctx, rec: LogRecord, header: RegExpExecArray | undefined): void {
  const { facts } = ctx;
  const text = rec.text;
  const msgStart = header ? header[0].length : 0;
  const sq = squeeze(text.slice(msgStart));
  const found = classifyApache(sq.s);
  if (!found) {
    facts.push(fact(KIND, 'placed', 'Apache error log entry', recordSpan(rec, 0, text.length)));
    return;
  }
  if (header) {
    const iso = isoOf(header);
    const close = text.indexOf(']');
    if (iso && close > 0) facts.push(fact(KIND, 'timestamp', iso, recordSpan(rec, 1, close)));
  }
  // Evidence: from the APR status (or the message start) to the end of the entry.
  const from = found.status ? found.status.at : 0;
  const [a, b] = unsqueeze(sq, from, sq.s.length - from);
  const sigSpan = recordSpan(rec, msgStart + a, msgStart + b);
  facts.push(fact(KIND, 'signal', found.signal, sigSpan));
  server(ctx, sigSpan);
  if (rec.lastLine > rec.firstLine) facts.push(fact(KIND, 'placed', 'Apache error log entry', recordSpan(rec, 0, text.length)));
  if (found.status && found.status.os && found.status.number >= 10000) {
    const digits = String(found.status.number);
    const [x, y] = unsqueeze(sq, found.status.at + 3, digits.length);
    facts.push(fact(KIND, 'code', found.status.number, recordSpan(rec, msgStart + x, msgStart + y)));
  }
  const tail = text.slice(msgStart);
  const put = (re: RegExp, name: string) => {
    const m = re.exec(tail);
    if (!m) return;
    const v = m[m.length - 1] as string;
    const at = msgStart + m.index + m[0].lastIndexOf(v);
    // [client …] is the browser side; [remote …] is the backend connection.
    const key = re === CLIENT ? (m[1] as string) : name;
    facts.push(fact(KIND, 'setting', `${key}=${v}`, recordSpan(rec, at, at + v.length)));
  };
  put(CLIENT, 'client');
  put(CONNECT_TO, 'backend');
  put(STATUS_LINE_FROM, 'backend');
  put(BODY_TO, 'backend');
  put(WORKER, 'backend');
  const ret = RETURNED_BY.exec(tail);
  if (ret) {
    const v = ret[1] as string;
    const at = msgStart + ret.index + ret[0].length - v.length;
    facts.push(fact(KIND, 'url', v, recordSpan(rec, at, at + v.length)));
  }
}

/** One physical line with one or more headers (several when newlines were lost). */
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
    if (isLast) last = continuation(ctx, slices, n, text);
    const rec = makeRecord(ctx.input, slices, n, isLast ? last : n);
    HEADER.lastIndex = 0;
    const local = HEADER.exec(rec.text);
    analyseError(ctx, rec, local && local.index === 0 ? local : undefined);
  }
  return last + 1;
}

function analyseAccess(ctx: Ctx, lineStart: number, e: AccessLine): void {
  const { facts } = ctx;
  const span = (a: number, b: number): Span => ({ start: lineStart + a, end: lineStart + b });
  const status = e.status.value;
  if (!isErrorStatus(status)) {
    facts.push(fact(KIND, 'placed', 'Apache access log line', span(e.start, e.end)));
    return;
  }
  server(ctx, span(e.start, e.end));
  const statusSpan = span(e.status.start, e.status.end);
  facts.push(fact(KIND, 'status', String(status), statusSpan));
  facts.push(fact(KIND, 'timestamp', e.timestamp.value, span(e.timestamp.start, e.timestamp.end)));
  const t = requestTarget(e.request.value);
  if (t) {
    const at = e.request.start + t.offset;
    facts.push(fact(KIND, 'url', t.target, span(at, at + t.target.length)));
  }
  if (status === 502) facts.push(fact(KIND, 'signal', 'apache.access-502', statusSpan));
  if (status === 503) facts.push(fact(KIND, 'signal', 'apache.access-503', statusSpan));
  if (status === 504) facts.push(fact(KIND, 'signal', 'apache.access-504', statusSpan));
}

const PAGES: { needle: string; status: string; signal: string }[] = [
  {
    needle: 'theproxyserverreceivedaninvalidresponsefromanupstreamserver',
    status: '502',
    signal: 'apache.error-page-502',
  },
  {
    needle: 'thegatewaydidnotreceiveatimelyresponsefromtheupstreamserverorapplication',
    status: '504',
    signal: 'apache.error-page-504',
  },
  {
    needle: 'theserveristemporarilyunabletoserviceyourrequestduetomaintenancedowntimeorcapacityproblems',
    status: '503',
    signal: 'apache.error-page-503',
  },
];
const REASONS: [string, string][] = [
  ['errorreadingfromremoteserver', 'apache.read-error'],
  ['dnslookupfailurefor', 'apache.dns-failure'],
  ['errorduringsslhandshakewithremoteserver', 'apache.ssl-handshake-failed'],
];
const HANDLE_REQUEST = /could not handle the request\s*(?:<[^>]{0,400}>\s*){0,3}([A-Z]{3,10})(?:&nbsp;|\s)+(\/[^\s<."]{0,4000})/;
const SIGNATURE = /(Apache(?:\/\d{1,3}(?:\.\d{1,3}){0,3})?)(?: \([^)\r\n<]{1,40}\))?(?: [^\r\n<]{0,200}?)? Server at /;

const MIN_NEEDLE = Math.min(...PAGES.map((p) => p.needle.length));

/**
 * Where a page's sentence can be: maximal runs of ASCII letters (lower-case ones only when the
 * input is not lower-cased) and whitespace holding at least as many letters as the shortest
 * needle. A needle squeezed from the whole input is all letters, so it lies inside one run.
 */
function letterRuns(input: string, lowerCase: boolean): Span[] {
  const min = MIN_NEEDLE;
  const out: Span[] = [];
  let start = 0;
  let letters = 0;
  const n = input.length;
  const upper = lowerCase ? 65 : 97;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    // Letters, then ASCII blanks, then the rest of \s.
    if ((c >= 97 && c <= 122) || (c >= upper && c <= 90)) letters++;
    else if (c === 32 || (c >= 9 && c <= 13) || (c > 127 && isSpaceCode(c))) continue;
    else {
      if (letters >= min) out.push({ start, end: i });
      start = i + 1;
      letters = 0;
    }
  }
  if (letters >= min) out.push({ start, end: n });
  return out;
}

/** Pages read with a window of their own before the whole input is squeezed once instead. */
const MAX_WINDOWS = 64;

/** First index of the increasing `map` whose value is at least `v` (map.length when none). */
function firstAtOrAfter(map: Int32Array, v: number): number {
  let lo = 0;
  let hi = map.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((map[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** End of the shortest piece of `input` from `from` that holds `count` non-space characters. */
function nonSpaceEnd(input: string, from: number, count: number): number {
  let i = from;
  let k = 0;
  while (i < input.length && k < count) {
    if (!isSpaceCode(input.charCodeAt(i))) k++;
    i++;
  }
  return i;
}

/** Apache's built-in error pages, raw or rendered (wrapped anywhere). */
function errorPages(ctx: Ctx): void {
  const { input, facts } = ctx;
  if (
    !input.includes('upstream server') &&
    !input.includes('temporarily unable') &&
    !/upstream\s*server|temporarily\s+unable/.test(input)
  ) {
    return;
  }
  // The whole input squeezed would be lower-cased only when that keeps every offset, which
  // fails only for U+0130 (the one character whose lower case is two).
  const lowerCase = !input.includes('\u0130');
  // The next 480 non-blank characters after a page sentence, squeezed: from a window for the
  // first pages, then (a paste full of pages) from the whole input squeezed once.
  let windows = 0;
  let whole: Squeezed | undefined;
  const near480 = (b: number): Squeezed & { base: number } => {
    if (windows < MAX_WINDOWS && !whole) {
      windows++;
      return { ...squeeze(input.slice(b, nonSpaceEnd(input, b, 480)), lowerCase), base: b };
    }
    whole ??= squeeze(input, lowerCase);
    const from = firstAtOrAfter(whole.map, b);
    return { s: whole.s.slice(from, from + 480), map: whole.map.subarray(from, from + 480), base: 0 };
  };
  const runs = letterRuns(input, lowerCase);
  // Runs covering most of the input: squeeze it whole once (a region of its own, and the source
  // of the reason windows).
  const covered = runs.reduce((sum, r) => sum + (r.end - r.start), 0);
  if (covered > input.length / 2) whole = squeeze(input, lowerCase);
  const regions = whole
    ? [{ start: 0, sq: whole }]
    : runs.map((r) => ({ start: r.start, sq: squeeze(input.slice(r.start, r.end), lowerCase) }));
  for (const page of PAGES) {
    for (const region of regions) {
      const sq = region.sq;
      let from = 0;
      for (let at = sq.s.indexOf(page.needle, from); at >= 0; at = sq.s.indexOf(page.needle, from)) {
        from = at + page.needle.length;
        const [ra, rb] = unsqueeze(sq, at, page.needle.length);
        const a = region.start + ra;
        const b = region.start + rb;
        const span = { start: a, end: b };
        facts.push(fact(KIND, 'status', page.status, span));
        // The page's reason line, if any, is the sharper signal (searched in a bounded window:
        // the next 480 characters that are not whitespace).
        const nearSq = near480(b);
        const near = nearSq.s;
        const reasonAt = near.indexOf('reason:');
        let signal = page.signal;
        let sigSpan: Span = span;
        if (reasonAt >= 0 && reasonAt < 400) {
          for (const [needle, id] of REASONS) {
            const r = near.indexOf(needle, reasonAt);
            if (r >= 0 && r - reasonAt < 80) {
              signal = id;
              const [x, y] = unsqueeze(nearSq, r, needle.length);
              sigSpan = { start: nearSq.base + x, end: nearSq.base + y };
              facts.push(fact(KIND, 'signal', page.signal, span));
              break;
            }
          }
        }
        facts.push(fact(KIND, 'signal', signal, sigSpan));
        server(ctx, span);
        const windowStart = a;
        const window = input.slice(windowStart, Math.min(input.length, b + 1200));
        const h = HANDLE_REQUEST.exec(window);
        if (h) {
          const v = h[2] as string;
          const at2 = windowStart + h.index + h[0].length - v.length;
          facts.push(fact(KIND, 'url', v, { start: at2, end: at2 + v.length }));
        }
        const sig = SIGNATURE.exec(window);
        let pageEnd = b;
        if (sig) {
          const v = sig[1] as string;
          const at3 = windowStart + sig.index;
          facts.push(fact(KIND, 'setting', `version=${v}`, { start: at3, end: at3 + v.length }));
          const lineEnd = input.slice(at3, at3 + 300).search(/[\r\n]/);
          pageEnd = lineEnd < 0 ? Math.min(input.length, at3 + 300) : at3 + lineEnd;
        }
        // The page from its head (when the HTML is there) to the server signature.
        const head = input.slice(Math.max(0, a - 400), a);
        const doctype = head.lastIndexOf('<!DOCTYPE');
        const html = doctype >= 0 ? doctype : head.lastIndexOf('<html');
        const pageStart = html >= 0 ? a - head.length + html : a;
        const close = input.slice(pageEnd, pageEnd + 300).indexOf('</html>');
        if (close >= 0) pageEnd += close + 7;
        facts.push(fact(KIND, 'placed', 'Apache error page', { start: pageStart, end: Math.max(pageEnd, b) }));
      }
    }
  }
}

export const recogniser: Recogniser = {
  kind: KIND,
  recognise(input: string, lines: LineIndex, out: Fact[] = []): Fact[] {
    const ctx: Ctx = { input, lines, facts: out, servers: new Set() };
    const first = out.length;
    scan(ctx);
    errorPages(ctx);
    readErrorBesideStatusLine(ctx.facts, first, lines);
    return ctx.facts;
  },
};

/**
 * AH00898 "Error reading from remote server" is logged right after the AH01102 "error reading
 * status line" of the same failed read, and that line names why (reset, EOF, time-out). An AH00898
 * on the line after one is only placed, not weighed (alone, its page leans to a time-out).
 */
function readErrorBesideStatusLine(facts: Fact[], first: number, lines: LineIndex): void {
  const statusLines = new Set<number>();
  for (let i = first; i < facts.length; i++) {
    const f = facts[i] as Fact;
    if (f.kind === KIND && f.name === 'signal' && String(f.value).startsWith('apache.status-line-')) statusLines.add(lineOf(lines, f.span.start));
  }
  if (statusLines.size === 0) return;
  for (let i = first; i < facts.length; i++) {
    const f = facts[i] as Fact;
    if (f.kind === KIND && f.name === 'signal' && f.value === 'apache.read-error' && statusLines.has(lineOf(lines, f.span.start) - 1)) {
      facts[i] = fact(KIND, 'placed', 'AH00898 after the status-line error', f.span);
    }
  }
}

function scan(ctx: Ctx): void {
  const { input, lines } = ctx;
  const total = lines.starts.length;
  const ownsAccess = input.includes('] "') && accessLogOwner(input) === 'apache';
  const headerless = linesMatching(input, lines, HEADERLESS_ANY);
  // A line starts something below only if it holds '] ' (a header, an access line) or a headerless
  // message: the others are passed over without being cut out of the paste.
  const bracketed = linesHolding(input, lines, ['] ']);
  let n = 1;
  while (n <= total) {
    if (bracketed[n] !== 1 && headerless[n] !== 1) {
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
    if (headerless[n] === 1 && HEADERLESS.test(text) && !text.includes('while connecting to upstream')) {
      const slices: Span[] = [span];
      const last = continuation(ctx, slices, n, text);
      const rec = makeRecord(input, slices, n, last);
      const before = ctx.facts.length;
      analyseError(ctx, rec, undefined);
      // A bare line that is not a proxy failure is not ours to place.
      if (ctx.facts.length === before + 1 && (ctx.facts[before] as Fact).name === 'placed') ctx.facts.pop();
      n = last + 1;
      continue;
    }
    if (ownsAccess && text.includes('] "')) {
      for (const e of parseAccessLines(text)) analyseAccess(ctx, span.start, e);
    }
    n++;
  }
}
