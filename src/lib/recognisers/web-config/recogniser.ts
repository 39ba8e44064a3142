/**
 * web.config text: a whole file or an `<aspNetCore ...>` element, anywhere in a paste.
 *
 * Facts: `setting` for every attribute written on `<aspNetCore>` ("hostingModel=inprocess",
 * "requestTimeout=00:20:00"), its environment variables ("env:ASPNETCORE_ENVIRONMENT=Development")
 * and handler settings ("handlerSetting:debugLevel=FILE,TRACE"), the handler's module
 * ("module=AspNetCoreModuleV2") and `<location inheritInChildApplications>`; `hosting-model`
 * (written, or out-of-process when the attribute is absent, which is ANCM's default); and the
 * signals of recognisers/web-config/rules.ts. Lines of the file are placed.
 *
 * readAspNetCoreSettings (effective settings with defaults) is re-exported for the widget.
 */
import { XMLValidator } from 'fast-xml-parser';
import type { Fact, FactName, LineIndex, Recogniser, Span } from '../../engine/types.ts';
import { lineOf, lineSpan } from '../../engine/lines.ts';
import type { RawConfig } from './rules.ts';
import { checkConfig, hostingModelOf } from './rules.ts';
import type { AspNetCoreElement, Tag } from './scan.ts';
import { attr, scanWebConfig } from './scan.ts';

export { readAspNetCoreSettings } from './settings.ts';
export type { AspNetCoreSettings } from './settings.ts';

const KIND = 'web-config' as const;
const MAX_VALIDATE = 2_000_000;
const MAX_PARTS = 100;
const LAUNCHER = /%LAUNCHER_(?:PATH|ARGS)%/i;
const VS_ARG_FILE = /-argFile\s+"?IISExeLauncherArgs\.txt/i;
const TRAILING_COMMENT = /[ \t\r\n]{0,200}<!--[^<>]{0,500}-->/y;

interface Ctx {
  input: string;
  lines: LineIndex;
  facts: Fact[];
  placedLines: Set<number>;
}

function push(ctx: Ctx, name: FactName, value: string | number, span: Span): void {
  ctx.facts.push({ kind: KIND, name, value, span: { start: span.start, end: span.end } });
}

/** Place every line `span` touches, once. */
function place(ctx: Ctx, span: Span, label: string): void {
  const first = lineOf(ctx.lines, span.start);
  const last = lineOf(ctx.lines, Math.max(span.start, span.end - 1));
  for (let n = first; n <= last; n++) {
    if (ctx.placedLines.has(n)) continue;
    ctx.placedLines.add(n);
    const ls = lineSpan(ctx.input, ctx.lines, n);
    if (ls.end > ls.start && ctx.input.slice(ls.start, ls.end).trim() !== '') push(ctx, 'placed', label, ls);
  }
}

/** Well-formedness of a region: undefined when fine, else the message and the span of the bad line. */
function validate(ctx: Ctx, start: number, end: number): { message: string; span: Span } | undefined {
  if (end - start > MAX_VALIDATE) return undefined;
  const text = ctx.input.slice(start, end);
  let v: ReturnType<typeof XMLValidator.validate>;
  try {
    v = XMLValidator.validate(text);
  } catch {
    return undefined;
  }
  if (v === true) return undefined;
  const startLine = lineOf(ctx.lines, start);
  const n = Math.min(Math.max(startLine + (v.err.line || 1) - 1, startLine), ctx.lines.starts.length);
  const ls = lineSpan(ctx.input, ctx.lines, n);
  const span = { start: Math.max(ls.start, start), end: Math.min(Math.max(ls.end, ls.start), end) };
  return { message: `${v.err.msg} (line ${v.err.line}, column ${v.err.col})`, span: span.end > span.start ? span : { start, end } };
}

interface Region {
  start: number;
  end: number;
  whole: boolean;
}

function within(r: Region, s: Span): boolean {
  return s.start >= r.start && s.end <= r.end;
}

interface Parts {
  elements: AspNetCoreElement[];
  handlers: Tag[];
  removes: Tag[];
  locations: Tag[];
}

function handleRegion(ctx: Ctx, region: Region, parts: Parts): void {
  // Real pastes hold a few of each; the caps keep adversarial input linear.
  const elements = parts.elements.slice(0, MAX_PARTS);
  const handlers = parts.handlers.slice(0, MAX_PARTS);
  const { removes, locations } = parts;
  const inheritAttr = locations.map((l) => attr(l, 'inheritInChildApplications')).find((a) => a !== undefined);

  let xml: { message: string; span: Span } | undefined;
  if (region.whole) xml = validate(ctx, region.start, region.end);

  const handlerSpan = (i: number): Span => (handlers[i] ?? handlers[0])?.span ?? elements[0]?.tag.span ?? region;

  for (const h of handlers) {
    const modules = attr(h, 'modules');
    if (modules) push(ctx, 'setting', `module=${modules.value.trim()}`, modules.span);
    place(ctx, h.span, 'web.config handler');
  }
  if (inheritAttr) push(ctx, 'setting', `inheritInChildApplications=${inheritAttr.value.trim()}`, inheritAttr.span);

  const targets: (AspNetCoreElement | undefined)[] = elements.length > 0 ? elements : [undefined];
  targets.forEach((el, index) => {
    let elXml = xml;
    if (el && !region.whole) {
      if (el.tag.errors.length > 0) elXml = { message: el.tag.errors.join(' '), span: el.tag.span };
      else if (el.closed) elXml = validate(ctx, el.span.start, el.span.end);
    } else if (el && !elXml && el.tag.errors.length > 0) {
      elXml = { message: el.tag.errors.join(' '), span: el.tag.span };
    }
    const raw: RawConfig = {
      element: el && {
        elementName: el.tag.name,
        attrs: el.tag.attrs.map((a) => ({ name: a.name, value: a.value })),
        env: el.env.map((t) => ({ name: attr(t, 'name')?.value ?? '', value: attr(t, 'value')?.value ?? '' })),
        handlerSettings: el.handlerSettings.map((t) => ({
          name: attr(t, 'name')?.value ?? '',
          value: attr(t, 'value')?.value ?? '',
        })),
        complete: el.tag.ended && el.tag.errors.length === 0,
      },
      handlers: handlers.map((h) => ({ name: attr(h, 'name')?.value, modules: attr(h, 'modules')?.value })),
      removesAspNetCore: removes.length,
      inheritInChildApplications: inheritAttr?.value,
      wholeFile: region.whole,
      xmlError: elXml?.message,
    };

    if (el) {
      for (const a of el.tag.attrs) push(ctx, 'setting', `${a.name}=${a.value}`, a.span);
      for (const t of el.env) {
        const name = attr(t, 'name');
        if (name && name.value !== '') push(ctx, 'setting', `env:${name.value}=${attr(t, 'value')?.value ?? ''}`, t.span);
      }
      for (const t of el.handlerSettings) {
        const name = attr(t, 'name');
        if (name && name.value !== '') push(ctx, 'setting', `handlerSetting:${name.value}=${attr(t, 'value')?.value ?? ''}`, t.span);
      }
      // V1 (AspNetCoreModule) only hosts out of process; V2 defaults to out of process when
      // hostingModel is absent or empty.
      const hm = attr(el.tag, 'hostingModel');
      const model = hostingModelOf(raw);
      const v1 = raw.handlers.some((h) => (h.modules ?? '').trim().toLowerCase() === 'aspnetcoremodule');
      if (model === 'inprocess' && hm) push(ctx, 'hosting-model', v1 ? 'out-of-process' : 'in-process', v1 ? handlerSpan(0) : hm.span);
      else if (model === 'outofprocess' && (hm || raw.element?.complete)) {
        push(ctx, 'hosting-model', 'out-of-process', hm?.span ?? el.tag.span);
      }
      place(ctx, el.span, 'web.config aspNetCore element');
      // Visual Studio's placeholders, left in a deployed file: nothing expands them outside VS.
      const pp = attr(el.tag, 'processPath');
      if (pp && LAUNCHER.test(pp.value)) push(ctx, 'signal', 'web-config.launcher-placeholder', pp.span);
      // What Visual Studio expands %LAUNCHER_ARGS% to when it runs the app under IIS; published
      // as is, dotnet gets an argument file that exists only in the project folder.
      const args = attr(el.tag, 'arguments');
      if (args && VS_ARG_FILE.test(args.value)) push(ctx, 'signal', 'web-config.vs-launcher-arguments', args.span);
    }

    // Handler- and document-level problems are reported once per region, with the first element.
    for (const p of checkConfig(raw)) {
      if (index > 0 && (p.on === 'handler' || p.on === 'document')) continue;
      let span: Span | undefined;
      if (p.on === 'document') span = elXml?.span;
      else if (p.on === 'handler') span = handlerSpan(p.signal === 'web-config.duplicate-handler' ? 1 : 0);
      else if (p.attribute && el) span = attr(el.tag, p.attribute)?.span;
      span ??= el?.tag.span ?? region;
      push(ctx, 'signal', p.signal, span);
    }
  });

  if (region.whole) {
    place(ctx, region, 'web.config');
    // The XML declaration before the root and the SDK's trailing <!--ProjectGuid: ...--> comment.
    const from = Math.max(0, region.start - 400);
    const at = ctx.input.slice(from, region.start).lastIndexOf('<?xml');
    const before = at < 0 ? -1 : from + at;
    if (before >= 0) {
      const end = ctx.input.slice(before, region.start).indexOf('?>') + before;
      if (end >= before && end < region.start && ctx.input.slice(end + 2, region.start).trim() === '') {
        place(ctx, { start: before, end: end + 2 }, 'XML declaration');
      }
    }
    TRAILING_COMMENT.lastIndex = region.end;
    const c = TRAILING_COMMENT.exec(ctx.input);
    if (c) place(ctx, { start: c.index + c[0].indexOf('<'), end: TRAILING_COMMENT.lastIndex }, 'web.config comment');
  }
}

function recognise(input: string, lines: LineIndex, out: Fact[]): Fact[] {
  const ctx: Ctx = { input, lines, facts: out, placedLines: new Set() };
  if (!input.includes('<')) return out;
  const scan = scanWebConfig(input);
  if (scan.elements.length === 0 && scan.handlers.length === 0) return out;

  // Whole files (<configuration> ... </configuration>): disjoint regions in text order (an
  // unclosed one ends where the next begins). Each part goes to its region by binary search.
  const regions: Region[] = scan.configurations.map((c, i) => ({
    start: c.start,
    end: c.end ?? scan.configurations[i + 1]?.start ?? input.length,
    whole: c.end !== undefined,
  }));
  const regionOf = (s: Span): number => {
    let lo = 0;
    let hi = regions.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((regions[mid] as Region).start <= s.start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && within(regions[found] as Region, s) ? found : -1;
  };
  const parts: Parts[] = regions.map(() => ({ elements: [], handlers: [], removes: [], locations: [] }));
  const loose: Parts = { elements: [], handlers: [], removes: [], locations: [] };
  const sort = <T>(list: T[], span: (t: T) => Span, key: keyof Parts): void => {
    for (const item of list) {
      const i = regionOf(span(item));
      ((i >= 0 ? (parts[i] as Parts) : loose)[key] as T[]).push(item);
    }
  };
  sort(scan.elements, (e) => e.tag.span, 'elements');
  sort(scan.handlers, (t) => t.span, 'handlers');
  sort(scan.removes, (t) => t.span, 'removes');
  sort(scan.locations, (t) => t.span, 'locations');

  regions.forEach((r, i) => {
    const p = parts[i] as Parts;
    if (p.elements.length > 0 || p.handlers.length > 0) handleRegion(ctx, r, p);
    else for (const k of ['removes', 'locations'] as const) loose[k].push(...p[k]);
  });
  // Fragments outside any whole file: the elements and handlers left over, read together.
  if (loose.elements.length > 0 || loose.handlers.length > 0) {
    handleRegion(ctx, { start: 0, end: input.length, whole: false }, loose);
  }
  return ctx.facts;
}

export const recogniser: Recogniser = {
  kind: KIND,
  recognise: (input: string, lines: LineIndex, out: Fact[] = []): Fact[] => recognise(input, lines, out),
};
