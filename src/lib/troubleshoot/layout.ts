/**
 * The decision tree laid out for a static diagram: depth-first from the root, each question
 * drawn once; a question reached again is drawn as a link back to where it stands.
 */
import type { DecisionTree } from '../engine/tree.ts';

export type DiagramBranch =
  | { kind: 'question'; id: string; text: string; help?: string; answers: DiagramAnswer[] }
  | { kind: 'ref'; id: string; text: string }
  | { kind: 'cause'; cause: string }
  | { kind: 'missing'; id: string };

export interface DiagramAnswer {
  label: string;
  to: DiagramBranch;
}

export function layoutTree(tree: DecisionTree): DiagramBranch {
  const drawn = new Set<string>();
  const visit = (id: string): DiagramBranch => {
    const node = tree.nodes[id];
    if (!node) return { kind: 'missing', id };
    if (drawn.has(id)) return { kind: 'ref', id, text: node.text };
    drawn.add(id);
    return {
      kind: 'question',
      id,
      text: node.text,
      ...(node.help ? { help: node.help } : {}),
      answers: node.answers.map((a) => ({
        label: a.label,
        to: a.cause ? { kind: 'cause', cause: a.cause } : a.next ? visit(a.next) : { kind: 'missing', id: '' },
      })),
    };
  };
  return visit(tree.root);
}
