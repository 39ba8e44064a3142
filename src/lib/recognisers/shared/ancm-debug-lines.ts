/**
 * Find the lines of the ANCM V2 debug log (handlerSettings debugFile / debugLevel, or
 * ASPNETCORE_MODULE_DEBUG) in a paste:
 *
 *   [aspnetcorev2.dll] Resolving hostfxr parameters for application: ...          (2.2 - 3.x)
 *   [2023-12-06T12:53:59.460Z, PID: 15720] [aspnetcorev2.dll] Failed HRESULT returned: 0x800704e7 at ...
 *   [aspnetcorev2_inprocess.dll] Event Log: 'Application '...' started successfully.'
 *   End Event Log Message.
 *
 * The module tag may sit after other prefixes (test runners, "iisexpress stdout: "). An "Event
 * Log: '...'" line copies an event message, which can run over several lines (captured stdout)
 * up to "End Event Log Message.". The event-log recogniser leaves these ranges to this kind.
 */
import type { LineIndex, Span } from '../../engine/types.ts';
import { lineSpan } from '../../engine/lines.ts';

export type DebugModule = 'aspnetcorev2.dll' | 'aspnetcorev2_inprocess.dll' | 'aspnetcorev2_outofprocess.dll';

export interface DebugLine {
  /** 1-based line number. */
  line: number;
  start: number;
  end: number;
  module: DebugModule;
  /** The module tag "[aspnetcorev2.dll]". */
  tagStart: number;
  tagEnd: number;
  /** Where the message starts (after the tag and one space). */
  msgStart: number;
  /** "[2023-12-06T12:53:59.460Z, PID: 15720]" before the tag, when present. */
  time?: { iso: string; start: number; end: number };
  /** For "Event Log: '...'" lines: the copied message, up to (not including) "End Event Log Message.". */
  event?: { start: number; end: number };
}

const TAG = /\[(aspnetcorev2(?:_inprocess|_outofprocess)?\.dll)\] ?/;
const TIME = /\[(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,7})?Z?), PID: \d{1,10}(?:, TID: \d{1,10})?\] *$/;
const EVENT_LOG = "Event Log: '";
const END_EVENT = 'End Event Log Message.';
const MAX_EVENT_LINES = 2000;

/** Every debug-log line, with event-copy continuation lines folded into the line that starts them. */
export function debugLines(input: string, lines: LineIndex): DebugLine[] {
  const out: DebugLine[] = [];
  if (!input.includes('[aspnetcorev2')) return out;
  const n = lines.starts.length;
  for (let ln = 1; ln <= n; ln++) {
    const { start, end } = lineSpan(input, lines, ln);
    const text = input.slice(start, end);
    const at = text.indexOf('[aspnetcorev2');
    if (at < 0) continue;
    const m = TAG.exec(text.slice(at, at + 40));
    if (!m) continue;
    const d: DebugLine = {
      line: ln,
      start,
      end,
      module: m[1] as DebugModule,
      tagStart: start + at,
      tagEnd: start + at + (m[1] as string).length + 2,
      msgStart: start + at + m[0].length,
    };
    const before = text.slice(Math.max(0, at - 60), at);
    const t = TIME.exec(before);
    if (t) {
      const ts = start + at - before.length + t.index + 1;
      d.time = { iso: t[1] as string, start: ts, end: ts + (t[1] as string).length };
    }
    const ev = text.indexOf(EVENT_LOG, at);
    if (ev >= 0) {
      const evStart = start + ev + EVENT_LOG.length;
      let evEnd = end;
      let last = ln;
      if (!text.includes(END_EVENT, ev)) {
        // The copied message continues on the following lines until "End Event Log Message."
        for (let k = ln + 1; k <= Math.min(n, ln + MAX_EVENT_LINES); k++) {
          const s = lineSpan(input, lines, k);
          const t2 = input.slice(s.start, s.end);
          if (t2.includes('[aspnetcorev2') && TAG.test(t2)) break;
          last = k;
          if (t2.includes(END_EVENT)) {
            evEnd = s.start + t2.indexOf(END_EVENT);
            break;
          }
          evEnd = s.end;
        }
      } else evEnd = start + text.indexOf(END_EVENT, ev);
      while (evEnd > evStart && (input.charCodeAt(evEnd - 1) === 10 || input.charCodeAt(evEnd - 1) === 13)) evEnd--;
      d.event = { start: evStart, end: Math.max(evStart, evEnd) };
      if (last > ln) {
        d.end = lineSpan(input, lines, last).end;
        ln = last;
      }
    }
    out.push(d);
  }
  return out;
}

/** The input spans covered by debug-log lines (merged, sorted), line terminators included. */
export function debugRanges(input: string, lines: LineIndex, found: readonly DebugLine[] = debugLines(input, lines)): Span[] {
  const out: Span[] = [];
  for (const d of found) {
    const lastLine = lineOfOffset(lines, d.end);
    const end = lines.starts[lastLine] ?? input.length; // include the terminator
    const prev = out[out.length - 1];
    if (prev && prev.end >= d.start) prev.end = Math.max(prev.end, end);
    else out.push({ start: d.start, end });
  }
  return out;
}

function lineOfOffset(lines: LineIndex, offset: number): number {
  const s = lines.starts;
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((s[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
