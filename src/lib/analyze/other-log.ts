/**
 * What kind of log a file holds when it is not an IIS log: the analyzer reads IIS W3C logs only,
 * and a proxy's or container's log dropped on it should be named and sent to the diagnosis, not
 * answered with "0 requests". Reads the start of the file as text.
 */
export interface OtherLog {
  /** "an nginx error log" */
  label: string;
  /** The lines worth diagnosing (errors first), at most `MAX_LINES`. */
  lines: string[];
}

const MAX_LINES = 200;

const KINDS: { label: string; line: RegExp; worth?: RegExp }[] = [
  { label: 'an nginx error log', line: /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} \[(?:emerg|alert|crit|error|warn|notice|info|debug)\] \d+#\d+:/, worth: /\[(?:emerg|alert|crit|error)\]|upstream/ },
  { label: 'an Apache error log', line: /^\[[A-Z][a-z]{2} [A-Z][a-z]{2} \d{1,2} [\d:.]+ \d{4}\] \[[\w_]*:?\w+\]/, worth: /:error\]|AH0\d{4}/ },
  { label: 'an access log in the nginx or Apache format', line: /^\S+ \S+ \S+ \[\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}\] "/, worth: /" 50[234] / },
  { label: 'Docker Compose output', line: /^[\w.-]+-\d+\s+\| /, worth: /error|fail|exception|exited with code|refused|crit/i },
];

export function otherLogKind(text: string): OtherLog | null {
  const lines = String(text ?? '').split(/\r?\n/).filter((l) => l.trim());
  if (lines.length === 0) return null;
  const sample = lines.slice(0, 400);
  for (const k of KINDS) {
    const hits = sample.filter((l) => k.line.test(l)).length;
    if (hits === 0 || hits < sample.length / 3) continue;
    const mine = lines.filter((l) => k.line.test(l) || !/^\S/.test(l));
    const worth = k.worth ? mine.filter((l) => k.worth!.test(l)) : [];
    return { label: k.label, lines: (worth.length ? worth : mine).slice(0, MAX_LINES) };
  }
  return null;
}
