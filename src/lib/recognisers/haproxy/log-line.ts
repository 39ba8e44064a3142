/**
 * HAProxy's log lines (HAProxy configuration manual, 8.2 "Log formats"):
 *
 * HTTP (`option httplog`):
 *   haproxy[14389]: 10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 {1wt.eu} {} "GET /index.html HTTP/1.1"
 *   fields after the date: frontend, backend/server, TR/Tw/Tc/Tr/Ta (Tq/Tw/Tc/Tr/Tt before 1.5;
 *   -1 = that phase never completed; `+` before the last with logasap), status, bytes, two
 *   captured cookies, termination state (4 characters), actconn/feconn/beconn/srv_conn/retries,
 *   srv_queue/backend_queue, captured headers, "request".
 * TCP (`option tcplog`):
 *   haproxy[14387]: 10.0.1.2:33313 [06/Feb/2009:12:12:51.443] fnt bck/srv1 0/0/5007 212 -- 0/0/0/0/3 0/0
 *   Tw/Tc/Tt, bytes, termination state (2 characters), connection counts, queues.
 * HTTP in common log format (`option httplog clf`):
 *   haproxy[30170]: 10.0.0.9 - - [10/Mar/2022:14:00:56 +0000] "GET /5.js HTTP/1.1" 503 217 "" "" 59794 528 "fe" "be" "srv1" 0 0 -1 -1 3 CC-- 4 1 0 0 0 0 0
 *   the request and status first, then client port, accept milliseconds, frontend, backend and
 *   server (quoted or not), the five timers separated by spaces, termination state, counters.
 * The server is `<NOSRV>` when no server could be picked (then typically 503), `<STATS>` etc. for
 * internal services.
 *
 * And the health-check messages: `Server bk/srv1 is DOWN, reason: Layer4 connection problem, info:
 * "Connection refused", …`, `backend bk has no server available!`.
 */

export interface Field<T = string> {
  value: T;
  start: number;
  end: number;
}

export interface HaproxyLine {
  start: number;
  end: number;
  date: Field;
  frontend: Field;
  backend: Field;
  server: Field;
  timers: Field;
  /** The last timer (Ta/Tt): the whole request, in ms; undefined when -1. */
  total?: number;
  status?: Field<number>;
  termination: Field;
  request?: Field;
}

const DATE = String.raw`\[(\d{2}\/[A-Za-z]{3}\/\d{4}:\d{2}:\d{2}:\d{2})(?:\.\d{1,6})?\] `;
const NAMES = String.raw`([^\s/]{1,200}) ([^\s/]{1,200})\/([^\s/]{1,200}) `;
const CONNS = String.raw` \d{1,9}\/\d{1,9}\/\d{1,9}\/\d{1,9}\/\+?\d{1,9} \d{1,9}\/\d{1,9}`;
const HTTP_LINE = new RegExp(
  DATE + NAMES + String.raw`((-?\d{1,9})\/(-?\d{1,9})\/(-?\d{1,9})\/(-?\d{1,9})\/\+?(-?\d{1,12})) (-?\d{1,3}) \+?\d{1,15} [^\s]{1,400} [^\s]{1,400} ([A-Za-z-]{4})` + CONNS,
  'g',
);
const TCP_LINE = new RegExp(
  DATE + NAMES + String.raw`((-?\d{1,9})\/(-?\d{1,9})\/\+?(-?\d{1,12})) \+?\d{1,15} ([A-Za-z-]{2})` + CONNS,
  'g',
);

const CLF_LINE = new RegExp(
  String.raw`\[(\d{2}\/[A-Za-z]{3}\/\d{4}:\d{2}:\d{2}:\d{2})(?:\.\d{1,6})? [+-]\d{4}\] "([^"]{0,4000})" (-?\d{1,3}) \+?\d{1,15} "[^"]{0,1000}" "[^"]{0,1000}" \d{1,5} \d{1,3} ` +
    String.raw`"?([^\s"/]{1,200})"? "?([^\s"/]{1,200})"? "?([^\s"/]{1,200})"? ((-?\d{1,9}) (-?\d{1,9}) (-?\d{1,9}) (-?\d{1,9}) \+?(-?\d{1,12})) ([A-Za-z-]{4}) \d{1,9} \d{1,9} \d{1,9} \d{1,9} \+?\d{1,9} \d{1,9} \d{1,9}`,
  // 'd': the match carries each group's offsets, so no field is looked for by its text.
  'gd',
);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "06/Feb/2009:12:14:14" -> "2009-02-06T12:14:14". */
function isoDate(d: string): string {
  const mon = MONTHS.indexOf(d.slice(3, 6).toLowerCase()) + 1;
  return `${d.slice(7, 11)}-${String(mon).padStart(2, '0')}-${d.slice(0, 2)}T${d.slice(12)}`;
}

function group(m: RegExpExecArray, k: number, from: number): Field {
  const v = m[k] as string;
  return { value: v, start: from, end: from + v.length };
}

/** The quoted request after the counters, if it is on the line. */
function requestAfter(text: string, from: number, limit: number): Field | undefined {
  const open = text.indexOf('"', from);
  if (open < 0 || open >= limit) return undefined;
  const close = text.indexOf('"', open + 1);
  const end = close < 0 || close > limit ? limit : close;
  if (end <= open + 1) return undefined;
  return { value: text.slice(open + 1, end), start: open + 1, end };
}

function fromMatch(text: string, m: RegExpExecArray, http: boolean, limit: number): HaproxyLine {
  // Offsets of the groups, found by walking the matched text (each group is followed by a space).
  const dateAt = m.index + 1;
  const frontAt = m.index + m[0].indexOf('] ') + 2;
  const backAt = frontAt + (m[2] as string).length + 1;
  const serverAt = backAt + (m[3] as string).length + 1;
  const timersAt = serverAt + (m[4] as string).length + 1;
  const timers = group(m, 5, timersAt);
  const lastTimer = Number(m[http ? 10 : 8]);
  const afterTimers = timersAt + timers.value.length + 1;
  let status: Field<number> | undefined;
  let termination: Field;
  const matchEnd = m.index + m[0].length;
  if (http) {
    const s = m[11] as string;
    status = { value: Number(s), start: afterTimers, end: afterTimers + s.length };
    // The state is the last word before the connection counters (digits only).
    const t = m[12] as string;
    const tAt = m.index + m[0].lastIndexOf(` ${t} `) + 1;
    termination = { value: t, start: tAt, end: tAt + 4 };
  } else {
    const t = m[9] as string;
    const tAt = m.index + m[0].lastIndexOf(` ${t} `) + 1;
    termination = { value: t, start: tAt, end: tAt + 2 };
  }
  return {
    start: m.index,
    end: matchEnd,
    date: { value: isoDate(m[1] as string), start: dateAt, end: dateAt + (m[1] as string).length },
    frontend: group(m, 2, frontAt),
    backend: group(m, 3, backAt),
    server: group(m, 4, serverAt),
    timers,
    total: lastTimer >= 0 ? lastTimer : undefined,
    status,
    termination,
    request: http ? requestAfter(text, matchEnd, limit) : undefined,
  };
}

/** An entry of the common log format, each field at its group's offsets. */
function fromClf(m: RegExpExecArray): HaproxyLine {
  const field = (k: number): Field => {
    const [start, end] = m.indices![k]!;
    return { value: m[k] as string, start, end };
  };
  const date = field(1);
  const status = field(3);
  const last = Number(m[12]);
  return {
    start: m.index,
    end: m.index + m[0].length,
    date: { ...date, value: isoDate(date.value) },
    frontend: field(4),
    backend: field(5),
    server: field(6),
    timers: field(7),
    total: last >= 0 ? last : undefined,
    status: { value: Number(status.value), start: status.start, end: status.end },
    termination: field(13),
    request: field(2),
  };
}

/** Every HAProxy traffic log entry on this line (several when newlines were lost). */
export function readLogLines(text: string): HaproxyLine[] {
  const out: HaproxyLine[] = [];
  if (!text.includes('] ') || !text.includes('/')) return out;
  if (text.includes('] "')) {
    CLF_LINE.lastIndex = 0;
    for (let m = CLF_LINE.exec(text); m; m = CLF_LINE.exec(text)) out.push(fromClf(m));
    if (out.length > 0) return out;
  }
  for (const [re, http] of [[HTTP_LINE, true], [TCP_LINE, false]] as const) {
    const found: RegExpExecArray[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) found.push(m);
    for (let k = 0; k < found.length; k++) {
      const m = found[k] as RegExpExecArray;
      const limit = k + 1 < found.length ? (found[k + 1] as RegExpExecArray).index : text.length;
      out.push(fromMatch(text, m, http, limit));
    }
    if (out.length > 0) return out;
  }
  return out;
}

export interface HealthMessage {
  /** `down-l4-refused`, `down-l4-timeout`, `down-l6-tls`, `down-l7-status`, `down-l7-timeout`, `down-other`, `no-server`. */
  what: 'down-l4-refused' | 'down-l4-timeout' | 'down-l6-tls' | 'down-l7-status' | 'down-l7-timeout' | 'down-other' | 'no-server';
  start: number;
  end: number;
  /** backend/server or backend named by the message. */
  name: Field;
}

const SERVER_DOWN = /\bServer ([^\s/]{1,200}\/[^\s/]{1,200}) is DOWN, reason: ([A-Za-z0-9 ]{1,60})/;
const NO_SERVER = /\b(?:backend|proxy) '?([^\s']{1,200})'? has no server available!/;

/** A health-check message on this line, if any. */
export function readHealthMessage(text: string): HealthMessage | undefined {
  if (text.includes(' is DOWN, reason: ')) {
    const m = SERVER_DOWN.exec(text);
    if (m) {
      const reason = (m[2] as string).toLowerCase();
      const tail = text.slice(m.index + m[0].length, m.index + m[0].length + 200).toLowerCase();
      let what: HealthMessage['what'] = 'down-other';
      if (reason.startsWith('layer4 connection problem')) what = tail.includes('connection refused') ? 'down-l4-refused' : 'down-other';
      else if (reason.startsWith('layer4 timeout')) what = 'down-l4-timeout';
      // Layer 6 is the check's SSL/TLS handshake (src/check.c: "Layer6 invalid response", "Layer6 timeout").
      else if (reason.startsWith('layer6 ')) what = 'down-l6-tls';
      else if (reason.startsWith('layer7 wrong status') || reason.startsWith('layer7 invalid response')) what = 'down-l7-status';
      else if (reason.startsWith('layer7 timeout')) what = 'down-l7-timeout';
      const nameAt = m.index + 7;
      return {
        what,
        start: m.index,
        end: m.index + m[0].length,
        name: { value: m[1] as string, start: nameAt, end: nameAt + (m[1] as string).length },
      };
    }
  }
  if (text.includes('has no server available!')) {
    const m = NO_SERVER.exec(text);
    if (m) {
      const nameAt = m.index + m[0].indexOf(m[1] as string);
      return {
        what: 'no-server',
        start: m.index,
        end: m.index + m[0].length,
        name: { value: m[1] as string, start: nameAt, end: nameAt + (m[1] as string).length },
      };
    }
  }
  return undefined;
}
