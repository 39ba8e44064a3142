/**
 * Traefik (v1-v3): the log lines of a request it could not forward (error-log.ts) and its access
 * log in common and JSON format (access-log.ts). The Go error attached to a failed request says
 * why (shared/go-net-errors.ts): refused, timed out, reset, closed idle connection, TLS.
 */
import type { Fact, LineIndex, Recogniser, Span } from '../../engine/types.ts';
import { fact, isErrorStatus, lineAt, linesHolding, requestTarget, serverOnce } from '../shared/proxy-lines.ts';
import type { ProxyRun } from '../shared/proxy-lines.ts';
import { parseAccessLines } from '../shared/access-log.ts';
import type { GoNetFailure } from '../shared/go-net-errors.ts';
import { classifyGoError } from '../shared/go-net-errors.ts';
import { readErrorLine } from './error-log.ts';
import { readJsonAccess, traefikClfExtras } from './access-log.ts';

const KIND = 'traefik' as const;

/** Signal id for each failure Traefik reports; a canceled request (499) is the client's doing, not the backend's. */
const FAILURE_SIGNAL: Record<GoNetFailure, string | undefined> = {
  refused: 'traefik.upstream-refused',
  'connect-timeout': 'traefik.upstream-connect-timeout',
  timeout: 'traefik.upstream-timeout',
  reset: 'traefik.upstream-reset',
  eof: 'traefik.upstream-eof',
  'idle-closed': 'traefik.idle-connection-closed',
  'tls-plain-backend': 'traefik.upstream-not-tls',
  'tls-verify': 'traefik.upstream-tls-verify',
  unreachable: 'traefik.upstream-unreachable',
  dns: 'traefik.upstream-dns',
  canceled: 'traefik.client-canceled',
  permission: 'traefik.upstream-permission-denied',
  'socket-missing': 'traefik.upstream-socket-missing',
  'ports-exhausted': 'traefik.source-ports-exhausted',
  'too-many-files': 'traefik.too-many-open-files',
  'header-too-big': 'traefik.header-too-big',
  'http2-closed': 'traefik.upstream-http2-closed',
};

type Ctx = ProxyRun;

function server(ctx: Ctx, span: Span): void {
  serverOnce(ctx, KIND, 'traefik', span);
}

function errorLine(ctx: Ctx, text: string, at: number): boolean {
  const e = readErrorLine(text);
  if (!e) return false;
  const { facts } = ctx;
  const span = (a: number, b: number): Span => ({ start: at + a, end: at + b });
  server(ctx, span(e.error.start, e.error.end));
  if (e.time) facts.push(fact(KIND, 'timestamp', e.time.value, span(e.time.start, e.time.end)));
  if (e.status) facts.push(fact(KIND, 'status', e.status.value, span(e.status.start, e.status.end)));
  if (e.backend) facts.push(fact(KIND, 'setting', `backend=${e.backend.value}`, span(e.backend.start, e.backend.end)));
  const found = classifyGoError(e.error.value);
  const signal = found ? FAILURE_SIGNAL[found.failure] : undefined;
  if (found && signal) {
    const a = e.error.start + found.at;
    facts.push(fact(KIND, 'signal', signal, span(a, a + found.length)));
  }
  facts.push(fact(KIND, 'placed', 'Traefik log entry', span(0, text.length)));
  return true;
}

function jsonAccess(ctx: Ctx, text: string, at: number): boolean {
  const e = readJsonAccess(text);
  if (!e) return false;
  const { facts } = ctx;
  const span = (a: number, b: number): Span => ({ start: at + a, end: at + b });
  const status = e.downstream.value;
  if (!isErrorStatus(status)) {
    facts.push(fact(KIND, 'placed', 'Traefik access log entry', span(0, text.length)));
    return true;
  }
  const statusSpan = span(e.downstream.start, e.downstream.end);
  server(ctx, statusSpan);
  facts.push(fact(KIND, 'status', String(status), statusSpan));
  if (e.start) facts.push(fact(KIND, 'timestamp', e.start.value, span(e.start.start, e.start.end)));
  if (e.path && e.path.value) facts.push(fact(KIND, 'url', e.path.value, span(e.path.start, e.path.end)));
  if (e.duration) facts.push(fact(KIND, 'time-taken-ms', Math.round(e.duration.value / 1e6), span(e.duration.start, e.duration.end)));
  if (e.router && e.router.value) facts.push(fact(KIND, 'setting', `router=${e.router.value}`, span(e.router.start, e.router.end)));
  if (e.serviceUrl && e.serviceUrl.value) {
    facts.push(fact(KIND, 'setting', `service_url=${e.serviceUrl.value}`, span(e.serviceUrl.start, e.serviceUrl.end)));
  }
  if (e.origin) facts.push(fact(KIND, 'setting', `OriginStatus=${e.origin.value}`, span(e.origin.start, e.origin.end)));
  if (e.retries && e.retries.value > 0) {
    facts.push(fact(KIND, 'setting', `RetryAttempts=${e.retries.value}`, span(e.retries.start, e.retries.end)));
  }
  // OriginStatus 0 (or absent): Traefik answered itself, no response came from the backend.
  const generated = !e.origin || e.origin.value === 0;
  if (generated && status === 502) facts.push(fact(KIND, 'signal', 'traefik.access-502', statusSpan));
  if (generated && status === 504) facts.push(fact(KIND, 'signal', 'traefik.access-504', statusSpan));
  facts.push(fact(KIND, 'placed', 'Traefik access log entry', span(0, text.length)));
  return true;
}

function clfAccess(ctx: Ctx, text: string, at: number): void {
  const { facts } = ctx;
  for (const e of parseAccessLines(text)) {
    const t = traefikClfExtras(e.extras);
    if (!t) continue;
    const span = (a: number, b: number): Span => ({ start: at + a, end: at + b });
    const status = e.status.value;
    if (!isErrorStatus(status)) {
      facts.push(fact(KIND, 'placed', 'Traefik access log line', span(e.start, e.end)));
      continue;
    }
    const statusSpan = span(e.status.start, e.status.end);
    server(ctx, statusSpan);
    facts.push(fact(KIND, 'status', String(status), statusSpan));
    facts.push(fact(KIND, 'timestamp', e.timestamp.value, span(e.timestamp.start, e.timestamp.end)));
    const target = requestTarget(e.request.value);
    if (target) {
      const a = e.request.start + target.offset;
      facts.push(fact(KIND, 'url', target.target, span(a, a + target.target.length)));
    }
    facts.push(fact(KIND, 'time-taken-ms', t.duration.value, span(t.duration.start, t.duration.end)));
    if (t.router.value && t.router.value !== '-') facts.push(fact(KIND, 'setting', `router=${t.router.value}`, span(t.router.start, t.router.end)));
    if (t.serverUrl.value && t.serverUrl.value !== '-') {
      facts.push(fact(KIND, 'setting', `service_url=${t.serverUrl.value}`, span(t.serverUrl.start, t.serverUrl.end)));
    }
    if (status === 502) facts.push(fact(KIND, 'signal', 'traefik.access-502', statusSpan));
    if (status === 504) facts.push(fact(KIND, 'signal', 'traefik.access-504', statusSpan));
    facts.push(fact(KIND, 'placed', 'Traefik access log line', span(e.start, e.end)));
  }
}

/**
 * A line can hold an entry only with one of these: readErrorLine's markers (its JSON form needs
 * `"error":`), readJsonAccess's key, or the `] "` the common-format line is read for.
 */
const LINE_NEEDLES: readonly string[] = [' caused by: ', 'error="', '"error":', 'Error forwarding to ', '"DownstreamStatus"', '] "'];

/** Can the paste hold a Traefik entry at all? A few indexOf passes spare the line loop. */
function mayHold(input: string): boolean {
  return (
    input.includes(' caused by: ') ||
    input.includes('error="') ||
    input.includes('"error":') ||
    input.includes('"DownstreamStatus"') ||
    input.includes('Error forwarding to ') ||
    (input.includes('] "') && input.includes('ms'))
  );
}

export const recogniser: Recogniser = {
  kind: KIND,
  recognise(input: string, lines: LineIndex, out: Fact[] = []): Fact[] {
    if (!mayHold(input)) return out;
    const ctx: Ctx = { facts: out, serverSaid: false };
    const { starts } = lines;
    const total = starts.length;
    // Only lines holding a marker are read (one indexOf pass per marker, not a test per line).
    const marked = linesHolding(input, lines, LINE_NEEDLES);
    for (let n = 1; n <= total; n++) {
      if (marked[n] === 0) continue;
      // Short lines (and the blank lines of a hostile paste) are skipped before any slicing.
      if ((starts[n] ?? input.length) - (starts[n - 1] as number) < 12) continue;
      const { text, span } = lineAt(input, lines, n);
      if (errorLine(ctx, text, span.start)) continue;
      if (jsonAccess(ctx, text, span.start)) continue;
      if (text.includes('ms') && text.includes('] "')) clfAccess(ctx, text, span.start);
    }
    return out;
  },
};
