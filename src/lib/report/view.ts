/**
 * What the paste widget shows, computed next to the engine (in the worker) so the page never
 * has to hold or index a multi-megabyte paste: findings with their evidence cut down to the
 * line it sits on, with the matched part separated out for highlighting. Plain strings only;
 * the UI renders them as text.
 */
import type { DecodedCode, Diagnosis, Kind, Question } from '../engine/types.ts';
import type { OutOfScope } from '../engine/scope.ts';
import { indexLines, lineOf, lineSpan } from '../engine/lines.ts';
import { sanitize } from '../engine/sanitize.ts';
import { DECISION_TREE } from '../engine/tree.ts';
import { separatingQuestion } from '../engine/answers.ts';
import { isRestating, isWeak } from '../engine/priors.ts';
import type { ConfidenceWord } from './confidence.ts';
import { confidenceWord } from './confidence.ts';
import { verdictFor } from './verdict.ts';
import type { CollectAdvice } from './collect-next.ts';
import { collectNext } from './collect-next.ts';
import { readerNote } from './reasons.ts';

export interface EvidenceView {
  line: number;
  before: string;
  match: string;
  after: string;
  note: string;
  kind: Kind;
}

/** One short line per piece of evidence, in the reader's terms. */
export interface ReasonView {
  /** Lines of the paste it sits on (see DiagnosisView.quote). */
  lines: number[];
  text: string;
  /** The evidence speaks against this cause. */
  against: boolean;
}

export interface FindingView {
  cause: string;
  title: string;
  /** Whole percent, 1..99 (for the engine's own reports; the widget shows `word`). */
  percent: number;
  /** Calibrated confidence word (confidence.ts). */
  word: ConfidenceWord;
  /** One plain sentence: what happened (verdicts.json), or the title. */
  verdict: string;
  reasons: ReasonView[];
  /** For findings after the first: the question that tells it apart from the first. */
  question?: Question;
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
  /** The pasted lines that hold the findings' evidence, each once, with the matched parts marked. */
  quote: QuoteLine[];
  /** The evidence comes from another stack: say so first, the findings are only other possibilities. */
  outOfScope?: OutOfScope;
  /** Only a status or a sentence: what to collect next for the component that answered. */
  thin?: CollectAdvice;
  /** Questions the reader answered, with the answer given (so they can take it back). */
  answered: { node: string; text: string; label: string }[];
}

export interface QuoteLine {
  line: number;
  parts: { text: string; mark: boolean }[];
}

/** Facts that carry a cause's specifics; a paste without any of them is thin evidence. */
const SPECIFIC_FACTS: ReadonlySet<string> = new Set(['signal', 'code', 'exception', 'time-taken-ms', 'setting', 'hosting-model']);
/** Message-catalogue signals of an error page's title ("HTTP Error 502.3 - Bad Gateway"): a status, said in words. */
const TITLE_SIGNAL = /^message\.[^.]+\.title-/;

function isSpecific(f: Diagnosis['facts'][number]): boolean {
  if (!SPECIFIC_FACTS.has(f.name)) return false;
  // A server's version ("version=nginx/1.25.3" under its error page) names no cause.
  if (f.name === 'setting') return !String(f.value).startsWith('version=');
  if (f.name !== 'signal') return true;
  const signal = String(f.value);
  // A signal too general to point anywhere alone ("it times out", "doesn't start", ".NET").
  return !TITLE_SIGNAL.test(signal) && !isRestating(signal) && !isWeak(signal);
}
/** Quoted lines at most, and characters kept around the marks of a long line. */
const MAX_QUOTE_LINES = 8;
const QUOTE_WIDTH = 240;

/** Characters of context kept on each side of a highlighted match. */
const CONTEXT = 120;
const MAX_EVIDENCE = 6;

export interface TreePathStep {
  node: string;
  answer: string;
  byEvidence: boolean;
  facts: { span: { start: number; end: number } }[];
}

export function toView(input: string, d: Diagnosis & { tree?: { path: TreePathStep[] } }, answers: Readonly<Record<string, string>> = {}): DiagnosisView {
  const text = sanitize(input).text;
  const lines = indexLines(text);
  let nonBlank = 0;
  for (let n = 1; n <= lines.starts.length; n++) {
    const s = lineSpan(text, lines, n);
    if (text.slice(s.start, s.end).trim()) nonBlank++;
  }
  const view: DiagnosisView = {
    quote: quoteOf(text, lines, d.findings.slice(0, 3).flatMap((f) => f.evidence)),
    answered: Object.entries(answers).flatMap(([node, answer]) => {
      const n = Object.prototype.hasOwnProperty.call(DECISION_TREE.nodes, node) ? DECISION_TREE.nodes[node] : undefined;
      const a = n?.answers.find((x) => x.id === answer);
      return n && a ? [{ node, text: n.text, label: a.label }] : [];
    }),
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
    findings: d.findings.map((f, i) => ({
      cause: f.cause,
      title: f.title,
      percent: Math.max(1, Math.min(99, Math.round(f.confidence * 100))),
      word: confidenceWord(f.confidence, i === 0 && !d.outOfScope),
      verdict: verdictFor(f.cause) ?? f.title,
      reasons: reasonsOf(text, lines, f.evidence),
      ...(i > 0 && d.findings[0] ? optional('question', separatingQuestion(d.findings[0].cause, f.cause, DECISION_TREE, answers)) : {}),
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
  if (d.outOfScope) view.outOfScope = d.outOfScope;
  if (d.pasteHint) view.pasteHint = d.pasteHint;
  if (d.kinds.length > 0 && !d.facts.some(isSpecific)) {
    view.thin = collectNext(d.facts.filter((f) => f.name === 'server').map((f) => String(f.value)));
  }
  return view;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [k in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [k in K]?: V };
}

type Lines = ReturnType<typeof indexLines>;

/** Reasons of one finding: one line per distinct reader note, with the lines it sits on. */
function reasonsOf(text: string, lines: Lines, evidence: Diagnosis['findings'][number]['evidence']): ReasonView[] {
  const out: ReasonView[] = [];
  for (const e of evidence) {
    const r = readerNote(e.note);
    if (!r) continue;
    const line = lineOf(lines, Math.max(0, Math.min(e.span.start, text.length)));
    const same = out.find((o) => o.text === r.text && o.against === r.against);
    if (same) {
      if (!same.lines.includes(line)) same.lines.push(line);
    } else out.push({ lines: [line], text: r.text, against: r.against });
  }
  return out.slice(0, MAX_EVIDENCE);
}

/** The lines the evidence sits on, once each, with the matched parts marked (a whole-line match is not marked). */
function quoteOf(text: string, lines: Lines, evidence: Diagnosis['findings'][number]['evidence']): QuoteLine[] {
  const marks = new Map<number, [number, number][]>();
  for (const e of evidence) {
    const start = Math.max(0, Math.min(e.span.start, text.length));
    const n = lineOf(lines, start);
    const ls = lineSpan(text, lines, n);
    const end = Math.min(Math.max(start, e.span.end), ls.end);
    const list = marks.get(n) ?? [];
    const body = text.slice(ls.start, ls.end).trim().length;
    if (end > start && end - start < body) list.push([start - ls.start, end - ls.start]);
    marks.set(n, list);
  }
  return [...marks.keys()].sort((a, b) => a - b).slice(0, MAX_QUOTE_LINES).map((n) => {
    const ls = lineSpan(text, lines, n);
    const whole = text.slice(ls.start, ls.end);
    const spans = (marks.get(n) ?? []).sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [a, b] of spans) {
      const last = merged[merged.length - 1];
      if (last && a <= last[1]) last[1] = Math.max(last[1], b);
      else merged.push([a, b]);
    }
    let from = 0;
    let to = whole.length;
    if (whole.length > QUOTE_WIDTH * 2) {
      from = Math.max(0, (merged[0]?.[0] ?? 0) - QUOTE_WIDTH / 2);
      to = Math.min(whole.length, Math.max(from + QUOTE_WIDTH, (merged[merged.length - 1]?.[1] ?? 0) + QUOTE_WIDTH / 2));
    }
    const parts: QuoteLine['parts'] = [];
    if (from > 0) parts.push({ text: '…', mark: false });
    let at = from;
    for (const [a0, b0] of merged) {
      const a = Math.max(a0, at);
      const b = Math.min(b0, to);
      if (b <= a) continue;
      if (a > at) parts.push({ text: whole.slice(at, a), mark: false });
      parts.push({ text: whole.slice(a, b), mark: true });
      at = b;
    }
    if (to > at) parts.push({ text: whole.slice(at, to), mark: false });
    if (to < whole.length) parts.push({ text: '…', mark: false });
    return { line: n, parts };
  });
}
