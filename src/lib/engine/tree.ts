/**
 * The decision tree (content/data/decision-tree.json) and its evaluation.
 *
 * Nodes ask a question; each answer leads to another node (`next`) or to a cause (`cause`, a
 * leaf). An answer may carry a fact test (`when`, see fact-test.ts) so the evidence can answer
 * it. `evaluateTree(facts, answers)` walks from the root: an explicit answer from the person
 * wins; otherwise the first answer, in the order the data lists them, whose test passes is
 * taken "by evidence". Where neither decides, the walk stops and hands back the open question.
 */
import treeData from '../../../content/data/decision-tree.json' with { type: 'json' };
import type { Fact, Question } from './types.ts';
import { indexFacts } from './fact-index.ts';
import type { FactIndex } from './fact-index.ts';
import { matchTest, validateTest } from './fact-test.ts';
import { expandFacts } from '../facts/facts.ts';
import type { FactTest } from './fact-test.ts';

export interface TreeAnswer {
  id: string;
  label: string;
  when?: FactTest;
  next?: string;
  cause?: string;
}

export interface TreeNode {
  text: string;
  help?: string;
  answers: TreeAnswer[];
}

export interface DecisionTree {
  version: number;
  root: string;
  nodes: Record<string, TreeNode>;
}

export interface TreeStep {
  node: string;
  answer: string;
  /** True when the evidence answered, false when the person did. */
  byEvidence: boolean;
  /** The facts that answered (empty for a person's answer or a test with no facts, e.g. `not`). */
  facts: Fact[];
}

export interface TreeResult {
  path: TreeStep[];
  /** The first question the evidence and the answers could not settle. */
  question?: Question;
  /** The cause id the walk ended at. */
  leaf?: string;
}

/** The tree with `{fact:id}` placeholders in questions, help and answer labels expanded. */
function withFacts(tree: DecisionTree): DecisionTree {
  const nodes: Record<string, TreeNode> = {};
  for (const [id, n] of Object.entries(tree.nodes)) {
    nodes[id] = {
      ...n,
      text: expandFacts(n.text),
      ...(n.help === undefined ? {} : { help: expandFacts(n.help) }),
      answers: n.answers.map((a) => ({ ...a, label: expandFacts(a.label) })),
    };
  }
  return { ...tree, nodes };
}

export const DECISION_TREE: DecisionTree = withFacts(treeData as DecisionTree);

function toQuestion(id: string, node: TreeNode): Question {
  return { node: id, text: node.text, answers: node.answers.map((a) => ({ id: a.id, label: a.label })) };
}

function isIndex(x: readonly Fact[] | FactIndex): x is FactIndex {
  return !Array.isArray(x);
}

/**
 * Walk the tree. `answers` maps node ids to answer ids the person chose; unknown ids are
 * ignored (the node is then answered by evidence or asked). Never throws; a malformed tree
 * (missing node, a cycle) ends the walk with no question.
 */
export function evaluateTree(
  facts: readonly Fact[] | FactIndex,
  answers: Readonly<Record<string, string>> = {},
  tree: DecisionTree = DECISION_TREE,
): TreeResult {
  const index = isIndex(facts) ? facts : indexFacts(facts);
  const path: TreeStep[] = [];
  const visited = new Set<string>();
  let nodeId = tree.root;
  while (true) {
    const node = tree.nodes[nodeId];
    if (!node || visited.has(nodeId)) return { path };
    visited.add(nodeId);
    let chosen: TreeAnswer | undefined;
    let step: TreeStep | undefined;
    const explicit = Object.prototype.hasOwnProperty.call(answers, nodeId) ? answers[nodeId] : undefined;
    if (explicit !== undefined) {
      chosen = node.answers.find((a) => a.id === explicit);
      if (chosen) step = { node: nodeId, answer: chosen.id, byEvidence: false, facts: [] };
    }
    if (!chosen) {
      for (const a of node.answers) {
        if (!a.when) continue;
        const m = matchTest(a.when, index);
        if (m !== null) {
          chosen = a;
          step = { node: nodeId, answer: a.id, byEvidence: true, facts: m };
          break;
        }
      }
    }
    if (!chosen || !step) return { path, question: toQuestion(nodeId, node) };
    path.push(step);
    if (chosen.cause !== undefined) return { path, leaf: chosen.cause };
    if (chosen.next === undefined) return { path };
    nodeId = chosen.next;
  }
}

/** The label of an answer, for evidence notes ("What returns the error? -> IIS ..."). */
export function describeStep(step: TreeStep, tree: DecisionTree = DECISION_TREE): string {
  const node = tree.nodes[step.node];
  const answer = node?.answers.find((a) => a.id === step.answer);
  return node && answer ? `"${node.text}" -> ${answer.label}` : `${step.node} -> ${step.answer}`;
}

/**
 * Check the tree: the root exists, every answer leads to a node or a known cause id (not both),
 * every node is reachable, there are no cycles, every cause id is reachable, answer ids are
 * unique per node, and every fact test is well formed. Returns the problems (empty = valid).
 */
export function validateTree(
  tree: DecisionTree,
  causeIds: ReadonlySet<string>,
  signalIds?: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const nodes = tree.nodes ?? {};
  if (!nodes[tree.root]) problems.push(`root node ${tree.root} does not exist`);
  const leaves = new Set<string>();
  for (const [id, node] of Object.entries(nodes)) {
    if (!node.text) problems.push(`${id}: no question text`);
    if (!Array.isArray(node.answers) || node.answers.length < 2) problems.push(`${id}: needs at least two answers`);
    const ids = new Set<string>();
    for (const a of node.answers ?? []) {
      const where = `${id}/${a.id}`;
      if (ids.has(a.id)) problems.push(`${where}: duplicate answer id`);
      ids.add(a.id);
      if (!a.label) problems.push(`${where}: no label`);
      if ((a.next === undefined) === (a.cause === undefined)) problems.push(`${where}: needs exactly one of next or cause`);
      if (a.next !== undefined && !nodes[a.next]) problems.push(`${where}: next node ${a.next} does not exist`);
      if (a.cause !== undefined) {
        if (!causeIds.has(a.cause)) problems.push(`${where}: unknown cause id ${a.cause}`);
        leaves.add(a.cause);
      }
      if (a.when !== undefined) problems.push(...validateTest(a.when, signalIds, `${where}.when`));
    }
  }
  // Reachability and cycles: depth-first search with colours.
  const state = new Map<string, 1 | 2>();
  const visit = (id: string, trail: string[]): void => {
    const s = state.get(id);
    if (s === 2) return;
    if (s === 1) {
      problems.push(`cycle: ${[...trail, id].join(' -> ')}`);
      return;
    }
    state.set(id, 1);
    for (const a of nodes[id]?.answers ?? []) if (a.next !== undefined && nodes[a.next]) visit(a.next, [...trail, id]);
    state.set(id, 2);
  };
  if (nodes[tree.root]) visit(tree.root, []);
  for (const id of Object.keys(nodes)) if (!state.has(id)) problems.push(`${id}: not reachable from the root`);
  for (const c of causeIds) if (!leaves.has(c)) problems.push(`cause ${c} is not a leaf anywhere`);
  return problems;
}
