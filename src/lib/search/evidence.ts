/**
 * Does text typed into a search box look like pasted evidence (a log line, an error message)
 * rather than search words? Such text goes to the diagnosis, not to a search that finds nothing.
 * Codes and statuses ("0x80072EE2", "502.3") and message fragments stay searches: the search
 * pins their pages and finds articles by the words of a message.
 */
const LONG = 160;
const DATE = /\b\d{4}[-/.]\d{2}[-/.]\d{2}[ T]\d{2}:\d{2}/;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?\b/;
const LEVEL = /\[(?:emerg|alert|crit|error|warn|notice|info|debug)\]|\b(?:fail|crit|warn|info|dbug):\s|\bAH\d{5}:/i;
const PAGE = /\bHTTP Error \d{3}\.\d+\b|\bException\b.*\bat\s|^\s*at\s+\S+\(/im;

export function looksLikeEvidence(text: string): boolean {
  const t = String(text ?? '').trim();
  if (!t) return false;
  if (/\r|\n/.test(t) || t.length > LONG) return true;
  return DATE.test(t) || IPV4.test(t) || LEVEL.test(t) || PAGE.test(t);
}
