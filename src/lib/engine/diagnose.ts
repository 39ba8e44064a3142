/**
 * diagnose(text): the whole engine in one synchronous, pure call.
 *
 * 1. Clean the input (sanitize.ts: control characters, UTF-16 bytes, the size cap).
 * 2. Remove collector prefixes (prefixes.ts), index lines once and run every recogniser on
 *    that view through the failure boundary (run-recogniser.ts): one that throws keeps the facts
 *    it found before the throw and is reported in `notes`, never fatal; one that returns nonsense
 *    is reported too. Fact spans are mapped back onto the input.
 * 3. Keep well-formed facts, sorted by span; list kinds in order of first appearance.
 * 4. Decode every code (deduplicated by value).
 * 5. Walk the decision tree with the facts; weigh signals, codes, statuses, contextual rules
 *    and the tree leaf; rank findings.
 * 6. Work out which non-blank lines no fact covered (`unrecognised`).
 * 7. Never silent: thin evidence (a status and/or a component only) gets the usual causes of that
 *    status behind that component (priors.ts). When the evidence is thin or named nothing, the
 *    word model's hints join it: a little weight for the named causes its clue words point to,
 *    and low-confidence findings for causes only the words name (word-findings.ts). No finding at all
 *    gets `pasteHint`.
 *
 * Time is linear in the input apart from sorting the facts (n log n in their number).
 */
import type { Diagnosis, Fact, Kind, LineIndex, Recogniser } from './types.ts';
import { KINDS } from './types.ts';
import { LineCursor, indexLines } from './lines.ts';
import { factsToOriginal, prefixServers, stripPrefixes, stripPrefixesOfPieces } from './prefixes.ts';
import { decodeJsonEscapes } from './json-escapes.ts';
import { dropShadowedProse } from './prose-overlap.ts';
import { elsewhereContributions, isSpecific, pasteHint, priorContributions } from './priors.ts';
import { sanitize, MAX_INPUT } from './sanitize.ts';
import { indexFacts } from './fact-index.ts';
import type { FactIndex } from './fact-index.ts';
import { FACT_NAMES } from './fact-index.ts';
import { evaluateTree, describeStep, DECISION_TREE } from './tree.ts';
import type { DecisionTree, TreeResult } from './tree.ts';
import { rankFindings } from './rank.ts';
import type { Contribution } from './rank.ts';
import { codeContributions, ruleContributions, signalContributions, statusContributions } from './contributions.ts';
import type { Knowledge } from './contributions.ts';
import { CONTEXT_RULES } from './rules.ts';
import type { ContextRule } from './rules.ts';
import { nextStepsFor } from './next-steps.ts';
import { DEFAULT_KNOWLEDGE, DEFAULT_NAME_SOURCES, decodeCode } from './knowledge.ts';
import type { NameSource } from '../codes/table.ts';
import { codeValue, parseStatus } from './values.ts';
import { failureNote, runRecogniser } from './run-recogniser.ts';
import { RECOGNISERS } from '../recognisers/index.ts';
import { dropRepeatedSignals } from './repeats.ts';
import { answerEffects } from './answers.ts';
import { detectOtherStack } from './scope.ts';
import { wordHints } from './word-findings.ts';
import type { WordModel } from '../words/model.ts';

export interface DiagnoseOptions {
  /** Recognisers to run (default: all, src/lib/recognisers/index.ts). */
  recognisers?: readonly Recogniser[];
  /** Signals, codes and statuses (default: the project's registries). */
  knowledge?: Knowledge;
  rules?: readonly ContextRule[];
  tree?: DecisionTree;
  /** Explicit answers to decision-tree questions, `{ nodeId: answerId }`. */
  answers?: Readonly<Record<string, string>>;
  /** Characters read at most (default MAX_INPUT). */
  maxInput?: number;
  /**
   * Where code names come from (default: the curated codes). Pass the full table from
   * `await loadTable()` (src/lib/codes/table.ts) for names of every known code.
   */
  names?: readonly NameSource[];
  /** Let the word model add its hints when the evidence is thin (word-findings.ts; default true). */
  words?: boolean;
  /** The word model (default: the shipped one, content/data/word-model.json). */
  wordModel?: WordModel;
}

/** Weight of a decision-tree leaf reached by evidence alone. */
export const TREE_LEAF_WEIGHT = 0.35;
/** Facts kept at most; a paste with more is summarised (a note says so). */
export const MAX_FACTS = 200_000;

const FACT_NAME_SET: ReadonlySet<string> = new Set(FACT_NAMES);
const KIND_SET: ReadonlySet<string> = new Set(KINDS);
const KIND_RANK: ReadonlyMap<string, number> = new Map(KINDS.map((k, i) => [k, i]));
/** Facts in the order of the paste: by span, then by kind. */
const byPlace = (a: Fact, b: Fact): number => a.span.start - b.span.start || a.span.end - b.span.end || (KIND_RANK.get(a.kind) ?? 0) - (KIND_RANK.get(b.kind) ?? 0);

function validFact(f: unknown, length: number): f is Fact {
  if (typeof f !== 'object' || f === null) return false;
  const x = f as Partial<Fact>;
  if (typeof x.kind !== 'string' || !KIND_SET.has(x.kind)) return false;
  if (typeof x.name !== 'string' || !FACT_NAME_SET.has(x.name)) return false;
  if (typeof x.value !== 'string' && !(typeof x.value === 'number' && Number.isFinite(x.value))) return false;
  const s = x.span;
  if (!s || !Number.isInteger(s.start) || !Number.isInteger(s.end)) return false;
  return s.start >= 0 && s.end >= s.start && s.end <= length;
}

function runRecognisers(
  text: string,
  lines: LineIndex,
  recognisers: readonly Recogniser[],
  notes: string[],
): Fact[] {
  const facts: Fact[] = [];
  for (const r of recognisers) {
    const run = runRecogniser(r, text, lines);
    const note = failureNote(run);
    if (note !== undefined) notes.push(note);
    const out = run.facts;
    let dropped = 0;
    // Indexed loops over the facts here and below: a paste can have tens of thousands.
    for (let i = 0; i < out.length; i++) {
      const f = out[i];
      if (facts.length >= MAX_FACTS) {
        dropped++;
        continue;
      }
      if (validFact(f, text.length)) facts.push({ kind: f.kind, name: f.name, value: f.value, span: { start: f.span.start, end: f.span.end } });
      else dropped++;
    }
    if (dropped > 0) notes.push(`${dropped} ${r.kind} fact${dropped === 1 ? ' was' : 's were'} malformed or over the limit and ignored.`);
  }
  facts.sort(byPlace);
  return facts;
}

/** The recognisers' facts with the word model's clue facts merged in, still sorted by span. */
function withWordFacts(facts: readonly Fact[], words: readonly Fact[]): Fact[] {
  const seen = new Set<string>();
  const clues = words.filter((f) => {
    const k = `${f.span.start}:${f.span.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return [...facts, ...clues].sort(byPlace);
}

/** A paste that names statuses, none of them one the status table knows (a 403, a 418), is about another failure. */
function otherStatusesOnly(index: FactIndex, knowledge: Knowledge): boolean {
  const statuses = index.byName.get('status') ?? [];
  return (
    statuses.length > 0 &&
    statuses.every((f) => {
      const s = parseStatus(f.value);
      return !s || !knowledge.statusCauses(String(s.status));
    })
  );
}

/** Kinds in order of their first fact. */
function kindsInOrder(facts: readonly Fact[]): Kind[] {
  const seen: Kind[] = [];
  for (let i = 0; i < facts.length; i++) {
    const kind = (facts[i] as Fact).kind;
    if (!seen.includes(kind)) seen.push(kind);
  }
  return seen;
}

/**
 * 1-based numbers of non-blank lines that no fact span touches. Linear in lines + facts.
 * `lines` is the line index of `text` when the caller has it already.
 */
export function unrecognisedLines(text: string, facts: readonly Fact[], lines: LineIndex = indexLines(text)): number[] {
  const n = lines.starts.length;
  // Difference array over lines: +1 where a span starts, -1 after the line it ends on.
  const cover = new Int32Array(n + 2);
  const at = new LineCursor(lines);
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i] as Fact;
    const first = at.lineOf(f.span.start);
    const last = at.lineOfEnd(first, Math.max(f.span.start, f.span.end - 1));
    cover[first] = (cover[first] ?? 0) + 1;
    cover[last + 1] = (cover[last + 1] ?? 0) - 1;
  }
  const out: number[] = [];
  let running = 0;
  for (let ln = 1; ln <= n; ln++) {
    running += cover[ln] ?? 0;
    if (running > 0) continue;
    const start = lines.starts[ln - 1] ?? text.length;
    const end = lines.starts[ln] ?? text.length;
    let blank = true;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) {
        blank = false;
        break;
      }
    }
    if (!blank) out.push(ln);
  }
  return out;
}

function decodeCodes(text: string, facts: readonly Fact[], names: readonly NameSource[]): Diagnosis['codes'] {
  const seen = new Set<number>();
  const out: Diagnosis['codes'] = [];
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i] as Fact;
    if (f.name !== 'code') continue;
    const u = codeValue(f.value);
    if (u === undefined || seen.has(u)) continue;
    seen.add(u);
    const written = text.slice(f.span.start, Math.min(f.span.end, f.span.start + 200)).trim();
    try {
      out.push(decodeCode(u, written || String(u), names));
    } catch {
      // A value decode() rejects is left out of `codes`; the fact itself stays.
    }
  }
  return out;
}

function treeContributions(result: TreeResult, tree: DecisionTree): Contribution[] {
  if (!result.leaf || result.path.length === 0 || !result.path.every((s) => s.byEvidence)) return [];
  // Evidence: the facts of the last step that had any (a `not` test matches no facts).
  let facts: Fact[] = [];
  for (const step of result.path) if (step.facts.length > 0) facts = step.facts;
  const last = result.path[result.path.length - 1];
  return [
    {
      cause: result.leaf,
      weight: TREE_LEAF_WEIGHT,
      source: 'tree',
      key: 'tree',
      facts: facts.slice(0, 3),
      note: last ? `Decision tree, answered by the evidence: ${describeStep(last, tree)}` : 'Decision tree, answered by the evidence',
    },
  ];
}

export interface DiagnosisDetail extends Diagnosis {
  /** The decision-tree walk behind `questions` and the tree's boost. */
  tree: TreeResult;
}

/** Diagnose a paste. Never throws: any internal failure ends up in `notes`. */
export function diagnose(input: string, options: DiagnoseOptions = {}): DiagnosisDetail {
  const notes: string[] = [];
  let text = '';
  try {
    const clean = sanitize(input, options.maxInput ?? MAX_INPUT);
    text = clean.text;
    notes.push(...clean.notes);
    // Recognisers read the text without collector prefixes (docker compose, kubectl, journald,
    // timestamps); their spans are moved back onto `text` before anything else uses them.
    // Lines copied from JSON output are read with their string escapes undone (json-escapes.ts),
    // twice when a record held another one (a JSON log line inside docker's JSON log).
    const lines = indexLines(text);
    const json = decodeJsonEscapes(text);
    const inner = json && json.editsAgain() ? decodeJsonEscapes(json.text, json.edited) : undefined;
    // Prefixes go from the decoded text; with one decode, that text is not built for it: the
    // prefix view is made from the paste and the decoded lines (json-escapes.ts, prefixes.ts).
    const view = json && !inner ? stripPrefixesOfPieces(json.pieces(lines)) : stripPrefixes(inner ? inner.text : text, inner ? undefined : lines);
    const read = view ? view.text : inner ? inner.text : json ? json.text : text;
    const found = factsToOriginal(
      factsToOriginal(factsToOriginal(runRecognisers(read, read === text ? lines : indexLines(read), options.recognisers ?? RECOGNISERS, notes), view), inner),
      json,
    );
    // Where a collector's prefix says the output ran (a compose service, a pod): kept as facts.
    const where = view ? prefixServers(text, lines) : [];
    const placed = where.length === 0 ? found : [...found, ...where].sort((a, b) => a.span.start - b.span.start);
    const facts = dropShadowedProse(dropRepeatedSignals(placed), lines);
    const index: FactIndex = indexFacts(facts);
    const tree = options.tree ?? DECISION_TREE;
    const treeResult = evaluateTree(index, options.answers ?? {}, tree);
    const knowledge = options.knowledge ?? DEFAULT_KNOWLEDGE;
    const rules = ruleContributions(index, options.rules ?? CONTEXT_RULES);
    // Status-table hints for a platform the named component rules out are scaled down (priors.ts).
    const weighed: Contribution[] = elsewhereContributions(index, [
      ...signalContributions(index, knowledge),
      ...codeContributions(index, knowledge),
      ...statusContributions(index, knowledge),
      ...rules.contributions,
    ]);
    // Never silent: thin evidence (a status behind a component) gets that component's short list.
    const contributions = [...(priorContributions(index, weighed) ?? weighed), ...treeContributions(treeResult, tree)];
    // The reader's answers re-rank what the evidence gave (answers.ts); they are not evidence.
    const answered = answerEffects(options.answers ?? {}, tree);
    contributions.push(...answered.contributions);
    const nextSteps = (cause: string): string[] => nextStepsFor(cause, index);
    const weakenings = [...rules.weakenings, ...answered.weakenings];
    let findings = rankFindings({ input: text, contributions, weakenings, nextSteps });
    // When the evidence is thin (no fact carries a cause's specifics) or named nothing, the word
    // model's hints join it and the causes are ranked again (word-findings.ts); not for another
    // stack, nor for a paste whose statuses are all outside ours (a 403).
    const outOfScope = detectOtherStack(text);
    const thin = findings.length === 0 || !facts.some(isSpecific);
    const speaks = !outOfScope && thin && options.words !== false && !otherStatusesOnly(index, knowledge);
    const words = !speaks ? undefined : wordHints(text, findings, facts, options.wordModel);
    if (words && words.contributions.length > 0) findings = rankFindings({ input: text, contributions: [...contributions, ...words.contributions], weakenings, nextSteps });
    const allFacts = words && words.facts.length > 0 ? withWordFacts(facts, words.facts) : facts;
    const diagnosis: DiagnosisDetail = {
      kinds: kindsInOrder(allFacts),
      facts: allFacts,
      codes: decodeCodes(text, facts, options.names ?? DEFAULT_NAME_SOURCES),
      findings,
      questions: treeResult.question ? [treeResult.question] : [],
      unrecognised: unrecognisedLines(text, allFacts, lines),
      tree: treeResult,
    };
    if (notes.length > 0) diagnosis.notes = notes;
    if (outOfScope) diagnosis.outOfScope = outOfScope;
    if (findings.length === 0) diagnosis.pasteHint = pasteHint(facts.length > 0);
    return diagnosis;
  } catch (e) {
    notes.push(`The engine failed on this input (${e instanceof Error ? e.message : String(e)}).`);
    return { kinds: [], facts: [], codes: [], findings: [], questions: [], unrecognised: [], notes, pasteHint: pasteHint(false), tree: { path: [] } };
  }
}
