/**
 * The troubleshooter's path lives in the URL fragment (never sent to a server) so it can be
 * shared: `#source=iis&iis-status=s502-3`. Node and answer ids are the tree's own.
 */
const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

export function encodeAnswers(answers: readonly (readonly [string, string])[]): string {
  const p = new URLSearchParams();
  for (const [node, answer] of answers) p.append(node, answer);
  return p.toString();
}

/** Answers in path order; anything malformed is dropped. */
export function decodeAnswers(hash: string): [string, string][] {
  const out: [string, string][] = [];
  const seen = new Set<string>();
  const raw = hash.replace(/^#/, '');
  if (!raw.includes('=')) return out;
  for (const [node, answer] of new URLSearchParams(raw)) {
    if (!ID.test(node) || !ID.test(answer) || seen.has(node)) continue;
    seen.add(node);
    out.push([node, answer]);
  }
  return out;
}
