import { describe, expect, it } from 'vitest';
import { layoutTree } from './layout.ts';
import { DECISION_TREE, type DecisionTree } from '../engine/tree.ts';

const tree: DecisionTree = {
  version: 1,
  root: 'a',
  nodes: {
    a: { text: 'A?', answers: [{ id: 'x', label: 'X', next: 'b' }, { id: 'y', label: 'Y', next: 'b' }] },
    b: { text: 'B?', answers: [{ id: 'z', label: 'Z', cause: 'request-timeout' }] },
  },
};

describe('layoutTree', () => {
  it('draws each question once and refers back to it after', () => {
    const root = layoutTree(tree);
    expect(root.kind).toBe('question');
    if (root.kind !== 'question') return;
    expect(root.answers[0]!.to).toMatchObject({ kind: 'question', id: 'b' });
    expect(root.answers[1]!.to).toEqual({ kind: 'ref', id: 'b', text: 'B?' });
  });

  it('reaches every node of the real tree', () => {
    const seen = new Set<string>();
    const walk = (b: ReturnType<typeof layoutTree>): void => {
      if (b.kind === 'question') {
        seen.add(b.id);
        b.answers.forEach((a) => walk(a.to));
      }
      expect(b.kind).not.toBe('missing');
    };
    walk(layoutTree(DECISION_TREE));
    expect(seen.size).toBe(Object.keys(DECISION_TREE.nodes).length);
  });
});
