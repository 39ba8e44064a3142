/**
 * Captured stdout inside event messages: the text after "stdout:" / "Captured output" markers
 * in ANCM events and debug-log lines, read with the stdout line matchers.
 */
import { buildView, toInput } from './text.ts';
import type { TextView } from './text.ts';
import type { HitFact } from './messages.ts';
import { STDOUT_TRIGGER, readStdoutLine } from '../stdout/matchers.ts';

/**
 * The `placed` value for output an app printed that a record carries without reading it as its own
 * (an ANCM event's "Captured output from invoking hostfxr: ..."): engine/repeats.ts keeps the
 * catalogue's reading of a product message there.
 */
export const CAPTURED_OUTPUT = 'captured output';

/** Stdout facts in input[start, end): entities decoded, line by line (event-log records and ancm-debug-log lines both carry it). */
export function capturedFacts(input: string, start: number, end: number, appService: boolean): HitFact[] {
  const out: HitFact[] = [];
  if (end <= start) return out;
  const amp = input.indexOf('&', start);
  if (amp >= 0 && amp < end) {
    // Character references to decode: read a decoded copy and map offsets back.
    const view: TextView = buildView(input, start, end, { compact: false, decode: true });
    readCaptured(view.text, appService, (i) => toInput(view, i), out);
  } else {
    // Nothing to decode: read the range itself (a slice, so the scan ends with the range).
    readCaptured(input.slice(start, end), appService, (i) => start + i, out);
  }
  return out;
}

/**
 * The stdout facts of the lines of `text` that hold a word the stdout matchers look for (the
 * other lines cannot give one); `at` maps an offset in `text` to the input.
 */
function readCaptured(text: string, appService: boolean, at: (i: number) => number, out: HitFact[]): void {
  const scan = STDOUT_TRIGGER;
  scan.lastIndex = 0;
  for (let m = scan.exec(text); m; m = scan.exec(text)) {
    let ls = m.index;
    while (ls > 0 && text.charCodeAt(ls - 1) !== 10 && text.charCodeAt(ls - 1) !== 13) ls--;
    let le = m.index + m[0].length;
    while (le < text.length && text.charCodeAt(le) !== 10 && text.charCodeAt(le) !== 13) le++;
    scan.lastIndex = le;
    const line = text.slice(ls, le);
    // The scan found a trigger word in this line: its checks run without matchStdoutLine's pre-check.
    for (const h of readStdoutLine(line, { appService })) {
      const s = at(ls + h.start);
      const e = h.end > h.start ? at(ls + h.end - 1) + 1 : s;
      out.push({ name: h.name, value: h.value, start: s, end: e });
    }
  }
}
