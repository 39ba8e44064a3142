/**
 * HAProxy: its HTTP and TCP traffic log lines (log-line.ts), read by their termination state (the
 * first two characters: who ended the session and in which phase; HAProxy configuration manual,
 * 8.5 "Session state at disconnection"), the `<NOSRV>` server, the status and the timers; and its
 * health-check messages (a server DOWN, a backend with no server available).
 */
import type { Fact, LineIndex, Recogniser, Span } from '../../engine/types.ts';
import { fact, isErrorStatus, lineAt, requestTarget, serverOnce } from '../shared/proxy-lines.ts';
import type { ProxyRun } from '../shared/proxy-lines.ts';
import type { HaproxyLine } from './log-line.ts';
import { readHealthMessage, readLogLines } from './log-line.ts';

const KIND = 'haproxy' as const;

/**
 * Signal for the first two characters of the termination state. Client-side ends (`CD`, `cD`,
 * `CR`, `cR`, `CC`) carry no signal: the client went away, no backend fault.
 */
const STATE_SIGNAL: Record<string, string> = {
  SC: 'haproxy.server-refused',
  sC: 'haproxy.connect-timeout',
  SH: 'haproxy.server-aborted-headers',
  SD: 'haproxy.server-aborted-data',
  sH: 'haproxy.server-timeout-headers',
  sD: 'haproxy.server-timeout-data',
  sQ: 'haproxy.queue-timeout',
  PH: 'haproxy.response-blocked',
  CH: 'haproxy.client-gave-up-waiting',
};

const HEALTH_SIGNAL = {
  'down-l4-refused': 'haproxy.check-refused',
  'down-l4-timeout': 'haproxy.check-failed',
  'down-l7-status': 'haproxy.check-failed',
  'down-l7-timeout': 'haproxy.check-failed',
  'down-other': 'haproxy.check-failed',
  'no-server': 'haproxy.no-server-available',
} as const;

type Ctx = ProxyRun;

function server(ctx: Ctx, span: Span): void {
  serverOnce(ctx, KIND, 'haproxy', span);
}

function logLine(ctx: Ctx, e: HaproxyLine, at: number): void {
  const { facts } = ctx;
  const span = (a: number, b: number): Span => ({ start: at + a, end: at + b });
  const state = e.termination.value.slice(0, 2);
  const status = e.status?.value;
  const abnormal = state !== '--';
  const failed = (status !== undefined && isErrorStatus(status)) || abnormal;
  if (!failed) {
    facts.push(fact(KIND, 'placed', 'HAProxy log line', span(e.start, e.end)));
    return;
  }
  const termSpan = span(e.termination.start, e.termination.end);
  server(ctx, termSpan);
  facts.push(fact(KIND, 'timestamp', e.date.value, span(e.date.start, e.date.end)));
  if (e.status && e.status.value > 0) facts.push(fact(KIND, 'status', String(e.status.value), span(e.status.start, e.status.end)));
  if (e.request) {
    const t = requestTarget(e.request.value);
    if (t) {
      const a = e.request.start + t.offset;
      facts.push(fact(KIND, 'url', t.target, span(a, a + t.target.length)));
    }
  }
  if (e.total !== undefined) {
    // The last timer ends the timers field (after an optional '+').
    facts.push(fact(KIND, 'time-taken-ms', e.total, span(e.timers.end - String(e.total).length, e.timers.end)));
  }
  facts.push(fact(KIND, 'setting', `termination_state=${e.termination.value}`, termSpan));
  facts.push(fact(KIND, 'setting', `backend=${e.backend.value}/${e.server.value}`, span(e.backend.start, e.server.end)));
  facts.push(fact(KIND, 'setting', `timers=${e.timers.value}`, span(e.timers.start, e.timers.end)));
  const noServer = e.server.value === '<NOSRV>';
  if (noServer && status === 503) {
    facts.push(fact(KIND, 'signal', 'haproxy.no-server', span(e.server.start, e.server.end)));
  } else {
    const signal = STATE_SIGNAL[state];
    if (signal) facts.push(fact(KIND, 'signal', signal, span(e.termination.start, e.termination.start + 2)));
  }
  facts.push(fact(KIND, 'placed', 'HAProxy log line', span(e.start, e.end)));
}

/** Can the paste hold an HAProxy entry at all? One regex pass and two indexOf spare the line loop. */
const DATE_AND_NAMES = /\d{2}\/[A-Za-z]{3}\/\d{4}:\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?\] [^\s/]{1,200} [^\s/]{1,200}\//;
function mayHold(input: string): boolean {
  return input.includes(' is DOWN, reason: ') || input.includes('has no server available!') || DATE_AND_NAMES.test(input);
}

export const recogniser: Recogniser = {
  kind: KIND,
  recognise(input: string, lines: LineIndex, out: Fact[] = []): Fact[] {
    if (!mayHold(input)) return out;
    const ctx: Ctx = { facts: out, serverSaid: false };
    const { starts } = lines;
    const total = starts.length;
    for (let n = 1; n <= total; n++) {
      // Short lines (and the blank lines of a hostile paste) are skipped before any slicing.
      if ((starts[n] ?? input.length) - (starts[n - 1] as number) < 20) continue;
      const { text, span } = lineAt(input, lines, n);
      const health = readHealthMessage(text);
      if (health) {
        const s = { start: span.start + health.start, end: span.start + health.end };
        server(ctx, s);
        out.push(fact(KIND, 'signal', HEALTH_SIGNAL[health.what], s));
        out.push(fact(KIND, 'setting', `backend=${health.name.value}`, { start: span.start + health.name.start, end: span.start + health.name.end }));
        out.push(fact(KIND, 'placed', 'HAProxy message', { start: span.start, end: span.end }));
        continue;
      }
      for (const e of readLogLines(text)) logLine(ctx, e, span.start);
    }
    return out;
  },
};
