/**
 * The real corpus: evidence people posted in public threads, one file per paste, each with the
 * cause the thread confirmed. Read by the vitest case runner (tests/engine/real-case-files.ts)
 * and by the corpus bench (scripts/bench-corpus.mjs), so this module imports nothing from vitest
 * and nothing from the engine.
 *
 * A file starts with a header block, then the evidence exactly as posted (wrapping, spacing,
 * translation and line ends kept):
 *
 *   # source: <URL of the thread>
 *   # expect: <cause-id>          the cause that must come out on top
 *   # expect-top2: <cause-id>     (instead of expect) the evidence alone is ambiguous; the cause
 *                                 must be one of the first two findings
 *   # kind: <form>                what the paste is (KINDS below)
 *   # evidence: strong|thin       strong: the paste carries what decides the cause; thin: a bare
 *                                 status, a vague sentence, a title without specifics
 *   # part: learning              optional: force the case into the learning part
 *   # pending: <reason>           optional (learning cases): the engine misses it today; skipped,
 *                                 and a separate test fails once it passes
 *   # reviewed: <YYYY-MM-DD>      held-out cases only: the case was held out at a held-out review
 *                                 on that date and the engine had it right (see below)
 *
 * Only the leading block of `# ` lines is the header; later `#` lines are evidence (IIS logs
 * start with `#Fields:` and `#Software:`).
 *
 * The split: a case is in the learning part when its header says `# part: learning`, or when the
 * FNV-1a 32-bit hash of its source URL is 0-6 modulo 10; otherwise it is held out. All pastes of
 * one thread share a URL and so a part: when one paste of a thread is forced into learning (it was
 * tuned on), `readCorpus` puts every paste of that thread there too. Held-out cases are never
 * diagnosed one by one where a person could read the answer: the tests only check that their
 * files are well-formed, and the bench prints only aggregate rates for them.
 *
 * A held-out review (issue 10) happens between rounds of engine work, while the engine is frozen:
 * the held-out cases the engine does not get right first are looked at, and so move to learning
 * (`# part: learning`). The ones it got right stay held out, marked `# reviewed: <date>`. They were
 * kept because they were right, so rates over them flatter the engine; the bench prints the
 * held-out part as a whole and, separately, the cases no review has selected ("fresh").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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
  'title',
  'message-line',
  'exception',
  'console',
  'sentence',
  'status',
  'mixed',
] as const;

export type CaseKind = (typeof KINDS)[number];
export type Part = 'learning' | 'held-out';

export interface RealCase {
  /** File name, relative to its folder. */
  file: string;
  source: string;
  expect: string;
  top: 1 | 2;
  /** '' when the header lacks it (the file check reports that). */
  kind: string;
  /** '' when the header lacks it (the file check reports that). */
  evidence: string;
  /** True when the header forces the case into the learning part. */
  forcedLearning: boolean;
  part: Part;
  pending?: string;
  /** The date of the held-out review this held-out case survived (right first then), if any. */
  reviewed?: string;
  text: string;
  /** Header lines that are not understood (the file check reports them). */
  badHeader: string[];
}

const HEADER = /^# (source|expect|expect-top2|kind|evidence|part|pending|reviewed):[ \t]?(.*)$/;

/** FNV-1a, 32 bits, over the UTF-16 code units of `s` (URLs are ASCII). */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A held-out case no review has selected: the unbiased part of the corpus ("fresh"). */
export function isFresh(c: Pick<RealCase, 'part' | 'reviewed'>): boolean {
  return c.part === 'held-out' && c.reviewed === undefined;
}

/** The part a thread's pastes fall in when nothing forces them. */
export function partOfSource(url: string): Part {
  return fnv1a32(url) % 10 < 7 ? 'learning' : 'held-out';
}

export function parseCase(file: string, raw: string): RealCase {
  const lines = raw.split('\n');
  const c: RealCase = {
    file,
    source: '',
    expect: '',
    top: 1,
    kind: '',
    evidence: '',
    forcedLearning: false,
    part: 'learning',
    text: '',
    badHeader: [],
  };
  let i = 0;
  for (; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    const m = HEADER.exec(line);
    if (!m) break;
    const value = (m[2] ?? '').trim();
    switch (m[1]) {
      case 'source':
        c.source = value;
        break;
      case 'pending':
        c.pending = value;
        break;
      case 'reviewed':
        c.reviewed = value;
        break;
      case 'kind':
        c.kind = value;
        break;
      case 'evidence':
        c.evidence = value;
        break;
      case 'part':
        if (value === 'learning') c.forcedLearning = true;
        else c.badHeader.push(line);
        break;
      default:
        c.expect = value;
        c.top = m[1] === 'expect' ? 1 : 2;
    }
  }
  c.part = c.forcedLearning ? 'learning' : partOfSource(c.source);
  c.text = lines.slice(i).join('\n');
  return c;
}

export function readCases(dir: string): RealCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseCase(f, readFileSync(join(dir, f), 'utf8')));
}

/**
 * Every case of the given folders, with the split applied across them: a thread with one case
 * forced into learning has all its cases in learning. `dir` is the folder each case came from.
 */
export function readCorpus(dirs: readonly string[]): (RealCase & { dir: string })[] {
  const cases = dirs.flatMap((dir) => readCases(dir).map((c) => ({ ...c, dir })));
  const forced = new Set(cases.filter((c) => c.forcedLearning).map((c) => c.source));
  for (const c of cases) if (forced.has(c.source)) c.part = 'learning';
  return cases;
}

/** Everything wrong with one case file's header and body; empty when it is well-formed. */
export function caseFileProblems(c: RealCase, isCauseId: (id: string) => boolean): string[] {
  const out: string[] = [];
  if (!/^https?:\/\/\S+$/.test(c.source)) out.push(`# source is not a URL: "${c.source}"`);
  if (!isCauseId(c.expect)) out.push(`# expect names no agreed cause id: "${c.expect}"`);
  if (!(KINDS as readonly string[]).includes(c.kind)) out.push(`# kind is not one of ${KINDS.join(', ')}: "${c.kind}"`);
  if (c.evidence !== 'strong' && c.evidence !== 'thin') out.push(`# evidence is neither strong nor thin: "${c.evidence}"`);
  if (c.pending !== undefined && c.pending === '') out.push('# pending gives no reason');
  if (c.pending !== undefined && c.part === 'held-out') out.push('# pending on a held-out case (held-out cases are not run one by one)');
  if (c.reviewed !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(c.reviewed)) out.push(`# reviewed is not a date (YYYY-MM-DD): "${c.reviewed}"`);
  if (c.reviewed !== undefined && c.part === 'learning') out.push('# reviewed on a learning case (only held-out cases that stayed held out carry it)');
  for (const h of c.badHeader) out.push(`header line not understood: "${h}"`);
  if (c.text.trim() === '') out.push('no evidence after the header');
  return out;
}
