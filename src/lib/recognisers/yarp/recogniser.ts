/**
 * YARP (Yarp.ReverseProxy): forwarding failures logged by HttpForwarder (event 48
 * ForwardingError, event 66 ForwardingRequestCancelled) and ForwarderMiddleware (event 7
 * NoAvailableDestinations), in the console formatter (`warn: Category[48]` + indented lines),
 * single-line console, Serilog text, systemd/docker prefixed lines, and JSON (Microsoft JSON
 * console, Serilog compact, exported structured logs).
 *
 * An entry starts at a line naming YARP (category, event name, or one of its messages) and runs
 * over the following lines (the exception and stack) until the next log entry starts. The inner
 * exception text explains a `Request` error: refused, TLS, reset, ended prematurely, timed out.
 */
import type { Fact, LineIndex, Recogniser, Span } from '../../engine/types.ts';
import { lineOf } from '../../engine/lines.ts';
import type { LogRecord, Squeezed } from '../shared/proxy-lines.ts';
import { fact, lineAt, loose, makeRecord, recordSpan, squeeze, unsqueeze } from '../shared/proxy-lines.ts';
import type { ForwarderErrorDef } from './errors.ts';
import { FORWARDER_ERRORS, FORWARDER_ERROR_BY_NAME, INNER_FAILURES } from './errors.ts';

const KIND = 'yarp' as const;

const MESSAGES = FORWARDER_ERRORS.filter((e) => e.message).map((e) => ({
  def: e,
  needle: loose(e.message.replace(/\.$/, '')),
}));
// Without the final period: a title or a quote often drops it ("Copying the response body was canceled").
const LINE_MESSAGES = FORWARDER_ERRORS.filter((e) => e.message).map((e) => e.message.replace(/\.$/, '').slice(0, 40));

const PREFIX_COMPOSE = /^[\w.-]{1,60}\s{0,30}\| ?/;
const PREFIX_SYSLOG = /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d [^\s]{1,100} [^\s[]{1,100}(?:\[\d{1,10}\])?: /;
const ENTRY_START =
  /^\s{0,3}(?:(?:trce|dbug|info|warn|fail|crit):\s|\[\d{2}:\d{2}:\d{2}(?:[.,]\d{1,7})?(?: [A-Za-z]{3,11})?\]|\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}|\{|\d{4}\/\d{2}\/\d{2} |\[[A-Z][a-z]{2} [A-Z][a-z]{2} )/;
const EXCEPTION_CONTINUES = /^\s*(?:System\.|Microsoft\.|Yarp\.|--->|at |Inner|---)/;

const EVENT_CONSOLE = /(HttpForwarder|HttpProxy|ForwarderMiddleware|ProxyPipelineInitializerMiddleware)\[(\d{1,4})\]/;
/** Preview builds logged a failed forward as `Operation ended: ReverseProxy.Proxy, 4113ms, error: …`. */
const PREVIEW_OPERATION = 'operationended:reverseproxy.proxy';
const EVENT_JSON = /"EventId"\s*:\s*(?:\{\s*"Id"\s*:\s*)?(\d{1,4})/;
const EVENT_NAME = /"(?:EventName|Name)"\s*:\s*"(ForwardingError|ForwardingRequestCancelled|NoAvailableDestinations|NoClusterFound)"/;
const NAME_AFTER_KEYWORD = /ForwarderError(?:Feature)?(?:\.Error)?["'\s:=.]{0,4}([A-Z][A-Za-z]{3,40})\b/g;
const NAME_IN_JSON = /"error"\s*:\s*"([A-Za-z]{4,40})"/g;
const CLUSTER = /for cluster '([^'\r\n]{1,200})'/;
const ROUTE = /Route '([^'\r\n]{1,200})' has no cluster/;
const PROXYING_TO = /Proxying to (\S{1,2000})/;
const RECEIVED = /Received HTTP\/[\d.]{1,3} response (\d{3})/;
const DESTINATION =
  /(?:Connection refused|actively refused it\.?|No route to host|Connection timed out|Name or service not known|No such host is known\.?|Connection reset by peer) \(([^()\s]{1,300})\)/;
const SOCKET_CODE = /SocketException \((\d{4,5})\)/g;
const REQUEST_PATH = /RequestPath["':= ]{1,4}(\/[^\s",}'\\]{0,2000})/;
const ISO_TIME = /(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z| ?[+-]\d{2}:?\d{2})?)/;
const JSON_TIME = /"(?:Timestamp|@t|timestamp|time|TimeGenerated)"\s*:\s*"(\d{4}-\d{2}-\d{2}[T ][^"]{1,40})"/;

const MAX_BLOCK_LINES = 120;
const MAX_BLOCK_CHARS = 65536;

interface Ctx {
  input: string;
  lines: LineIndex;
  facts: Fact[];
  serverSeen: boolean;
  /** The last `Proxying to …` seen: the destination of a failure that follows. */
  lastDestination?: { value: string; span: Span; line: number };
}

function stripPrefix(text: string): string {
  const c = PREFIX_COMPOSE.exec(text);
  if (c) return text.slice(c[0].length);
  const s = PREFIX_SYSLOG.exec(text);
  return s ? text.slice(s[0].length) : text;
}

/** Text that makes a line an entry's first line (Microsoft.ReverseProxy: the 2020 previews). */
const ANCHORS = [
  'Yarp.ReverseProxy',
  'Microsoft.ReverseProxy',
  'ForwarderError',
  'ForwardingError',
  'ForwardingRequestCancelled',
  'No available destinations after load balancing',
  'has no cluster information',
  ...LINE_MESSAGES,
].filter((m) => m !== '');

/** Any anchor (none holds a line break, so a match never crosses lines). */
const ANCHOR = new RegExp(ANCHORS.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

/**
 * Lines (1-based) holding an anchor, found by one search over the whole input instead of every
 * anchor tried on every line; after a hit the search goes on from the next line.
 */
function anchorLines(input: string, lines: LineIndex): Uint8Array {
  const starts = lines.starts;
  const marks = new Uint8Array(starts.length + 1);
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(input); m; m = ANCHOR.exec(input)) {
    const n = lineOf(lines, m.index);
    marks[n] = 1;
    const next = starts[n];
    if (next === undefined) break;
    ANCHOR.lastIndex = next;
  }
  return marks;
}

/** The lines of one entry: the anchor line and its continuation (message, exception, stack). */
function blockEnd(ctx: Ctx, first: number): number {
  const total = ctx.lines.starts.length;
  let last = first;
  let chars = 0;
  while (last < total && last - first < MAX_BLOCK_LINES && chars < MAX_BLOCK_CHARS) {
    const next = lineAt(ctx.input, ctx.lines, last + 1);
    const body = stripPrefix(next.text);
    if (!/\S/.test(body)) {
      // A blank line ends the entry unless the exception clearly goes on after it.
      if (last + 2 > total) break;
      const after = stripPrefix(lineAt(ctx.input, ctx.lines, last + 2).text);
      if (!EXCEPTION_CONTINUES.test(after)) break;
      last++;
      continue;
    }
    if (ENTRY_START.test(body)) break;
    chars += next.text.length;
    last++;
  }
  return last;
}

function server(ctx: Ctx, span: Span): void {
  if (ctx.serverSeen) return;
  ctx.serverSeen = true;
  ctx.facts.push(fact(KIND, 'server', 'yarp', span));
}

function spanOf(rec: LogRecord, sq: Squeezed, at: number, len: number): Span {
  const [a, b] = unsqueeze(sq, at, len);
  return recordSpan(rec, a, b);
}

function regexSpan(rec: LogRecord, m: RegExpExecArray, group = 1): { value: string; span: Span } {
  const v = m[group] as string;
  const at = m.index + m[0].lastIndexOf(v);
  return { value: v, span: recordSpan(rec, at, at + v.length) };
}

/** Exception type names (System.Net.Http.HttpRequestException …), found without a backtracking regex. */
function exceptionNames(text: string): { value: string; start: number; end: number }[] {
  const out: { value: string; start: number; end: number }[] = [];
  const seen = new Set<string>();
  let from = 0;
  for (let at = text.indexOf('Exception', from); at >= 0 && out.length < 20; at = text.indexOf('Exception', from)) {
    from = at + 9;
    const after = text.charCodeAt(at + 9);
    const isWordChar = (after >= 65 && after <= 90) || (after >= 97 && after <= 122) || (after >= 48 && after <= 57);
    // "ThrowException(" and "…Exception.Method" are stack-frame methods, not types.
    if (isWordChar || after === 40 || after === 46 || after === 95) continue;
    let s = at;
    while (s > 0 && at - s < 200) {
      const c = text.charCodeAt(s - 1);
      const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 95;
      if (!ok) break;
      s--;
    }
    // A JSON-escaped "\nSystem.X" must not read as "nSystem.X".
    if (s > 0 && text.charCodeAt(s - 1) === 92 && /^[nrt][A-Z]/.test(text.slice(s, s + 2))) s++;
    const name = text.slice(s, at + 9);
    if (!name.includes('.') || !/^[A-Z]/.test(name) || name.endsWith('.Exception')) continue;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ value: name, start: s, end: at + 9 });
  }
  return out;
}

function analyseBlock(ctx: Ctx, rec: LogRecord): void {
  const { facts } = ctx;
  const text = rec.text;
  const sq = squeeze(text);
  const all = recordSpan(rec, 0, text.length);

  // Which ForwarderError, by its logged message (earliest in the entry), else by its name.
  let error: ForwarderErrorDef | undefined;
  let errorSpan: Span | undefined;
  let best = -1;
  for (const { def, needle } of MESSAGES) {
    const at = sq.s.indexOf(needle);
    if (at >= 0 && (best < 0 || at < best)) {
      best = at;
      error = def;
      errorSpan = spanOf(rec, sq, at, needle.length);
    }
  }
  if (!error) {
    for (const re of [NAME_AFTER_KEYWORD, NAME_IN_JSON]) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m && !error; m = re.exec(text)) {
        const def = FORWARDER_ERROR_BY_NAME.get((m[1] as string).toLowerCase());
        if (def) {
          error = def;
          errorSpan = regexSpan(rec, m).span;
        }
      }
      if (error) break;
    }
  }

  const signals: { id: string; span: Span }[] = [];
  const nad = sq.s.indexOf('noavailabledestinationsafterloadbalancingforcluster');
  if (error && error.name !== 'NoAvailableDestinations') signals.push({ id: error.signal, span: errorSpan ?? all });
  else if (nad >= 0 || error) {
    const span = nad >= 0 ? spanOf(rec, sq, nad, 'noavailabledestinationsafterloadbalancingforcluster'.length) : (errorSpan ?? all);
    signals.push({ id: 'yarp.no-available-destinations', span });
  }
  const noCluster = sq.s.indexOf('hasnoclusterinformation');
  if (noCluster >= 0) signals.push({ id: 'yarp.no-cluster', span: spanOf(rec, sq, noCluster, 23) });

  const ev = EVENT_CONSOLE.exec(text);
  const evJson = ev ? null : EVENT_JSON.exec(text);
  const evName = EVENT_NAME.exec(text);
  const eventId = ev ? Number(ev[2]) : evJson ? Number(evJson[1]) : undefined;
  if (signals.length === 0) {
    const evSpan = ev ? regexSpan(rec, ev, 0).span : evName ? regexSpan(rec, evName).span : all;
    if (eventId === 48 || evName?.[1] === 'ForwardingError') signals.push({ id: 'yarp.forwarding-error', span: evSpan });
    else if (eventId === 66 || evName?.[1] === 'ForwardingRequestCancelled') {
      signals.push({ id: 'yarp.error-request-canceled', span: evSpan });
    } else if (evName?.[1] === 'NoAvailableDestinations' || (ev && ev[1] === 'ForwarderMiddleware' && eventId === 7)) {
      signals.push({ id: 'yarp.no-available-destinations', span: evSpan });
    } else {
      const op = sq.s.indexOf(PREVIEW_OPERATION);
      const err = op >= 0 ? sq.s.indexOf(',error:', op) : -1;
      if (err >= 0 && err - op < 120) signals.push({ id: 'yarp.forwarding-error', span: spanOf(rec, sq, op, err + 7 - op) });
    }
  }

  if (signals.length === 0) {
    // A successful forward (event 9/56) or another YARP entry: placed; remember the destination.
    const p = PROXYING_TO.exec(text);
    if (p) {
      const d = regexSpan(rec, p);
      ctx.lastDestination = { value: d.value, span: d.span, line: rec.lastLine };
    }
    const r = RECEIVED.exec(text);
    if (r && Number(r[1]) >= 500) {
      const s = regexSpan(rec, r);
      facts.push(fact(KIND, 'status', s.value, s.span));
      server(ctx, s.span);
      return;
    }
    facts.push(fact(KIND, 'placed', 'YARP log entry', all));
    return;
  }

  server(ctx, (signals[0] as { span: Span }).span);
  // The whole entry (message, exception, stack frames) is YARP's.
  if (rec.lastLine > rec.firstLine) facts.push(fact(KIND, 'placed', 'YARP log entry', all));
  timestamp(ctx, rec);
  for (const s of signals) facts.push(fact(KIND, 'signal', s.id, s.span));

  // Why: the inner exception texts, each signal once; a TLS failure explains resets under it.
  const inner = new Map<string, Span>();
  for (const [needle, id] of INNER_FAILURES) {
    if (inner.has(id)) continue;
    const at = sq.s.indexOf(needle);
    if (at >= 0) inner.set(id, spanOf(rec, sq, at, needle.length));
  }
  if (inner.has('yarp.tls-failed') || inner.has('yarp.certificate-rejected')) inner.delete('yarp.connection-reset');
  if (inner.has('yarp.response-ended')) inner.delete('yarp.connection-reset');
  // A reset while a body is being copied is the body stage's own failure (the entry's signal says
  // which side): after the response started YARP cannot send a 502, so it is not read again as a
  // connection the destination closed before answering.
  if (signals.some((s) => s.id === 'yarp.error-request-body-destination' || s.id === 'yarp.error-response-body-destination')) {
    inner.delete('yarp.connection-reset');
  }
  for (const [id, span] of inner) facts.push(fact(KIND, 'signal', id, span));

  for (const e of exceptionNames(text)) facts.push(fact(KIND, 'exception', e.value, recordSpan(rec, e.start, e.end)));
  SOCKET_CODE.lastIndex = 0;
  for (let m = SOCKET_CODE.exec(text); m; m = SOCKET_CODE.exec(text)) {
    const n = Number(m[1]);
    if (n >= 10000) facts.push(fact(KIND, 'code', n, regexSpan(rec, m).span));
  }

  const dest = DESTINATION.exec(text);
  if (dest) {
    const d = regexSpan(rec, dest);
    facts.push(fact(KIND, 'setting', `destination=${d.value}`, d.span));
  } else if (ctx.lastDestination && rec.firstLine - ctx.lastDestination.line <= 12) {
    facts.push(fact(KIND, 'setting', `destination=${ctx.lastDestination.value}`, ctx.lastDestination.span));
  }
  const cluster = CLUSTER.exec(text);
  if (cluster) {
    const c = regexSpan(rec, cluster);
    facts.push(fact(KIND, 'setting', `cluster=${c.value}`, c.span));
  }
  const route = ROUTE.exec(text);
  if (route) {
    const r = regexSpan(rec, route);
    facts.push(fact(KIND, 'setting', `route=${r.value}`, r.span));
  }
  const path = REQUEST_PATH.exec(text);
  if (path) {
    const p = regexSpan(rec, path);
    facts.push(fact(KIND, 'url', p.value, p.span));
  }
}

function timestamp(ctx: Ctx, rec: LogRecord): void {
  const head = rec.text.slice(0, 400);
  const j = JSON_TIME.exec(rec.text.slice(0, 4000));
  const m = j ?? ISO_TIME.exec(head);
  if (!m) return;
  const v = regexSpan(rec, m);
  ctx.facts.push(fact(KIND, 'timestamp', v.value, v.span));
}

export const recogniser: Recogniser = {
  kind: KIND,
  recognise(input: string, lines: LineIndex, out: Fact[] = []): Fact[] {
    const ctx: Ctx = { input, lines, facts: out, serverSeen: false };
    const total = lines.starts.length;
    const anchors = anchorLines(input, lines);
    let n = 1;
    while (n <= total) {
      if (anchors[n] !== 1) {
        n++;
        continue;
      }
      const { span } = lineAt(input, lines, n);
      const last = blockEnd(ctx, n);
      const slices: Span[] = [span];
      for (let k = n + 1; k <= last; k++) slices.push(lineAt(input, lines, k).span);
      analyseBlock(ctx, makeRecord(input, slices, n, last, '\n'));
      n = last + 1;
    }
    return ctx.facts;
  },
};
