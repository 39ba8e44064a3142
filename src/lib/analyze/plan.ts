/**
 * Where the analyzer finds the fields it counts, for one field list (a `#Fields:` directive or
 * the IIS default order). The field vocabulary and the default order come from the iis-log
 * recogniser (recognisers/iis-log/fields.ts); this file only turns a layout into the handful
 * of positions the byte scanner reads.
 */
import { DEFAULT_FIELDS, layoutOf, tokenize } from '../recognisers/iis-log/fields.ts';

/** Field positions the scanner reads; -1 when the field is not logged. */
export interface Plan {
  /** The field names (lower case), or null for the IIS default order used without a header. */
  fields: readonly string[] | null;
  /** Number of fields in the layout. */
  n: number;
  date: number;
  time: number;
  status: number;
  sub: number;
  win32: number;
  taken: number;
  /** cs-uri-stem, or cs-uri in HTTP.sys error logs. */
  url: number;
  /** s-reason of HTTP.sys error logs. */
  reason: number;
  /**
   * First and last field that may hold free text with spaces when another tool wrote the log
   * (user agent, cookie, referer, query, user name); -1 when there is none.
   */
  firstFree: number;
  lastFree: number;
}

function isFree(f: string): boolean {
  return f.startsWith('cs(') || f.startsWith('sc(') || f === 'cs-uri-query' || f === 'cs-username';
}

export function planOf(fields: readonly string[] | null): Plan {
  const layout = layoutOf(fields ?? DEFAULT_FIELDS);
  const at = (name: string): number => layout.index.get(name) ?? -1;
  const stem = at('cs-uri-stem');
  return {
    fields: fields === null ? null : layout.fields,
    n: layout.fields.length,
    date: at('date'),
    time: at('time'),
    status: at('sc-status'),
    sub: at('sc-substatus'),
    win32: at('sc-win32-status'),
    // IIS Advanced Logging names it TimeTakenMS.
    taken: at('time-taken') >= 0 ? at('time-taken') : at('timetakenms'),
    url: stem >= 0 ? stem : at('cs-uri'),
    reason: at('s-reason'),
    firstFree: layout.fields.findIndex(isFree),
    lastFree: layout.fields.findLastIndex(isFree),
  };
}

export const DEFAULT_PLAN: Plan = planOf(null);

/**
 * The field names of a `#Fields:` directive line (text after the colon), or undefined when the
 * line is not one. Case of the directive name is not significant; field names are lower-cased.
 */
export function fieldsOfDirective(line: string): string[] | undefined {
  let s = 0;
  while (s < line.length && (line.charCodeAt(s) === 32 || line.charCodeAt(s) === 9 || line.charCodeAt(s) === 0xfeff)) s++;
  if (line.slice(s, s + 8).toLowerCase() !== '#fields:') return undefined;
  let e = line.length;
  while (e > s && line.charCodeAt(e - 1) <= 32) e--;
  const names = tokenize(line, s + 8, e).map((t) => t.text.toLowerCase());
  return names.length > 0 ? names : undefined;
}

/** Do two plans read the same layout? (null = the header-less default.) */
export function sameFields(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
