/**
 * IIS Failed Request Tracing (FREB, fr*.xml): whole files, fragments, or the text a browser shows
 * for the file through freb.xsl.
 *
 * Facts:
 * - `<failedRequest>`: url, status (statusCode, and triggerStatusCode when it differs),
 *   time-taken-ms (timeTaken), server iis; failureReason TIME_TAKEN is a signal.
 * - MODULE_SET_RESPONSE_ERROR_STATUS: status (HttpStatus.HttpSubStatus), code (ErrorCode, decimal,
 *   hex or "text (0x...)"), timestamp; for the ASP.NET Core Module also `setting`
 *   module=<ModuleName>, hosting-model and the 502.3 signals; ConfigExceptionInfo signals.
 * - ANCM_* trace events: ANCM_REQUEST_FORWARD_FAIL ErrorCode (code + signal), start failures,
 *   hosting-model from in-process/out-of-process events.
 * Well-formed documents are read with fast-xml-parser (recognisers/freb/xml.ts) for the values; offsets come
 * from recognisers/freb/scan.ts, which also reads fragments. Every fact's span is the XML (or text) it read.
 */
import type { Fact, FactName, LineIndex, Recogniser, Span } from '../../engine/types.ts';
import { lineOf, lineSpan } from '../../engine/lines.ts';
import { parseCode, win32Of } from '../../codes/forms.ts';
import { IIS_TEXT, WINHTTP_502_3 } from '../../codes/iis-codes.ts';
import type { FrebEvent, FrebRoot, Item } from './scan.ts';
import { scanFrebXml } from './scan.ts';
import { scanFrebText } from './text.ts';
import type { FrebSummary } from './text.ts';
import { readFrebDocument } from './xml.ts';

const KIND = 'freb' as const;
const ANCM_MODULE = /^AspNetCoreModule(?:V2)?$/i;
/** Application Request Routing: IIS itself acting as a reverse proxy (not ANCM). */
const ARR_MODULE = /^ApplicationRequestRouting$/i;
const STATUS_TEXT = /^([1-5]\d\d)(?:\.(\d{1,3}))?$/;
/** ERROR_INVALID_DATA as an HRESULT. */
const INVALID_DATA = 0x8007000d;
const EVENTDATA_OPEN = /<EventData>[ \t\r\n]{0,100}$/;
const EVENTDATA_CLOSE = /[ \t\r\n]{0,100}<\/EventData>/y;
const COMMENT_BEFORE = /<!--[^<>]{0,500}-->[ \t\r\n]{0,100}$/;
const FREB_OPCODE = /^[A-Z][A-Z0-9_]{3,80}$/;
const FILE_NAME = /\bfr\d{6}\.xml\b/gi;
const FILE_NAME_LINE = /^[ \t]{0,40}(?:File:[ \t]{0,10})?(?:[\w:.~\\/ -]{0,300}[\\/])?fr\d{6}\.xml[ \t]{0,10}:?[ \t]{0,40}$/i;

interface Ctx {
  facts: Fact[];
  once: Set<string>;
}

function push(ctx: Ctx, name: FactName, value: string | number, span: Span): void {
  ctx.facts.push({ kind: KIND, name, value, span: { start: span.start, end: span.end } });
}

/** Facts that say the same thing for the whole paste (server, hosting model): once each. */
function once(ctx: Ctx, name: FactName, value: string, span: Span): void {
  const key = `${name}=${value}`;
  if (ctx.once.has(key)) return;
  ctx.once.add(key);
  push(ctx, name, value, span);
}

function statusValue(text: string): string | undefined {
  const m = STATUS_TEXT.exec(text.trim());
  if (!m) return undefined;
  const sub = m[2] === undefined ? 0 : Number(m[2]);
  return sub === 0 ? (m[1] as string) : `${m[1] as string}.${sub}`;
}

const isError = (status: string): boolean => Number(status.slice(0, 3)) >= 400;

function union(a: Span, b?: Span): Span {
  if (!b || Math.abs(b.start - a.end) > 2000) return a;
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

function codeOf(ev: FrebEvent, key: string): { code: number; item: Item } | undefined {
  for (const item of [ev.fields.get(key), ev.descriptions.get(key)]) {
    if (!item) continue;
    const code = parseCode(item.value, IIS_TEXT) ?? undefined;
    if (code !== undefined) return { code, item };
  }
  return undefined;
}

function winhttpSignal(ctx: Ctx, code: number, span: Span): void {
  const w = win32Of(code);
  const suffix = w === undefined ? undefined : WINHTTP_502_3.get(w);
  if (suffix) push(ctx, 'signal', `freb.ancm-502-3-${suffix}`, span);
}

function configSignals(ctx: Ctx, item: Item): void {
  push(ctx, 'signal', 'freb.config-exception', item.span);
  const t = item.value;
  if (/missing a section declaration/i.test(t) || /unrecognized configuration section/i.test(t)) {
    push(ctx, 'signal', 'freb.config-section-undeclared', item.span);
  }
  if (/duplicate collection entry/i.test(t)) push(ctx, 'signal', 'freb.config-duplicate-entry', item.span);
}

function errorStatusEvent(ctx: Ctx, ev: FrebEvent): void {
  const hs = ev.fields.get('HttpStatus');
  const sub = ev.fields.get('HttpSubStatus');
  const module = ev.fields.get('ModuleName');
  const ancm = module !== undefined && ANCM_MODULE.test(module.value);
  const subText = sub && /^\d{1,3}$/.test(sub.value) ? sub.value : '0';
  const status = hs ? statusValue(`${hs.value}.${subText}`) : undefined;
  const code = codeOf(ev, 'ErrorCode');

  if (status && isError(status) && hs) {
    if (ev.time) push(ctx, 'timestamp', ev.time.value, ev.time.span);
    push(ctx, 'status', status, union(hs.span, sub?.span));
  }
  if (code && code.code !== 0) push(ctx, 'code', code.code, code.item.span);
  if (ancm && module) {
    push(ctx, 'setting', `module=${module.value}`, module.span);
    if (status === '502.3' || status === '502.5' || status === '500.36') once(ctx, 'hosting-model', 'out-of-process', module.span);
    else if (/^500\.3[0-35-8]$/.test(status ?? '')) once(ctx, 'hosting-model', 'in-process', module.span);
    if (status === '502.3' && code) winhttpSignal(ctx, code.code, ev.span);
    // The module read its own settings and found a value it cannot use (a hostingModel it does
    // not know, for one): it is installed, so the configuration is what is wrong.
    if (code?.code === INVALID_DATA && status !== undefined && /^500(?:\.0)?$/.test(status)) {
      push(ctx, 'signal', 'freb.ancm-invalid-data', union(module.span, code.item.span));
    }
  }
  if (module && ARR_MODULE.test(module.value)) {
    push(ctx, 'setting', `module=${module.value}`, module.span);
    // 502.4: no server of the farm could take the request; 502.3 + ERROR_WINHTTP_TIMEOUT: ARR's proxy time-out.
    if (status === '502.4') push(ctx, 'signal', 'freb.arr-no-server', union(module.span, hs?.span));
    else if (status === '502.3' && code && (code.code === 0x80072ee2 || code.code === 12002)) {
      push(ctx, 'signal', 'freb.arr-timeout', union(module.span, code.item.span));
    }
  }
  const config = ev.fields.get('ConfigExceptionInfo');
  if (config && config.value !== '') configSignals(ctx, config);
}

function interpret(ctx: Ctx, ev: FrebEvent): void {
  const opcode =
    ev.opcode ?? (ev.fields.has('ModuleName') && ev.fields.has('HttpStatus') ? 'MODULE_SET_RESPONSE_ERROR_STATUS' : '');
  if (opcode === 'MODULE_SET_RESPONSE_ERROR_STATUS') {
    errorStatusEvent(ctx, ev);
    return;
  }
  if (!opcode.startsWith('ANCM_')) return;
  if (opcode === 'ANCM_REQUEST_FORWARD_FAIL') {
    const code = codeOf(ev, 'ErrorCode');
    if (code && code.code !== 0) {
      push(ctx, 'code', code.code, code.item.span);
      winhttpSignal(ctx, code.code, ev.span);
    }
    once(ctx, 'hosting-model', 'out-of-process', ev.span);
  } else if (opcode === 'ANCM_START_APPLICATION_FAIL') {
    push(ctx, 'signal', 'freb.ancm-start-failed', ev.span);
    const code = codeOf(ev, 'FailureDescription');
    if (code && code.code !== 0) push(ctx, 'code', code.code, code.item.span);
  } else if (opcode === 'ANCM_HRESULT_FAILED') {
    const code = codeOf(ev, 'HResult');
    if (code && code.code !== 0) push(ctx, 'code', code.code, code.item.span);
  } else if (opcode.startsWith('ANCM_INPROC_')) {
    once(ctx, 'hosting-model', 'in-process', ev.span);
  } else if (/^ANCM_(?:REQUEST_FORWARD_(?:START|END)|WINHTTP_CALLBACK)$/.test(opcode)) {
    once(ctx, 'hosting-model', 'out-of-process', ev.span);
  }
}

function rootFacts(ctx: Ctx, root: FrebRoot): void {
  once(ctx, 'server', 'iis', root.span);
  push(ctx, 'placed', 'failedRequest element', root.span);
  if (root.close) push(ctx, 'placed', 'failedRequest end', root.close);
  const a = (k: string): Item | undefined => root.attrs.get(k);
  const url = a('url');
  if (url && url.value !== '') push(ctx, 'url', url.value, url.span);
  const status = a('statusCode');
  const sv = status ? statusValue(status.value) : undefined;
  if (status && sv && isError(sv)) push(ctx, 'status', sv, status.span);
  const trigger = a('triggerStatusCode');
  const tv = trigger ? statusValue(trigger.value) : undefined;
  if (trigger && tv && tv !== sv && isError(tv)) push(ctx, 'status', tv, trigger.span);
  const taken = a('timeTaken');
  if (taken && /^\d{1,10}$/.test(taken.value.trim())) push(ctx, 'time-taken-ms', Number(taken.value.trim()), taken.span);
  const reason = a('failureReason');
  if (reason && reason.value.trim().toUpperCase() === 'TIME_TAKEN') push(ctx, 'signal', 'freb.time-taken-trigger', reason.span);
}

function summaryFacts(ctx: Ctx, s: FrebSummary): void {
  const any = s.trigger ?? s.final ?? s.failureReason ?? s.url ?? s.timeTaken;
  if (!any) return;
  once(ctx, 'server', 'iis', any.span);
  if (s.url) push(ctx, 'url', s.url.value, s.url.span);
  const tv = s.trigger ? statusValue(s.trigger.value) : undefined;
  if (s.trigger && tv && isError(tv)) push(ctx, 'status', tv, s.trigger.span);
  const fv = s.final ? statusValue(s.final.value) : undefined;
  if (s.final && fv && fv !== tv && isError(fv)) push(ctx, 'status', fv, s.final.span);
  const t = s.timeTaken ? /^(\d{1,10})\s*(?:msec|ms)?$/i.exec(s.timeTaken.value) : null;
  if (s.timeTaken && t) push(ctx, 'time-taken-ms', Number(t[1]), s.timeTaken.span);
  if (s.failureReason && /^TIME_TAKEN\b/i.test(s.failureReason.value)) {
    push(ctx, 'signal', 'freb.time-taken-trigger', s.failureReason.span);
  }
}

/** Is an element-scanned event FREB's (and not, say, a Windows event-log XML record)? */
function isFrebEvent(ev: FrebEvent, inRoot: boolean): boolean {
  if (ev.orphan) return ev.fields.has('ModuleName') && ev.fields.has('HttpStatus');
  if (inRoot) return true;
  if (ev.opcode && FREB_OPCODE.test(ev.opcode)) return true;
  return ev.fields.has('ContextId') || (ev.fields.has('ModuleName') && ev.fields.has('HttpStatus'));
}

/** Prefer fast-xml-parser's values for events of well-formed documents. */
function applyParser(input: string, root: FrebRoot, events: FrebEvent[]): void {
  if (!root.close) return;
  const doc = readFrebDocument(input.slice(root.span.start, root.close.end));
  if (!doc) return;
  for (const [k, item] of root.attrs) if (k in doc.attrs) item.value = doc.attrs[k] as string;
  if (doc.events.length !== events.length) return;
  events.forEach((ev, i) => {
    const d = doc.events[i];
    if (!d) return;
    if (d.opcode && FREB_OPCODE.test(d.opcode)) ev.opcode = d.opcode;
    for (const [k, item] of ev.fields) if (k in d.fields) item.value = d.fields[k] as string;
    for (const [k, item] of ev.descriptions) if (k in d.descriptions) item.value = d.descriptions[k] as string;
  });
}

function recognise(input: string, lines: LineIndex, out: Fact[]): Fact[] {
  const ctx: Ctx = { facts: out, once: new Set() };
  const scan = scanFrebXml(input);

  const byRoot = new Map<FrebRoot, FrebEvent[]>();
  const kept: FrebEvent[] = [];
  let r = 0;
  for (const ev of scan.events) {
    // Roots and events are both in text order: advance to the root that may hold this event.
    while (r + 1 < scan.roots.length && (scan.roots[r + 1] as FrebRoot).span.start <= ev.span.start) r++;
    const root = scan.roots[r];
    const holder = root && root.span.end <= ev.span.start && (!root.close || ev.span.end <= root.close.start) ? root : undefined;
    if (!isFrebEvent(ev, holder !== undefined)) continue;
    kept.push(ev);
    if (holder) {
      const list = byRoot.get(holder) ?? [];
      list.push(ev);
      byRoot.set(holder, list);
    }
  }
  for (const root of scan.roots) applyParser(input, root, byRoot.get(root) ?? []);

  for (const root of scan.roots) rootFacts(ctx, root);
  if (scan.roots.length > 0 || kept.length > 0) for (const p of scan.prologs) push(ctx, 'placed', 'XML prolog', p);
  // A comment between the prolog and the root ("<!-- saved from url=... -->" when saved from a browser).
  for (const root of scan.roots) {
    const from = Math.max(0, root.span.start - 600);
    const c = COMMENT_BEFORE.exec(input.slice(from, root.span.start));
    if (c) push(ctx, 'placed', 'XML comment', { start: from + c.index + c[0].indexOf('<'), end: from + c.index + c[0].lastIndexOf('>') + 1 });
  }
  for (const ev of kept) {
    once(ctx, 'server', 'iis', ev.span);
    push(ctx, 'placed', ev.opcode ? `FREB event ${ev.opcode}` : 'FREB event data', ev.span);
    if (ev.orphan) {
      // The <EventData> and </EventData> tags around a pasted block of Data items.
      const from = Math.max(0, ev.span.start - 200);
      const open = EVENTDATA_OPEN.exec(input.slice(from, ev.span.start));
      if (open) push(ctx, 'placed', 'FREB EventData', { start: from + open.index, end: from + open.index + '<EventData>'.length });
      EVENTDATA_CLOSE.lastIndex = ev.span.end;
      const close = EVENTDATA_CLOSE.exec(input);
      if (close) push(ctx, 'placed', 'FREB EventData', { start: EVENTDATA_CLOSE.lastIndex - '</EventData>'.length, end: EVENTDATA_CLOSE.lastIndex });
    }
    interpret(ctx, ev);
  }

  const text = scanFrebText(input, lines);
  for (const ev of text.events) {
    once(ctx, 'server', 'iis', ev.span);
    interpret(ctx, ev);
  }
  summaryFacts(ctx, text.summary);
  for (const p of text.placed) push(ctx, 'placed', 'FREB text view', p);

  // "fr000123.xml" on a line of its own (a file name header) when there is FREB content.
  // Only lines holding a file name can be one: find the names, then test each such line once.
  if (ctx.facts.length > 0) {
    let last = 0;
    FILE_NAME.lastIndex = 0;
    for (let m = FILE_NAME.exec(input); m; m = FILE_NAME.exec(input)) {
      const n = lineOf(lines, m.index);
      if (n === last) continue;
      last = n;
      const ls = lineSpan(input, lines, n);
      if (ls.end - ls.start > 120) continue;
      if (FILE_NAME_LINE.test(input.slice(ls.start, ls.end))) push(ctx, 'placed', 'FREB file name', ls);
    }
  }
  return ctx.facts;
}

export const recogniser: Recogniser = {
  kind: KIND,
  recognise: (input: string, lines: LineIndex, out: Fact[] = []): Fact[] => recognise(input, lines, out),
};
