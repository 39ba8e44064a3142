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

  it('draws a shared question under the answer that reaches it in fewest steps', () => {
    const deep: DecisionTree = {
      version: 1,
      root: 'a',
      nodes: {
        a: { text: 'A?', answers: [{ id: 'x', label: 'X', next: 'c' }, { id: 'y', label: 'Y', next: 'b' }] },
        c: { text: 'C?', answers: [{ id: 'w', label: 'W', next: 'b' }] },
        b: { text: 'B?', answers: [{ id: 'z', label: 'Z', cause: 'request-timeout' }] },
      },
    };
    const root = layoutTree(deep);
    if (root.kind !== 'question') throw new Error('root is not a question');
    expect(root.answers[1]).toMatchObject({ id: 'y', to: { kind: 'question', id: 'b', depth: 1 } });
    const c = root.answers[0]!.to;
    if (c.kind !== 'question') throw new Error('c is not drawn under x');
    expect(c.answers[0]!.to).toEqual({ kind: 'ref', id: 'b', text: 'B?' });
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

  it('draws the IIS status question under the IIS answer of the real tree', () => {
    const root = layoutTree(DECISION_TREE);
    if (root.kind !== 'question') throw new Error('root is not a question');
    const iis = root.answers.find((a) => a.id === 'iis');
    expect(iis?.to.kind).toBe('question');
  });
});
