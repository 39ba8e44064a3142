/**
 * The prose reader is the reader of last resort: on a line that a format's own recogniser read
 * (an error page title, an event message, a log record), that recogniser's facts are the better
 * reading. `dropShadowedProse` removes prose facts that only repeat it:
 *
 * - prose topic signals inside the stretch of a line where another recogniser found a signal or
 *   a code (triggers, such as "after updating ASP.NET Core", stay: no format recogniser reads
 *   them; so do topics before or after that stretch);
 * - a prose status another recogniser found on the line too (or found more specific: a bare 502
 *   beside its 502.3);
 * - a prose server where another recogniser named the same server on the line;
 * - a duration inside the stretch another recogniser read: a value in a product's message
 *   ("Elapsed time = 230.5 sec"), which that message's entry already weighs.
 *
 * Other durations stated in words are kept: no format recogniser reads them. Linear in the facts
 * (a line look-up per fact is a binary search).
 */
import type { Fact, LineIndex } from './types.ts';
import { LineCursor } from './lines.ts';

/** Trigger signals: kept even on a line another recogniser read (see dropShadowedProse). */
const TRIGGERS: ReadonlySet<string> = new Set(
  ['after-os-upgrade', 'framework-upgrade', 'after-deploy', 'during-deploy', 'after-upgrade', 'after-login', 'after-restart', 'scale-in', 'under-load', 'large-upload', 'long-request', 'idle', 'intermittent', 'first-request'].map(
    (t) => `prose.${t}`,
  ),
);

/** The three-digit code of a status value ("502.4" -> "502"). */
const statusCode = (v: string | number): string => String(v).split('.')[0] as string;

interface LineFacts {
  signalOrCode: boolean;
  /** The stretch of the line the other recognisers' signals and codes cover. */
  from: number;
  to: number;
  statuses: Set<string>;
  /** Their three-digit codes. */
  codes: Set<string>;
  servers: Set<string>;
}

export function dropShadowedProse(facts: Fact[], lines: LineIndex): Fact[] {
  if (!facts.some((f) => f.kind === 'prose')) return facts;
  // Only the lines that hold a prose fact are looked up below: the other facts are noted for
  // those lines only.
  const proseLines = new Uint8Array(lines.starts.length + 2);
  // Facts come sorted by place: each pass looks their lines up with a cursor of its own.
  const proseAt = new LineCursor(lines);
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i] as Fact;
    if (f.kind === 'prose') proseLines[proseAt.lineOf(f.span.start)] = 1;
  }
  const byLine = new Map<number, LineFacts>();
  const otherAt = new LineCursor(lines);
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i] as Fact;
    if (f.kind === 'prose') continue;
    if (f.name !== 'signal' && f.name !== 'code' && f.name !== 'status' && f.name !== 'server') continue;
    const first = otherAt.lineOf(f.span.start);
    const last = otherAt.lineOfEnd(first, Math.max(f.span.start, f.span.end - 1));
    for (let ln = first; ln <= last && ln - first < 50; ln++) {
      if (proseLines[ln] !== 1) continue;
      let l = byLine.get(ln);
      if (!l) byLine.set(ln, (l = { signalOrCode: false, from: Infinity, to: -Infinity, statuses: new Set(), codes: new Set(), servers: new Set() }));
      if (f.name === 'signal' || f.name === 'code') {
        l.signalOrCode = true;
        l.from = Math.min(l.from, f.span.start);
        l.to = Math.max(l.to, f.span.end);
      }
      else if (f.name === 'status') {
        l.statuses.add(String(f.value));
        l.codes.add(statusCode(f.value));
      }
      else l.servers.add(String(f.value));
    }
  }
  const keptAt = new LineCursor(lines);
  return facts.filter((f) => {
    if (f.kind !== 'prose') return true;
    const l = byLine.get(keptAt.lineOf(f.span.start));
    if (!l) return true;
    // A trigger (when or under what it fails) is never what a format's recogniser reads; a topic
    // outside the words that recogniser read ("a space in the app name gives HTTP Error 502.5")
    // is the writer's own addition.
    if (f.name === 'signal') return !l.signalOrCode || TRIGGERS.has(String(f.value)) || f.span.end <= l.from || f.span.start >= l.to;
    // A status the writer wrote that another recogniser's status on the line does not repeat
    // ("502.4" beside a message whose entry implies a 503 or a bare 502) is the writer's own: kept.
    if (f.name === 'status') {
      const v = String(f.value);
      return !(l.statuses.has(v) || (v === statusCode(v) && l.codes.has(v)));
    }
    if (f.name === 'server') return !l.servers.has(String(f.value));
    // A duration inside the words another recogniser read is a value of that product's message
    // ("did not start within expected time limit. Elapsed time = 230.5 sec"), not the writer's.
    if (f.name === 'stated-duration-ms') return !l.signalOrCode || f.span.end <= l.from || f.span.start >= l.to;
    return true;
  });
}
