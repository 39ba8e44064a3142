/**
 * The engine's shared vocabulary. Pure types: no DOM, no Astro, no Node APIs.
 *
 * Flow: raw text -> recognisers (one per input kind) -> Facts with spans ->
 * diagnose() weighs facts (signals, codes, statuses) and walks the decision tree ->
 * ranked Findings plus open Questions.
 */

/** Input kinds, in a stable order. The ids are a public contract (CLI JSON `kinds`). */
export const KINDS = [
  'iis-log',
  'freb',
  'event-log',
  'error-page',
  'stdout-log',
  'ancm-debug-log',
  'web-config',
  'nginx',
  'apache',
  'yarp',
  'cloud-lb',
  'traefik',
  'haproxy',
  'caddy',
  'dotnet-settings',
  'message',
  'code',
  'status',
  'prose',
] as const;
export type Kind = (typeof KINDS)[number];

/** A slice of the input: UTF-16 offsets, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/**
 * What a fact says. The core names are:
 * - `signal`: a named pattern was seen; value is a signal id registered in src/lib/signals/.
 * - `status`: an HTTP status with optional sub-status as text: "502", "502.3", "500.30".
 * - `code`: an error code value seen in context (Win32 code, HRESULT, NTSTATUS, hostfxr code),
 *   as its unsigned 32-bit number: 12002, 2147954402.
 * - `time-taken-ms`: how long the failing request took, in milliseconds, as a log or trace
 *   measured it (IIS time-taken, FREB, an access log's request time).
 * - `stated-duration-ms`: a duration a person wrote in a sentence ("after about a minute",
 *   "exactly 120 seconds", "00:02:00"), in milliseconds. Kept apart from `time-taken-ms` on
 *   purpose: it is rounded ("about a minute"), may describe a setting rather than a request, and
 *   is not tied to one failing request, so the rules that weigh a measured time-taken do not fire
 *   on it; rules written for sentences (src/lib/engine/prose-rules.ts) weigh it, with wider
 *   tolerances and lower weights.
 * - `url`: the request path or URL of the failing request.
 * - `setting`: a configuration value, as "name=value" (e.g. "hostingModel=inprocess",
 *   "requestTimeout=00:02:00", "module=AspNetCoreModule").
 * - `server`: which component produced the evidence (iis, iis-express, azure-app-service, nginx,
 *   apache, yarp, traefik, haproxy, caddy, aws-alb, azure-app-gateway, azure-front-door, kubernetes,
 *   kestrel, envoy; named in a sentence also cloudflare, docker).
 * - `hosting-model`: "in-process" | "out-of-process" when the evidence tells.
 * - `exception`: a .NET exception type name (System.IO.FileNotFoundException).
 * - `timestamp`: an ISO-8601 date/time as written in the evidence.
 * - `placed`: the recogniser read this span as part of its kind (a log header, an XML element,
 *   a line of context) but it carries no other fact. Value: a short label ("#Fields header").
 *   It only keeps the lines out of `Diagnosis.unrecognised` and counts the kind as present.
 * - `word`: a word, or two neighbouring words, that the word model (src/lib/words/) read as a clue
 *   for a cause the recognisers did not name (engine/word-findings.ts). Kind `prose`; value: the
 *   word as read, lower-cased. Thin evidence, like everything the prose reader finds.
 */
export type FactName =
  | 'signal'
  | 'status'
  | 'code'
  | 'time-taken-ms'
  | 'stated-duration-ms'
  | 'url'
  | 'setting'
  | 'server'
  | 'hosting-model'
  | 'exception'
  | 'timestamp'
  | 'placed'
  | 'word';

/** One observation drawn from the input. */
export interface Fact {
  /** The recogniser that produced it. */
  kind: Kind;
  name: FactName;
  value: string | number;
  /** Where the evidence is in the input. */
  span: Span;
}

/** A recogniser finds its kind anywhere in a paste of many lines and mixed kinds. */
export interface Recogniser {
  kind: Kind;
  /**
   * Push every fact of this kind found in `input` into `out` as it is found, and return `out`
   * (called without `out`, start from an empty list). Must run in time linear in the input (no
   * catastrophic regex backtracking) and must not allocate per character. `lines` is the
   * precomputed line index of `input`. A recogniser does not catch its own errors: the engine's
   * failure boundary (engine/run-recogniser.ts) keeps the facts already in `out` and turns the
   * throw into a note naming the kind.
   */
  recognise(input: string, lines: LineIndex, out?: Fact[]): Fact[];
}

/** Start offsets of every line of the input (line i spans starts[i] .. starts[i+1]-1). */
export interface LineIndex {
  starts: number[];
}

/** A registered signal: a named pattern and the causes it points to. */
export interface SignalDef {
  id: string;
  /** Which recogniser emits it. */
  kind: Kind;
  /** Short human label: "nginx: connect() failed (111: Connection refused)". */
  label: string;
  /**
   * Causes this signal points to, with a weight in (0, 1]: 1 = decisive on its own,
   * 0.5 = strong hint, 0.2 = weak hint.
   */
  causes: Record<string, number>;
}

export interface Evidence {
  /** The input text that supports the finding (the fact's span sliced out). */
  text: string;
  span: Span;
  kind: Kind;
  /** What the evidence means, in words: "sc-win32-status 12002 = ERROR_WINHTTP_TIMEOUT". */
  note: string;
  /** The weight (0..1) this evidence added to the finding; 0 for evidence that lowered it. */
  weight?: number;
}

export interface Finding {
  cause: string;
  title: string;
  /** 0..1 */
  confidence: number;
  evidence: Evidence[];
  /** "/causes/<id>/" */
  article: string;
  /** Concrete next steps for this cause in this context. */
  nextSteps: string[];
}

export interface Question {
  /** Decision-tree node id. */
  node: string;
  text: string;
  answers: { id: string; label: string }[];
}

export interface DecodedCode {
  input: string;
  hex: string;
  unsigned: number;
  signed: number;
  win32?: number;
  names: string[];
}

export interface Diagnosis {
  /** Input kinds found, in order of first appearance. */
  kinds: Kind[];
  facts: Fact[];
  codes: DecodedCode[];
  findings: Finding[];
  questions: Question[];
  /** 1-based numbers of non-blank lines no recogniser placed. */
  unrecognised: number[];
  /**
   * What the engine wants the reader to know about the run itself: an input cap that applied,
   * characters that were cleaned, a recogniser that failed. Plain text, never markup.
   */
  notes?: string[];
  /**
   * Set when the evidence comes from another stack (classic ASP.NET, PHP/FastCGI, a static file,
   * URL Rewrite, a client 4xx; see scope.ts): the findings are then only other possibilities.
   */
  outOfScope?: import('./scope.ts').OutOfScope;
  /**
   * Set when there is no finding: says so and what to paste instead (plain text). The widget and
   * the CLI show it.
   */
  pasteHint?: string;
}
