/**
 * Failed Request Tracing as text: what people copy from the page freb.xsl renders in a browser.
 *
 * - Request Summary: `Trigger Status 502.3`, `Final Status 502.3`, `Time Taken 120031 msec`,
 *   `Url http://...`, `Failure Reason STATUS_CODE` (label and value separated by tabs/spaces).
 * - Events, in a tree ("Request Details") or compact ("Errors & Warnings") layout:
 *     MODULE_SET_RESPONSE_ERROR_STATUS
 *     ModuleName="AspNetCoreModuleV2", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502",
 *     HttpReason="Bad Gateway", HttpSubStatus="3", ErrorCode="The operation timed out
 *      (0x80072ee2)", ConfigExceptionInfo=""
 *   or one `Key value` per line, or everything on one line.
 * A group of keys becomes an event when it has an event name heading or both ModuleName and
 * HttpStatus (so "ErrorCode" in other logs is not taken for FREB).
 */
import type { LineIndex, Span } from '../../engine/types.ts';
import { lineOf, lineSpan } from '../../engine/lines.ts';
import type { FrebEvent, Item } from './scan.ts';
import { linesMatching } from '../shared/proxy-lines.ts';

export interface FrebSummary {
  trigger?: Item;
  final?: Item;
  timeTaken?: Item;
  url?: Item;
  failureReason?: Item;
}

export interface FrebText {
  events: FrebEvent[];
  summary: FrebSummary;
  /** Lines read as part of the text view. */
  placed: Span[];
}

const HEADING =
  /\b(MODULE_SET_RESPONSE_ERROR_STATUS|ANCM_START_APPLICATION_(?:SUCCESS|FAIL)|ANCM_REQUEST_FORWARD_(?:START|END|FAIL)|ANCM_WINHTTP_CALLBACK|ANCM_INPROC_[A-Z_]{3,40}|ANCM_HRESULT_FAILED|ANCM_EXCEPTION_CAUGHT)\b/g;
const KEY =
  /\b(ModuleName|Notification|HttpStatus|HttpReason|HttpSubStatus|ErrorCode|ConfigExceptionInfo|FailureDescription|HResult|InternetStatus)\b/g;
const SUMMARY =
  /^[ \t]{0,40}(Trigger Status|Final Status|Failure Reason|Time Taken|Url|URL)[ \t]{0,40}:?[ \t]{1,40}(\S[^\r\n]{0,4000})$/;
/** Headings and table rows of the rendered page, placed once the paste is known to be FREB. */
const CHROME =
  /^[ \t]{0,40}(?:(?:Request Summary|Request Details|Request Diagnostics|Errors & Warnings|Complete Request Trace|Compact View|Performance View|AspNetCoreModule(?:V2)?)[ \t]{0,40}$|No\.[ \t]+Severity|(?:Site|Process|App Pool|Authentication|User from token|Activity ID|Verb)\t|\d{1,6}\.[ \t]+(?:ERROR|WARNING|CRITICAL|VERBOSE|INFORMATIONAL)\b)/;
/** The characters a CHROME line starts with after its blanks (the first of each alternative, and digits). */
const CHROME_FIRST: ReadonlySet<number> = new Set([...'RECPANSUV0123456789'].map((c) => c.charCodeAt(0)));
/** A numbered event row of the rendered trace: `88. | GENERAL_SET_REQUEST_HEADER | ...`. */
const ROW = /^[ \t]{0,40}\|?[ \t]{0,10}\d{1,6}\.[ \t]{0,10}\|?[ \t]{0,10}[A-Z][A-Z0-9]{1,30}_[A-Z0-9_]{2,60}(?:[ \t]|\||$)/;
const ROW_RULE = /^[ \t]{0,40}\|?[ \t]{0,10}:?-{2,20}:?[ \t]{0,10}(?:\|[ \t]{0,10}:?-{2,20}:?[ \t]{0,10}){1,10}\|?[ \t]{0,10}$/;
const DISTINCTIVE = /^[ \t]{0,40}(?:Trigger Status|Final Status|Failure Reason)[ \t:]/m;
const HEX_CONT = /^[ \t]{0,40}(\(0x[0-9a-fA-F]{1,8}\))/;
const XML_LINE = /<(?:Data|Opcode|freb:|failedRequest|Event|EventData|RenderingInfo)\b/;
const MAX_GAP = 2;
/**
 * The values of a MODULE_SET_RESPONSE_ERROR_STATUS event copied without their labels, one per
 * line: module, notification, status, reason, sub-status, then the error code.
 */
const BARE_MODULE = /^[ \t]{0,40}([A-Za-z][A-Za-z0-9]{1,40}Module(?:V2)?)[ \t]{0,40}$/;
const BARE_NOTIFICATION =
  /^[ \t]{0,40}((?:BEGIN|AUTHENTICATE|AUTHORIZE|RESOLVE|MAP|ACQUIRE|PRE_EXECUTE|EXECUTE|RELEASE|UPDATE|LOG|END|SEND)_[A-Z_]{4,30})[ \t]{0,40}$/;
const BARE_STATUS = /^[ \t]{0,40}([1-5]\d\d)[ \t]{0,40}$/;
const BARE_REASON = /^[ \t]{0,40}([A-Za-z][A-Za-z' -]{1,60}?)[ \t]{0,40}$/;
const BARE_SUB = /^[ \t]{0,40}(\d{1,3})[ \t]{0,40}$/;
const BARE_CODE = /0x[0-9a-fA-F]{1,8}\b|^[ \t]{0,40}-?\d{1,10}[ \t]{0,40}$/;
const BARE_KEYS = ['ModuleName', 'Notification', 'HttpStatus', 'HttpReason', 'HttpSubStatus'] as const;
const BARE_SHAPES = [BARE_MODULE, BARE_NOTIFICATION, BARE_STATUS, BARE_REASON, BARE_SUB];

interface Hit {
  at: number;
  end: number;
  key?: string;
  heading?: string;
}

function cleanValue(raw: string): { text: string; lead: number } {
  let s = 0;
  let e = raw.length;
  while (s < e && /[\s:=]/.test(raw[s] as string)) s++;
  if (raw[s] === '"') {
    s++;
    // A quoted value ends at its closing quote: `ConfigExceptionInfo="" | 21:08:55.104` (a row
    // copied from the rendered table) has an empty value, not the time column after it.
    const close = raw.indexOf('"', s);
    if (close >= 0) {
      const inner = raw.slice(s, close);
      return { text: inner.trim(), lead: s + inner.length - inner.trimStart().length };
    }
  }
  while (e > s && /[\s,;]/.test(raw[e - 1] as string)) e--;
  if (raw[e - 1] === '"') e--;
  while (e > s && /\s/.test(raw[e - 1] as string)) e--;
  return { text: raw.slice(s, e), lead: s };
}

interface BareLine {
  line: number;
  span: Span;
  value: string;
  valueStart: number;
}

/** The next `want` non-blank lines from line n (at most two blank lines between them). */
function nonBlank(input: string, lines: LineIndex, n: number, want: number): BareLine[] {
  const out: BareLine[] = [];
  let blanks = 0;
  for (let k = n; k <= lines.starts.length && out.length < want; k++) {
    const ls = lineSpan(input, lines, k);
    const text = input.slice(ls.start, ls.end);
    const value = text.trim();
    if (value === '') {
      if (++blanks > 2) break;
      continue;
    }
    blanks = 0;
    out.push({ line: k, span: ls, value, valueStart: ls.start + text.indexOf(value) });
  }
  return out;
}

/** A labelless MODULE_SET_RESPONSE_ERROR_STATUS starting at line n, as fields, or nothing. */
function bareEvent(input: string, lines: LineIndex, n: number): { fields: Map<string, Item>; used: BareLine[] } | undefined {
  const got = nonBlank(input, lines, n, 7);
  if (got.length < BARE_SHAPES.length) return undefined;
  const fields = new Map<string, Item>();
  for (let i = 0; i < BARE_SHAPES.length; i++) {
    const l = got[i] as BareLine;
    const m = (BARE_SHAPES[i] as RegExp).exec(input.slice(l.span.start, l.span.end));
    if (!m) return undefined;
    const value = (m[1] as string).trim();
    fields.set(BARE_KEYS[i] as string, { value, span: { start: l.valueStart, end: l.valueStart + value.length } });
  }
  const used = got.slice(0, BARE_SHAPES.length);
  const codeLine = got[BARE_SHAPES.length];
  if (codeLine && codeLine.value.length <= 300) {
    let value = codeLine.value;
    let end = codeLine.valueStart + value.length;
    const next = got[BARE_SHAPES.length + 1];
    // "The operation timed out" + next line "(0x80072ee2)".
    const c = next && !BARE_CODE.test(value) ? HEX_CONT.exec(input.slice(next.span.start, next.span.end)) : null;
    if (c && next) {
      value = `${value} ${c[1] as string}`;
      end = next.span.start + c[0].length;
    }
    if (BARE_CODE.test(value)) {
      fields.set('ErrorCode', { value, span: { start: codeLine.valueStart, end } });
      used.push(codeLine);
      if (c && next) used.push(next);
    }
  }
  return { fields, used };
}

export function scanFrebText(input: string, lines: LineIndex): FrebText {
  const out: FrebText = { events: [], summary: {}, placed: [] };
  const count = lines.starts.length;
  let group: FrebEvent | undefined;
  let groupLine = 0;
  const groups: FrebEvent[] = [];
  const summaryLines: { span: Span; label: string; item: Item }[] = [];
  const eventLines: { line: number; span: Span }[] = [];
  const chromeLines: Span[] = [];

  const finish = (): void => {
    if (group) groups.push(group);
    group = undefined;
  };
  const start = (at: number, line: number, opcode?: string): FrebEvent => {
    finish();
    group = { opcode, span: { start: at, end: at }, fields: new Map(), descriptions: new Map(), orphan: false };
    groupLine = line;
    return group;
  };

  // The lines holding a key, from one search over the paste instead of one per line (a key's
  // word edges are inside its line, so it matches there as in the line alone).
  const keyLines = linesMatching(input, lines, KEY);
  for (let n = 1; n <= count; n++) {
    const ls = lineSpan(input, lines, n);
    if (ls.end === ls.start) continue;
    const text = input.slice(ls.start, ls.end);
    if (text.includes('<') && XML_LINE.test(text)) continue;

    if (text.includes('Module') && BARE_MODULE.test(text)) {
      const bare = bareEvent(input, lines, n);
      if (bare) {
        finish();
        const first = bare.used[0] as BareLine;
        const last = bare.used[bare.used.length - 1] as BareLine;
        group = { span: { start: first.valueStart, end: last.span.end }, fields: bare.fields, descriptions: new Map(), orphan: false };
        finish();
        for (const u of bare.used) eventLines.push({ line: u.line, span: u.span });
        n = last.line;
        continue;
      }
    }
    // CHROME and SUMMARY start, after blanks, with one of a few characters: most lines are
    // settled by that character alone.
    let lead = 0;
    while (lead < text.length && (text.charCodeAt(lead) === 32 || text.charCodeAt(lead) === 9)) lead++;
    const c0 = text.charCodeAt(lead);
    if (CHROME_FIRST.has(c0) && CHROME.test(text)) {
      chromeLines.push(ls);
      continue;
    }
    const sm = c0 === 84 || c0 === 70 || c0 === 85 ? SUMMARY.exec(text) : null;
    if (sm) {
      const label = (sm[1] as string).toLowerCase();
      const valueStart = ls.start + text.length - (sm[2] as string).length;
      summaryLines.push({
        span: ls,
        label,
        item: { value: (sm[2] as string).trim(), span: { start: valueStart, end: ls.end } },
      });
      continue;
    }

    const hits: Hit[] = [];
    // Every heading and every table row has an underscore; a rule has "--".
    const underscore = text.includes('_');
    HEADING.lastIndex = 0;
    if (underscore) {
      for (let m = HEADING.exec(text); m; m = HEADING.exec(text))
        hits.push({ at: m.index, end: m.index + m[0].length, heading: m[1] });
    }
    KEY.lastIndex = 0;
    for (let m = keyLines[n] === 1 ? KEY.exec(text) : null; m; m = KEY.exec(text)) hits.push({ at: m.index, end: m.index + m[0].length, key: m[1] });
    if (hits.length === 0) {
      // Rows of the rendered event table without an ANCM key: `88. | GENERAL_SET_REQUEST_HEADER |
      // ...` or `94.<tab>NOTIFY_MODULE_COMPLETION<tab>...`, and Markdown separators `-- | --`.
      if ((underscore && ROW.test(text)) || (text.includes('--') && ROW_RULE.test(text))) chromeLines.push(ls);
      continue;
    }
    hits.sort((a, b) => a.at - b.at);

    if (group && n - groupLine > MAX_GAP) finish();
    for (let i = 0; i < hits.length; i++) {
      const h = hits[i] as Hit;
      const absAt = ls.start + h.at;
      if (h.heading) {
        start(absAt, n, h.heading);
        continue;
      }
      const key = h.key as string;
      const nextAt = (hits[i + 1] as Hit | undefined)?.at ?? text.length;
      const { text: value, lead } = cleanValue(text.slice(h.end, nextAt));
      let valueEnd = ls.start + h.end + lead + value.length;
      let full = value;
      // "ErrorCode=The operation timed out" + next line " (0x80072ee2)".
      if (key === 'ErrorCode' && i === hits.length - 1 && !/0x[0-9a-f]/i.test(value) && !/^-?\d+$/.test(value) && n < count) {
        const next = lineSpan(input, lines, n + 1);
        const c = HEX_CONT.exec(input.slice(next.start, next.end));
        if (c) {
          full = `${value} ${c[1] as string}`;
          valueEnd = next.start + c[0].length;
          eventLines.push({ line: n + 1, span: next });
        }
      }
      const g = group && !group.fields.has(key) ? group : start(absAt, n);
      g.fields.set(key, { value: full, span: { start: absAt, end: Math.max(valueEnd, ls.start + h.end) } });
      g.span.end = Math.max(g.span.end, valueEnd);
      groupLine = n;
    }
    eventLines.push({ line: n, span: ls });
  }
  finish();

  // Kept groups become events. A leftover group right after a kept one (the tree view repeats
  // "Notification 128" after the named value) is placed with it but read for nothing.
  const reach: Span[] = [];
  for (const g of groups) {
    if ((g.opcode && g.fields.size > 0) || (g.fields.has('ModuleName') && g.fields.has('HttpStatus'))) {
      out.events.push(g);
      reach.push({ ...g.span });
    } else {
      const prev = reach[reach.length - 1];
      if (prev && lineOf(lines, g.span.start) - lineOf(lines, prev.end) <= 1) prev.end = Math.max(prev.end, g.span.end);
    }
  }
  // Lines count as placed only when they belong to a kept event (both lists are in text order).
  eventLines.sort((a, b) => a.span.start - b.span.start);
  let e = 0;
  for (const l of eventLines) {
    while (e < reach.length && (reach[e] as Span).end < l.span.start) e++;
    const r = reach[e];
    if (r && r.start <= l.span.end) out.placed.push(l.span);
  }

  const trusted = out.events.length > 0 || DISTINCTIVE.test(input);
  if (trusted) {
    for (const s of summaryLines) {
      const key =
        s.label === 'trigger status'
          ? 'trigger'
          : s.label === 'final status'
            ? 'final'
            : s.label === 'failure reason'
              ? 'failureReason'
              : s.label === 'time taken'
                ? 'timeTaken'
                : 'url';
      out.summary[key] ??= s.item;
      out.placed.push(s.span);
    }
    out.placed.push(...chromeLines);
  }
  return out;
}
