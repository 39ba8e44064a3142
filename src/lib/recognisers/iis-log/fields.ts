/**
 * W3C extended log anatomy for the iis-log recogniser: tokens with their offsets, `#Fields:`
 * layouts, and finding sc-status / sc-substatus / sc-win32-status / time-taken in a line that
 * has no header.
 *
 * IIS writes its fields in one fixed order (whatever subset is enabled), space separated, with
 * spaces inside values replaced by `+` and empty values written as `-`:
 *   date time s-sitename s-computername s-ip cs-method cs-uri-stem cs-uri-query s-port
 *   cs-username c-ip cs-version cs(User-Agent) cs(Cookie) cs(Referer) cs-host sc-status
 *   sc-substatus sc-win32-status sc-bytes cs-bytes time-taken [custom fields]
 * The default set on IIS 8.5/10 is DEFAULT_FIELDS. HTTP.sys error logs (httperr*.log) use their
 * own set, HTTPERR_FIELDS (older versions lack `streamid`).
 */

export interface Token {
  text: string;
  start: number;
  end: number;
}

export const DEFAULT_FIELDS: readonly string[] = [
  'date',
  'time',
  's-ip',
  'cs-method',
  'cs-uri-stem',
  'cs-uri-query',
  's-port',
  'cs-username',
  'c-ip',
  'cs(user-agent)',
  'cs(referer)',
  'sc-status',
  'sc-substatus',
  'sc-win32-status',
  'time-taken',
];

export const HTTPERR_FIELDS: readonly string[] = [
  'date',
  'time',
  'c-ip',
  'c-port',
  's-ip',
  's-port',
  'cs-version',
  'cs-method',
  'cs-uri',
  'streamid',
  'sc-status',
  's-siteid',
  's-reason',
  's-queuename',
];

/** `*` and a backquote: Markdown emphasis and code marks people add around fields they point at. */
const isMark = (c: number): boolean => c === 42 || c === 96;
const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Split `input[start, end)` on spaces and tabs. Linear, no regex. Markdown marks at the edges of
 * a token (`**503 0 1255**`, `` `12002` ``) are left out of it, unless the token is nothing else
 * (the `*` of `OPTIONS *`).
 */
export function tokenize(input: string, start: number, end: number, out: Token[] = []): Token[] {
  let i = start;
  while (i < end) {
    let c = input.charCodeAt(i);
    while (i < end && (c === 32 || c === 9)) c = input.charCodeAt(++i);
    if (i >= end) break;
    const from = i;
    while (i < end && c !== 32 && c !== 9) c = input.charCodeAt(++i);
    let s = from;
    let e = i;
    while (s < e && isMark(input.charCodeAt(s))) s++;
    while (e > s && isMark(input.charCodeAt(e - 1))) e--;
    // Only around a word (`**503`, `1255**`): a path that ends in `*` keeps it.
    if (s === e || !isWordChar(input.charCodeAt(s)) || !isWordChar(input.charCodeAt(e - 1))) {
      s = from;
      e = i;
    }
    out.push({ text: input.slice(s, e), start: s, end: e });
  }
  return out;
}

/** A field list and where each known field sits. Field names are compared in lower case. */
export interface Layout {
  fields: string[];
  index: Map<string, number>;
}

export function layoutOf(fields: readonly string[]): Layout {
  const lower = fields.map((f) => f.toLowerCase());
  const index = new Map<string, number>();
  lower.forEach((f, i) => {
    if (!index.has(f)) index.set(f, i);
  });
  return { fields: lower, index };
}

const FIELD_NAME = /^(?:[a-z]{1,3}-[a-z0-9-]{1,40}|[a-z]{1,3}\([a-z0-9_-]{1,80}\)|date|time|time-taken|streamid|[a-z][a-z0-9_-]{0,40})$/i;

/** Is `text` a plausible W3C field name (`cs-uri-stem`, `cs(User-Agent)`, `time-taken`, `date`)? */
export function isFieldName(text: string): boolean {
  return FIELD_NAME.test(text);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}:\d{2}$/;
const STATUS = /^[1-5]\d\d$/;
const SUB = /^\d{1,3}$/;
const INT = /^-?\d{1,10}$/;
const METHOD = /^[A-Z][A-Z_-]{2,15}$/;
const HTTP_VERSION = /^(?:HTTP\/\d(?:\.\d)?|-)$/;

export const isDate = (t: string): boolean => DATE.test(t);
export const isTime = (t: string): boolean => TIME.test(t);
export const isStatus = (t: string): boolean => STATUS.test(t);
export const isSubStatus = (t: string): boolean => SUB.test(t);
export const isInt = (t: string): boolean => INT.test(t);

/** Indices of the outcome fields in a token list. */
export interface TailFields {
  status: number;
  sub: number;
  win32: number;
  timeTaken: number;
}

/**
 * Find `sc-status sc-substatus sc-win32-status [sc-bytes [cs-bytes]] time-taken` in a line with
 * no header. Runs of integer tokens are tried from the right; inside a run the status is the
 * first 3-digit 1xx-5xx token followed by a substatus below 100 such that 4, 5 or 6 integers
 * remain (status, substatus, win32, optional byte counts, time-taken). Trailing non-numeric
 * custom fields are skipped over.
 */
export function locateTail(tokens: readonly Token[], from: number): TailFields | undefined {
  let b = tokens.length;
  while (b > from) {
    // Skip a non-integer tail.
    while (b > from && !INT.test((tokens[b - 1] as Token).text)) b--;
    let a = b;
    while (a > from && INT.test((tokens[a - 1] as Token).text)) a--;
    for (let i = a; i <= b - 4; i++) {
      const left = b - i;
      if (left > 6) continue;
      const st = (tokens[i] as Token).text;
      const sb = (tokens[i + 1] as Token).text;
      if (!STATUS.test(st) || !SUB.test(sb) || Number(sb) >= 100) continue;
      if (!/^\d/.test((tokens[b - 1] as Token).text)) continue;
      return { status: i, sub: i + 1, win32: i + 2, timeTaken: b - 1 };
    }
    b = a;
  }
  return undefined;
}

/**
 * Does a header-less line look like a W3C request record: date and time first, then an HTTP
 * method within the next few fields followed by a path? Returns the method's index.
 */
export function findMethod(tokens: readonly Token[], from: number): number | undefined {
  if (tokens.length < from + 6) return undefined;
  if (!DATE.test((tokens[from] as Token).text) || !TIME.test((tokens[from + 1] as Token).text)) return undefined;
  return methodWithin(tokens, from + 2, from + 8);
}

/**
 * The index of the first token in [from, last] that `method` accepts and that a request target
 * follows (a path, `*` or an absolute URL): where a W3C record's cs-method field is.
 */
export function methodWithin(tokens: readonly Token[], from: number, last: number, method: RegExp = METHOD): number | undefined {
  const end = Math.min(tokens.length - 2, last);
  for (let i = from; i <= end; i++) {
    if (!method.test((tokens[i] as Token).text)) continue;
    const next = (tokens[i + 1] as Token).text;
    if (next.startsWith('/') || next === '*' || /^https?:/i.test(next)) return i;
  }
  return undefined;
}

/**
 * Header-less HTTP.sys error-log line: `date time c-ip c-port s-ip s-port cs-version cs-method
 * cs-uri [streamid] sc-status s-siteid s-reason s-queuename`.
 */
export function httpErrLayout(tokens: readonly Token[], from: number): Layout | undefined {
  const n = tokens.length - from;
  if (n !== 13 && n !== 14) return undefined;
  const at = (i: number): string => (tokens[from + i] as Token).text;
  if (!DATE.test(at(0)) || !TIME.test(at(1)) || !HTTP_VERSION.test(at(6))) return undefined;
  if (!/^\d{1,5}$/.test(at(3)) || !/^\d{1,5}$/.test(at(5))) return undefined;
  const fields = n === 14 ? HTTPERR_FIELDS : HTTPERR_FIELDS.filter((f) => f !== 'streamid');
  const layout = layoutOf(fields);
  const st = at(layout.index.get('sc-status') as number);
  if (st !== '-' && !STATUS.test(st)) return undefined;
  return layout;
}
