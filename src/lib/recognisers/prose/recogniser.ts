/**
 * The `prose` recogniser: plain sentences and titles people write about a failure ("we get a 504
 * from the load balancer after about a minute", "IIS returns 502.3 after exactly 120 seconds",
 * "random 502s from nginx right after every deploy").
 *
 * It reads only lines that look like sentences (sentence.ts) and emits:
 * - `status` for a 4xx/5xx number in a sentence ("a 504", "502s", "502.3") or a status phrase
 *   ("bad gateway", "gateway time-out", "service unavailable");
 * - `stated-duration-ms` for each duration (durations.ts), weaker than a logged time-taken;
 * - `server` for each named component (IIS, ANCM, ARR, nginx, App Service, ALB, ...);
 * - `signal` `prose.<what>` for triggers (after deploy, under load, large uploads, ...) and a
 *   generic load balancer (vocabulary.ts; weights in src/lib/signals/prose.ts).
 *
 * Everything is evidence in words, so the weights stay low; src/lib/engine/prose-rules.ts combines
 * them (a duration near a component's default timeout is strong). One pass per line: a sentence
 * gate over its characters, then the terms that can begin with the three characters at each word
 * start (first-chars.ts) and one scan for numbers. Where a sentence is hard-wrapped, the end of
 * one line and the start of the next are read once more as one, for what spans the break.
 */
import type { Fact, LineIndex, Recogniser } from '../../engine/types.ts';
import { lineSpan } from '../../engine/lines.ts';
import { findDurations } from './durations.ts';
import { leadingStrings, mayBegin } from './first-chars.ts';
import { MAX_LINE, MIN_LINE, looksLikeProse, proseKind } from './sentence.ts';
import { COMPONENTS, FILE_TERMS, PROSE_STATUSES, STATUS_WORDS, TOPICS, TRIGGERS, WIDE_TERMS } from './vocabulary.ts';
import type { Term } from './vocabulary.ts';
import { isWordUnit } from '../shared/word-units.ts';

const KIND = 'prose' as const;

/** Word edges that also refuse dotted names and paths ("Server.Kestrel", "/etc/nginx/"). */
const BEFORE = '(?<![\\w./\\\\-])';
const AFTER = '(?![\\w-]|\\.\\w)';

/**
 * One vocabulary, tried term by term at word starts: only the terms whose match can begin with
 * the three characters there (first-chars.ts), in vocabulary order; each term's expression is
 * compiled the first time a line needs it. Trying the candidates in order and taking the first
 * match is what one alternation of all the terms would find, at a fraction of the compile and
 * probe cost.
 */
interface Vocabulary {
  terms: readonly Term[];
  flags: string;
  ignoreCase: boolean;
  /** Per term: the strings its matches begin with (undefined: anything). */
  leads: readonly (ReadonlySet<string> | undefined)[];
  /**
   * Candidates per three characters, made when first met. While the second and third are ASCII or
   * past the end of the text (-1): in a row per first two characters (`a * 129 + b + 1`, under
   * 123 * 129 since the first is an ASCII letter), at `c + 1`; by the string otherwise.
   */
  byStart: (Array<readonly number[] | undefined> | undefined)[];
  byRareStart: Map<string, readonly number[]>;
  compiled: (RegExp | undefined)[];
}

function vocabulary(terms: readonly Term[], exact: boolean): Vocabulary {
  const chosen = terms.filter((t) => Boolean(t.exact) === exact);
  return {
    terms: chosen,
    flags: exact ? 'y' : 'iy',
    ignoreCase: !exact,
    leads: chosen.map((t) => leadingStrings(t.pattern, !exact)),
    byStart: new Array<Array<readonly number[] | undefined> | undefined>(123 * 129).fill(undefined),
    byRareStart: new Map(),
    compiled: [],
  };
}

/** The terms that can match at a word start whose first characters are `a`, `b` and `c` (-1: none). */
function candidates(v: Vocabulary, a: number, b: number, c: number): readonly number[] {
  if (v.ignoreCase) {
    if (a >= 65 && a <= 90) a += 32;
    if (b >= 65 && b <= 90) b += 32;
    if (c >= 65 && c <= 90) c += 32;
  }
  // Word starts are ASCII letters (readTerms), so the row index stays under 123 * 129.
  const row = b < 128 && c < 128 ? (v.byStart[a * 129 + b + 1] ??= new Array<readonly number[] | undefined>(129).fill(undefined)) : undefined;
  const start = row ? undefined : String.fromCharCode(a, b) + (c < 0 ? '' : String.fromCharCode(c));
  const known = row ? row[c + 1] : v.byRareStart.get(start as string);
  if (known) return known;
  const text = start ?? String.fromCharCode(a) + (b < 0 ? '' : String.fromCharCode(b)) + (b < 0 || c < 0 ? '' : String.fromCharCode(c));
  const list: number[] = [];
  for (let k = 0; k < v.terms.length; k++) {
    const leads = v.leads[k];
    if (!leads || mayBegin(leads, text)) list.push(k);
  }
  if (row) row[c + 1] = list;
  else v.byRareStart.set(start as string, list);
  return list;
}

function termAt(v: Vocabulary, k: number): RegExp {
  // Sticky: tried only at word starts (see readTerms), which is much cheaper than a scan.
  return (v.compiled[k] ??= new RegExp(`(?:${v.terms[k]!.pattern})${AFTER}`, v.flags));
}

const VOCABULARY: readonly Vocabulary[] = [
  vocabulary(COMPONENTS, false),
  vocabulary(COMPONENTS, true),
  vocabulary(TRIGGERS, false),
  vocabulary(TOPICS, false),
];
const STATUS_WORD_RE = new RegExp(`${BEFORE}(?:${STATUS_WORDS.map((w) => `(${w.pattern})`).join('|')})${AFTER}`, 'gi');

/**
 * A 4xx/5xx number in a sentence: "502", "502s", "502.3", "500.30", "HTTP 502". Not when a unit
 * or count follows ("500 ms", "500 requests", "502 MB", "400+ threads") or it is part of a longer token
 * ("v502", "1.502", "502-3", "port 5020").
 */
const STATUS_NUMBER =
  /(?<![\w.,:/#$-])([45]\d\d)(?:\.(\d{1,2}))?(?:s|'s)?(?![\w]|\.\d|\+|[ \t]?(?:%|ms\b|milliseconds?\b|sec(?:ond)?s?\b|min(?:ute)?s?\b|h(?:ou)?rs?\b|[kmg]i?b\b|bytes?\b|requests?\b|users?\b|connections?\b|rps\b|req\b|times\b|items\b|rows\b|records\b|lines\b|ports?\b|threads?\b|calls\b))/gi;

/** Cheap tests that skip the status scans a line cannot satisfy. */
const HAS_4XX_5XX = /[45]\d\d/;
const HAS_STATUS_WORD = /gateway|unavailable|server error/i;

function push(facts: Fact[], name: Fact['name'], value: string | number, start: number, end: number): void {
  facts.push({ kind: KIND, name, value, span: { start, end } });
}

/** Word starts of the line being read (readProseLine fills it once for every vocabulary). */
let wordStarts = new Int32Array(256);

/** Whether a dot after this character starts a word: after a space, a bracket or a quote. */
function isLeadingDot(before: number): boolean {
  return before === 32 || before === 9 || before === 40 || before === 91 || before === 34 || before === 39 || before === 0x201c || before === 0x2018;
}

/**
 * Word starts: a letter not preceded by a word character, a dot, a slash, a backslash or a dash;
 * a dot that itself starts a word (".NET") does not count against the letter after it.
 * Written into `wordStarts`; returns their number.
 */
function findWordStarts(text: string): number {
  if (wordStarts.length < text.length) wordStarts = new Int32Array(Math.max(text.length, 2 * wordStarts.length));
  const starts = wordStarts;
  let n = 0;
  let before = 32;
  let prev = 32;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (((ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122)) && !(isWordUnit(prev) || prev === 47 || prev === 92 || prev === 45 || (prev === 46 && i > 1 && !isLeadingDot(before)))) {
      starts[n++] = i;
    }
    before = prev;
    prev = ch;
  }
  return n;
}

/**
 * Every vocabulary's candidate terms for a word start whose first characters are `a`, `b` and `c`
 * (-1: none), as `vocabulary index << 16 | term index`, vocabularies in order: one look-up per
 * word start instead of one per vocabulary. Made when first met, like `candidates`.
 */
const allByStart = new Array<Array<readonly number[] | undefined> | undefined>(123 * 129).fill(undefined);
const allByRareStart = new Map<string, readonly number[]>();

function allCandidates(a: number, b: number, c: number): readonly number[] {
  const row = b < 128 && c < 128 ? (allByStart[a * 129 + b + 1] ??= new Array<readonly number[] | undefined>(129).fill(undefined)) : undefined;
  const key = row ? undefined : String.fromCharCode(a, b) + (c < 0 ? '' : String.fromCharCode(c));
  const known = row ? row[c + 1] : allByRareStart.get(key as string);
  if (known) return known;
  const list: number[] = [];
  VOCABULARY.forEach((v, vi) => {
    for (const k of candidates(v, a, b, c)) list.push((vi << 16) | k);
  });
  if (row) row[c + 1] = list;
  else allByRareStart.set(key as string, list);
  return list;
}

/** Where each vocabulary may match next (a match skips the word starts inside it), per line read. */
const nextOf = new Int32Array(8);

/**
 * The vocabularies' terms at the `count` word starts in `wordStarts`, all vocabularies in one pass:
 * at each start, each vocabulary's first term that matches there (a match skips, for that
 * vocabulary, the word starts inside it).
 */
function readTerms(text: string, at: number, count: number, facts: Fact[]): void {
  const starts = wordStarts;
  nextOf.fill(0);
  for (let w = 0; w < count; w++) {
    const i = starts[w] as number;
    const ch = text.charCodeAt(i);
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
    const list = allCandidates(ch, b, b >= 0 && i + 2 < text.length ? text.charCodeAt(i + 2) : -1);
    let tried = 0; // vocabularies whose term at this start is settled
    for (let e = 0; e < list.length; e++) {
      const entry = list[e] as number;
      const vi = entry >>> 16;
      if ((tried & (1 << vi)) !== 0 || i < (nextOf[vi] as number)) continue;
      const v = VOCABULARY[vi] as Vocabulary;
      const k = entry & 0xffff;
      const re = termAt(v, k);
      re.lastIndex = i;
      if (!re.test(text)) continue;
      tried |= 1 << vi;
      const length = re.lastIndex - i;
      const term = v.terms[k];
      if (length <= 0 || !term) continue;
      const start = at + i;
      const end = start + length;
      if (term.server) push(facts, 'server', term.server, start, end);
      if (term.signal) push(facts, 'signal', term.signal, start, end);
      nextOf[vi] = i + length;
    }
  }
}

function readStatuses(text: string, at: number, facts: Fact[]): void {
  let numbers: Set<string> | undefined; // made for the first number found
  STATUS_NUMBER.lastIndex = 0;
  for (let m = HAS_4XX_5XX.test(text) ? STATUS_NUMBER.exec(text) : null; m; m = STATUS_NUMBER.exec(text)) {
    const status = Number(m[1]);
    if (!PROSE_STATUSES.has(status)) continue;
    const value = m[2] === undefined ? String(status) : `${status}.${Number(m[2])}`;
    const token = m[2] === undefined ? (m[1] as string) : `${m[1]}.${m[2]}`;
    (numbers ??= new Set()).add(String(status));
    push(facts, 'status', value, at + m.index, at + m.index + token.length);
  }
  STATUS_WORD_RE.lastIndex = 0;
  for (let m = HAS_STATUS_WORD.test(text) ? STATUS_WORD_RE.exec(text) : null; m; m = STATUS_WORD_RE.exec(text)) {
    let i = 1;
    while (i < m.length && m[i] === undefined) i++;
    const word = STATUS_WORDS[i - 1];
    // "502 Bad Gateway": the number already says it.
    if (!word || numbers?.has(word.status)) continue;
    push(facts, 'status', word.status, at + m.index, at + m.index + m[0].length);
  }
}

/** Kana, CJK ideographs or Hangul: a line that may hold WIDE_TERMS. */
const HAS_WIDE = /[\u3040-\u9fff\uac00-\ud7a3]/;
let wideTerms: RegExp | undefined;

/** Terms of scripts without spaces between words, anywhere in the line (vocabulary.ts WIDE_TERMS). */
function readWideTerms(text: string, at: number, facts: Fact[]): void {
  if (!HAS_WIDE.test(text)) return;
  const re = (wideTerms ??= new RegExp(WIDE_TERMS.map((t) => `(${t.pattern})`).join('|'), 'g'));
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let i = 1;
    while (i < m.length && m[i] === undefined) i++;
    const term = WIDE_TERMS[i - 1];
    if (term?.signal) push(facts, 'signal', term.signal, at + m.index, at + m.index + m[0].length);
  }
}

/** A character of a file name (letters, digits, `_`, `-`, `.`). */
const isFileNameChar = (c: number): boolean => isWordUnit(c) || c === 45 || c === 46;

/** Files named by their own name (vocabulary.ts FILE_TERMS), all needles in one expression. */
const FILE_RE = new RegExp(FILE_TERMS.map((t) => t.needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
const FILE_SIGNAL: ReadonlyMap<string, string> = new Map(FILE_TERMS.map((t) => [t.needle, t.signal]));

function readFileTerms(text: string, at: number, facts: Fact[]): void {
  if (text.indexOf('.') < 0) return;
  FILE_RE.lastIndex = 0;
  for (let m = FILE_RE.exec(text); m; m = FILE_RE.exec(text)) {
    const signal = FILE_SIGNAL.get(m[0].toLowerCase());
    if (!signal) continue;
    let start = m.index;
    while (start > 0 && isFileNameChar(text.charCodeAt(start - 1))) start--;
    let end = m.index + m[0].length;
    while (end < text.length && isFileNameChar(text.charCodeAt(end)) && !(text.charCodeAt(end) === 46 && !isWordUnit(text.charCodeAt(end + 1)))) end++;
    push(facts, 'signal', signal, at + start, at + end);
  }
}

/** Read one line of prose; `at` is the line's offset in the input. Exported for tests. */
export function readProseLine(text: string, at = 0): Fact[] {
  return looksLikeProse(text) ? readProse(text, at) : [];
}

/** The facts of a line already known to be prose. */
function readProse(text: string, at: number): Fact[] {
  const facts: Fact[] = [];
  readStatuses(text, at, facts);
  for (const d of findDurations(text)) push(facts, 'stated-duration-ms', d.ms, at + d.start, at + d.end);
  const count = findWordStarts(text);
  readTerms(text, at, count, facts);
  readWideTerms(text, at, facts);
  readFileTerms(text, at, facts);
  return facts.length < 2 ? facts : facts.sort((a, b) => a.span.start - b.span.start);
}

/** Characters read on either side of a line break that wraps a sentence. */
const WRAP_REACH = 32;
/** A line that ends a sentence or a clause: what follows starts afresh. */
const ENDS_SENTENCE = /[.!?:;。！？：]["'”’)\]]*[ \t]*$/;

/**
 * Terms, statuses and durations that a hard-wrapped sentence splits over two lines ("the ALB that
 * had the TLSv1.2" / "policy applied"): the end of one prose line and the start of the next are
 * read as one, with the line break as a blank, and only what spans the break is kept (each line's
 * own facts came from reading it alone). Offsets stay those of the paste.
 */
function readAcrossBreak(input: string, prev: { start: number; end: number }, next: { start: number; end: number }): Fact[] {
  if (ENDS_SENTENCE.test(input.slice(Math.max(prev.start, prev.end - 8), prev.end))) return [];
  const from = Math.max(prev.start, prev.end - WRAP_REACH);
  const to = Math.min(next.end, next.start + WRAP_REACH);
  // The break (\n or \r\n) becomes one blank; offsets after it shift back by the extra character.
  const gap = next.start - prev.end;
  const joined = `${input.slice(from, prev.end)} ${input.slice(next.start, to)}`;
  const shift = gap - 1;
  const out: Fact[] = [];
  for (const f of readProse(joined, 0)) {
    const a = f.span.start + from + (f.span.start > prev.end - from ? shift : 0);
    const b = f.span.end + from + (f.span.end > prev.end - from ? shift : 0);
    if (a < prev.end && b > next.start) out.push({ ...f, span: { start: a, end: b } });
  }
  return out;
}

export const recogniser: Recogniser = {
  kind: KIND,
  recognise(input: string, lines: LineIndex): Fact[] {
    const facts: Fact[] = [];
    let prev: { start: number; end: number } | undefined;
    for (let n = 1; n <= lines.starts.length; n++) {
      const { start, end } = lineSpan(input, lines, n);
      // A line of another length is not prose (looksLikeProse): not even cut out of the paste.
      if (end - start < MIN_LINE || end - start > MAX_LINE) {
        prev = undefined;
        continue;
      }
      const text = input.slice(start, end);
      const line = { start, end };
      const kind = proseKind(text);
      // A short last piece of a wrapped sentence ("policy applied.") is read only where it joins.
      if (prev && kind !== undefined) for (const f of readAcrossBreak(input, prev, line)) facts.push(f);
      if (kind === 'sentence') for (const f of readProse(text, start)) facts.push(f);
      prev = kind === 'sentence' ? line : undefined;
    }
    return facts;
  },
};
