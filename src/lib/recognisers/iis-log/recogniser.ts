/**
 * IIS W3C extended logs (u_ex*.log, IIS Express, Azure App Service http/RawLogs) and HTTP.sys
 * error logs (httperr*.log), anywhere in a paste.
 *
 * Field order comes from the most recent `#Fields:` directive (several headers per paste, field
 * sets that change mid-file); without one, a line is read when it starts with `date time`, has an
 * HTTP method followed by a path, and ends with `sc-status sc-substatus sc-win32-status
 * [sc-bytes cs-bytes] time-taken` (see locateTail). Records wrapped over several lines are joined.
 * A line where no record starts may still hold one's outcome fields, alone, by name, or at the
 * end of a record cut before its date (outcome.ts).
 *
 * Facts: every record is placed; error records (5xx, 403.14, dropped client connections) give
 * status ("502.3"), code (sc-win32-status when non-zero, unsigned), time-taken-ms, url
 * (cs-uri-stem), timestamp (date/time are UTC in W3C logs) and signals (signals/iis-log.ts).
 */
import type { Fact, FactName, LineIndex, Recogniser, Span } from '../../engine/types.ts';
import { lineSpan } from '../../engine/lines.ts';
import { parseCode, win32Of } from '../../codes/forms.ts';
import { CLIENT_GONE_WIN32, IIS_TEXT, WINHTTP_502_3 } from '../../codes/iis-codes.ts';
import type { Layout, Token } from './fields.ts';
import { outcomeLines, readOutcome } from './outcome.ts';
import {
  findMethod,
  httpErrLayout,
  isDate,
  isFieldName,
  isInt,
  isStatus,
  isSubStatus,
  isTime,
  layoutOf,
  locateTail,
  tokenize,
} from './fields.ts';

const KIND = 'iis-log' as const;

const DIRECTIVE = /#(Fields|Software|Version|Date|Remark|Start-Date|End-Date):[ \t]*/;
const DATE_TIME = /(?<![\d-])\d{4}-\d{2}-\d{2}[ \t]{1,8}\d{2}:\d{2}:\d{2}(?=[ \t])/;
const MAX_JOIN = 3;
const MAX_TOKENS = 400;

const HTTPERR_SIGNALS: Readonly<Record<string, string>> = {
  appoffline: 'iis-log.httperr-app-offline',
  disabled: 'iis-log.httperr-disabled',
  queuefull: 'iis-log.httperr-queue-full',
  apppooltimer: 'iis-log.httperr-app-pool-busy',
  timer_apppool: 'iis-log.httperr-app-pool-busy',
  timer_reqqueue: 'iis-log.httperr-app-pool-busy',
  appshutdown: 'iis-log.httperr-app-shutdown',
  hostname: 'iis-log.httperr-hostname',
  notfound: 'iis-log.httperr-not-found',
  connection_abandoned_by_apppool: 'iis-log.httperr-connection-abandoned',
  connection_abandoned_by_reqqueue: 'iis-log.httperr-connection-abandoned',
};

interface Rec {
  span: Span;
  multiline: boolean;
  httpErr: boolean;
  date?: Token;
  time?: Token;
  status?: Token;
  sub?: Token;
  win32?: Token;
  taken?: Token;
  url?: Token;
  query?: Token;
  host?: Token;
  site?: Token;
  reason?: Token;
}

interface Ctx {
  input: string;
  facts: Fact[];
  servers: Set<string>;
  iisExpress: boolean;
}

function push(ctx: Ctx, name: FactName, value: string | number, span: Span): void {
  ctx.facts.push({ kind: KIND, name, value, span: { start: span.start, end: span.end } });
}

function server(ctx: Ctx, value: string, span: Span): void {
  if (ctx.servers.has(value)) return;
  ctx.servers.add(value);
  push(ctx, 'server', value, span);
}

function pick(tokens: readonly Token[], layout: Layout, field: string): Token | undefined {
  const i = layout.index.get(field);
  return i === undefined ? undefined : tokens[i];
}

function fromLayout(tokens: readonly Token[], layout: Layout): Rec | undefined {
  const status = pick(tokens, layout, 'sc-status');
  if (status && status.text !== '-' && !isStatus(status.text)) return undefined;
  const date = pick(tokens, layout, 'date');
  if (date && !isDate(date.text)) return undefined;
  const time = pick(tokens, layout, 'time');
  if (time && !isTime(time.text)) return undefined;
  const sub = pick(tokens, layout, 'sc-substatus');
  if (sub && sub.text !== '-' && !isSubStatus(sub.text)) return undefined;
  const win32 = pick(tokens, layout, 'sc-win32-status');
  if (win32 && win32.text !== '-' && !isInt(win32.text)) return undefined;
  const reason = pick(tokens, layout, 's-reason');
  return {
    span: { start: (tokens[0] as Token).start, end: (tokens[tokens.length - 1] as Token).end },
    multiline: false,
    httpErr: reason !== undefined,
    date,
    time,
    status,
    sub,
    win32,
    taken: pick(tokens, layout, 'time-taken'),
    url: pick(tokens, layout, 'cs-uri-stem') ?? pick(tokens, layout, 'cs-uri'),
    query: pick(tokens, layout, 'cs-uri-query'),
    host: pick(tokens, layout, 'cs-host'),
    site: pick(tokens, layout, 's-sitename'),
    reason,
  };
}

/** A header-less record: HTTP.sys error-log shape, or W3C with a method and an outcome tail. */
function headerless(tokens: readonly Token[]): Rec | undefined {
  if (tokens.length < 6) return undefined;
  const errLayout = httpErrLayout(tokens, 0);
  if (errLayout) return fromLayout(tokens, errLayout);
  const method = findMethod(tokens, 0);
  if (method === undefined) return undefined;
  const tail = locateTail(tokens, method + 2);
  if (!tail) return undefined;
  const first = tokens[0] as Token;
  const last = tokens[tokens.length - 1] as Token;
  return {
    span: { start: first.start, end: last.end },
    multiline: false,
    httpErr: false,
    date: first,
    time: tokens[1],
    status: tokens[tail.status],
    sub: tokens[tail.sub],
    win32: tokens[tail.win32],
    taken: tokens[tail.timeTaken],
    url: tokens[method + 1],
    query: tail.status > method + 2 ? tokens[method + 2] : undefined,
  };
}

/** Merge the two tokens that meet at a wrap point (a wrap that cut a value in two). */
function mergeAt(tokens: Token[], at: number): Token[] {
  const a = tokens[at - 1] as Token;
  const b = tokens[at] as Token;
  const merged: Token = { text: a.text + b.text, start: a.start, end: b.end };
  return [...tokens.slice(0, at - 1), merged, ...tokens.slice(at + 1)];
}

function emitRecord(ctx: Ctx, rec: Rec): void {
  const status = rec.status && isStatus(rec.status.text) ? Number(rec.status.text) : undefined;
  const sub = rec.sub && isSubStatus(rec.sub.text) ? Number(rec.sub.text) : 0;
  const code = rec.win32 && rec.win32.text !== '-' ? (parseCode(rec.win32.text, IIS_TEXT) ?? undefined) : undefined;
  const w32 = code === undefined ? undefined : win32Of(code);
  const taken = rec.taken && /^\d{1,10}$/.test(rec.taken.text) ? Number(rec.taken.text) : undefined;
  const reasonSignal = rec.reason ? HTTPERR_SIGNALS[rec.reason.text.toLowerCase()] : undefined;

  const host = rec.host?.text.toLowerCase() ?? '';
  const appService =
    host.endsWith('.azurewebsites.net') ||
    (rec.query?.text.includes('X-ARR-LOG-ID') ?? false) ||
    (rec.site?.text.startsWith('~1') ?? false);
  server(ctx, appService ? 'azure-app-service' : ctx.iisExpress ? 'iis-express' : 'iis', rec.span);

  const clientGone = w32 !== undefined && CLIENT_GONE_WIN32.has(w32);
  const relevant =
    (status !== undefined && status >= 500) ||
    (status === 403 && sub === 14) ||
    (clientGone && ((status !== undefined && status >= 400) || (taken !== undefined && taken >= 60_000))) ||
    reasonSignal !== undefined;

  if (!relevant || rec.multiline) {
    push(ctx, 'placed', rec.httpErr ? 'HTTP.sys error log line' : 'IIS log line', rec.span);
  }
  if (!relevant) return;

  if (rec.date && rec.time) {
    push(ctx, 'timestamp', `${rec.date.text}T${rec.time.text}Z`, { start: rec.date.start, end: rec.time.end });
  }
  if (status !== undefined && status >= 400 && rec.status) {
    const value = sub !== 0 ? `${status}.${sub}` : String(status);
    const end = rec.sub && rec.sub.start > rec.status.start && sub !== 0 ? rec.sub.end : rec.status.end;
    push(ctx, 'status', value, { start: rec.status.start, end });
  }
  if (code !== undefined && code !== 0 && rec.win32) push(ctx, 'code', code, rec.win32);
  if (taken !== undefined && rec.taken) push(ctx, 'time-taken-ms', taken, rec.taken);
  if (rec.url && rec.url.text !== '-') push(ctx, 'url', rec.url.text, rec.url);

  const signals: string[] = [];
  if (reasonSignal) signals.push(reasonSignal);
  if (status === 502 && sub === 3 && w32 !== undefined) {
    const suffix = WINHTTP_502_3.get(w32);
    if (suffix) signals.push(`iis-log.502-3-${suffix}`);
  } else if (status === 500 && sub === 19 && w32 !== undefined) {
    if (w32 === 13) signals.push('iis-log.500-19-invalid-data');
    else if (w32 === 183) signals.push('iis-log.500-19-duplicate');
    else if (w32 === 5) signals.push('iis-log.500-19-access-denied');
    else if (w32 === 3) signals.push('iis-log.500-19-path-not-found');
  } else if (clientGone) {
    signals.push('iis-log.client-disconnected');
  }
  for (const s of signals) push(ctx, 'signal', s, rec.span);
}

function isDirectiveAt(text: string): RegExpExecArray | null {
  if (!text.includes('#')) return null;
  const m = DIRECTIVE.exec(text);
  if (!m) return null;
  // Only at the start, or after a short prefix such as a file name ("u_ex240305.log:").
  const prefix = text.slice(0, m.index).trim();
  if (prefix.length > 120 || /\s/.test(prefix)) return null;
  return m;
}

function recognise(input: string, lines: LineIndex, out: Fact[]): Fact[] {
  const ctx: Ctx = { input, facts: out, servers: new Set(), iisExpress: /iisexpress/i.test(input) };
  const count = lines.starts.length;
  let layout: Layout | undefined;
  /** Lines that may hold the outcome fields of a record without its start (outcome.ts). */
  const hinted = outcomeLines(input, lines);

  const spanOf = (n: number): Span => lineSpan(input, lines, n);
  const textOf = (n: number): string => {
    const s = spanOf(n);
    return input.slice(s.start, s.end);
  };
  /** A line that cannot continue a wrapped record: blank, a directive or a new record. */
  const startsSomething = (n: number): boolean => {
    const t = textOf(n);
    if (t.trim() === '') return true;
    if (isDirectiveAt(t)) return true;
    const m = DATE_TIME.exec(t);
    return m !== null && m.index < 4;
  };

  for (let n = 1; n <= count; n++) {
    const ls = spanOf(n);
    if (ls.end - ls.start < 8) continue;
    const text = input.slice(ls.start, ls.end);

    const dir = isDirectiveAt(text);
    if (dir) {
      const name = dir[1] as string;
      const rest = text.slice(dir.index + dir[0].length);
      let last = n;
      if (name === 'Fields') {
        const fields = rest.trim().split(/[ \t]+/).filter((f) => f !== '');
        // A wrapped #Fields: line continues with more field names.
        while (last < count && last - n < MAX_JOIN && !startsSomething(last + 1)) {
          const more = textOf(last + 1).trim().split(/[ \t]+/);
          if (!more.every(isFieldName)) break;
          fields.push(...more);
          last++;
        }
        layout = fields.length >= 2 && fields.every(isFieldName) ? layoutOf(fields) : undefined;
      }
      for (let k = n; k <= last; k++) push(ctx, 'placed', `#${name} directive`, spanOf(k));
      n = last;
      continue;
    }

    let from: number;
    if (!layout || layout.fields[0] === 'date') {
      const m = text.includes(':') ? DATE_TIME.exec(text) : null;
      if (!m) {
        // No record starts here; the outcome fields of one may (outcome.ts).
        const o = hinted[n] === 1 ? readOutcome(text, ls.start, true) : undefined;
        if (o) emitRecord(ctx, { ...o, multiline: false, httpErr: false });
        continue;
      }
      from = ls.start + m.index;
    } else {
      from = ls.start + (text.length - text.trimStart().length);
    }

    let tokens = tokenize(input, from, ls.end);
    if (tokens.length > MAX_TOKENS) continue;
    let rec: Rec | undefined;
    let last = n;

    if (layout) {
      const want = layout.fields.length;
      if (tokens.length === want) rec = fromLayout(tokens, layout);
      let joined = tokens;
      while (!rec && joined.length < want && last < count && last - n < MAX_JOIN && !startsSomething(last + 1)) {
        const next = spanOf(last + 1);
        const at = joined.length;
        joined = tokenize(input, next.start, next.end, [...joined]);
        last++;
        if (joined.length === want) rec = fromLayout(joined, layout);
        else if (joined.length === want + 1 && at > 0) {
          const merged = mergeAt(joined, at);
          rec = fromLayout(merged, layout);
          if (rec) joined = merged;
        }
      }
      if (rec) tokens = joined;
      else last = n;
    }
    if (!rec) rec = headerless(tokens);
    if (!rec) {
      // A header-less record wrapped over more lines.
      let joined = tokens;
      while (!rec && last < count && last - n < MAX_JOIN && !startsSomething(last + 1)) {
        const next = spanOf(last + 1);
        const at = joined.length;
        joined = tokenize(input, next.start, next.end, [...joined]);
        last++;
        if (joined.length > MAX_TOKENS) break;
        rec = headerless(joined);
        if (!rec && at > 0) rec = headerless(mergeAt(joined, at));
      }
      if (!rec) last = n;
    }
    if (!rec) continue;
    rec.multiline = last > n;
    emitRecord(ctx, rec);
    n = last;
  }
  return ctx.facts;
}

export const recogniser: Recogniser = {
  kind: KIND,
  recognise: (input: string, lines: LineIndex, out: Fact[] = []): Fact[] => recognise(input, lines, out),
};
