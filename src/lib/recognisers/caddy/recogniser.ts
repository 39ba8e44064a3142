/**
 * Caddy (v2 `reverse_proxy`, and v1's `proxy`): error-log entries of a request it could not
 * forward, with the Go error that says why (shared/go-net-errors.ts), and access-log entries with a
 * 5xx (log-entry.ts).
 */
import type { Fact, LineIndex, Recogniser, Span } from '../../engine/types.ts';
import { fact, isErrorStatus, lineAt, serverOnce } from '../shared/proxy-lines.ts';
import type { ProxyRun } from '../shared/proxy-lines.ts';
import type { GoNetFailure } from '../shared/go-net-errors.ts';
import { classifyGoError } from '../shared/go-net-errors.ts';
import type { CaddyEntry } from './log-entry.ts';
import { readEntry } from './log-entry.ts';

const KIND = 'caddy' as const;

/** Signal id for each failure; a canceled request (499) is the client's doing. */
const FAILURE_SIGNAL: Record<GoNetFailure, string | undefined> = {
  refused: 'caddy.upstream-refused',
  'connect-timeout': 'caddy.upstream-connect-timeout',
  timeout: 'caddy.upstream-timeout',
  reset: 'caddy.upstream-reset',
  eof: 'caddy.upstream-eof',
  'idle-closed': 'caddy.idle-connection-closed',
  'tls-plain-backend': 'caddy.upstream-not-tls',
  'tls-verify': 'caddy.upstream-tls-verify',
  unreachable: 'caddy.upstream-unreachable',
  dns: 'caddy.upstream-dns',
  canceled: 'caddy.client-canceled',
  permission: 'caddy.upstream-permission-denied',
  'socket-missing': 'caddy.upstream-socket-missing',
  'ports-exhausted': 'caddy.source-ports-exhausted',
  'too-many-files': 'caddy.too-many-open-files',
  'header-too-big': 'caddy.header-too-big',
  'http2-closed': 'caddy.upstream-http2-closed',
};

const NO_UPSTREAMS = 'no upstreams available';

type Ctx = ProxyRun;

function server(ctx: Ctx, span: Span): void {
  serverOnce(ctx, KIND, 'caddy', span);
}

function entry(ctx: Ctx, e: CaddyEntry, text: string, at: number): void {
  const { facts } = ctx;
  const span = (a: number, b: number): Span => ({ start: at + a, end: at + b });
  const status = e.status?.value;
  const found = e.error ? classifyGoError(e.error.value) : undefined;
  // A request the client canceled is not a failure of the backend.
  const canceled = found?.failure === 'canceled' && (status === undefined || status === 499);
  const failed = !canceled && ((status !== undefined && isErrorStatus(status)) || (!e.access && e.error !== undefined));
  if (!failed) {
    if (canceled && found && e.error) {
      // Not the backend's failure, but the client's: say so.
      const a = e.error.start + found.at;
      server(ctx, span(e.error.start, e.error.end));
      facts.push(fact(KIND, 'signal', 'caddy.client-canceled', span(a, a + found.length)));
    }
    facts.push(fact(KIND, 'placed', 'Caddy log entry', span(0, text.length)));
    return;
  }
  const where = e.error ?? e.status ?? e.logger;
  if (where) server(ctx, span(where.start, where.end));
  if (e.status) facts.push(fact(KIND, 'status', String(e.status.value), span(e.status.start, e.status.end)));
  if (e.uri && e.uri.value) facts.push(fact(KIND, 'url', e.uri.value, span(e.uri.start, e.uri.end)));
  if (e.duration) facts.push(fact(KIND, 'time-taken-ms', e.duration.value, span(e.duration.start, e.duration.end)));
  if (e.error) {
    const lower = e.error.value.toLowerCase();
    const none = lower.indexOf(NO_UPSTREAMS);
    if (none >= 0) {
      const a = e.error.start + none;
      facts.push(fact(KIND, 'signal', 'caddy.no-upstreams', span(a, a + NO_UPSTREAMS.length)));
    } else {
      const signal = found ? FAILURE_SIGNAL[found.failure] : undefined;
      if (found && signal) {
        const a = e.error.start + found.at;
        facts.push(fact(KIND, 'signal', signal, span(a, a + found.length)));
      }
    }
  } else if (e.status) {
    const s = span(e.status.start, e.status.end);
    if (status === 502) facts.push(fact(KIND, 'signal', 'caddy.access-502', s));
    if (status === 504) facts.push(fact(KIND, 'signal', 'caddy.access-504', s));
  }
  facts.push(fact(KIND, 'placed', 'Caddy log entry', span(0, text.length)));
}

export const recogniser: Recogniser = {
  kind: KIND,
  recognise(input: string, lines: LineIndex, out: Fact[] = []): Fact[] {
    if (!input.includes('http.') && !input.includes('[ERROR ')) return out;
    const ctx: Ctx = { facts: out, serverSaid: false };
    const { starts } = lines;
    const total = starts.length;
    for (let n = 1; n <= total; n++) {
      // Short lines (and the blank lines of a hostile paste) are skipped before any slicing.
      if ((starts[n] ?? input.length) - (starts[n - 1] as number) < 12) continue;
      const { text, span } = lineAt(input, lines, n);
      const e = readEntry(text);
      if (e) entry(ctx, e, text, span.start);
    }
    return out;
  },
};
