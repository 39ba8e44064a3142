import { describe, expect, it } from 'vitest';
import type { Fact } from './types.ts';
import { DECISION_TREE, evaluateTree, validateTree } from './tree.ts';
import type { DecisionTree } from './tree.ts';
import { CAUSE_LIST } from './catalogue.ts';
import { SIGNAL_IDS } from '../signals/index.ts';
import { fact as sharedFact } from '../facts/facts.ts';

const CAUSE_IDS = new Set(CAUSE_LIST.map((c) => c.id));
const f = (name: Fact['name'], value: Fact['value'], start = 0, kind: Fact['kind'] = 'iis-log'): Fact => ({
  kind,
  name,
  value,
  span: { start, end: start + 1 },
});

describe('content/data/decision-tree.json', () => {
  it('is valid: reachable nodes, no cycles, known causes and signals, every cause a leaf', () => {
    expect(validateTree(DECISION_TREE, CAUSE_IDS, SIGNAL_IDS)).toEqual([]);
  });
  it('has no markup in questions or labels', () => {
    for (const node of Object.values(DECISION_TREE.nodes)) {
      expect(node.text).not.toMatch(/<\/?[a-z]/i);
      for (const a of node.answers) expect(a.label).not.toMatch(/<\/?[a-z]/i);
    }
  });
});

describe('validateTree', () => {
  const ok: DecisionTree = {
    version: 1,
    root: 'a',
    nodes: {
      a: { text: 'A?', answers: [{ id: 'x', label: 'X', next: 'b' }, { id: 'y', label: 'Y', cause: 'request-timeout' }] },
      b: { text: 'B?', answers: [{ id: 'x', label: 'X', cause: 'app-offline' }, { id: 'y', label: 'Y', cause: 'app-offline' }] },
    },
  };
  const small = new Set(['request-timeout', 'app-offline']);
  it('accepts a small good tree', () => {
    expect(validateTree(ok, small)).toEqual([]);
  });
  it('finds cycles, dangling edges, unreachable nodes, unknown causes and missing leaves', () => {
    const bad: DecisionTree = {
      version: 1,
      root: 'a',
      nodes: {
        a: { text: 'A?', answers: [{ id: 'x', label: 'X', next: 'b' }, { id: 'y', label: 'Y', next: 'nowhere' }] },
        b: { text: 'B?', answers: [{ id: 'x', label: 'X', next: 'a' }, { id: 'y', label: 'Y', cause: 'made-up' }] },
        c: { text: 'C?', answers: [{ id: 'x', label: 'X', cause: 'app-offline' }, { id: 'x', label: 'Y', cause: 'app-offline', next: 'a' }] },
      },
    };
    const problems = validateTree(bad, small).join('\n');
    expect(problems).toMatch(/cycle: a -> b -> a/);
    expect(problems).toMatch(/next node nowhere does not exist/);
    expect(problems).toMatch(/c: not reachable/);
    expect(problems).toMatch(/unknown cause id made-up/);
    expect(problems).toMatch(/cause request-timeout is not a leaf/);
    expect(problems).toMatch(/duplicate answer id/);
    expect(problems).toMatch(/exactly one of next or cause/);
  });
});

describe('evaluateTree', () => {
  it('walks the seed scenario to request-timeout by evidence alone', () => {
    const r = evaluateTree([f('status', '502.3'), f('code', 12002, 2), f('time-taken-ms', 120016, 4)]);
    expect(r.leaf).toBe('request-timeout');
    expect(r.question).toBeUndefined();
    expect(r.path.map((s) => s.node)).toEqual(['source', 'iis-status', 'winhttp', 'timeout']);
    expect(r.path.every((s) => s.byEvidence)).toBe(true);
    expect(r.path[2]?.facts.map((x) => x.value)).toEqual([12002]);
  });
  it('gets there from the bare code too', () => {
    expect(evaluateTree([f('code', 2147954402, 0, 'code')]).leaf).toBe('request-timeout');
  });
  it('sends a 230 s timeout to the App Service front end', () => {
    expect(evaluateTree([f('code', 12002), f('time-taken-ms', 230016, 2)]).leaf).toBe('azure-frontend-timeout');
  });
  it('asks when the evidence cannot decide', () => {
    const r = evaluateTree([]);
    expect(r.leaf).toBeUndefined();
    expect(r.path).toEqual([]);
    expect(r.question?.node).toBe('source');
    expect(r.question?.answers.map((a) => a.id)).toContain('iis');
  });
  it('stops at the first open question and returns its answers', () => {
    const r = evaluateTree([f('status', '503')]);
    expect(r.path.map((s) => s.answer)).toEqual(['iis', '503']);
    expect(r.question?.node).toBe('unavailable');
  });
  it('takes the person\'s answers, over the evidence', () => {
    const r = evaluateTree([f('status', '503')], { unavailable: 'module', 'module-load': 'os-upgrade' });
    expect(r.leaf).toBe('module-missing-after-os-upgrade');
    expect(r.path.filter((s) => !s.byEvidence).map((s) => s.node)).toEqual(['unavailable', 'module-load']);
    const override = evaluateTree([f('code', 12002)], { timeout: 'under-load' });
    expect(override.leaf).toBe('thread-pool-starvation');
  });
  it('ignores unknown answer ids', () => {
    const r = evaluateTree([], { source: 'no-such-answer' });
    expect(r.question?.node).toBe('source');
  });
  it('survives a broken tree', () => {
    const loop: DecisionTree = {
      version: 1,
      root: 'a',
      nodes: { a: { text: 'A?', answers: [{ id: 'x', label: 'X', next: 'a' }, { id: 'y', label: 'Y', next: 'gone' }] } },
    };
    expect(evaluateTree([], { a: 'x' }, loop)).toEqual({ path: [{ node: 'a', answer: 'x', byEvidence: false, facts: [] }] });
    expect(evaluateTree([], { a: 'y' }, loop).leaf).toBeUndefined();
  });
});

describe('decision tree and shared facts', () => {
  it('expands {fact:id} placeholders in questions and answer labels', () => {
    const labels = Object.values(DECISION_TREE.nodes).flatMap((n) => [n.text, n.help ?? '', ...n.answers.map((a) => a.label)]);
    for (const l of labels) expect(l).not.toMatch(/\{fact:/);
    expect(labels.some((l) => l.includes(`requestTimeout (${sharedFact('ancm.requestTimeout').value} s`))).toBe(true);
  });
});
