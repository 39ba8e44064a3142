/**
 * Windows Error Reporting's own report file (Report.wer, under ProgramData\Microsoft\Windows\WER),
 * which people paste instead of the Application Error event. It is a list of key=value lines:
 *
 *   EventType=BEX64                      APPCRASH, BEX, BEX64 (native) or CLR20r3 (.NET)
 *   NsAppName=w3wp.exe
 *   Sig[0].Name=Application Name
 *   Sig[0].Value=w3wp.exe
 *   Sig[7].Name=Exception Code
 *   Sig[7].Value=c0000409
 *
 * The "Sig[n].Name" line names what the following "Sig[n].Value" holds; for CLR20r3 the
 * exception type is one of the values. Lines may carry a quote prefix ("> ") from a forum post.
 */
import type { LineIndex } from '../../engine/types.ts';
import { lineOf, lineSpan } from '../../engine/lines.ts';
import type { HitFact, MessageHit } from '../shared/event-messages/messages.ts';
import { CRASH_CODES, lineAround } from '../shared/event-messages/messages.ts';
import { hexValue } from '../shared/event-messages/text.ts';

const E = (what: string): string => `event-log.${what}`;

/** How many lines after "EventType=" the report's Sig lines are looked for. */
const REPORT_LINES = 120;

const NATIVE_TYPES: ReadonlySet<string> = new Set(['appcrash', 'bex', 'bex64']);

/** The key=value pair on a report line (after any quote prefix), or undefined. */
function pair(text: string): { key: string; value: string; valueAt: number } | undefined {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq > 60) return undefined;
  let k = 0;
  while (k < eq && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 62 /* > */)) k++;
  const key = text.slice(k, eq).trim();
  if (key.length === 0 || key.includes(' ')) return undefined;
  let v = eq + 1;
  while (v < text.length && (text.charCodeAt(v) === 32 || text.charCodeAt(v) === 9)) v++;
  return { key, value: text.slice(v).trimEnd(), valueAt: v };
}

/** "Sig[7].Name" -> "7"; "DynamicSig[1].Name" is not a signature slot. */
function sigSlot(key: string, field: 'Name' | 'Value'): string | undefined {
  if (!key.startsWith('Sig[')) return undefined;
  const close = key.indexOf(']');
  if (close < 5 || key.slice(close) !== `].${field}`) return undefined;
  return key.slice(4, close);
}

/** Crash hits for every Report.wer in the input. Linear: each line is read at most twice. */
export function werReports(input: string, lines: LineIndex, skip: (offset: number) => boolean): MessageHit[] {
  const out: MessageHit[] = [];
  const n = lines.starts.length;
  for (let at = input.indexOf('EventType='); at >= 0; ) {
    const ln = lineOf(lines, at);
    const { start, end } = lineSpan(input, lines, ln);
    at = input.indexOf('EventType=', Math.max(end, at + 10));
    if (end - start > 200) continue;
    const text = input.slice(start, end);
    if (skip(start)) continue;
    const p = pair(text);
    if (!p || p.key !== 'EventType') continue;
    const type = p.value.toLowerCase();
    const clr = type === 'clr20r3';
    if (!clr && !NATIVE_TYPES.has(type)) continue;
    const facts: HitFact[] = [];
    const names = new Map<string, string>();
    let last = ln;
    for (let k = ln + 1; k <= Math.min(n, ln + REPORT_LINES); k++) {
      const s = lineSpan(input, lines, k);
      if (s.end - s.start > 600) break;
      const t = input.slice(s.start, s.end);
      if (t.includes('EventType=')) break;
      const kv = pair(t);
      if (!kv) {
        if (t.trim().length === 0 || t.trim() === '>') continue;
        break;
      }
      last = k;
      const nameSlot = sigSlot(kv.key, 'Name');
      if (nameSlot !== undefined) {
        names.set(nameSlot, kv.value.toLowerCase());
        continue;
      }
      const at = s.start + kv.valueAt;
      const valueSlot = sigSlot(kv.key, 'Value');
      const what = valueSlot === undefined ? '' : (names.get(valueSlot) ?? '');
      if (kv.key === 'NsAppName' || what === 'application name') {
        const exe = kv.value.toLowerCase();
        if (exe === 'w3wp.exe') facts.push({ name: 'server', value: 'iis', start: at, end: at + exe.length });
        else if (exe === 'iisexpress.exe') facts.push({ name: 'server', value: 'iis-express', start: at, end: at + exe.length });
        continue;
      }
      if (valueSlot === undefined) continue;
      if (what === 'exception code') {
        const hex = kv.value.replace(/^0x/i, '');
        const value = hex.length === 8 ? hexValue(hex) : undefined;
        if (value === undefined) continue;
        const cs = at + kv.value.length - 8;
        facts.push({ name: 'code', value, start: cs, end: cs + 8 });
        const sig = CRASH_CODES.get(value);
        if (sig) facts.push({ name: 'signal', value: sig, start: s.start, end: s.end });
      } else if (clr && /^[A-Za-z_][\w.]{0,200}Exception$/.test(kv.value) && kv.value.includes('.')) {
        facts.push({ name: 'exception', value: kv.value, start: at, end: at + kv.value.length });
      }
    }
    const line = lineAround(input, start, end);
    out.push({
      start: line.start,
      end: line.end,
      phraseStart: start + text.indexOf('EventType='),
      phraseEnd: start + p.valueAt + p.value.length,
      lead: true,
      signal: clr ? E('wer-clr-crash') : E('wer-app-crash'),
      facts,
    });
    // The report's own lines are not read again.
    const next = lines.starts[last];
    at = next === undefined ? -1 : input.indexOf('EventType=', Math.max(next, at));
  }
  return out;
}
