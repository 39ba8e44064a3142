/**
 * frebFileReport(name, text): everything the FREB reader shows for one trace file or pasted
 * trace, as plain serialisable data (it is computed in a Web Worker and posted to the page):
 * the request summary (freb-reader/summary.ts), each error code decoded (codes/decode.ts,
 * with the curated meaning and the slug of its page), and the top findings of diagnose() with
 * their articles. Text that is not a trace gets a message instead of a diagnosis.
 */
import type { NameSource } from '../codes/table.ts';
import { decode } from '../codes/decode.ts';
import { curatedFor, curatedNames } from '../codes/curated.ts';
import { diagnose } from '../engine/diagnose.ts';
import { MAX_INPUT } from '../engine/sanitize.ts';
import type { FrebInputKind, FrebRequest } from '../freb-reader/summary.ts';
import { frebKeyText, summariseFreb } from '../freb-reader/summary.ts';
import type { DiagnosisView } from './view.ts';
import { toView } from './view.ts';

export interface DecodedCodeView {
  value: number;
  /** "0x80072EE2" */
  hex: string;
  unsigned: number;
  signed: number;
  win32?: number;
  /** Symbolic names, best reading first. */
  names: string[];
  /** Slug of the code's page ("0x80072ee2"); the page may or may not exist. */
  slug: string;
  /** What the code means in the 502 context, when the guide documents it. */
  meaning?: string;
  /** As the trace wrote it. */
  text: string;
  /** Event and field it came from. */
  source: string;
}

export interface FrebRequestView extends FrebRequest {
  decoded: DecodedCodeView[];
}

export interface FrebFileReport {
  name: string;
  kind: FrebInputKind;
  /** Why nothing could be read, for text that is not a trace. */
  message?: string;
  requests: FrebRequestView[];
  /** Top findings of the diagnosis, for traces. */
  diagnosis?: DiagnosisView;
  /** About the reading itself: a cut-off file, a shortened trace, XML that does not parse. */
  notes: string[];
}

export interface FrebReportOptions {
  /** Where code names come from (default: the curated codes). */
  names?: readonly NameSource[];
  /** Size of the whole file in bytes when only its start was read. */
  truncatedFrom?: number;
  /** Findings kept (default 3). */
  maxFindings?: number;
}

const MESSAGES: Partial<Record<FrebInputKind, string>> = {
  empty: 'There is nothing in it.',
  'xml-other':
    'This is XML, but not a Failed Request Tracing file: it has no <failedRequest> element and no trace events. FREB files are named fr000001.xml, fr000002.xml and so on.',
  'not-freb':
    'This does not look like a Failed Request Tracing file or a part of one. For log lines, event messages or error pages, use the diagnosis page.',
};

function decodeCode(value: number, text: string, source: string, names: readonly NameSource[]): DecodedCodeView {
  const d = decode(value, names);
  const view: DecodedCodeView = {
    value: d.unsigned,
    hex: d.hex,
    unsigned: d.unsigned,
    signed: d.signed,
    names: d.names,
    slug: d.slug,
    text,
    source,
  };
  if (d.win32 !== undefined) view.win32 = d.win32;
  const meaning = curatedFor(d.unsigned)?.meaning;
  if (meaning) view.meaning = meaning;
  return view;
}

/** Traces up to this many characters are diagnosed whole; longer ones by their key events. */
export const FULL_TEXT_MAX = 256_000;

const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;

export function frebFileReport(name: string, text: string, options: FrebReportOptions = {}): FrebFileReport {
  const names = options.names ?? [curatedNames];
  const summary = summariseFreb(text);
  const report: FrebFileReport = {
    name,
    kind: summary.kind,
    requests: summary.requests.map((r) => ({ ...r, decoded: r.codes.map((c) => decodeCode(c.value, c.text, c.source, names)) })),
    notes: [],
  };
  const message = MESSAGES[summary.kind];
  if (message) report.message = message;
  if (options.truncatedFrom !== undefined && options.truncatedFrom > text.length) {
    report.notes.push(`The file is ${mb(options.truncatedFrom)}; only its first ${mb(text.length)} were read.`);
  }
  if (summary.requests.length === 0) return report;

  if (summary.kind === 'freb-xml' && summary.requests.some((r) => !r.wellFormed)) {
    report.notes.push('The XML is cut off or not well-formed, so it was read element by element; values may be incomplete.');
  }
  const evidence = text.length <= FULL_TEXT_MAX ? text : frebKeyText(text, MAX_INPUT);
  if (evidence.length < text.length) {
    report.notes.push('The trace is large: the diagnosis read its request and failure events, not every event.');
  }
  try {
    const view = toView(evidence, diagnose(evidence, { names }));
    report.diagnosis = { ...view, findings: view.findings.slice(0, options.maxFindings ?? 3) };
  } catch {
    report.notes.push('The diagnosis could not run on this trace.');
  }
  return report;
}
