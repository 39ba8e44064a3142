/**
 * The reader's own answers to decision-tree questions, asked in place next to a finding
 * ("Which one is it?"). An explicit answer is evidence too: a leaf answer supports its cause, and
 * causes only the other answers of that question lead to are weakened, so answering re-ranks the
 * findings. `separatingQuestion` picks, for an alternative finding, the one question of the tree
 * whose answers tell it apart from the top finding.
 */
import type { Question } from './types.ts';
import type { DecisionTree, TreeAnswer } from './tree.ts';
import type { Contribution, Weakening } from './rank.ts';

/** Weight of a cause the reader's answer leads to directly. */
export const ANSWER_WEIGHT = 0.6;
/** Share of confidence taken from causes only the other answers lead to. */
export const ANSWER_WEAKENING = 0.8;

const reachCache = new WeakMap<DecisionTree, Map<string, ReadonlySet<string>>>();

/** Every cause id reachable from a node (cycles and missing nodes end the walk). */
function reachOfNode(tree: DecisionTree, id: string, stack: Set<string> = new Set()): ReadonlySet<string> {
  let cache = reachCache.get(tree);
  if (!cache) reachCache.set(tree, (cache = new Map()));
  const hit = cache.get(id);
  if (hit) return hit;
  const out = new Set<string>();
  const node = tree.nodes[id];
  if (!node || stack.has(id)) return out;
  stack.add(id);
  for (const a of node.answers) for (const c of reachOfAnswer(tree, a, stack)) out.add(c);
  stack.delete(id);
  cache.set(id, out);
  return out;
}

function reachOfAnswer(tree: DecisionTree, a: TreeAnswer, stack: Set<string> = new Set()): ReadonlySet<string> {
  if (a.cause !== undefined) return new Set([a.cause]);
  return a.next !== undefined ? reachOfNode(tree, a.next, stack) : new Set();
}

/** Contributions and weakenings from explicit answers `{ nodeId: answerId }`; unknown ids are ignored. */
export function answerEffects(answers: Readonly<Record<string, string>>, tree: DecisionTree): { contributions: Contribution[]; weakenings: Weakening[] } {
  const contributions: Contribution[] = [];
  const weakenings: Weakening[] = [];
  for (const [nodeId, answerId] of Object.entries(answers)) {
    const node = Object.prototype.hasOwnProperty.call(tree.nodes, nodeId) ? tree.nodes[nodeId] : undefined;
    const chosen = node?.answers.find((a) => a.id === answerId);
    if (!node || !chosen) continue;
    const note = `You answered "${node.text}": ${chosen.label}`;
    const key = `answer:${nodeId}`;
    if (chosen.cause !== undefined) contributions.push({ cause: chosen.cause, weight: ANSWER_WEIGHT, source: 'tree', key, facts: [], note });
    const kept = reachOfAnswer(tree, chosen);
    const away = new Set<string>();
    for (const other of node.answers) if (other !== chosen) for (const c of reachOfAnswer(tree, other)) if (!kept.has(c)) away.add(c);
    for (const cause of away) weakenings.push({ cause, factor: ANSWER_WEAKENING, key, facts: [], note });
  }
  return { contributions, weakenings };
}

/**
 * The question that separates `alternative` from `top`: a node with one answer leading only to
 * `top` (not to `alternative`) and another leading to `alternative` (not to `top`); the narrowest
 * such node (fewest causes under it) wins, nodes already answered are skipped. The answers offered
 * are those two, the alternative's first.
 */
export function separatingQuestion(top: string, alternative: string, tree: DecisionTree, answered: Readonly<Record<string, string>> = {}): Question | undefined {
  let best: { q: Question; size: number } | undefined;
  for (const [id, node] of Object.entries(tree.nodes)) {
    if (Object.prototype.hasOwnProperty.call(answered, id)) continue;
    let forTop: TreeAnswer | undefined;
    let forAlt: TreeAnswer | undefined;
    for (const a of node.answers) {
      const r = reachOfAnswer(tree, a);
      if (!forTop && r.has(top) && !r.has(alternative)) forTop = a;
      if (!forAlt && r.has(alternative) && !r.has(top)) forAlt = a;
    }
    if (!forTop || !forAlt) continue;
    const size = reachOfNode(tree, id).size;
    if (!best || size < best.size) {
      best = { size, q: { node: id, text: node.text, answers: [{ id: forAlt.id, label: forAlt.label }, { id: forTop.id, label: forTop.label }] } };
    }
  }
  return best?.q;
}
