/**
 * Recogniser for the app's stdout/stderr: the ANCM stdout log (stdout_<yyyyMMddHHmmss>_<pid>.log),
 * output of `dotnet app.dll` in Kudu or a console, and the same lines in journalctl output of a
 * Kestrel service behind nginx/Apache (including systemd and kernel OOM lines).
 *
 * Every line is run through the shared line matchers (stdout-log-matchers.ts). Facts that repeat
 * (the same signal, exception or setting on many lines) are reported once, at the first line.
 */
import type { Fact, LineIndex, Recogniser } from '../engine/types.ts';
import { lineSpan } from '../engine/lines.ts';
import { matchStdoutLine } from './stdout-log-matchers.ts';
import type { StdoutContext } from './stdout-log-matchers.ts';

const APP_SERVICE_HINTS = ['\\home\\site\\wwwroot', '\\home\\logfiles', '.azurewebsites.net', '.scm.azurewebsites.net'];

/** Does the paste show Azure App Service paths? Bounded by one lower-casing pass. */
export function showsAppService(input: string): boolean {
  if (!input.includes('\\') && !input.includes('azurewebsites')) return false;
  const lower = input.toLowerCase();
  return APP_SERVICE_HINTS.some((h) => lower.includes(h));
}

function recognise(input: string, lines: LineIndex): Fact[] {
  const facts: Fact[] = [];
  const seen = new Set<string>();
  const ctx: StdoutContext = { appService: showsAppService(input) };
  const n = lines.starts.length;
  for (let ln = 1; ln <= n; ln++) {
    const { start, end } = lineSpan(input, lines, ln);
    if (end === start) continue;
    const line = input.slice(start, end);
    for (const h of matchStdoutLine(line, ctx)) {
      const key = `${h.name}\u0000${h.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      facts.push({ kind: 'stdout-log', name: h.name, value: h.value, span: { start: start + h.start, end: start + h.end } });
    }
  }
  return facts;
}

export const recogniser: Recogniser = {
  kind: 'stdout-log',
  recognise(input, lines) {
    try {
      return recognise(input, lines);
    } catch {
      return [];
    }
  },
};
