/**
 * readAspNetCoreSettings: the effective `<aspNetCore>` settings of a web.config (or of a pasted
 * element), with ANCM's defaults filled in and the problems recognisers/web-config/rules.ts finds. Pure, for
 * the web.config checker widget. Well-formed XML is read with fast-xml-parser; anything else
 * falls back to the offset scanner so a broken file still gets an answer (with `wellFormed`
 * false and the parser's complaint in `xmlError`).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { NameValue, Problem, RawConfig, RawElement } from './rules.ts';
import { checkConfig, DEFAULTS, get, hostingModelOf, timeSpanSeconds } from './rules.ts';
import { attr, scanWebConfig } from './scan.ts';

export interface AspNetCoreSettings {
  /** An aspNetCore element was found. */
  found: boolean;
  wellFormed: boolean;
  xmlError?: string;
  processPath?: string;
  arguments: string;
  hostingModel: 'inprocess' | 'outofprocess' | 'invalid';
  /** Whether hostingModel was written or is ANCM's default. */
  hostingModelSource: 'attribute' | 'default';
  requestTimeout: string;
  /** requestTimeout in milliseconds, when it is a valid timeSpan. */
  requestTimeoutMs?: number;
  startupTimeLimit: number;
  shutdownTimeLimit: number;
  rapidFailsPerMinute: number;
  processesPerApplication: number;
  stdoutLogEnabled: boolean;
  stdoutLogFile: string;
  forwardWindowsAuthToken: boolean;
  disableStartUpErrorPage: boolean;
  environmentVariables: Record<string, string>;
  handlerSettings: Record<string, string>;
  /** The handler's module ("AspNetCoreModuleV2", "AspNetCoreModule"), when a handler is present. */
  module?: string;
  /** Attribute names written in the element (as written). */
  explicit: string[];
  inheritInChildApplications?: boolean;
  problems: Problem[];
  notes: string[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
});

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const nodes = (v: unknown): Node[] => (Array.isArray(v) ? v.filter(isNode) : isNode(v) ? [v] : []);

function attrsOf(n: Node): NameValue[] {
  const out: NameValue[] = [];
  for (const [k, v] of Object.entries(n)) if (k.startsWith('@')) out.push({ name: k.slice(1), value: String(v) });
  return out;
}

function pairs(parent: unknown, child: string): NameValue[] {
  const out: NameValue[] = [];
  for (const p of nodes(parent)) {
    for (const c of nodes(p[child])) {
      const a = attrsOf(c);
      const name = get(a, 'name');
      if (name !== undefined) out.push({ name, value: get(a, 'value') ?? '' });
    }
  }
  return out;
}

/** Walk the parsed tree (depth-first, document order) collecting what RawConfig needs. */
function walk(node: Node, raw: RawConfig, depth: number): void {
  if (depth > 64) return;
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@') || key === '#text') continue;
    const lower = key.toLowerCase();
    for (const child of nodes(value)) {
      if (lower === 'aspnetcore' && !raw.element) {
        raw.element = {
          elementName: key,
          attrs: attrsOf(child),
          env: pairs(child['environmentVariables'], 'environmentVariable'),
          handlerSettings: pairs(child['handlerSettings'], 'handlerSetting'),
          complete: true,
        };
      } else if (lower === 'handlers') {
        for (const add of nodes(child['add'])) {
          const a = attrsOf(add);
          const modules = get(a, 'modules');
          const name = get(a, 'name');
          if (/^AspNetCoreModule(?:V2)?$/i.test((modules ?? '').trim()) || (name ?? '').toLowerCase() === 'aspnetcore') {
            raw.handlers.push({ name, modules });
          }
        }
        for (const rm of nodes(child['remove'])) {
          if ((get(attrsOf(rm), 'name') ?? '').toLowerCase() === 'aspnetcore') raw.removesAspNetCore++;
        }
      } else if (lower === 'location') {
        const inherit = get(attrsOf(child), 'inheritInChildApplications');
        if (inherit !== undefined) raw.inheritInChildApplications ??= inherit;
      } else if (lower === 'configuration') {
        raw.wholeFile = true;
      }
      walk(child, raw, depth + 1);
    }
  }
}

/** Raw configuration from the offset scanner (used when the XML does not parse). */
export function rawFromScan(xml: string): RawConfig {
  const scan = scanWebConfig(xml);
  const el = scan.elements[0];
  const element: RawElement | undefined = el && {
    elementName: el.tag.name,
    attrs: el.tag.attrs.map((a) => ({ name: a.name, value: a.value })),
    env: el.env.map((t) => ({ name: attr(t, 'name')?.value ?? '', value: attr(t, 'value')?.value ?? '' })),
    handlerSettings: el.handlerSettings.map((t) => ({ name: attr(t, 'name')?.value ?? '', value: attr(t, 'value')?.value ?? '' })),
    complete: el.tag.ended && el.tag.errors.length === 0,
  };
  const inherit = scan.locations.map((l) => attr(l, 'inheritInChildApplications')?.value).find((v) => v !== undefined);
  return {
    element,
    handlers: scan.handlers.map((h) => ({ name: attr(h, 'name')?.value, modules: attr(h, 'modules')?.value })),
    removesAspNetCore: scan.removes.length,
    inheritInChildApplications: inherit,
    wholeFile: scan.configurations.length > 0,
  };
}

/** Validate and parse; a fragment with several top-level elements is wrapped in a root first. */
export function rawFromXml(xml: string): RawConfig {
  const body = xml.replace(/^\uFEFF?\s{0,1000}<\?xml[^>]{0,500}\?>/, '');
  const wrapped = `<root>${body}</root>`;
  let error: string | undefined;
  try {
    const v = XMLValidator.validate(wrapped);
    if (v === true) {
      const doc: unknown = parser.parse(wrapped);
      const raw: RawConfig = { handlers: [], removesAspNetCore: 0, wholeFile: false };
      if (isNode(doc)) walk(doc, raw, 0);
      // The validator lets some attribute mistakes through (a bare "&"); IIS does not.
      const tagErrors = scanWebConfig(xml).elements.flatMap((e) => e.tag.errors);
      if (tagErrors.length > 0) raw.xmlError = tagErrors.join(' ');
      return raw;
    }
    error = `${v.err.msg} (line ${v.err.line}, column ${v.err.col})`;
  } catch (e) {
    error = e instanceof Error ? e.message : 'The XML could not be read.';
  }
  return { ...rawFromScan(xml), xmlError: error };
}

const bool = (v: string | undefined, d: boolean): boolean =>
  v === undefined ? d : v.trim().toLowerCase() === 'true' ? true : v.trim().toLowerCase() === 'false' ? false : d;
const uint = (v: string | undefined, d: number): number => (v !== undefined && /^\d{1,10}$/.test(v.trim()) ? Number(v) : d);

export function readAspNetCoreSettings(xml: string): AspNetCoreSettings {
  const raw = rawFromXml(typeof xml === 'string' ? xml : '');
  const el = raw.element;
  const a = (n: string): string | undefined => (el ? get(el.attrs, n) : undefined);
  const notes: string[] = [];
  const hm = a('hostingModel');
  const requestTimeout = a('requestTimeout') ?? DEFAULTS.requestTimeout;
  const seconds = timeSpanSeconds(requestTimeout);
  const module = raw.handlers.find((h) => h.modules)?.modules?.trim();
  if (el && (hm === undefined || hm.trim() === '')) {
    notes.push(
      'No hostingModel attribute, so ANCM runs the app out of process. Since .NET Core 3.0 the SDK writes hostingModel="inprocess" when it publishes (AspNetCoreHostingModel); earlier SDKs left it out.',
    );
  }
  if (el && !module) notes.push('No <handlers> entry for the ASP.NET Core Module in this text; it may come from a parent configuration.');
  const model = hostingModelOf(raw);
  if (el && model === 'inprocess') notes.push('In process, requestTimeout does not apply.');

  const toRecord = (list: NameValue[]): Record<string, string> => {
    const r: Record<string, string> = {};
    for (const { name, value } of list) if (!(name in r)) r[name] = value;
    return r;
  };
  return {
    found: el !== undefined,
    wellFormed: raw.xmlError === undefined,
    xmlError: raw.xmlError,
    processPath: a('processPath'),
    arguments: a('arguments') ?? DEFAULTS.arguments,
    hostingModel: model,
    hostingModelSource: hm === undefined || hm.trim() === '' ? 'default' : 'attribute',
    requestTimeout,
    requestTimeoutMs: seconds === undefined ? undefined : seconds * 1000,
    startupTimeLimit: uint(a('startupTimeLimit'), DEFAULTS.startupTimeLimit),
    shutdownTimeLimit: uint(a('shutdownTimeLimit'), DEFAULTS.shutdownTimeLimit),
    rapidFailsPerMinute: uint(a('rapidFailsPerMinute'), DEFAULTS.rapidFailsPerMinute),
    processesPerApplication: uint(a('processesPerApplication'), DEFAULTS.processesPerApplication),
    stdoutLogEnabled: bool(a('stdoutLogEnabled'), DEFAULTS.stdoutLogEnabled),
    stdoutLogFile: a('stdoutLogFile') ?? DEFAULTS.stdoutLogFile,
    forwardWindowsAuthToken: bool(a('forwardWindowsAuthToken'), DEFAULTS.forwardWindowsAuthToken),
    disableStartUpErrorPage: bool(a('disableStartUpErrorPage'), DEFAULTS.disableStartUpErrorPage),
    environmentVariables: toRecord(el?.env ?? []),
    handlerSettings: toRecord(el?.handlerSettings ?? []),
    module,
    explicit: el ? el.attrs.map((x) => x.name) : [],
    inheritInChildApplications:
      raw.inheritInChildApplications === undefined ? undefined : raw.inheritInChildApplications.trim().toLowerCase() === 'false' ? false : true,
    problems: checkConfig(raw),
    notes,
  };
}
