/**
 * summariseFreb(text): what one Failed Request Tracing file (or a pasted part of one) says about
 * its request, for the FREB reader widget: URL, verb, final and trigger status, time taken,
 * failure reason, the event that set the error status (module, notification, status, error code,
 * configuration error) and the error codes the ASP.NET Core Module reported.
 *
 * Built on the freb recogniser's own readers, never a second parser: recognisers/freb/scan.ts finds roots and
 * events (offsets, fragments), recognisers/freb/xml.ts supplies the values of well-formed documents (entities,
 * CDATA), recognisers/freb/text.ts reads the text view a browser renders through freb.xsl.
 *
 * frebKeyText(text, max) keeps the root tags and the telling events of a trace, so a diagnosis of
 * a multi-megabyte file stays quick and still sees its failure.
 *
 * Pure and total: any input gives a summary, never an exception.
 */
import type { Span } from '../engine/types.ts';
import { indexLines } from '../engine/lines.ts';
import { parseCode as readCode } from '../codes/forms.ts';
import { IIS_TEXT } from '../codes/iis-codes.ts';

/** A code as IIS writes it (decimal, hex or rendered text), or undefined. */
const parseCode = (text: string): number | undefined => readCode(text, IIS_TEXT) ?? undefined;
import type { FrebEvent, FrebRoot } from '../recognisers/freb/scan.ts';
import { scanFrebXml } from '../recognisers/freb/scan.ts';
import { scanFrebText } from '../recognisers/freb/text.ts';
import type { FrebDocEvent } from '../recognisers/freb/xml.ts';
import { readFrebDocument } from '../recognisers/freb/xml.ts';

/** What the text is, as far as the FREB reader cares. */
export type FrebInputKind =
  /** One or more `<failedRequest>` documents (whole or cut off). */
  | 'freb-xml'
  /** FREB `<Event>` or `<Data>` elements without their root. */
  | 'freb-fragment'
  /** The text view of a trace (Request Summary, event names with their values). */
  | 'freb-text'
  /** XML, but not a trace. */
  | 'xml-other'
  /** Neither XML nor a trace's text view. */
  | 'not-freb'
  | 'empty';

export interface FrebCodeSeen {
  /** Unsigned 32-bit value. */
  value: number;
  /** As written in the trace (decimal, hex or the rendered text). */
  text: string;
  /** The event and field it came from: "MODULE_SET_RESPONSE_ERROR_STATUS ErrorCode". */
  source: string;
}

/** The event that set the failing status (or, without one, the ASP.NET Core Module's failure event). */
export interface FrebFailure {
  event: string;
  module?: string;
  /** Notification name (EXECUTE_REQUEST_HANDLER), from the rendering or the number. */
  notification?: string;
  /** "502.3", "500.19", "502". */
  status?: string;
  reason?: string;
  /** The error code as the Data item holds it ("2147954402"). */
  errorCode?: string;
  /** The error code as the trace renders it ("The operation timed out (0x80072ee2)"). */
  errorText?: string;
  errorValue?: number;
  configException?: string;
  time?: string;
}

export interface FrebRequest {
  source: 'xml' | 'fragment' | 'text';
  /** The document parsed as XML (false for fragments, text views and cut-off files). */
  wellFormed: boolean;
  url?: string;
  verb?: string;
  siteId?: string;
  appPoolId?: string;
  processId?: string;
  /** Final status ("502.3"). */
  status?: string;
  /** Status that made IIS keep the trace, when the file says. */
  triggerStatus?: string;
  failureReason?: string;
  timeTakenMs?: number;
  /** Trace events read. */
  events: number;
  failure?: FrebFailure;
  /** Distinct non-zero error codes, the failure's first. */
  codes: FrebCodeSeen[];
  /** Names of the ASP.NET Core Module's events, in order, each once. */
  ancmEvents: string[];
  hostingModel?: 'in-process' | 'out-of-process';
  /** Where this request is in the text. */
  span: Span;
}

export interface FrebSummary {
  kind: FrebInputKind;
  requests: FrebRequest[];
}

const STATUS_TEXT = /^([1-5]\d\d)(?:\.(\d{1,3}))?$/;
const FREB_OPCODE = /^[A-Z][A-Z0-9_]{3,80}$/;
const ERROR_STATUS = 'MODULE_SET_RESPONSE_ERROR_STATUS';
const TIME_TAKEN_TEXT = /^(\d{1,10})[ \t]{0,10}(?:msec|ms)?$/i;
/** First markup of the text, after a byte-order mark and white space. */
const LEADING_TAG = /^\uFEFF?[ \t\r\n]{0,1000}<[?!A-Za-z]/;
const MAX_CODES = 20;

/** IIS request notifications (httpserv.h RQ_* values) by number, for traces that only give it. */
const NOTIFICATIONS: ReadonlyMap<number, string> = new Map([
  [0x1, 'BEGIN_REQUEST'],
  [0x2, 'AUTHENTICATE_REQUEST'],
  [0x4, 'AUTHORIZE_REQUEST'],
  [0x8, 'RESOLVE_REQUEST_CACHE'],
  [0x10, 'MAP_REQUEST_HANDLER'],
  [0x20, 'ACQUIRE_REQUEST_STATE'],
  [0x40, 'PRE_EXECUTE_REQUEST_HANDLER'],
  [0x80, 'EXECUTE_REQUEST_HANDLER'],
  [0x100, 'RELEASE_REQUEST_STATE'],
  [0x200, 'UPDATE_REQUEST_CACHE'],
  [0x400, 'LOG_REQUEST'],
  [0x800, 'END_REQUEST'],
  [0x10000000, 'CUSTOM_NOTIFICATION'],
  [0x20000000, 'SEND_RESPONSE'],
  [0x40000000, 'READ_ENTITY'],
  [0x80000000, 'MAP_PATH'],
]);

/** "502" + "3" -> "502.3"; sub-status 0 is left out ("502"). Undefined for non-statuses. */
export function statusText(status: string, sub?: string): string | undefined {
  const joined = sub === undefined || sub.trim() === '' ? status.trim() : `${status.trim()}.${sub.trim()}`;
  const m = STATUS_TEXT.exec(joined);
  if (!m) return undefined;
  const s = m[2] === undefined ? 0 : Number(m[2]);
  return s === 0 ? (m[1] as string) : `${m[1] as string}.${s}`;
}

/** Notification name from a trace value: a name stays, a number is looked up. */
export function notificationName(value: string): string {
  const t = value.trim();
  if (!/^\d{1,10}$/.test(t)) return t;
  return NOTIFICATIONS.get(Number(t)) ?? t;
}

const isError = (status: string | undefined): boolean => status !== undefined && Number(status.slice(0, 3)) >= 400;

/** Read access to one event's values: the parser's when it has them, else the scanner's. */
interface Values {
  ev: FrebEvent;
  opcode?: string;
  field(name: string): string | undefined;
  description(name: string): string | undefined;
}

function values(ev: FrebEvent, doc?: FrebDocEvent): Values {
  const opcode = doc?.opcode && FREB_OPCODE.test(doc.opcode) ? doc.opcode : ev.opcode;
  return {
    ev,
    opcode,
    field: (name) => (doc && name in doc.fields ? doc.fields[name] : ev.fields.get(name)?.value),
    description: (name) => (doc && name in doc.descriptions ? doc.descriptions[name] : ev.descriptions.get(name)?.value),
  };
}

const tidy = (text: string): string => text.replace(/[ \t]*\r?\n[ \t]*/g, ' ').trim();

function isErrorStatusEvent(v: Values): boolean {
  if (v.opcode === ERROR_STATUS) return true;
  return v.opcode === undefined && v.field('ModuleName') !== undefined && v.field('HttpStatus') !== undefined;
}

function failureOf(v: Values): FrebFailure {
  const f: FrebFailure = { event: v.opcode ?? ERROR_STATUS };
  const module = v.field('ModuleName');
  if (module) f.module = module.trim();
  const notification = v.description('Notification') || v.field('Notification');
  if (notification) f.notification = notificationName(notification);
  const hs = v.field('HttpStatus');
  if (hs) f.status = statusText(hs, v.field('HttpSubStatus'));
  const reason = v.field('HttpReason');
  if (reason) f.reason = reason.trim();
  const code = v.field('ErrorCode');
  const rendered = v.description('ErrorCode');
  if (code !== undefined && code.trim() !== '') f.errorCode = tidy(code);
  if (rendered !== undefined && rendered.trim() !== '') f.errorText = tidy(rendered);
  const value = (code !== undefined ? parseCode(code) : undefined) ?? (rendered !== undefined ? parseCode(rendered) : undefined);
  if (value !== undefined) f.errorValue = value;
  const config = v.field('ConfigExceptionInfo');
  if (config && config.trim() !== '') f.configException = config.trim();
  if (v.ev.time) f.time = v.ev.time.value;
  return f;
}

/** The event codes worth decoding: field names by event name. */
const CODE_FIELDS: readonly [string, string][] = [
  ['ANCM_REQUEST_FORWARD_FAIL', 'ErrorCode'],
  ['ANCM_START_APPLICATION_FAIL', 'FailureDescription'],
  ['ANCM_HRESULT_FAILED', 'HResult'],
];

function readRequest(list: Values[], base: Omit<FrebRequest, 'events' | 'codes' | 'ancmEvents'>): FrebRequest {
  const req: FrebRequest = { ...base, events: list.length, codes: [], ancmEvents: [] };
  const errorEvents = list.filter(isErrorStatusEvent);
  const statusOf = (v: Values): string | undefined => {
    const hs = v.field('HttpStatus');
    return hs === undefined ? undefined : statusText(hs, v.field('HttpSubStatus'));
  };
  // The event that set the final status; else the trigger status; else the last error status.
  const pick =
    [...errorEvents].reverse().find((v) => req.status !== undefined && statusOf(v) === req.status) ??
    [...errorEvents].reverse().find((v) => req.triggerStatus !== undefined && statusOf(v) === req.triggerStatus) ??
    [...errorEvents].reverse().find((v) => isError(statusOf(v))) ??
    errorEvents[errorEvents.length - 1];

  const addCode = (value: number | undefined, text: string, source: string): void => {
    if (value === undefined || value === 0 || req.codes.length >= MAX_CODES) return;
    if (req.codes.some((c) => c.value === value)) return;
    req.codes.push({ value, text: tidy(text), source });
  };

  if (pick) {
    req.failure = failureOf(pick);
    const f = req.failure;
    addCode(f.errorValue, f.errorText ?? f.errorCode ?? '', `${f.event} ErrorCode`);
  }
  for (const v of list) {
    const op = v.opcode ?? '';
    if (op.startsWith('ANCM_')) {
      if (!req.ancmEvents.includes(op)) req.ancmEvents.push(op);
      if (op.startsWith('ANCM_INPROC_')) req.hostingModel ??= 'in-process';
      else if (op.startsWith('ANCM_REQUEST_FORWARD') || op === 'ANCM_WINHTTP_CALLBACK') req.hostingModel ??= 'out-of-process';
    }
    for (const [event, field] of CODE_FIELDS) {
      if (op !== event) continue;
      const raw = v.field(field) ?? v.description(field);
      if (raw !== undefined) addCode(parseCode(raw), raw, `${event} ${field}`);
    }
    if (v !== pick && isErrorStatusEvent(v) && isError(statusOf(v))) {
      const raw = v.field('ErrorCode');
      if (raw !== undefined) addCode(parseCode(raw), v.description('ErrorCode') ?? raw, `${v.opcode ?? ERROR_STATUS} ErrorCode`);
    }
  }
  // Without an error-status event, the module's own failure event says where it failed.
  if (!req.failure) {
    const fail = list.find((v) => v.opcode === 'ANCM_REQUEST_FORWARD_FAIL' || v.opcode === 'ANCM_START_APPLICATION_FAIL');
    if (fail) {
      const failure: FrebFailure = { event: fail.opcode as string };
      const first = req.codes[0];
      if (first) {
        failure.errorCode = first.text;
        failure.errorValue = first.value;
      }
      const desc = fail.field('FailureDescription');
      if (desc) failure.errorText = tidy(desc);
      if (fail.ev.time) failure.time = fail.ev.time.value;
      req.failure = failure;
    }
  }
  const module = req.failure?.module ?? '';
  if (!req.hostingModel && /^AspNetCoreModule(?:V2)?$/i.test(module)) {
    const s = req.failure?.status ?? '';
    if (s === '502.3' || s === '502.5') req.hostingModel = 'out-of-process';
    else if (/^500\.3[0-35-8]$/.test(s)) req.hostingModel = 'in-process';
  }
  if (req.status === undefined && req.failure?.status !== undefined) req.status = req.failure.status;
  return req;
}

/** Is an event outside any root a FREB event (and not, say, a Windows event-log record)? */
function isFrebFragmentEvent(ev: FrebEvent): boolean {
  if (ev.fields.has('ModuleName') && ev.fields.has('HttpStatus')) return true;
  if (ev.orphan) return false;
  if (ev.opcode && FREB_OPCODE.test(ev.opcode)) return true;
  return ev.fields.has('ContextId');
}

function rootRequest(input: string, root: FrebRoot, events: FrebEvent[]): FrebRequest {
  const doc = root.close ? readFrebDocument(input.slice(root.span.start, root.close.end)) : undefined;
  const useDoc = doc !== undefined && doc.events.length === events.length;
  const attr = (name: string): string | undefined => {
    const v = doc && name in doc.attrs ? doc.attrs[name] : root.attrs.get(name)?.value;
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const list = events.map((ev, i) => values(ev, useDoc ? doc.events[i] : undefined));
  const taken = attr('timeTaken');
  const status = attr('statusCode');
  const trigger = attr('triggerStatusCode');
  return readRequest(list, {
    source: 'xml',
    wellFormed: doc !== undefined,
    url: attr('url'),
    verb: attr('verb'),
    siteId: attr('siteId'),
    appPoolId: attr('appPoolId'),
    processId: attr('processId'),
    status: status === undefined ? undefined : (statusText(status) ?? status),
    triggerStatus: trigger === undefined ? undefined : (statusText(trigger) ?? trigger),
    failureReason: attr('failureReason'),
    timeTakenMs: taken !== undefined && /^\d{1,10}$/.test(taken) ? Number(taken) : undefined,
    span: { start: root.span.start, end: root.close?.end ?? events[events.length - 1]?.span.end ?? root.span.end },
  });
}

/** Summarise every trace in `text` (usually one file, one request). */
export function summariseFreb(text: string): FrebSummary {
  try {
    return summarise(typeof text === 'string' ? text : '');
  } catch {
    return { kind: 'not-freb', requests: [] };
  }
}

function summarise(text: string): FrebSummary {
  if (text.trim() === '') return { kind: 'empty', requests: [] };
  const scan = scanFrebXml(text);
  const requests: FrebRequest[] = [];

  // Events go to the root that holds them (both lists are in text order).
  const byRoot = new Map<FrebRoot, FrebEvent[]>();
  const loose: FrebEvent[] = [];
  let r = 0;
  for (const ev of scan.events) {
    while (r + 1 < scan.roots.length && (scan.roots[r + 1] as FrebRoot).span.start <= ev.span.start) r++;
    const root = scan.roots[r];
    const inside = root && root.span.end <= ev.span.start && (!root.close || ev.span.end <= root.close.start);
    if (root && inside) {
      const list = byRoot.get(root) ?? [];
      list.push(ev);
      byRoot.set(root, list);
    } else if (isFrebFragmentEvent(ev)) loose.push(ev);
  }
  for (const root of scan.roots) requests.push(rootRequest(text, root, byRoot.get(root) ?? []));
  if (loose.length > 0) {
    requests.push(
      readRequest(
        loose.map((ev) => values(ev)),
        { source: 'fragment', wellFormed: false, span: { start: (loose[0] as FrebEvent).span.start, end: (loose[loose.length - 1] as FrebEvent).span.end } },
      ),
    );
  }
  if (requests.length > 0) {
    return { kind: scan.roots.length > 0 ? 'freb-xml' : 'freb-fragment', requests: requests.sort((a, b) => a.span.start - b.span.start) };
  }

  const view = scanFrebText(text, indexLines(text));
  const s = view.summary;
  if (view.events.length > 0 || s.trigger || s.final || s.failureReason) {
    const taken = s.timeTaken ? TIME_TAKEN_TEXT.exec(s.timeTaken.value) : null;
    const final = s.final ? (statusText(s.final.value) ?? s.final.value) : undefined;
    const trigger = s.trigger ? (statusText(s.trigger.value) ?? s.trigger.value) : undefined;
    const spans = [s.url, s.final, s.trigger, s.timeTaken, s.failureReason, ...view.events]
      .map((x) => x?.span)
      .filter((x): x is Span => x !== undefined);
    requests.push(
      readRequest(
        view.events.map((ev) => values(ev)),
        {
          source: 'text',
          wellFormed: false,
          url: s.url?.value,
          status: final,
          triggerStatus: trigger,
          failureReason: s.failureReason?.value,
          timeTakenMs: taken ? Number(taken[1]) : undefined,
          span: { start: Math.min(...spans.map((x) => x.start)), end: Math.max(...spans.map((x) => x.end)) },
        },
      ),
    );
    return { kind: 'freb-text', requests };
  }
  return { kind: LEADING_TAG.test(text) ? 'xml-other' : 'not-freb', requests: [] };
}

/** Does the event tell how the request failed (and so belong in a shortened trace)? */
function isKeyEvent(ev: FrebEvent): boolean {
  const op = ev.opcode ?? '';
  if (op === ERROR_STATUS || op.startsWith('ANCM_') || op === 'GENERAL_REQUEST_END') return true;
  if (ev.fields.has('ModuleName') && ev.fields.has('HttpStatus')) return true;
  const config = ev.fields.get('ConfigExceptionInfo');
  return config !== undefined && config.value !== '';
}

/**
 * The parts of a trace that tell how its request failed: the processing instructions, each
 * `<failedRequest>` start tag, the error-status, ASP.NET Core Module and request-end events,
 * and the end tags, in text order, joined by line breaks, at most `max` characters. Text without
 * trace elements comes back as it is (cut at `max`).
 */
export function frebKeyText(text: string, max: number): string {
  try {
    const scan = scanFrebXml(text);
    const parts: Span[] = [...scan.prologs, ...scan.roots.map((r) => r.span), ...scan.roots.flatMap((r) => (r.close ? [r.close] : []))];
    for (const ev of scan.events) if (isKeyEvent(ev)) parts.push(ev.span);
    parts.sort((a, b) => a.start - b.start);
    let out = '';
    for (const p of parts) {
      const piece = text.slice(p.start, p.end);
      if (out.length + piece.length + 1 > max) break;
      out += (out === '' ? '' : '\n') + piece;
    }
    return out === '' ? text.slice(0, max) : out;
  } catch {
    return text.slice(0, max);
  }
}
