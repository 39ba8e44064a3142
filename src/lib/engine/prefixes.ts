/**
 * Line prefixes that log collectors put in front of what the app or proxy printed, removed
 * before any recogniser runs so every recogniser sees the product's own line:
 *
 * - docker compose:            `web-1  | `, `web_1  | `, `shop-api-2 | `
 * - kubectl logs --prefix:     `[pod/web-7d9f/web] `
 * - journald / syslog:         `Mar 05 10:14:22 host app[1234]: `, and journalctl -o short-iso
 *                              `2024-03-05T10:14:22+0000 host app[1234]: `
 * - ISO-8601 times:            `2024-03-05T10:14:22.123Z ` (docker --timestamps, kubectl
 *                              --timestamps, Azure log stream, CloudWatch), optionally followed by
 *                              a CloudWatch stream name (`aws logs tail`: `ecs/web/0a1b2c `)
 * - Azure App Service file logs: `2024-03-05 10:14:22.123 +00:00 ` (fraction and offset both
 *                              required, so an IIS log line's `2024-03-05 10:14:22 ` is kept)
 * - CloudWatch / Application Insights exports, where the time is the first column:
 *                              `2024-03-05 10:14:22.123,"`, `3/5/2024, 10:14:22.123 AM\t`
 *
 * Up to MAX_PER_LINE prefixes are removed from one line (`[pod/x/y] 2024-...Z message`). A line
 * without a prefix is never changed. `stripPrefixes` returns undefined when no line had one, so
 * the common paste costs one cheap look at the first character of each line and no copy.
 *
 * The stripped view comes with an offset map: `toOriginal` turns a span in the view back into the
 * span of the same characters in the input. One pass over the input; a span maps by binary
 * search over the changed lines.
 */
import type { Span } from './types.ts';

/** Prefixes removed from one line at most. */
const MAX_PER_LINE = 3;

const MONTHS = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
/** A syslog identifier with an optional pid and the colon: `app[1234]: `, `kernel: `. */
const SYSLOG_TAIL = '[A-Za-z0-9][\\w.-]{0,63} [A-Za-z0-9_./@-]{1,64}(?:\\[\\d{1,10}\\])?: ';
const ISO_TIME = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(?::\\d\\d(?:[.,]\\d{1,9})?)?(?:Z|[+-]\\d\\d:?\\d\\d)?';

interface PrefixRule {
  name: string;
  /** Sticky: tried at the line start only. */
  re: RegExp;
}

const RULES: readonly PrefixRule[] = [
  { name: 'docker compose', re: /[A-Za-z0-9][\w.-]{0,60}[-_]\d{1,3} {0,20}\| ?/y },
  { name: 'kubectl --prefix', re: /\[pod\/[\w.-]{1,253}\/[\w.-]{1,253}\] /y },
  { name: 'syslog', re: new RegExp(`${MONTHS} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d ${SYSLOG_TAIL}`, 'y') },
  // journalctl -o short-iso(-precise): an offset without a colon, then host and identifier.
  { name: 'journald ISO', re: new RegExp(`\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d{1,9})?[+-]\\d{4} ${SYSLOG_TAIL}`, 'y') },
  {
    name: 'ISO time',
    // The time, one blank, then optionally a CloudWatch stream name (it has a slash).
    re: new RegExp(`${ISO_TIME}[ \\t](?:[A-Za-z0-9][\\w.-]{0,100}(?:/[\\w.$\\[\\]-]{1,100}){1,6} )?`, 'y'),
  },
  { name: 'App Service file log', re: /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{1,7} [+-]\d\d:\d\d /y },
  { name: 'CloudWatch export', re: /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3},"?/y },
  { name: 'Application Insights export', re: /\d{1,2}\/\d{1,2}\/\d{4},? \d{1,2}:\d\d:\d\d(?:\.\d{1,7})? [AP]M(?:,"?|\t)/y },
];

/** The first character of a prefix: a letter, a digit or `[`. Anything else skips the rules. */
function mayStartPrefix(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 91;
}

export interface PrefixView {
  /** The input with the prefixes removed. */
  text: string;
  /** Lines that lost a prefix. */
  changed: number;
  /** Map a span of `text` to the span of the same characters in the original input. */
  toOriginal(span: Span): Span;
}

/** Length of the prefix at `at` (0 when none). */
function prefixAt(input: string, at: number): number {
  let pos = at;
  for (let n = 0; n < MAX_PER_LINE; n++) {
    if (!mayStartPrefix(input.charCodeAt(pos))) break;
    let matched = 0;
    for (const rule of RULES) {
      rule.re.lastIndex = pos;
      const m = rule.re.exec(input);
      if (m && m[0].length > 0) {
        matched = m[0].length;
        break;
      }
    }
    if (matched === 0) break;
    pos += matched;
  }
  return pos - at;
}

/**
 * The input without collector prefixes, or undefined when no line has one. Linear in the input:
 * each line start is tried against a handful of anchored, bounded patterns.
 */
export function stripPrefixes(input: string): PrefixView | undefined {
  // Segments: from view offset viewStart on, original = view + shift.
  const viewStarts: number[] = [];
  const shifts: number[] = [];
  const parts: string[] = [];
  let shift = 0;
  let copied = 0; // original offset up to which text has been copied into parts
  let changed = 0;
  let lineStart = 0;
  const n = input.length;
  while (lineStart <= n) {
    const cut = lineStart < n ? prefixAt(input, lineStart) : 0;
    // A prefix that is the whole line (nothing after it) is left alone: it is not a prefix.
    if (cut > 0) {
      const next = input.charCodeAt(lineStart + cut);
      if (Number.isNaN(next) || next === 10 || next === 13) {
        // keep the line as it is
      } else {
        parts.push(input.slice(copied, lineStart));
        copied = lineStart + cut;
        shift += cut;
        viewStarts.push(lineStart - (shift - cut));
        shifts.push(shift);
        changed++;
      }
    }
    // Next line: one forward scan to the next \n, \r\n or lone \r.
    let i = lineStart;
    while (i < n) {
      const c = input.charCodeAt(i);
      if (c === 10 || c === 13) break;
      i++;
    }
    if (i >= n) break;
    if (input.charCodeAt(i) === 13 && input.charCodeAt(i + 1) === 10) i++;
    lineStart = i + 1;
  }
  if (changed === 0) return undefined;
  parts.push(input.slice(copied));
  const text = parts.join('');
  const map = (offset: number): number => {
    let lo = 0;
    let hi = viewStarts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((viewStarts[mid] as number) <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return offset + (found < 0 ? 0 : (shifts[found] as number));
  };
  return {
    text,
    changed,
    toOriginal(span: Span): Span {
      const start = map(span.start);
      const end = span.end <= span.start ? start : map(span.end - 1) + 1;
      return { start, end };
    },
  };
}

/**
 * Facts found in a prefix view, moved back onto the original input (same order, new spans).
 * Without a view the facts are returned as they are.
 */
export function factsToOriginal<F extends { span: Span }>(facts: F[], view: PrefixView | undefined): F[] {
  if (!view) return facts;
  for (const f of facts) f.span = view.toOriginal(f.span);
  return facts;
}
