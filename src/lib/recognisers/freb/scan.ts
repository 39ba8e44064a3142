/**
 * Offset-keeping scanner for Failed Request Tracing XML (fr*.xml), whole files or fragments.
 *
 * A trace file is `<failedRequest url=... statusCode=... triggerStatusCode=... timeTaken=...>`
 * holding `<Event>` elements; each has `<System>` (TimeCreated, a numeric Opcode),
 * `<EventData>` with `<Data Name="...">value</Data>` items and `<RenderingInfo>` whose
 * `<Opcode>` is the event name (MODULE_SET_RESPONSE_ERROR_STATUS, ANCM_REQUEST_FORWARD_FAIL ...)
 * and whose `<freb:Description Data="...">` items render values as text
 * ("The operation timed out\r\n (0x80072ee2)").
 *
 * Every tag is found with one global regex of literal alternatives, and each is then read with
 * a sticky regex whose repeats exclude `<`, so no read can run past the next tag: linear time.
 * `<Data>` items outside any `<Event>` (a pasted EventData block) form their own events.
 */
import type { Span } from '../../engine/types.ts';
import { decodeXml, tagEnd } from '../shared/xml-scan.ts';

export interface Item {
  value: string;
  /** The whole element or attribute in the input. */
  span: Span;
}

export interface FrebEvent {
  /** Event name from RenderingInfo/Opcode (or the text view's heading). */
  opcode?: string;
  span: Span;
  /** EventData/Data items by Name. */
  fields: Map<string, Item>;
  /** RenderingInfo/freb:Description items by Data. */
  descriptions: Map<string, Item>;
  time?: Item;
  /** True for Data items found outside an <Event> element. */
  orphan: boolean;
}

export interface FrebRoot {
  /** The `<failedRequest ...>` start tag. */
  span: Span;
  attrs: Map<string, Item>;
  /** The matching `</failedRequest>`, when present. */
  close?: Span;
}

export interface FrebScan {
  roots: FrebRoot[];
  events: FrebEvent[];
  /** `<?xml ...?>` and `<?xml-stylesheet ...?>` processing instructions. */
  prologs: Span[];
}

const TAG = /<(\/?)(failedRequest|Event|Opcode|Data|freb:Description|TimeCreated|\?xml-stylesheet|\?xml)(?![\w:-])/g;
const ATTR = /\s+([A-Za-z_][\w:.-]{0,60})\s{0,20}=\s{0,20}(?:"([^"<]{0,8000})"|'([^'<]{0,8000})')/y;
const TAG_END = /\s{0,200}\/?>/y;
const OPCODE = /<Opcode>([^<]{0,200})<\/Opcode>/y;
const DATA =
  /<Data\s{1,20}Name\s{0,20}=\s{0,20}(?:"([^"<]{0,200})"|'([^'<]{0,200})')\s{0,20}(?:\/>|>([^<]{0,20000})<\/Data\s{0,20}>)/y;
/** A Data element whose content the scanner cannot read (CDATA, a comment): the parser may. */
const DATA_OPEN = /<Data\s{1,20}Name\s{0,20}=\s{0,20}(?:"([^"<]{0,200})"|'([^'<]{0,200})')\s{0,20}>/y;
const DESCRIPTION =
  /<freb:Description\s{1,20}Data\s{0,20}=\s{0,20}(?:"([^"<]{0,200})"|'([^'<]{0,200})')\s{0,20}(?:\/>|>([^<]{0,20000})<\/freb:Description\s{0,20}>)/y;
const TIME_CREATED = /<TimeCreated\s{1,20}SystemTime\s{0,20}=\s{0,20}(?:"([^"<]{0,80})"|'([^'<]{0,80})')/y;
const PI_END = /[^<]{0,2000}?\?>/y;

/** Read the attributes of a start tag whose name ends at `at`. Returns them and the tag's end. */
export function readAttributes(input: string, at: number): { attrs: Map<string, Item>; end: number } {
  const attrs = new Map<string, Item>();
  let pos = at;
  for (;;) {
    ATTR.lastIndex = pos;
    const m = ATTR.exec(input);
    if (!m) break;
    const name = m[1] as string;
    const start = m.index + m[0].search(/\S/);
    if (!attrs.has(name)) attrs.set(name, { value: decodeXml(m[2] ?? m[3] ?? ''), span: { start, end: ATTR.lastIndex } });
    pos = ATTR.lastIndex;
  }
  TAG_END.lastIndex = pos;
  const e = TAG_END.exec(input);
  return { attrs, end: e ? TAG_END.lastIndex : pos };
}

function sticky(re: RegExp, input: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(input);
}

export function scanFrebXml(input: string): FrebScan {
  const out: FrebScan = { roots: [], events: [], prologs: [] };
  if (!input.includes('<')) return out;
  let current: FrebEvent | undefined;
  let openRoot: FrebRoot | undefined;

  /** Close the open event: at `end` when its end tag was seen, else after its last item. */
  const close = (end?: number): void => {
    if (current) {
      current.span.end = end ?? Math.max(current.span.end, lastItemEnd(current) ?? current.span.end);
      out.events.push(current);
      current = undefined;
    }
  };
  const open = (start: number, orphan: boolean): FrebEvent => {
    close();
    current = { span: { start, end: start }, fields: new Map(), descriptions: new Map(), orphan };
    return current;
  };
  const grow = (ev: FrebEvent, end: number): void => {
    ev.span.end = Math.max(ev.span.end, end);
  };

  TAG.lastIndex = 0;
  for (let m = TAG.exec(input); m; m = TAG.exec(input)) {
    const at = m.index;
    const closing = m[1] === '/';
    const name = m[2] as string;
    let next = at + m[0].length;
    if (name === 'failedRequest') {
      if (closing) {
        close();
        const end = tagEnd(input, next, 40) ?? next;
        if (openRoot) openRoot.close = { start: at, end };
        openRoot = undefined;
        next = end;
      } else {
        close();
        const { attrs, end } = readAttributes(input, next);
        openRoot = { span: { start: at, end }, attrs };
        out.roots.push(openRoot);
        next = end;
      }
    } else if (name === 'Event') {
      if (closing) {
        const end = tagEnd(input, next, 40) ?? next;
        if (current && !current.orphan) close(end);
        next = end;
      } else {
        open(at, false);
        next = tagEnd(input, next, 400) ?? next;
        if (current) grow(current, next);
      }
    } else if (name === 'Opcode' && !closing) {
      const o = sticky(OPCODE, input, at);
      if (o) {
        next = OPCODE.lastIndex;
        const v = (o[1] as string).trim();
        // The System Opcode is a number; the RenderingInfo Opcode is the event name.
        if (/[A-Za-z]/.test(v)) {
          const ev = current ?? open(at, true);
          ev.opcode = v;
          grow(ev, next);
        }
      }
    } else if (name === 'Data' && !closing) {
      const d = sticky(DATA, input, at) ?? sticky(DATA_OPEN, input, at);
      if (d) {
        next = d.index + d[0].length;
        const key = (d[1] ?? d[2] ?? '') as string;
        let ev = current;
        if (!ev || (ev.orphan && ev.fields.has(key))) ev = open(at, true);
        if (!ev.fields.has(key)) ev.fields.set(key, { value: decodeXml(d[3] ?? '').trim(), span: { start: at, end: next } });
        grow(ev, next);
      }
    } else if (name === 'freb:Description' && !closing) {
      const d = sticky(DESCRIPTION, input, at);
      if (d && current) {
        next = DESCRIPTION.lastIndex;
        const key = (d[1] ?? d[2] ?? '') as string;
        if (!current.descriptions.has(key))
          current.descriptions.set(key, { value: decodeXml(d[3] ?? '').trim(), span: { start: at, end: next } });
        grow(current, next);
      }
    } else if (name === 'TimeCreated' && !closing) {
      const t = sticky(TIME_CREATED, input, at);
      if (t && current) {
        next = TIME_CREATED.lastIndex;
        current.time ??= { value: (t[1] ?? t[2] ?? '') as string, span: { start: at, end: next } };
        grow(current, next);
      }
    } else if (name.startsWith('?')) {
      const p = sticky(PI_END, input, next);
      if (p) {
        next = PI_END.lastIndex;
        out.prologs.push({ start: at, end: next });
      }
    }
    TAG.lastIndex = Math.max(next, at + 1);
  }
  close();
  return out;
}

function lastItemEnd(ev: FrebEvent): number | undefined {
  let end: number | undefined;
  for (const i of ev.fields.values()) end = Math.max(end ?? 0, i.span.end);
  for (const i of ev.descriptions.values()) end = Math.max(end ?? 0, i.span.end);
  if (ev.time) end = Math.max(end ?? 0, ev.time.span.end);
  return end;
}
