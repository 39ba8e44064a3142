/**
 * What the paste widget shows, computed next to the engine (in the worker) so the page never
 * has to hold or index a multi-megabyte paste: findings with their evidence cut down to the
 * line it sits on, with the matched part separated out for highlighting. Plain strings only;
 * the UI renders them as text.
 */
import type { DecodedCode, Diagnosis, Kind, Question } from '../engine/types.ts';
import { indexLines, lineOf, lineSpan } from '../engine/lines.ts';
import { sanitize } from '../engine/sanitize.ts';

export interface EvidenceView {
  line: number;
  before: string;
  match: string;
  after: string;
  note: string;
  kind: Kind;
}

export interface FindingView {
  cause: string;
  title: string;
  /** Whole percent, 1..100. */
  percent: number;
  article: string;
  nextSteps: string[];
  evidence: EvidenceView[];
}

export interface DiagnosisView {
  kinds: Kind[];
  findings: FindingView[];
  codes: DecodedCode[];
  questions: Question[];
  unrecognised: number[];
  notes: string[];
  /** When there is no finding: what to paste instead (Diagnosis.pasteHint). */
  pasteHint?: string;
  /** Number of non-blank lines read. */
  lines: number;
  /** Decision-tree answers the evidence gave: node id -> answer id, with the text that gave it. */
  treeAnswers: { node: string; answer: string; evidence: string }[];
}

/** Characters of context kept on each side of a highlighted match. */
const CONTEXT = 120;
const MAX_EVIDENCE = 6;

export interface TreePathStep {
  node: string;
  answer: string;
  byEvidence: boolean;
  facts: { span: { start: number; end: number } }[];
}

export function toView(input: string, d: Diagnosis & { tree?: { path: TreePathStep[] } }): DiagnosisView {
  const text = sanitize(input).text;
  const lines = indexLines(text);
  let nonBlank = 0;
  for (let n = 1; n <= lines.starts.length; n++) {
    const s = lineSpan(text, lines, n);
    if (text.slice(s.start, s.end).trim()) nonBlank++;
  }
  const view: DiagnosisView = {
    kinds: d.kinds,
    codes: d.codes,
    questions: d.questions,
    unrecognised: d.unrecognised,
    notes: d.notes ?? [],
    lines: nonBlank,
    treeAnswers: (d.tree?.path ?? [])
      .filter((st) => st.byEvidence)
      .map((st) => {
        const f = st.facts[0];
        return { node: st.node, answer: st.answer, evidence: f ? text.slice(f.span.start, Math.min(f.span.end, f.span.start + 200)) : '' };
      }),
    findings: d.findings.map((f) => ({
      cause: f.cause,
      title: f.title,
      percent: Math.max(1, Math.min(100, Math.round(f.confidence * 100))),
      article: f.article,
      nextSteps: f.nextSteps,
      evidence: f.evidence.slice(0, MAX_EVIDENCE).map((e) => {
        const start = Math.max(0, Math.min(e.span.start, text.length));
        const end = Math.max(start, Math.min(e.span.end, text.length));
        const n = lineOf(lines, start);
        const ls = lineSpan(text, lines, n);
        const matchEnd = Math.min(end, ls.end);
        const from = Math.max(ls.start, start - CONTEXT);
        const to = Math.min(ls.end, matchEnd + CONTEXT);
        return {
          line: n,
          before: (from > ls.start ? '…' : '') + text.slice(from, start),
          match: text.slice(start, matchEnd) || e.text.slice(0, 400),
          after: text.slice(matchEnd, to) + (to < ls.end ? '…' : ''),
          note: e.note,
          kind: e.kind,
        };
      }),
    })),
  };
  if (d.pasteHint) view.pasteHint = d.pasteHint;
  return view;
}
