/**
 * Recogniser for Windows Event Viewer entries around ASP.NET Core hosting: the ASP.NET Core
 * Module (V1/V2, IIS and IIS Express), WAS, the IIS worker process, .NET Runtime and
 * Application Error, in any of the ways people paste them (General tab text, "Copy details as
 * text", XML and Friendly View, Get-WinEvent / Get-EventLog tables and lists, tab-delimited
 * exports, App Service eventlog.xml), wrapped or not, with translated frame labels.
 *
 * How it works:
 * 1. Messages are matched in a compact view of the whole paste (recognisers/shared/event-messages/messages.ts), minus
 *    the ANCM debug-log lines, which belong to the ancm-debug-log kind.
 * 2. Records (recognisers/event-log/records.ts) say which event each message belongs to; a record whose
 *    message is missing, cut short or another provider's still yields a signal from its provider and
 *    event id.
 * 3. Output captured in a message ("First 30KB characters of captured stdout and stderr logs:")
 *    is read with the stdout-log line matchers; those facts keep their stdout-log signal ids.
 * Facts repeated inside one event (the Description and the XML of the same event) are reported
 * once; separate events each report theirs.
 */
import type { Fact, FactName, LineIndex, Recogniser, Span } from '../../engine/types.ts';
import { lineOf } from '../../engine/lines.ts';
import { buildView } from '../shared/event-messages/text.ts';
import { matchMessages } from '../shared/event-messages/messages.ts';
import type { HitFact, MessageHit } from '../shared/event-messages/messages.ts';
import { localisedCrashes } from '../shared/event-messages/windows.ts';
import { EVENT_SPECS } from '../shared/event-messages/specs.ts';
import { CAPTURED_OUTPUT, capturedFacts } from '../shared/event-messages/captured.ts';
import { werReports } from './wer.ts';
import { findRecords } from './records.ts';
import type { EventRecord, Family } from './records.ts';
import { debugRanges } from '../shared/ancm-debug-lines.ts';
import { showsAppService } from '../shared/stdout/app-service.ts';


const E = (what: string): string => `event-log.${what}`;

/** The signal for an event whose message gave none (cut off, or only the id was pasted). */
const FALLBACK: Readonly<Record<Family, Readonly<Record<number, string>>>> = {
  ancm: {
    1000: E('ancm-process-start-failed'),
    1003: E('ancm-rapid-fail'),
    1004: E('ancm-stdout-log-unwritable'),
    1005: E('ancm-graceful-shutdown-failed'),
    1007: E('ancm-load-clr-failed'),
    1008: E('ancm-duplicate-inprocess-app'),
    1009: E('ancm-mixed-hosting-models'),
    1010: E('ancm-add-application-failed'),
    1011: E('ancm-main-exited'),
    1012: E('ancm-app-offline-recycle'),
    1018: E('ancm-managed-exception'),
    1020: E('ancm-start-retries-exhausted'),
    1021: E('ancm-config-change-recycle'),
    1027: E('ancm-general-error'),
    1029: E('ancm-outofprocess-handler-missing'),
    1031: E('ancm-inprocess-start-failed'),
    1034: E('ancm-config-load-failed'),
    1035: E('ancm-main-exited'),
  },
  was: {
    5002: E('was-rapid-fail-protection'),
    5009: E('was-worker-terminated'),
    5010: E('was-worker-ping-failed'),
    5011: E('was-worker-communication-error'),
    5013: E('was-shutdown-time-limit'),
    5021: E('was-pool-identity-invalid'),
    5057: E('was-pool-disabled'),
    5059: E('was-pool-disabled'),
    5074: E('was-worker-recycle'),
    5075: E('was-worker-recycle'),
    5076: E('was-worker-recycle'),
    5077: E('was-memory-limit-recycle'),
    5078: E('was-worker-recycle'),
    5079: E('was-worker-recycle'),
    5080: E('was-worker-recycle'),
    5117: E('was-memory-limit-recycle'),
    5186: E('was-idle-shutdown'),
    5189: E('was-pool-config-failed'),
  },
  // 2307: "The worker process for application pool '%1' encountered an error '%2' trying to read
  // configuration data from file '%3', line number '%4'." (XML views carry only the data fields)
  w3svc: { 2280: E('iis-module-load-failed'), 2307: E('wp-config-read-failed') },
  'dotnet-runtime': { 1023: E('dotnet-runtime-internal-error'), 1026: E('dotnet-runtime-unhandled-exception') },
  'application-error': { 1000: E('app-error-crash') },
  other: {},
};

/**
 * Signal ids of the messages each provider writes. A record whose own message is not among its
 * hits (a .NET Runtime text pasted under an ANCM 1007 header, a message cut off) still gets the
 * fallback signal of its provider and event id.
 */
const FAMILY_PREFIXES: Readonly<Record<Family, readonly string[]>> = {
  ancm: [E('ancm-'), E('iis-features-missing')],
  was: [E('was-')],
  w3svc: [E('wp-'), E('iis-'), E('ancm-v1-module-load-failed'), E('ancm-v2-module-load-failed')],
  'dotnet-runtime': [E('dotnet-runtime-')],
  'application-error': [E('app-error-')],
  other: [],
};

function hasOwnMessage(g: Group, family: Family): boolean {
  const prefixes = FAMILY_PREFIXES[family];
  // A hit whose spec withdrew its signal (a module DLL other than ANCM's) was still the record's message.
  return g.hits.some((h) => h.signal === undefined || prefixes.some((p) => (h.signal as string).startsWith(p)));
}

const ANCM_IN_PROCESS = new Set([1007, 1008, 1011, 1018, 1031, 1032, 1033, 1035]);
const ANCM_OUT_OF_PROCESS = new Set([1000, 1001, 1003, 1006, 1020, 1030]);

/** Every signal id the fallback table can emit (for registry checks). */
export const FALLBACK_SIGNAL_IDS: readonly string[] = [...new Set(Object.values(FALLBACK).flatMap((t) => Object.values(t)))];

const MAX_CAPTURED = 40_000;

interface Group {
  record?: EventRecord;
  hits: MessageHit[];
  facts: HitFact[];
}

function findRecord(records: readonly EventRecord[], offset: number): number {
  let lo = 0;
  let hi = records.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = records[mid] as EventRecord;
    if (offset < r.start) hi = mid - 1;
    else if (offset >= r.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

const BINARY = /<Binary>\s*([0-9A-Fa-f]{8})\s*<\/Binary>/;

function recognise(input: string, lines: LineIndex, out: Fact[]): Fact[] {
  const skip: Span[] = debugRanges(input, lines);
  // The view is read by matchMessages only, before any other reuseMap view is built.
  const view = buildView(input, 0, input.length, { compact: true, decode: true, skip, reuseMap: true });
  const hits = matchMessages(view, input, EVENT_SPECS);

  // Application Error text in other languages, on lines the English phrase did not cover.
  const englishLines = new Set<number>();
  for (const h of hits) if (h.signal === E('app-error-crash')) englishLines.add(lineOf(lines, h.phraseStart));
  const skipped = (offset: number): boolean => {
    if (englishLines.has(lineOf(lines, offset))) return true;
    let lo = 0;
    let hi = skip.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const sp = skip[mid] as Span;
      if (offset < sp.start) hi = mid - 1;
      else if (offset >= sp.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
  hits.push(...localisedCrashes(input, lines, skipped), ...werReports(input, lines, skipped));
  hits.sort((a, b) => a.phraseStart - b.phraseStart);

  const records = findRecords(input, lines, skip);
  const appService = showsAppService(input);

  // Group hits by record; outside records, a lead message opens a group for what follows it.
  const groups: Group[] = [];
  const byRecord = new Map<number, Group>();
  let orphan: Group | undefined;
  // Captured output runs from its marker to the next message, marker, record end or </Data>,
  // so the regions never overlap and reading them stays linear.
  const stops: number[] = hits.filter((h) => h.lead || h.captured !== undefined).map((h) => h.phraseStart);
  let nextStop = 0;
  let dataClose = -2; // next "</Data>" at or after the cursor; -1 when there is none left
  for (const h of hits) {
    const ri = findRecord(records, h.phraseStart);
    let g: Group | undefined;
    if (ri >= 0) {
      g = byRecord.get(ri);
      if (!g) {
        g = { record: records[ri] as EventRecord, hits: [], facts: [] };
        byRecord.set(ri, g);
        groups.push(g);
      }
    } else {
      if (h.lead || !orphan) {
        orphan = { hits: [], facts: [] };
        groups.push(orphan);
      }
      g = orphan;
    }
    g.hits.push(h);
    if (h.captured !== undefined) {
      while (nextStop < stops.length && (stops[nextStop] as number) <= h.phraseStart) nextStop++;
      const rec = ri >= 0 ? (records[ri] as EventRecord) : undefined;
      let end = Math.min(
        rec ? rec.end : input.length,
        nextStop < stops.length ? (stops[nextStop] as number) : input.length,
        h.captured + MAX_CAPTURED,
      );
      if (dataClose !== -1 && dataClose < h.captured) dataClose = input.indexOf('</Data>', h.captured);
      if (dataClose >= 0 && dataClose < end) end = dataClose;
      g.facts.push(...capturedFacts(input, h.captured, end, appService));
      // Other products' words in it (a hostfxr message) are the catalogue's to read (engine/repeats.ts).
      if (end > h.captured) g.facts.push({ name: 'placed', value: CAPTURED_OUTPUT, start: h.captured, end });
    }
  }
  // Records without any message hit: fall back on provider + id.
  records.forEach((r, i) => {
    if (!byRecord.has(i) && r.provider && r.id) {
      const g: Group = { record: r, hits: [], facts: [] };
      byRecord.set(i, g);
      groups.push(g);
    }
  });

  const facts = out;
  const sitePaths = appServicePaths(input);
  for (const g of groups) emitGroup(input, g, facts, sitePaths);
  facts.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return facts;
}

/** Where the App Service site root and log folder appear in the input, each list in order. */
interface SitePaths {
  wwwroot: number[];
  logfiles: number[];
}

const SITE_ROOT = '\\home\\site\\wwwroot';
const LOG_FOLDER = '\\home\\logfiles';
const SITE_PATH = /\\home\\(?:site\\wwwroot|logfiles)/gi;

/** One case-insensitive pass over the input for the App Service paths. */
function appServicePaths(input: string): SitePaths {
  const out: SitePaths = { wwwroot: [], logfiles: [] };
  SITE_PATH.lastIndex = 0;
  for (let m = SITE_PATH.exec(input); m; m = SITE_PATH.exec(input)) {
    (m[0].length === SITE_ROOT.length ? out.wwwroot : out.logfiles).push(m.index);
  }
  return out;
}

/** The first position in `sorted` within [from, to - length], or -1. */
function firstWithin(sorted: readonly number[], from: number, to: number, length: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  const at = sorted[lo];
  return at !== undefined && at + length <= to ? at : -1;
}

function emitGroup(input: string, g: Group, out: Fact[], sitePaths: SitePaths): void {
  const seen = new Set<string>();
  let signals = 0;
  const push = (name: FactName, value: string | number, start: number, end: number): void => {
    const key = `${name}\u0000${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (name === 'signal') signals++;
    out.push({ kind: 'event-log', name, value, span: { start, end } });
  };
  const rec = g.record;
  const family = rec?.provider?.value.family;
  const recordServer = rec?.provider?.value.server;
  if (rec?.provider && recordServer) push('server', recordServer, rec.provider.start, rec.provider.end);

  for (const h of g.hits) {
    if (h.signal) push('signal', h.signal, h.start, h.end);
    for (const f of h.facts) {
      if (f.name === 'server' && recordServer && (f.value === 'iis' || f.value === 'iis-express')) continue;
      push(f.name, f.value, f.name === 'signal' ? h.start : f.start, f.name === 'signal' ? h.end : f.end);
    }
  }
  for (const f of g.facts) push(f.name, f.value, f.start, f.end);

  if (rec && family && rec.id && (g.hits.length === 0 || !hasOwnMessage(g, family))) {
    let sig = FALLBACK[family][rec.id.value];
    // The file name data '\\?\<EMPTY>': the worker got no configuration file at all.
    if (sig === E('wp-config-read-failed') && input.slice(rec.start, Math.min(rec.end, rec.start + 20_000)).includes('\\\\?\\<EMPTY>')) {
      sig = E('wp-config-file-unreadable');
    }
    if (sig) push('signal', sig, rec.id.start, rec.id.end);
  }
  if (rec && family === 'ancm' && rec.id) {
    const model = ANCM_IN_PROCESS.has(rec.id.value) ? 'in-process' : ANCM_OUT_OF_PROCESS.has(rec.id.value) ? 'out-of-process' : undefined;
    if (model && !seen.has(`hosting-model\u0000in-process`) && !seen.has(`hosting-model\u0000out-of-process`)) {
      push('hosting-model', model, rec.id.start, rec.id.end);
    }
  }

  // The data of a "Module DLL failed to load" event is the Win32 error, little-endian.
  if (rec && g.hits.some((h) => h.signal?.endsWith('module-load-failed'))) {
    const m = BINARY.exec(input.slice(rec.start, Math.min(rec.end, rec.start + 20_000)));
    if (m) {
      const hex = m[1] as string;
      const value = parseInt(hex.slice(6, 8) + hex.slice(4, 6) + hex.slice(2, 4) + hex.slice(0, 2), 16) >>> 0;
      const at = rec.start + m.index + m[0].indexOf(hex);
      if (value !== 0) push('code', value, at, at + 8);
    }
  }

  // App Service: the site root or log folder in the event.
  const from = rec ? rec.start : (g.hits[0]?.start ?? 0);
  const to = rec ? rec.end : (g.hits[g.hits.length - 1]?.end ?? 0);
  const limit = Math.min(to, from + 65_536);
  for (const [positions, length] of [
    [sitePaths.wwwroot, SITE_ROOT.length],
    [sitePaths.logfiles, LOG_FOLDER.length],
  ] as const) {
    const at = firstWithin(positions, from, limit, length);
    if (at >= 0) {
      push('server', 'azure-app-service', at, at + length);
      break;
    }
  }

  if (rec?.time && signals > 0) push('timestamp', rec.time.value, rec.time.start, rec.time.end);
}

export const recogniser: Recogniser = {
  kind: 'event-log',
  recognise: (input: string, lines: LineIndex, out: Fact[] = []): Fact[] => recognise(input, lines, out),
};
