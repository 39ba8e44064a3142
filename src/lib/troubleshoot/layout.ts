/**
 * The decision tree laid out for a static diagram. Each question is drawn once, under the
 * answer that reaches it in the fewest steps from the root (the first such answer when several
 * do), so a question shared by several branches stands where a reader who takes the direct path
 * finds it; every other answer that leads there links back to it.
 */
import type { DecisionTree } from '../engine/tree.ts';

export type DiagramBranch =
  | { kind: 'question'; id: string; text: string; help?: string; depth: number; answers: DiagramAnswer[] }
  | { kind: 'ref'; id: string; text: string }
  | { kind: 'cause'; cause: string }
  | { kind: 'missing'; id: string };

export interface DiagramAnswer {
  /** The answer's id in the tree (the troubleshooter's fragment uses node=answer). */
  id: string;
  label: string;
  to: DiagramBranch;
}

export function layoutTree(tree: DecisionTree): DiagramBranch {
  // Breadth-first: the first answer that reaches a node is its home ("parent/index").
  const home = new Map<string, string>();
  const queue = [tree.root];
  const seen = new Set([tree.root]);
  while (queue.length) {
    const id = queue.shift()!;
    tree.nodes[id]?.answers.forEach((a, i) => {
      if (a.next && !seen.has(a.next)) {
        seen.add(a.next);
        home.set(a.next, `${id}/${i}`);
        queue.push(a.next);
      }
    });
  }
  const drawn = new Set<string>();
  const visit = (id: string, from: string, depth: number): DiagramBranch => {
    const node = tree.nodes[id];
    if (!node) return { kind: 'missing', id };
    if (drawn.has(id) || (from && home.get(id) !== from)) return { kind: 'ref', id, text: node.text };
    drawn.add(id);
    return {
      kind: 'question',
      id,
      text: node.text,
      depth,
      ...(node.help ? { help: node.help } : {}),
      answers: node.answers.map((a, i) => ({
        id: a.id,
        label: a.label,
        to: a.cause ? { kind: 'cause', cause: a.cause } : a.next ? visit(a.next, `${id}/${i}`, depth + 1) : { kind: 'missing', id: '' },
      })),
    };
  };
  return visit(tree.root, '', 0);
}
