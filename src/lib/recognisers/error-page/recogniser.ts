/**
 * Error pages from IIS and the ASP.NET Core Module, as HTML or as copied text, anywhere in a
 * paste: ANCM pages ("HTTP Error 500.30 - ASP.NET Core app failed to start", "HTTP Error 502.5 -
 * ANCM Out-Of-Process Startup Failure", V1 "IIS 502.5 Error" / "Process Failure"), IIS detailed
 * error pages (Module, Notification, Handler, Error Code, Config Error, Requested URL, Physical
 * Path ...), the HTTP.sys "HTTP Error 503. The service is unavailable." page, the IIS/ARR 502
 * gateway page, offline (app_offline.htm) pages and the App Service front-end timeout page.
 *
 * A page is a block that starts at its title (or another anchor) and runs until the next page or
 * 150 lines; fields and texts count only inside a block, except HTML table rows which are
 * unambiguous. Facts: status (as the title writes it: "500.0", "502.3"), code (Error Code),
 * url (Requested URL), setting (physicalPath=..., module=... for the ASP.NET Core Module),
 * hosting-model, server, and signals (signals/error-page.ts).
 */
import type { Fact, FactName, LineIndex, Recogniser, Span } from '../../engine/types.ts';
import { lineOf, lineSpan } from '../../engine/lines.ts';
import { parseCode, win32Of } from '../../codes/forms.ts';
import { IIS_TEXT } from '../../codes/iis-codes.ts';
import { decodeXml } from '../shared/xml-scan.ts';
import type { PageClass } from './titles.ts';
import { BOILERPLATE, classifyTitle, CONFIG_BY_CODE, PHRASES, phraseMeaning, WINHTTP_BY_CODE, wrapTolerant } from './titles.ts';

const KIND = 'error-page' as const;
const BLOCK_LINES = 150;

/**
 * A page title: "HTTP Error 502.5 - ...", also as a localized IIS writes it: German "HTTP-Fehler
 * 500.19 - Internal Server Error", Spanish "Error HTTP", French "Erreur HTTP", Italian "Errore
 * HTTP", Russian "Ошибка HTTP", Polish "Błąd HTTP", Chinese "HTTP 错误" / "HTTP 錯誤", Japanese
 * "HTTP エラー", Korean "HTTP 오류" (the forms Microsoft's localized IIS and ASP.NET Core docs
 * print; the words after the status may stay English or be translated), and with the
 * typographic dash a browser or a docs page copies, or the colon localized docs write ("HTTP-Fehler
 * 502.5: Prozessfehler").
 */
const TITLE =
  /(?:HTTP Error|HTTP-Fehler|Error HTTP|Erreur HTTP|Errore HTTP|Ошибка HTTP|Błąd HTTP|HTTP 错误|HTTP 錯誤|HTTP エラー|HTTP 오류) (\d{3})\.(\d{1,3})[ \t]{0,4}[-\u2013\u2014:：][ \t]{0,4}([^<\r\n]{1,200})/gi;
const IIS_TITLE = /\bIIS (\d{3})\.(\d{1,3}) Error\b/g;
const DETAIL_TITLE = /Detailed Error - (\d{3})\.(\d{1,3}) - ([^<\r\n]{1,100})/g;
/**
 * HTTP.sys's 503 text, also in the system's language (German, Spanish, Korean as Microsoft's docs
 * quote it). This and the other fixed page texts below may be wrapped over two lines.
 */
const HTTPSYS_503 = wrapTolerant(
  /HTTP Error 503\. The service is unavailable\.?|HTTP-Fehler 503\. Der Dienst ist nicht verfügbar\.?|Error HTTP 503\. El servicio no está disponible\.?|HTTP 오류 503\. 서비스를 사용할 수 없음/gi,
);
/** HTTP.sys itself: no site binding matches the host name, or no site listens for the URL. */
const HTTPSYS_400_HOST = wrapTolerant(/HTTP Error 400\. The request hostname is invalid\.?/gi);
const HTTPSYS_404 = wrapTolerant(/HTTP Error 404\. The requested resource is not found\.?/gi);
const GATEWAY_502 = wrapTolerant(/502 - Web server received an invalid response while acting as a gateway or proxy server\.?/gi);
const AZURE_TIMEOUT = wrapTolerant(/The web server failed to respond within the specified time\.?/gi);
const SHUTDOWN = wrapTolerant(/Server has been shutdown/gi);
const DETAIL_INFO = /Detailed Error Information/g;
/**
 * An offline page copied as text or quoted: its heading alone on a line, or in quotes inside a
 * sentence ("Site loads with the message "App service is offline"").
 */
const OFFLINE_TEXT =
  /(?<=^[ \t]{0,20}|["“'‘`])(?:the[ \t]{1,3})?(?:app(?:lication)?|(?:web[ \t]?)?site|app[ \t]service|service)[ \t]{1,3}(?:is|has been taken|was taken)[ \t]{1,3}(?:currently[ \t]{1,3}|temporarily[ \t]{1,3})?(?:offline|down for maintenance)\b[.!]?(?=[ \t]{0,20}$|["”'’`])/gim;
/**
 * Where a page comes from App Service: the site's host name, the site root every App Service
 * worker uses, or the portal's Log stream named together with Azure.
 */
/** Words every offline sentence ends in (OFFLINE_TEXT has no empty match). */
const OFFLINE_HINT = /offline|down for maintenance/gi;
const APP_SERVICE =
  /\.azurewebsites\.net|[A-Z]:\\home\\site\\wwwroot|\bAzure App Service\b|\bLog stream\b[^\r\n]{0,40}\bAzure\b|\bAzure\b[^\r\n]{0,40}\bLog stream\b/i;
const OFFLINE_TITLE = /<(title|h1|h2)>([^<]{0,200}(?:offline|maintenance|be back soon|down for)[^<]{0,200})<\/(?:title|h1|h2)>/gi;

const FIELDS = 'Module|Notification|Handler|Error Code|Requested URL|Physical Path|Logon Method|Logon User|Config Error|Config File|Failed Request Tracing Log Directory';
const HTML_FIELD = new RegExp(
  `<th>[ \\t]{0,20}(${FIELDS})[ \\t]{0,20}:?[ \\t]{0,20}</th>[ \\t\\r\\n]{0,40}<td>([^<]{0,4000})</td>`,
  'gi',
);
const TEXT_FIELD = new RegExp(
  `^[ \\t]{0,40}(${FIELDS})(?:[ \\t]{0,10}:)?(?:[ \\t\\u00a0]{1,40}(\\S[^\\r\\n]{0,4000}))?$`,
  'i',
);
const INLINE_CODE = /Error Code(?:[ \t]{0,10}:)?(?:<\/th>)?(?:[ \t\r\n\u00a0]|<td>|&nbsp;){1,60}(0x[0-9a-fA-F]{1,8})\b/gi;
/**
 * The Error Code row of a page IIS wrote in another language ("Fehlercode", "错误代码", "Code
 * d'erreur" ...): on a detailed error page it is the one field whose value is an 8-digit hex
 * code, so a label of up to 40 characters followed by such a value alone, as a text line (the
 * copied page puts a tab or a run of spaces between them, unlike "Exception code: 0x..." of an
 * event below the page) or an HTML row, is read as that code whatever the label's language.
 */
const LABELLED_CODE_LINE = /^[ \t]{0,40}[^\s<>:：0-9][^\r\n<>:：]{0,40}?[:：]?(?:\t|[ \u00a0]{2})[ \t\u00a0]{0,40}(0x[0-9a-fA-F]{8})[ \t]{0,20}\r?$/gm;
/** The Module row of a translated page: the module's name is not translated. */
const LABELLED_MODULE_LINE = /^[ \t]{0,40}[^\s<>:：0-9][^\r\n<>:：]{0,40}?[:：]?(?:\t|[ \u00a0]{2})[ \t\u00a0]{0,40}(AspNetCoreModuleV2|AspNetCoreModule|ApplicationRequestRouting)[ \t]{0,20}\r?$/;
const LABELLED_CODE_ROW = /<th>[^<>]{1,60}<\/th>[ \t\r\n]{0,40}<td>[ \t\u00a0]{0,20}(0x[0-9a-fA-F]{8})[ \t\u00a0]{0,20}<\/td>/gi;
/** The numbered web.config excerpt under "Config Source:" on a 500.19 page ("   15:   <aspNetCore ..."). */
const CONFIG_SOURCE_LINE = /^[ \t]{0,20}-?\d{1,6}:[ \t]/;
const HTML_DOC = /<!DOCTYPE html|<html[\s>]/gi;
const HTML_END = /<\/html>/gi;
/** ERROR_INVALID_DATA as an HRESULT. */
const INVALID_DATA = 0x8007000d;

interface Anchor {
  at: number;
  end: number;
  status?: string;
  cls: PageClass;
  server?: string;
}

interface Block {
  first: number;
  last: number;
  start: number;
  status?: string;
  statusSpan?: Span;
  cls: PageClass;
  signals: Set<string>;
  moduleAncm: boolean;
  placed: Set<number>;
}

interface Ctx {
  input: string;
  lines: LineIndex;
  facts: Fact[];
  once: Set<string>;
  server: string;
}

function push(ctx: Ctx, name: FactName, value: string | number, span: Span): void {
  ctx.facts.push({ kind: KIND, name, value, span: { start: span.start, end: span.end } });
}

function once(ctx: Ctx, name: FactName, value: string, span: Span): void {
  const key = `${name}=${value}`;
  if (ctx.once.has(key)) return;
  ctx.once.add(key);
  push(ctx, name, value, span);
}

function signal(ctx: Ctx, block: Block, signalId: string, span: Span): void {
  // On App Service the platform provides the module: a bad-module page there means the site
  // asks for a module version the instance does not have, not a missing Hosting Bundle.
  const id = signalId === 'error-page.bad-module' && ctx.server === 'azure-app-service' ? 'error-page.bad-module-app-service' : signalId;
  if (block.signals.has(id)) return;
  block.signals.add(id);
  push(ctx, 'signal', id, span);
}

export function decodeHtml(text: string): string {
  return decodeXml(text.replace(/&nbsp;/gi, ' ')).replace(/\u00a0/g, ' ');
}

function collectAnchors(input: string, lines: LineIndex): Anchor[] {
  const out: Anchor[] = [];
  const statusOf = (s: string, sub: string | undefined): string => (sub === undefined ? s : `${s}.${Number(sub)}`);
  const scan = (re: RegExp, f: (m: RegExpExecArray) => Omit<Anchor, 'at' | 'end'> | undefined): void => {
    re.lastIndex = 0;
    for (let m = re.exec(input); m; m = re.exec(input)) {
      const a = f(m);
      if (a) out.push({ at: m.index, end: m.index + m[0].length, ...a });
      if (m[0].length === 0) re.lastIndex++;
    }
  };
  scan(TITLE, (m) => {
    const status = Number(m[1]);
    if (status < 400 || status > 599) return undefined;
    const sub = Number(m[2]);
    return { status: statusOf(m[1] as string, m[2]), cls: classifyTitle(status, sub, decodeHtml(m[3] as string)) };
  });
  scan(IIS_TITLE, (m) => {
    const status = Number(m[1]);
    if (status < 400 || status > 599) return undefined;
    return { status: statusOf(m[1] as string, m[2]), cls: classifyTitle(status, Number(m[2]), '') };
  });
  scan(DETAIL_TITLE, (m) => {
    const status = Number(m[1]);
    if (status < 400 || status > 599) return undefined;
    return { status: statusOf(m[1] as string, m[2]), cls: classifyTitle(status, Number(m[2]), decodeHtml(m[3] as string)) };
  });
  scan(HTTPSYS_503, () => ({ status: '503', cls: { signal: 'error-page.service-unavailable' } }));
  scan(HTTPSYS_400_HOST, () => ({ status: '400', cls: { signal: 'error-page.httpsys-invalid-hostname' } }));
  scan(HTTPSYS_404, () => ({ status: '404', cls: { signal: 'error-page.httpsys-not-found' } }));
  scan(GATEWAY_502, () => ({ status: '502', cls: { signal: 'error-page.gateway-invalid-response' } }));
  scan(AZURE_TIMEOUT, () => ({ cls: { signal: 'error-page.azure-frontend-timeout' }, server: 'azure-app-service' }));
  scan(SHUTDOWN, () => ({ status: '503', cls: { signal: 'error-page.server-shutdown' } }));
  scan(DETAIL_INFO, () => ({ cls: {} }));
  scan(OFFLINE_TITLE, () => ({ cls: { signal: 'error-page.app-offline' } }));
  // The offline sentence lies inside one line and ends in one of the hint words: read only the
  // lines holding a hint, each on its own (its start and end are where ^ and $ match anyway).
  OFFLINE_HINT.lastIndex = 0;
  for (let h = OFFLINE_HINT.exec(input); h; h = OFFLINE_HINT.exec(input)) {
    const n = lineOf(lines, h.index);
    const ls = lineSpan(input, lines, n);
    const text = input.slice(ls.start, ls.end);
    OFFLINE_TEXT.lastIndex = 0;
    for (let m = OFFLINE_TEXT.exec(text); m; m = OFFLINE_TEXT.exec(text)) {
      out.push({ at: ls.start + m.index, end: ls.start + m.index + m[0].length, cls: { signal: 'error-page.app-offline' } });
    }
    OFFLINE_HINT.lastIndex = Math.max(h.index + 1, lines.starts[n] ?? input.length);
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Can two anchors be the same page? Unknown fits anything; "503" fits "503.0". */
function sameStatus(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined || a === b) return true;
  return (!a.includes('.') && b.startsWith(`${a}.`)) || (!b.includes('.') && a.startsWith(`${b}.`));
}

/** Group anchors into page blocks: one page per title, its <title>/<h1> repeats folded in. */
function buildBlocks(ctx: Ctx, anchors: Anchor[]): Block[] {
  const blocks: Block[] = [];
  let cur: Block | undefined;
  for (const a of anchors) {
    const line = lineOf(ctx.lines, a.at);
    const samePage = cur !== undefined && line <= cur.last && sameStatus(a.status, cur.status);
    if (!samePage) {
      if (cur) cur.last = Math.min(cur.last, line - 1);
      cur = {
        first: line,
        last: line + BLOCK_LINES,
        start: a.at,
        cls: {},
        signals: new Set(),
        moduleAncm: false,
        placed: new Set(),
      };
      blocks.push(cur);
    }
    const b = cur as Block;
    const span = { start: a.at, end: a.end };
    if (a.status && !b.status) {
      b.status = a.status;
      b.statusSpan = span;
      push(ctx, 'status', a.status, span);
    }
    if (a.cls.signal) signal(ctx, b, a.cls.signal, span);
    if (a.cls.hosting && !b.cls.hosting) {
      b.cls = { ...b.cls, hosting: a.cls.hosting };
      push(ctx, 'hosting-model', a.cls.hosting, span);
    }
    once(ctx, 'server', a.server ?? ctx.server, span);
    b.placed.add(line);
  }
  return blocks;
}

function blockAt(blocks: Block[], line: number): Block | undefined {
  let lo = 0;
  let hi = blocks.length - 1;
  let found: Block | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid] as Block;
    if (b.first <= line) {
      found = b;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && line <= found.last ? found : undefined;
}

/** The first block that starts on or after `line`. */
function firstBlockFrom(blocks: Block[], line: number): Block | undefined {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((blocks[mid] as Block).first < line) lo = mid + 1;
    else hi = mid;
  }
  return blocks[lo];
}

function onCode(ctx: Ctx, block: Block, code: number, span: Span): void {
  if (code === 0) return;
  push(ctx, 'code', code, span);
  const w = win32Of(code);
  if (w === undefined) return;
  if (block.status === '502.3') {
    const suffix = WINHTTP_BY_CODE.get(w);
    if (suffix) signal(ctx, block, `error-page.iis-502-3-${suffix}`, span);
  } else if (block.status === '500.19') {
    const id = CONFIG_BY_CODE.get(w);
    // 0x800700B7 is also what a section defined twice in one file gives; the Config Error
    // text tells the two apart.
    const twice = id === 'error-page.config-duplicate-entry' && block.signals.has('error-page.config-section-duplicate');
    if (id && !twice) signal(ctx, block, id, span);
  }
}

function onField(ctx: Ctx, block: Block, label: string, rawValue: string, span: Span): void {
  const value = decodeHtml(rawValue).trim();
  const l = label.toLowerCase();
  if (l === 'requested url' && value !== '') push(ctx, 'url', value, span);
  else if (l === 'physical path' && value !== '') push(ctx, 'setting', `physicalPath=${value}`, span);
  else if (l === 'module' && /^AspNetCoreModule(?:V2)?$/i.test(value)) {
    push(ctx, 'setting', `module=${value}`, span);
    block.moduleAncm = true;
    if (block.status === '502.3' && !block.cls.hosting) {
      block.cls = { ...block.cls, hosting: 'out-of-process' };
      push(ctx, 'hosting-model', 'out-of-process', span);
    }
  } else if (l === 'module' && /^ApplicationRequestRouting$/i.test(value)) {
    // IIS Application Request Routing acting as the reverse proxy, not the ASP.NET Core Module.
    push(ctx, 'setting', `module=${value}`, span);
    if (block.status === '502.4') signal(ctx, block, 'error-page.arr-no-server', span);
    else if (block.status === '502.3') signal(ctx, block, 'error-page.arr-502-3', span);
  }
}

function placeLine(ctx: Ctx, n: number, label: string): void {
  const ls = lineSpan(ctx.input, ctx.lines, n);
  if (ls.end > ls.start && ctx.input.slice(ls.start, ls.end).trim() !== '') push(ctx, 'placed', label, ls);
}

/**
 * Where to look for a page's rows and texts: the blocks' lines, each run extended by BLOCK_MARGIN
 * characters (a row starting on a block's last line may run on), runs that close merged so no
 * character is searched twice. Rows and texts never start inside an earlier match, so searching
 * these ranges finds the same in-block matches as searching the whole input.
 */
const BLOCK_MARGIN = 5000;

function blockRanges(input: string, lines: LineIndex, blocks: Block[]): Span[] {
  const out: Span[] = [];
  for (const b of blocks) {
    const last = Math.min(b.last, lines.starts.length);
    if (b.first > last) continue;
    const start = lines.starts[b.first - 1] as number;
    const end = Math.min(input.length, lineSpan(input, lines, last).end + BLOCK_MARGIN);
    const prev = out[out.length - 1];
    if (prev && start <= prev.end) prev.end = Math.max(prev.end, end);
    else out.push({ start, end });
  }
  return out;
}

/** Matches of the global `re` in the ranges, with their offset in the input, in text order. */
function eachInRanges(input: string, ranges: Span[], re: RegExp, fn: (m: RegExpExecArray, at: number) => void): void {
  for (const r of ranges) {
    const text = input.slice(r.start, r.end);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) fn(m, r.start + m.index);
  }
}

function recognise(input: string, lines: LineIndex, out: Fact[]): Fact[] {
  const server = /IIS Express/i.test(input) ? 'iis-express' : APP_SERVICE.test(input) ? 'azure-app-service' : 'iis';
  const ctx: Ctx = { input, lines, facts: out, once: new Set(), server };
  const anchors = collectAnchors(input, lines);
  if (anchors.length === 0) return out;
  const blocks = buildBlocks(ctx, anchors);

  // Error Code values (HTML rows and text): read now, weighed after the page's texts, which can
  // say more than the code (0x800700B7 is a duplicate entry, or a section defined twice).
  const codes: { block: Block; code: number; span: Span }[] = [];
  const ranges = blockRanges(input, lines, blocks);
  eachInRanges(input, ranges, INLINE_CODE, (m, at) => {
    const line = lineOf(lines, at);
    const block = blockAt(blocks, line);
    const code = parseCode(m[1] as string, IIS_TEXT) ?? undefined;
    if (!block || code === undefined) return;
    codes.push({ block, code, span: { start: at, end: at + m[0].length } });
    block.placed.add(line);
  });
  // Pages in another language: the code row under a translated label, once per page.
  const coded = new Set(codes.map((c) => c.block));
  for (const re of [LABELLED_CODE_ROW, LABELLED_CODE_LINE]) {
    eachInRanges(input, ranges, re, (m, at) => {
      const line = lineOf(lines, at);
      const block = blockAt(blocks, line);
      const code = parseCode(m[1] as string, IIS_TEXT) ?? undefined;
      if (!block || code === undefined || coded.has(block)) return;
      coded.add(block);
      const start = at + m[0].indexOf(m[1] as string);
      codes.push({ block, code, span: { start, end: start + (m[1] as string).length } });
      block.placed.add(line);
    });
  }
  eachInRanges(input, ranges, HTML_FIELD, (m, at) => {
    const block = blockAt(blocks, lineOf(lines, at));
    if (!block || /^error code$/i.test(m[1] as string)) return;
    onField(ctx, block, m[1] as string, m[2] as string, { start: at, end: at + m[0].length });
  });
  // Named texts: WinHTTP failures on 502.3 pages, configuration errors, app_offline.
  eachInRanges(input, ranges, PHRASES, (m, at) => {
    const line = lineOf(lines, at);
    const block = blockAt(blocks, line);
    if (!block) return;
    const meaning = phraseMeaning(m[0]);
    const span = { start: at, end: at + m[0].length };
    if (meaning.winhttp && (block.status === '502.3' || block.status === '502')) {
      signal(ctx, block, `error-page.iis-502-3-${meaning.winhttp}`, span);
    } else if (meaning.signal === 'error-page.app-offline') {
      if (block.status?.startsWith('503')) signal(ctx, block, meaning.signal, span);
    } else if (meaning.signal) {
      signal(ctx, block, meaning.signal, span);
    }
    block.placed.add(line);
  });

  for (const c of codes) onCode(ctx, c.block, c.code, c.span);

  // Text fields and page texts, line by line inside each block.
  for (const block of blocks) {
    const last = Math.min(block.last, lines.starts.length);
    for (let n = block.first; n <= last; n++) {
      const ls = lineSpan(input, lines, n);
      if (ls.end === ls.start) continue;
      const text = input.slice(ls.start, ls.end);
      if (!text.includes('<')) {
        const f = TEXT_FIELD.exec(text);
        if (f) {
          const label = f[1] as string;
          if (!/^error code$/i.test(label) && f[2] !== undefined) onField(ctx, block, label, f[2], ls);
          block.placed.add(n);
          continue;
        }
        // The Module row under a translated label ("Modul", "模块"): its value is a module name.
        const mod = LABELLED_MODULE_LINE.exec(text);
        if (mod) {
          onField(ctx, block, 'module', mod[1] as string, ls);
          block.placed.add(n);
          continue;
        }
      }
      if (BOILERPLATE.test(text) || CONFIG_SOURCE_LINE.test(text)) block.placed.add(n);
    }
  }

  // The ASP.NET Core Module itself answering 500 with "the data is invalid" (read once the Module
  // row of a text page is known): the module is installed and refuses one of its settings.
  for (const c of codes) {
    if (c.code === INVALID_DATA && c.block.moduleAncm && /^500(?:\.0)?$/.test(c.block.status ?? '')) {
      signal(ctx, c.block, 'error-page.ancm-invalid-data', c.span);
    }
  }

  // HTML documents holding a page are placed whole; text pages line by line.
  const docLines = new Set<number>();
  HTML_DOC.lastIndex = 0;
  for (let m = HTML_DOC.exec(input); m; m = HTML_DOC.exec(input)) {
    HTML_END.lastIndex = m.index;
    const e = HTML_END.exec(input);
    const end = e ? e.index + e[0].length : input.length;
    const first = lineOf(lines, m.index);
    const last = lineOf(lines, Math.max(m.index, end - 1));
    const b = firstBlockFrom(blocks, first);
    if (b && b.first <= last) for (let n = first; n <= last; n++) docLines.add(n);
    HTML_DOC.lastIndex = Math.max(end, m.index + 1);
  }
  const placed = new Set<number>(docLines);
  for (const b of blocks) for (const n of b.placed) placed.add(n);
  for (const n of [...placed].sort((a, b) => a - b)) placeLine(ctx, n, 'error page');
  return ctx.facts;
}

export const recogniser: Recogniser = {
  kind: KIND,
  recognise: (input: string, lines: LineIndex, out: Fact[] = []): Fact[] => recognise(input, lines, out),
};
