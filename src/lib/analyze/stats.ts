/**
 * What the analyzer keeps while it reads: counters, and per failure cluster a bounded detail
 * (time window, first lines, own URLs: cluster-detail.ts), so memory stays flat however long the
 * log. Plain objects, Maps and typed arrays, so a Stats crosses a worker boundary by structured
 * clone. mergeStats(a, b) gives exactly what one pass over a then b gives (see top-counter.ts
 * for the one bounded structure that can become approximate).
 */
import { emptyDetail, mergeDetails, shiftDetail, type Detail } from './cluster-detail.ts';
import { BUCKETS } from './histogram.ts';
import { TIMEOUT_MARKERS } from './timeouts.ts';
import { createTopCounter, mergeTopCounters, type TopCounter } from './top-counter.ts';

/** Distinct URLs with 502s counted exactly before the summary becomes approximate. */
export const URL_CAP = 5000;
/** Distinct time keys kept before the timeline moves to the next coarser unit. */
export const TIME_KEY_CAP = 100_000;
/** Timeline storage units, in seconds: minute, hour, day. */
export const TIME_UNITS: readonly number[] = [60, 3600, 86400];
/** Distinct status/sub-status/win32 combinations kept apart; more are counted under OTHER_SIG. */
export const SIG_CAP = 4096;
/** Key of the "other" failure combination (cannot clash: real keys have status >= 100). */
export const OTHER_SIG = 0;
/** Distinct HTTP.sys reasons kept apart; more are counted under OTHER_REASON. */
export const REASON_CAP = 256;
export const OTHER_REASON = 'other';

/** Per marker band (TIMEOUT_MARKERS, then "not near a timeout"): count, min, max, sum of ms. */
export const BANDS = TIMEOUT_MARKERS.length + 1;
export const BAND_OTHER = TIMEOUT_MARKERS.length;

/**
 * One failure combination (status, sub-status, sc-win32-status): 5xx responses, and responses
 * the client side dropped (win32 64, 1229, 1236, 10053, 10054) at a known timeout.
 * `bands[b*4 + 0..3]` = count, min ms, max ms, sum ms; `noTime` counts lines with no time-taken.
 */
export interface Sig {
  count: number;
  noTime: number;
  bands: number[];
  /** Per band (as in `bands`, lines without time-taken under BAND_OTHER): window, samples, URLs. */
  details: (Detail | null)[];
}

export interface Stats {
  bytes: number;
  lines: number;
  /** Lines read as requests (they have an HTTP status or a dash for one). */
  requests: number;
  /** Directive and comment lines (#Software, #Fields ...). */
  comments: number;
  /** Empty lines. */
  blank: number;
  /** Lines that are neither comments nor readable requests. */
  bad: number;
  /** Requests whose sc-status is '-' (HTTP.sys error logs). */
  noStatus: number;
  /** Requests with no readable date/time. */
  undated: number;
  /** Count per sc-status 0..999. */
  status: Float64Array;
  /** Count per status*1000 + sub-status. */
  sub: Map<number, number>;
  /** Failure combinations by sigKey(). */
  sigs: Map<number, Sig>;
  /**
   * HTTP.sys error-log lines by reasonKey() ("503|queuefull", "-|timer_connectionidle"):
   * these are counted here instead of in `sigs`.
   */
  reasons: Map<string, number>;
  /** Window, samples and URLs per key of `reasons`. */
  reasonDetails: Map<string, Detail>;
  /** Timeline: unit in seconds and, per time key (epoch seconds / unit), [requests, 5xx, 502]. */
  timeUnit: number;
  time: Map<number, number[]>;
  /** Earliest and latest request time, epoch seconds (Infinity / -Infinity when none). */
  first: number;
  last: number;
  /** Time-taken histogram of the 502s (histogram.ts buckets). */
  taken502: Float64Array;
  /** 502s with no time-taken. */
  noTaken502: number;
  /** URLs of the 502s. */
  urls: TopCounter;
}

export function emptyStats(): Stats {
  return {
    bytes: 0,
    lines: 0,
    requests: 0,
    comments: 0,
    blank: 0,
    bad: 0,
    noStatus: 0,
    undated: 0,
    status: new Float64Array(1000),
    sub: new Map(),
    sigs: new Map(),
    reasons: new Map(),
    reasonDetails: new Map(),
    timeUnit: TIME_UNITS[0] as number,
    time: new Map(),
    first: Infinity,
    last: -Infinity,
    taken502: new Float64Array(BUCKETS),
    noTaken502: 0,
    urls: createTopCounter(URL_CAP),
  };
}

const TWO32 = 4294967296;

/** Key of a failure combination; win32 is an unsigned 32-bit value. */
export function sigKey(status: number, sub: number, win32: number): number {
  return (status * 1000 + sub) * TWO32 + win32;
}

export function sigParts(key: number): { status: number; sub: number; win32: number } {
  const hi = Math.floor(key / TWO32);
  return { status: Math.floor(hi / 1000), sub: hi % 1000, win32: key - hi * TWO32 };
}

/** Key of an HTTP.sys reason with its status (-1 for a dash); the reason in lower case. */
export function reasonKey(status: number, reason: string): string {
  return `${status < 0 ? '-' : status}|${reason.toLowerCase()}`;
}

export function reasonParts(key: string): { status: number; reason: string } {
  const bar = key.indexOf('|');
  if (bar < 0) return { status: -1, reason: key };
  const st = key.slice(0, bar);
  return { status: st === '-' ? -1 : Number(st), reason: key.slice(bar + 1) };
}

/**
 * Count `n` lines under `key`, keeping at most REASON_CAP distinct reasons. Returns the key
 * they were counted under (OTHER_REASON beyond the cap).
 */
export function addReason(into: Map<string, number>, key: string, n: number): string {
  const cur = into.get(key);
  if (cur !== undefined) into.set(key, cur + n);
  else if (into.size < REASON_CAP || key === OTHER_REASON) into.set(key, n);
  else {
    into.set(OTHER_REASON, (into.get(OTHER_REASON) ?? 0) + n);
    return OTHER_REASON;
  }
  return key;
}

/** The detail of the reason counted under `key` (created when missing). */
export function reasonDetail(details: Map<string, Detail>, key: string): Detail {
  let d = details.get(key);
  if (!d) details.set(key, (d = emptyDetail()));
  return d;
}

export function emptySig(): Sig {
  const bands: number[] = [];
  for (let b = 0; b < BANDS; b++) bands.push(0, Infinity, -Infinity, 0);
  return { count: 0, noTime: 0, bands, details: new Array<Detail | null>(BANDS).fill(null) };
}

/** Band of a failure in a Sig: markerIndex() (-1 = none), BAND_OTHER when time-taken is unknown. */
export function bandOf(band: number, ms: number): number {
  return ms < 0 || band < 0 ? BAND_OTHER : band;
}

/** The detail of band `b` (from bandOf) of a Sig (created when missing). */
export function sigDetail(s: Sig, b: number): Detail {
  let d = s.details[b];
  if (!d) s.details[b] = d = emptyDetail();
  return d;
}

/** Count one failure in a combination: `band` from markerIndex() (-1 = none), ms < 0 = unknown. */
export function addToSig(s: Sig, band: number, ms: number): void {
  s.count++;
  if (ms < 0) {
    s.noTime++;
    return;
  }
  const o = (band < 0 ? BAND_OTHER : band) * 4;
  const b = s.bands;
  b[o] = (b[o] as number) + 1;
  if (ms < (b[o + 1] as number)) b[o + 1] = ms;
  if (ms > (b[o + 2] as number)) b[o + 2] = ms;
  b[o + 3] = (b[o + 3] as number) + ms;
}

function mergeDetail(a: Detail | null | undefined, b: Detail | null | undefined, shift: number): Detail | null {
  if (a && b) return mergeDetails(a, b, shift);
  if (b) return shiftDetail(b, shift);
  return a ?? null;
}

/** `b` follows `a`'s input, which is `shift` bytes long (see cluster-detail.ts). */
function mergeSig(a: Sig, b: Sig, shift: number): Sig {
  const out = emptySig();
  for (let i = 0; i < BANDS; i++) out.details[i] = mergeDetail(a.details[i], b.details[i], shift);
  out.count = a.count + b.count;
  out.noTime = a.noTime + b.noTime;
  for (let i = 0; i < out.bands.length; i += 4) {
    out.bands[i] = (a.bands[i] as number) + (b.bands[i] as number);
    out.bands[i + 1] = Math.min(a.bands[i + 1] as number, b.bands[i + 1] as number);
    out.bands[i + 2] = Math.max(a.bands[i + 2] as number, b.bands[i + 2] as number);
    out.bands[i + 3] = (a.bands[i + 3] as number) + (b.bands[i + 3] as number);
  }
  return out;
}

/**
 * Add `sig` into `into` under `key`, keeping at most SIG_CAP distinct combinations. The lines
 * of `sig` start `shift` bytes after the start of the input `into` counts.
 */
export function addSig(into: Map<number, Sig>, key: number, sig: Sig, shift = 0): void {
  const cur = into.get(key);
  if (cur) {
    into.set(key, mergeSig(cur, sig, shift));
    return;
  }
  if (into.size < SIG_CAP || key === OTHER_SIG) {
    into.set(key, shift === 0 ? sig : mergeSig(emptySig(), sig, shift));
    return;
  }
  const other = into.get(OTHER_SIG);
  into.set(OTHER_SIG, mergeSig(other ?? emptySig(), sig, shift));
}

/** Move the timeline to a coarser unit: keys are re-grouped, counts added. */
export function coarsenTime(time: Map<number, number[]>, from: number, to: number): Map<number, number[]> {
  const ratio = to / from;
  const out = new Map<number, number[]>();
  for (const [k, v] of time) {
    const nk = Math.floor(k / ratio);
    const cur = out.get(nk);
    if (cur) {
      cur[0] = (cur[0] as number) + (v[0] as number);
      cur[1] = (cur[1] as number) + (v[1] as number);
      cur[2] = (cur[2] as number) + (v[2] as number);
    } else out.set(nk, [v[0] as number, v[1] as number, v[2] as number]);
  }
  return out;
}

/** The next unit up while the timeline has too many keys. Returns the (possibly new) unit. */
export function fitTime(s: { timeUnit: number; time: Map<number, number[]> }): void {
  let i = TIME_UNITS.indexOf(s.timeUnit);
  while (s.time.size > TIME_KEY_CAP && i >= 0 && i < TIME_UNITS.length - 1) {
    const next = TIME_UNITS[i + 1] as number;
    s.time = coarsenTime(s.time, s.timeUnit, next);
    s.timeUnit = next;
    i++;
  }
}

function addArrays(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] as number) + (b[i] as number);
  return out;
}

/** Exact merge: the stats of reading `a`'s input followed by `b`'s. Neither input is changed. */
export function mergeStats(a: Stats, b: Stats): Stats {
  const sub = new Map(a.sub);
  for (const [k, v] of b.sub) sub.set(k, (sub.get(k) ?? 0) + v);
  const sigs = new Map<number, Sig>();
  for (const [k, v] of a.sigs) addSig(sigs, k, v);
  for (const [k, v] of b.sigs) addSig(sigs, k, v, a.bytes);
  const reasons = new Map<string, number>();
  const reasonDetails = new Map<string, Detail>();
  for (const [src, shift] of [[a, 0], [b, a.bytes]] as const) {
    for (const [k, v] of src.reasons) {
      const into = addReason(reasons, k, v);
      const d = src.reasonDetails.get(k);
      if (d) reasonDetails.set(into, mergeDetail(reasonDetails.get(into), d, shift) as Detail);
    }
  }

  const unit = Math.max(a.timeUnit, b.timeUnit);
  const ta = a.timeUnit === unit ? a.time : coarsenTime(a.time, a.timeUnit, unit);
  const tb = b.timeUnit === unit ? b.time : coarsenTime(b.time, b.timeUnit, unit);
  const time = new Map<number, number[]>();
  for (const src of [ta, tb]) {
    for (const [k, v] of src) {
      const cur = time.get(k);
      if (cur) {
        cur[0] = (cur[0] as number) + (v[0] as number);
        cur[1] = (cur[1] as number) + (v[1] as number);
        cur[2] = (cur[2] as number) + (v[2] as number);
      } else time.set(k, [v[0] as number, v[1] as number, v[2] as number]);
    }
  }
  const t = { timeUnit: unit, time };
  fitTime(t);

  return {
    bytes: a.bytes + b.bytes,
    lines: a.lines + b.lines,
    requests: a.requests + b.requests,
    comments: a.comments + b.comments,
    blank: a.blank + b.blank,
    bad: a.bad + b.bad,
    noStatus: a.noStatus + b.noStatus,
    undated: a.undated + b.undated,
    status: addArrays(a.status, b.status),
    sub,
    sigs,
    reasons,
    reasonDetails,
    timeUnit: t.timeUnit,
    time: t.time,
    first: Math.min(a.first, b.first),
    last: Math.max(a.last, b.last),
    taken502: addArrays(a.taken502, b.taken502),
    noTaken502: a.noTaken502 + b.noTaken502,
    urls: mergeTopCounters(a.urls, b.urls),
  };
}
