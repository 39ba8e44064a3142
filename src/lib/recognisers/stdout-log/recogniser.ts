/**
 * Recogniser for the app's stdout/stderr: the ANCM stdout log (stdout_<yyyyMMddHHmmss>_<pid>.log),
 * output of `dotnet app.dll` in Kudu or a console, and the same lines in journalctl output of a
 * Kestrel service behind nginx/Apache (including systemd and kernel OOM lines).
 *
 * Every line is run through the shared line matchers (recognisers/shared/stdout/matchers.ts). Facts that repeat
 * (the same signal, exception or setting on many lines) are reported once, at the first line.
 * Order counts once: an unhandled exception printed after the app said it had started or served a
 * request ("Application started.", "Request finished ...") also gives `crashed-after-start`: the
 * app was running when it died, it did not fail to start.
 */
import type { Fact, LineIndex, Recogniser } from '../../engine/types.ts';
import { lineSpan } from '../../engine/lines.ts';
import { STDOUT_TRIGGER, readStdoutLine, showsAppStarted } from '../shared/stdout/matchers.ts';
import type { StdoutContext } from '../shared/stdout/matchers.ts';
import { showsAppService } from '../shared/stdout/app-service.ts';

/**
 * The 1-based number of the line holding `offset`, searching forward from line `from` (offsets
 * come in increasing order, so the walk over all of them is linear).
 */
function lineAtOrAfter(lines: LineIndex, offset: number, from: number): number {
  const s = lines.starts;
  let ln = Math.max(1, from);
  while (ln < s.length && (s[ln] as number) <= offset) ln++;
  return ln;
}


const AFTER_START = 'signal\u0000stdout-log.crashed-after-start';

function recognise(input: string, lines: LineIndex, out: Fact[]): Fact[] {
  const facts = out;
  const seen = new Set<string>();
  const ctx: StdoutContext = { appService: showsAppService(input) };
  const n = lines.starts.length;
  // One pass over the whole paste for the words a fact needs; only the lines holding one are read.
  const scan = STDOUT_TRIGGER;
  scan.lastIndex = 0;
  let ln = 0;
  let started = false;
  for (let m = scan.exec(input); m; m = scan.exec(input)) {
    ln = lineAtOrAfter(lines, m.index, ln);
    if (ln < 1 || ln > n) break;
    const { start, end } = lineSpan(input, lines, ln);
    const next = lines.starts[ln];
    scan.lastIndex = next === undefined ? input.length : next;
    if (end === start) continue;
    const line = input.slice(start, end);
    // The scan found a trigger word in this line: its checks run without matchStdoutLine's pre-check.
    for (const h of readStdoutLine(line, ctx)) {
      if (started && h.value === 'stdout-log.unhandled-exception' && !seen.has(AFTER_START)) {
        seen.add(AFTER_START);
        facts.push({ kind: 'stdout-log', name: 'signal', value: 'stdout-log.crashed-after-start', span: { start: start + h.start, end: start + h.end } });
      }
      const key = `${h.name}\u0000${h.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      facts.push({ kind: 'stdout-log', name: h.name, value: h.value, span: { start: start + h.start, end: start + h.end } });
    }
    if (!started && showsAppStarted(line)) started = true;
  }
  return facts;
}

export const recogniser: Recogniser = {
  kind: 'stdout-log',
  recognise: (input: string, lines: LineIndex, out: Fact[] = []): Fact[] => recognise(input, lines, out),
};
