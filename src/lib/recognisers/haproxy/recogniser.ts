/**
 * HAProxy: its HTTP and TCP traffic log lines (log-line.ts), read by their termination state (the
 * first two characters: who ended the session and in which phase; HAProxy configuration manual,
 * 8.5 "Session state at disconnection"), the `<NOSRV>` server, the status and the timers; and its
 * health-check messages (a server DOWN, a backend with no server available). A line where an entry
 * starts (client address, accept date) but that holds no whole entry may have been wrapped by a terminal or a mail client: it is read again
 * joined with the lines after it (shared/proxy-lines.ts records), cut anywhere (even inside the date).
 * Termination states retold in words ("SD-- in the haproxy logs") are read by retold.ts.
 */
import type { Fact, LineIndex, Recogniser, Span } from '../../engine/types.ts';
import { fact, isErrorStatus, lineAt, linesHolding, makeRecord, recordSpan, requestTarget, serverOnce } from '../shared/proxy-lines.ts';
import type { LogRecord, ProxyRun } from '../shared/proxy-lines.ts';
import type { HaproxyLine } from './log-line.ts';
import { readHealthMessage, readLogLines } from './log-line.ts';
import { readRetoldStates } from './retold.ts';

const KIND = 'haproxy' as const;

/**
 * Signal for the first two characters of the termination state. Client-side ends (`CC`, `CR`,
 * `CD`, `cR`, `cD`: the client aborted, or its own time-out struck) say the client went away,
 * which is no backend fault but a cause of its own.
 */
const STATE_SIGNAL: Record<string, string> = {
  CC: 'haproxy.client-aborted',
  CR: 'haproxy.client-aborted',
  CD: 'haproxy.client-aborted',
  cR: 'haproxy.client-aborted',
  cD: 'haproxy.client-aborted',
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
  'down-l6-tls': 'haproxy.check-tls-failed',
  'down-l7-status': 'haproxy.check-failed',
  'down-l7-timeout': 'haproxy.check-failed',
  'down-other': 'haproxy.check-failed',
  'no-server': 'haproxy.no-server-available',
} as const;

type Ctx = ProxyRun;

function server(ctx: Ctx, span: Span): void {
  serverOnce(ctx, KIND, 'haproxy', span);
}

/** Where text offsets [a, b) of the line or record an entry was read from lie in the input. */
type Place = (a: number, b: number) => Span;

function logLine(ctx: Ctx, e: HaproxyLine, span: Place): void {
  const { facts } = ctx;
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

/** Can the paste hold an HAProxy entry at all? One regex pass and three indexOf spare the line loop. */
const DATE_AND_NAMES = /\d{2}\/[A-Za-z]{3}\/\d{4}:\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?\] [^\s/]{1,200} [^\s/]{1,200}\//;
/** The client's address and port, then the accept date: where an entry starts (the syslog prefix before it may be gone). */
const ENTRY_START = /:\d{1,5} \[\d/;
/** The common log format's request, status and the two empty captures before the client port. */
const CLF_ENTRY = /\] "[^"\n]{0,4000}" \d{3} \d{1,15} "[^"\n]{0,1000}" "[^"\n]{0,1000}" \d{1,5} \d/;
function mayHold(input: string): boolean {
  return (
    input.includes(' is DOWN, reason: ') ||
    input.includes('has no server available!') ||
    DATE_AND_NAMES.test(input) ||
    ENTRY_START.test(input) ||
    CLF_ENTRY.test(input)
  );
}

/**
 * A line the loop below can read something on holds one of these: a health message's words
 * (readHealthMessage), `] ` (readLogLines needs it, and a `/`), or ` [` (ENTRY_START, where a
 * wrapped entry starts). Other lines are passed over without being cut out of the paste.
 */
const LINE_NEEDLES: readonly string[] = [' is DOWN, reason: ', 'has no server available!', '] ', ' ['];

/** A wrapped entry runs over at most this many more lines, each no longer than a wide terminal. */
const MAX_WRAPPED = 4;
const MAX_PIECE = 400;

/**
 * The entry that starts on line `n` (which holds none whole) and runs over the next lines:
 * a terminal's hard wrap keeps every character (joined with nothing), a soft wrap drops the space
 * it broke at (joined with a space); widths alone cannot tell when an address was shortened in one
 * piece, so both joins are tried. A blank line or the start of the next entry ends the search.
 */
function wrappedEntry(input: string, lines: LineIndex, n: number): { rec: LogRecord; entries: HaproxyLine[] } | undefined {
  const slices: Span[] = [lineAt(input, lines, n).span];
  const last = Math.min(lines.starts.length, n + MAX_WRAPPED);
  for (let k = n + 1; k <= last; k++) {
    const { text, span } = lineAt(input, lines, k);
    if (text.trim() === '' || text.length > MAX_PIECE || ENTRY_START.test(text)) return undefined;
    slices.push(span);
    for (const sep of ['', ' ']) {
      const rec = makeRecord(input, slices, n, k, sep);
      const entries = readLogLines(rec.text);
      if (entries.length > 0) return { rec, entries };
    }
  }
  return undefined;
}

export const recogniser: Recogniser = {
  kind: KIND,
  recognise(input: string, lines: LineIndex, out: Fact[] = []): Fact[] {
    const before = out.length;
    if (mayHold(input)) readEntries(input, lines, out);
    // States retold in words count only when no log line was read (its states were read in place).
    if (out.length === before) for (const f of readRetoldStates(input, STATE_SIGNAL, KIND)) out.push(f);
    return out;
  },
};

function readEntries(input: string, lines: LineIndex, out: Fact[]): void {
  const ctx: Ctx = { facts: out, serverSaid: false };
  const { starts } = lines;
  const total = starts.length;
  const marked = linesHolding(input, lines, LINE_NEEDLES);
  for (let n = 1; n <= total; n++) {
    if (marked[n] !== 1) continue;
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
    const entries = readLogLines(text);
    if (entries.length > 0) {
      const at = span.start;
      for (const e of entries) logLine(ctx, e, (a, b) => ({ start: at + a, end: at + b }));
      continue;
    }
    if (text.length > MAX_PIECE || !ENTRY_START.test(text)) continue;
    const wrapped = wrappedEntry(input, lines, n);
    if (!wrapped) continue;
    const { rec, entries: joined } = wrapped;
    for (const e of joined) logLine(ctx, e, (a, b) => recordSpan(rec, a, b));
    n = rec.lastLine;
  }
}
