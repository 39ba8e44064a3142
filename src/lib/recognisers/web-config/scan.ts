/**
 * Offset-keeping scanner for web.config text: `<aspNetCore>` elements with their
 * `<environmentVariable>` and `<handlerSetting>` children, `<handlers>` entries for the ASP.NET
 * Core Module, `<location>` and `<configuration>` bounds. Works on whole files and on fragments,
 * and notes markup a parser would reject (unterminated or duplicate attributes, bare `&`).
 *
 * One global regex finds the tags; attributes are read with sticky regexes whose repeats stop at
 * `<`, so each read ends before the next tag: linear time.
 */
import type { Span } from '../../engine/types.ts';
import { decodeXml, tagEnd } from '../shared/xml-scan.ts';

export interface Attr {
  /** As written. */
  name: string;
  value: string;
  /** `name="value"`. */
  span: Span;
}

export interface Tag {
  /** Element name as written. */
  name: string;
  /** From `<` to the end of the start tag (`>` or `/>`), or as far as it could be read. */
  span: Span;
  attrs: Attr[];
  selfClosing: boolean;
  /** The start tag was read up to its `>`. */
  ended: boolean;
  /** Why the tag is not well-formed markup (empty when it is, or when it is only cut off). */
  errors: string[];
}

export interface AspNetCoreElement {
  tag: Tag;
  /** Start tag to end tag (or the start tag alone when self-closing or cut off). */
  span: Span;
  closed: boolean;
  env: Tag[];
  handlerSettings: Tag[];
}

export interface WebConfigScan {
  elements: AspNetCoreElement[];
  /** `<add>` entries naming aspNetCore or an AspNetCoreModule. */
  handlers: Tag[];
  /** `<remove name="aspNetCore"/>` entries. */
  removes: Tag[];
  locations: Tag[];
  /** `<configuration>` ... `</configuration>` regions (end undefined when cut off). */
  configurations: { start: number; end?: number }[];
}

// `aspNetCore` may carry a glued suffix (`<aspNetCorexdt:Transform="…"`, a transform whose space
// was lost): IIS does not know that element, which the rules report as a misspelt element.
const TAG =
  /<(\/?)(aspNetCore[\w:.-]{0,60}|environmentVariable|handlerSetting|add|remove|location|configuration)(?![\w.:-])/gi;
const ATTR_NAME = /[ \t\r\n]{1,200}([A-Za-z_][\w:.-]{0,80})[ \t\r\n]{0,20}=[ \t\r\n]{0,20}/y;
const VALUE_DQ = /"([^"<]{0,8000})"/y;
const VALUE_SQ = /'([^'<]{0,8000})'/y;
const TAG_END = /[ \t\r\n]{0,200}(\/?)>/y;
const BAD_AMP = /&(?!(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});)/;

function sticky(re: RegExp, input: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(input);
}

/** Read a start tag whose name ends at `at` (the `<` is at `start`). */
export function readTag(input: string, start: number, at: number, name: string): Tag {
  const attrs: Attr[] = [];
  const seen = new Set<string>();
  const errors: string[] = [];
  let pos = at;
  for (;;) {
    const n = sticky(ATTR_NAME, input, pos);
    if (!n) break;
    const valueAt = n.index + n[0].length;
    const v = sticky(VALUE_DQ, input, valueAt) ?? sticky(VALUE_SQ, input, valueAt);
    if (!v) {
      const q = input[valueAt];
      if (q === '"' || q === "'") errors.push(`The value of ${n[1] as string} has no closing quote.`);
      else if (valueAt < input.length) errors.push(`The value of ${n[1] as string} is not in quotes.`);
      pos = valueAt;
      break;
    }
    const raw = v[1] as string;
    const attrName = n[1] as string;
    if (BAD_AMP.test(raw)) errors.push(`The value of ${attrName} has a bare "&" (write &amp;).`);
    const lower = attrName.toLowerCase();
    if (seen.has(lower)) errors.push(`The attribute ${attrName} appears twice.`);
    seen.add(lower);
    const nameStart = n.index + n[0].search(/[^ \t\r\n]/);
    const end = valueAt + v[0].length;
    attrs.push({ name: attrName, value: decodeXml(raw), span: { start: nameStart, end } });
    pos = end;
    // Attributes must be separated by white space.
    const c = input.charCodeAt(pos);
    if (pos < input.length && !(c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62)) {
      errors.push(`No space after the value of ${attrName}.`);
      break;
    }
  }
  const e = sticky(TAG_END, input, pos);
  return {
    name,
    span: { start, end: e ? TAG_END.lastIndex : pos },
    attrs,
    selfClosing: e ? e[1] === '/' : false,
    ended: e !== null,
    errors,
  };
}

export function attr(tag: Tag, name: string): Attr | undefined {
  const lower = name.toLowerCase();
  return tag.attrs.find((a) => a.name.toLowerCase() === lower);
}

function isAncmHandler(tag: Tag): boolean {
  const modules = attr(tag, 'modules')?.value ?? '';
  const name = attr(tag, 'name')?.value ?? '';
  return /^AspNetCoreModule(?:V2)?$/i.test(modules.trim()) || (name.toLowerCase() === 'aspnetcore' && attr(tag, 'path') !== undefined);
}

export function scanWebConfig(input: string): WebConfigScan {
  const out: WebConfigScan = { elements: [], handlers: [], removes: [], locations: [], configurations: [] };
  if (!input.includes('<')) return out;
  let open: AspNetCoreElement | undefined;
  let config: { start: number; end?: number } | undefined;

  TAG.lastIndex = 0;
  for (let m = TAG.exec(input); m; m = TAG.exec(input)) {
    const at = m.index;
    const closing = m[1] === '/';
    const name = m[2] as string;
    const lower = name.toLowerCase();
    let next = at + m[0].length;
    if (closing) {
      const end = tagEnd(input, next, 40) ?? next;
      if (lower.startsWith('aspnetcore') && open) {
        open.span.end = end;
        open.closed = true;
        open = undefined;
      } else if (lower === 'configuration' && config) {
        config.end = end;
        config = undefined;
      }
      TAG.lastIndex = Math.max(end, at + 1);
      continue;
    }
    const tag = readTag(input, at, next, name);
    next = Math.max(tag.span.end, next);
    if (lower.startsWith('aspnetcore')) {
      const el: AspNetCoreElement = { tag, span: { ...tag.span }, closed: tag.selfClosing, env: [], handlerSettings: [] };
      out.elements.push(el);
      open = tag.selfClosing || !tag.ended ? undefined : el;
    } else if (lower === 'environmentvariable' && open) {
      open.env.push(tag);
      open.span.end = Math.max(open.span.end, tag.span.end);
    } else if (lower === 'handlersetting' && open) {
      open.handlerSettings.push(tag);
      open.span.end = Math.max(open.span.end, tag.span.end);
    } else if (lower === 'add' && isAncmHandler(tag)) {
      out.handlers.push(tag);
    } else if (lower === 'remove' && (attr(tag, 'name')?.value ?? '').toLowerCase() === 'aspnetcore') {
      out.removes.push(tag);
    } else if (lower === 'location') {
      out.locations.push(tag);
    } else if (lower === 'configuration') {
      config = { start: at };
      out.configurations.push(config);
    }
    TAG.lastIndex = Math.max(next, at + 1);
  }
  return out;
}
