/**
 * The engine's evidence notes in the reader's terms, for the widget (the CLI's --json keeps the
 * engine's own notes). A note may join several hints with "; ": the decision-tree trace
 * ('Decision tree, answered by the evidence: "question" -> answer') is taken out, since the other
 * hints on the same text already say it, or turned into "Fits: <answer>" when it is the only one;
 * of the rest the strongest hint (the first) is kept, cut to its first sentence when long.
 */
import { DECISION_TREE, describeStep } from '../engine/tree.ts';

const TREE_PREFIX = 'Decision tree, answered by the evidence';
const AGAINST = ' (lowers this cause)';
const MAX = 200;

/** Every tree note the engine can write, longest first, with the answer label it names. */
const TREE_NOTES: readonly { note: string; label: string }[] = Object.entries(DECISION_TREE.nodes)
  .flatMap(([node, n]) => n.answers.map((a) => ({ note: `${TREE_PREFIX}: ${describeStep({ node, answer: a.id, byEvidence: true, facts: [] })}`, label: a.label })))
  .sort((a, b) => b.note.length - a.note.length);

export function readerNote(note: string): { text: string; against: boolean } | undefined {
  let rest = note;
  let treeLabel: string | undefined;
  for (const t of TREE_NOTES) {
    const at = rest.indexOf(t.note);
    if (at < 0) continue;
    treeLabel ??= t.label;
    rest = (rest.slice(0, at) + rest.slice(at + t.note.length)).replace(/^(?:; )+|(?:; )+$/g, '').replace(/; ; /g, '; ');
  }
  if (rest.startsWith(TREE_PREFIX)) rest = '';
  const against = rest.includes(AGAINST);
  rest = rest.replace(AGAINST, '').trim();
  if (!rest) return treeLabel ? { text: `Fits: ${treeLabel}`, against: false } : undefined;
  let text = rest.split('; ')[0]!.trim();
  if (text.length > MAX) {
    const stop = text.slice(60, MAX).search(/[.:] /);
    text = stop >= 0 ? text.slice(0, 60 + stop + 1) : `${text.slice(0, MAX - 1).replace(/\s+\S*$/, '')}…`;
  }
  return { text, against };
}
