/**
 * The analysis as the reader sees it (and the CLI prints as JSON): plain data derived from the
 * counters in Stats. Deterministic: ties are broken by key so equal Stats give equal reports.
 */
import { samplesText, type Detail } from './cluster-detail.ts';
import { clusterCauses, clusterNote, curatedName, reasonCauses, reasonNote, statusText } from './clusters.ts';
import { reasonSpelling } from './httperr-reasons.ts';
import { isoOf } from './dates.ts';
import { bucketRange } from './histogram.ts';
import { BAND_OTHER, BANDS, OTHER_REASON, OTHER_SIG, reasonParts, sigParts, type Stats } from './stats.ts';
import { TIMEOUT_MARKERS } from './timeouts.ts';
import { isExact, topKeys } from './top-counter.ts';

export interface Totals {
  bytes: number;
  lines: number;
  requests: number;
  comments: number;
  blank: number;
  bad: number;
  /** Requests logged with '-' for sc-status. */
  noStatus: number;
  undated: number;
  /** Responses with status 500-599. */
  serverErrors: number;
  /** Responses with status 502. */
  badGateway: number;
}

export interface FailureRow {
  /** "502.3" (or "503" for sub-status 0); "other" for combinations beyond the cap. */
  status: string;
  win32: number;
  /** Curated name of the Win32 code (ERROR_WINHTTP_TIMEOUT), when the engine knows it. */
  name?: string;
  /** s-reason, for lines of HTTP.sys error logs. */
  reason?: string;
  count: number;
}

export interface Timeline {
  /** Seconds per point. */
  unit: number;
  /** ISO time of the first point. */
  start: string;
  /** Per point: all requests, 5xx, 502. */
  requests: number[];
  serverErrors: number[];
  badGateway: number[];
}

export interface HistogramBucket {
  /** [from, to) in ms; `to` is null for the open last bucket. */
  from: number;
  to: number | null;
  count: number;
}

export interface MarkerCount {
  seconds: number;
  label: string;
  cause: string;
  /** 502s whose time-taken falls in this marker's window. */
  count: number;
}

export interface Cluster {
  /** The timeout (seconds) these failures pile up at, or null. */
  near: number | null;
  status: string;
  win32: number;
  name?: string;
  /** s-reason, for a cluster of HTTP.sys error-log lines. */
  reason?: string;
  count: number;
  /** Time-taken of the cluster's requests (ms); null when none was logged. */
  timeTakenMs: { min: number; max: number; mean: number } | null;
  /** Cause ids, best first. */
  causes: string[];
  note: string;
  /** First and last time seen (ISO, UTC like the log), null when none of its lines had a date and time. */
  window: { first: string; last: string } | null;
  /** Its first lines in the log (at most MAX_SAMPLES), verbatim. */
  samples: string[];
  /** The sample lines, each group after the `#Fields:` line it was read with: what the diagnosis is given. */
  sampleText: string;
  /** Its own URLs (cs-uri-stem), most frequent first. */
  urls: UrlCounts;
}

export interface UrlCounts {
  /** False when there were too many distinct URLs to count exactly (top-counter.ts). */
  exact: boolean;
  /** Largest amount any count may be short by (0 when exact). */
  maxError: number;
  items: { url: string; count: number }[];
}

export interface AnalysisReport {
  totals: Totals;
  /** First and last request time (UTC), null when no line had a readable date and time. */
  range: { first: string; last: string } | null;
  /** Count per sc-status ("-" for requests without one). */
  byStatus: Record<string, number>;
  /** Count per status.sub-status ("502.3", "200.0"). */
  bySubstatus: Record<string, number>;
  /** Count per sc-win32-status among 5xx responses. */
  byWin32: Record<string, number>;
  /** 5xx by status, sub-status and win32 code, most frequent first. */
  failures: FailureRow[];
  timeline: Timeline | null;
  timeTaken502: { buckets: HistogramBucket[]; unknown: number; markers: MarkerCount[] };
  topUrls: { exact: boolean; maxError: number; items: { url: string; count: number }[] };
  clusters: Cluster[];
}

/** Points on the timeline at most. */
export const MAX_POINTS = 1500;
/** Bucket sizes the timeline may use, in seconds. */
const STEPS = [60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 7 * 86400];
export const TOP_URLS = 20;
/** URLs listed per cluster. */
export const CLUSTER_TOP_URLS = 5;

/** Window, samples and URLs of a cluster, from its detail (none: nothing was recorded). */
function detailFields(d: Detail | null | undefined): Pick<Cluster, 'window' | 'samples' | 'sampleText' | 'urls'> {
  if (!d) return { window: null, samples: [], sampleText: '', urls: { exact: true, maxError: 0, items: [] } };
  return {
    window: d.first <= d.last ? { first: isoOf(d.first), last: isoOf(d.last) } : null,
    samples: d.samples.map((x) => x.line),
    sampleText: samplesText(d.samples),
    urls: { exact: isExact(d.urls), maxError: d.urls.dropped, items: topKeys(d.urls, CLUSTER_TOP_URLS).map((t) => ({ url: t.key, count: t.count })) },
  };
}

/** Seconds per timeline point for a range (seconds) stored at `storeUnit`. */
export function timelineUnit(rangeSeconds: number, storeUnit: number): number {
  const need = Math.max(rangeSeconds, 0) / MAX_POINTS;
  for (const s of STEPS) if (s >= storeUnit && s % storeUnit === 0 && s >= need && Math.floor(rangeSeconds / s) + 1 <= MAX_POINTS) return s;
  return Math.ceil(need / storeUnit + 1) * storeUnit;
}

function timeline(s: Stats): Timeline | null {
  if (!(s.first <= s.last) || s.time.size === 0) return null;
  const unit = timelineUnit(s.last - s.first, s.timeUnit);
  const ratio = unit / s.timeUnit;
  const startKey = Math.floor(s.first / unit);
  const n = Math.floor(s.last / unit) - startKey + 1;
  const requests = new Array<number>(n).fill(0);
  const serverErrors = new Array<number>(n).fill(0);
  const badGateway = new Array<number>(n).fill(0);
  for (const [k, v] of s.time) {
    const i = Math.floor(k / ratio) - startKey;
    if (i < 0 || i >= n) continue;
    requests[i] = (requests[i] as number) + (v[0] as number);
    serverErrors[i] = (serverErrors[i] as number) + (v[1] as number);
    badGateway[i] = (badGateway[i] as number) + (v[2] as number);
  }
  return { unit, start: isoOf(startKey * unit), requests, serverErrors, badGateway };
}

function byCountThenKey(a: { count: number; key: string }, b: { count: number; key: string }): number {
  return b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

export function toReport(s: Stats): AnalysisReport {
  const byStatus: Record<string, number> = {};
  let serverErrors = 0;
  for (let i = 0; i < s.status.length; i++) {
    const c = s.status[i] as number;
    if (c === 0) continue;
    byStatus[String(i)] = c;
    if (i >= 500 && i <= 599) serverErrors += c;
  }
  if (s.noStatus > 0) byStatus['-'] = s.noStatus;

  const bySubstatus: Record<string, number> = {};
  for (const k of [...s.sub.keys()].sort((a, b) => a - b)) bySubstatus[`${Math.floor(k / 1000)}.${k % 1000}`] = s.sub.get(k) as number;

  const byWin32Map = new Map<number, number>();
  const failures: (FailureRow & { key: string })[] = [];
  const clusters: (Cluster & { key: string })[] = [];
  for (const [key, sig] of s.sigs) {
    const other = key === OTHER_SIG;
    const { status, sub, win32 } = other ? { status: 0, sub: 0, win32: 0 } : sigParts(key);
    const is5xx = other || status >= 500;
    const label = other ? 'other' : statusText(status, sub);
    const name = other ? undefined : curatedName(win32);
    if (is5xx) {
      if (!other) byWin32Map.set(win32, (byWin32Map.get(win32) ?? 0) + sig.count);
      failures.push({ status: label, win32, ...(name ? { name } : {}), count: sig.count, key: `${label} ${win32}` });
    }
    for (let b = 0; b < BANDS; b++) {
      const o = b * 4;
      let count = sig.bands[o] as number;
      if (b === BAND_OTHER) count += sig.noTime;
      if (count === 0) continue;
      const near = b === BAND_OTHER ? null : (TIMEOUT_MARKERS[b]?.seconds ?? null);
      const timed = sig.bands[o] as number;
      clusters.push({
        near,
        status: label,
        win32,
        ...(name ? { name } : {}),
        count,
        timeTakenMs: timed > 0 ? { min: sig.bands[o + 1] as number, max: sig.bands[o + 2] as number, mean: Math.round((sig.bands[o + 3] as number) / timed) } : null,
        causes: other ? [] : clusterCauses(status, sub, win32, near),
        note: other ? `${count} more failures with other status and code combinations.` : clusterNote(status, sub, win32, near, count),
        ...detailFields(sig.details[b]),
        key: `${label} ${win32} ${b}`,
      });
    }
  }
  for (const [key, count] of s.reasons) {
    const other = key === OTHER_REASON;
    const { status, reason } = other ? { status: 0, reason: 'other' } : reasonParts(key);
    const label = status < 0 ? '-' : other ? 'other' : String(status);
    const spelled = reasonSpelling(reason);
    if (status >= 500 || other) failures.push({ status: label, win32: 0, reason: spelled, count, key: `${label} ${reason}` });
    const causes = other ? [] : reasonCauses(status, reason);
    // Client-side noise (Timer_ConnectionIdle, Client_Reset ...) is not a failure to diagnose.
    if (causes.length === 0 && !(status >= 500)) continue;
    clusters.push({
      near: null,
      status: label,
      win32: 0,
      reason: spelled,
      count,
      timeTakenMs: null,
      causes,
      note: other ? `${count} more HTTP.sys error-log lines with other reasons.` : reasonNote(status, reason, count),
      ...detailFields(s.reasonDetails.get(key)),
      key: `${label} ${reason} r`,
    });
  }
  const byWin32: Record<string, number> = {};
  for (const k of [...byWin32Map.keys()].sort((a, b) => a - b)) byWin32[String(k)] = byWin32Map.get(k) as number;

  const buckets: HistogramBucket[] = [];
  for (let i = 0; i < s.taken502.length; i++) {
    const r = bucketRange(i);
    buckets.push({ from: r.from, to: Number.isFinite(r.to) ? r.to : null, count: s.taken502[i] as number });
  }
  const markers: MarkerCount[] = TIMEOUT_MARKERS.map((m, b) => {
    let count = 0;
    for (const [key, sig] of s.sigs) {
      if (key !== OTHER_SIG && sigParts(key).status === 502) count += sig.bands[b * 4] as number;
    }
    return { seconds: m.seconds, label: m.label, cause: m.cause, count };
  });

  const strip = <T extends { key: string; count: number }>(rows: T[]): Omit<T, 'key'>[] =>
    rows.sort(byCountThenKey).map(({ key: _key, ...rest }) => rest);

  return {
    totals: {
      bytes: s.bytes,
      lines: s.lines,
      requests: s.requests,
      comments: s.comments,
      blank: s.blank,
      bad: s.bad,
      noStatus: s.noStatus,
      undated: s.undated,
      serverErrors,
      badGateway: s.status[502] as number,
    },
    range: s.first <= s.last ? { first: isoOf(s.first), last: isoOf(s.last) } : null,
    byStatus,
    bySubstatus,
    byWin32,
    failures: strip(failures),
    timeline: timeline(s),
    timeTaken502: { buckets, unknown: s.noTaken502, markers },
    topUrls: {
      exact: isExact(s.urls),
      maxError: s.urls.dropped,
      items: topKeys(s.urls, TOP_URLS).map((t) => ({ url: t.key, count: t.count })),
    },
    clusters: strip(clusters),
  };
}
