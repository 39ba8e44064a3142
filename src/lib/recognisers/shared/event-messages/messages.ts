/**
 * The message matcher behind the event-log recogniser (and the event copies in the ANCM debug
 * log). Phrase specs (recognisers/shared/event-messages/ancm.ts, recognisers/shared/event-messages/windows.ts) are searched in a compact view of
 * the text (whitespace removed, XML references decoded), so messages match whether they were
 * copied from the General tab, the XML view, Get-WinEvent or a forum post that wrapped them.
 *
 * Each phrase match becomes a MessageHit: a signal (optional), the facts read from the message
 * (codes, settings, exception names, hosting model, server) and, for "captured stdout" markers,
 * the place where embedded output starts. Values are read from the input at the mapped offset.
 */
import type { FactName } from '../../../engine/types.ts';
import type { TextView } from './text.ts';
import { endToInput, escapeRegExp, toInput } from './text.ts';

export type HostingModel = 'in-process' | 'out-of-process';

export interface HitFact {
  name: FactName;
  value: string | number;
  start: number;
  end: number;
}

export interface MessageHit {
  /** Input offsets of the evidence (the message line around the phrase). */
  start: number;
  end: number;
  /** The phrase that matched, in input offsets. */
  phraseStart: number;
  phraseEnd: number;
  /** Starts a new message (as opposed to detail inside one). */
  lead: boolean;
  signal?: string;
  facts: HitFact[];
  /** Embedded program output follows from here (input offset). */
  captured?: number;
}

export interface SpecContext {
  input: string;
  view: TextView;
  /** View indices of the phrase. */
  start: number;
  end: number;
  /** View index bounds for looking around the phrase (next / previous message). */
  windowStart: number;
  windowEnd: number;
  hit: MessageHit;
  /** First match of `re` in the view after the phrase (within the window): view indices. */
  after(re: RegExp, from?: number): { start: number; end: number; match: RegExpExecArray } | undefined;
  /** Last match of `re` in the view before the phrase (within the window). */
  before(re: RegExp): { start: number; end: number; match: RegExpExecArray } | undefined;
  /** Input offset of a view index. */
  at(i: number): number;
  fact(name: FactName, value: string | number, start: number, end: number): void;
}

export interface Spec {
  /** Signal id (full, e.g. "event-log.ancm-port-bind-failed"); extract() may change it. */
  signal?: string;
  /** Literal phrases (whitespace is ignored) or RegExps over the compact view. */
  phrases: readonly (string | RegExp)[];
  lead: boolean;
  hosting?: HostingModel;
  server?: string;
  /** Embedded output follows this phrase. */
  marker?: boolean;
  extract?: (ctx: SpecContext) => void;
}

/** How far (view characters) a message's values are looked for after / before its phrase. */
export const LOOK_AHEAD = 1500;
export const LOOK_BEHIND = 600;

interface Found {
  spec: Spec;
  start: number;
  end: number;
  /** Position of the phrase in the spec list: orders hits of equal span as the list does. */
  order: number;
}

/** A literal phrase, lower-cased and without whitespace, and the spec it belongs to. */
interface Literal {
  spec: Spec;
  text: string;
  order: number;
}

interface Compiled {
  /** Literal phrases by the code of their first character. */
  literals: Map<number, Literal[]>;
  /** Every literal phrase as one alternation (global), to find where any of them starts. */
  anyLiteral: RegExp | undefined;
  /** The same phrases as case-insensitive RegExps, for views whose lower-case form changes length. */
  literalRes: Searched[];
  /** Phrases given as RegExps. */
  patterns: Searched[];
  /**
   * The same phrases split for a text without U+0130, U+212A or U+03A3 (findLiterals): the ASCII
   * ones by first character and as one case-insensitive alternation run on the text itself, the
   * others likewise over the lower-cased text, each with a code unit any lower-cased match holds.
   */
  ascii: LiteralGroup;
  /** Phrases of caseless characters only (CJK, kana, Hangul, their punctuation): found in the text as they are. */
  caseless: LiteralGroup;
  wide: LiteralGroup & { units: number[] };
}

interface LiteralGroup {
  literals: Map<number, Literal[]>;
  any: RegExp | undefined;
}

interface Searched {
  spec: Spec;
  re: RegExp;
  order: number;
}

function compileSpecs(specs: readonly Spec[]): Compiled {
  const literals = new Map<number, Literal[]>();
  const literalRes: Searched[] = [];
  const patterns: Searched[] = [];
  const sources = new Set<string>();
  const newGroup = () => ({ literals: new Map<number, Literal[]>(), sources: new Set<string>() });
  const groups = { ascii: newGroup(), caseless: newGroup(), wide: newGroup() };
  const wideUnits: number[] = [];
  let order = 0;
  for (const spec of specs) {
    for (const p of spec.phrases) {
      order++;
      if (typeof p !== 'string') {
        patterns.push({ spec, re: new RegExp(p.source, p.flags.includes('g') ? p.flags : `${p.flags}g`), order });
        continue;
      }
      const compact = p.replace(/\s+/g, '');
      if (compact.length === 0) continue;
      const text = compact.toLowerCase();
      const first = text.charCodeAt(0);
      let bucket = literals.get(first);
      if (!bucket) literals.set(first, (bucket = []));
      bucket.push({ spec, text, order });
      sources.add(escapeRegExp(text));
      const isAscii = /^[\x00-\x7f]*$/.test(text);
      const isCaseless = !isAscii && [...text].every((ch) => isCaselessUnit(ch.charCodeAt(0)));
      const group = isAscii ? groups.ascii : isCaseless ? groups.caseless : groups.wide;
      let own = group.literals.get(first);
      if (!own) group.literals.set(first, (own = []));
      own.push({ spec, text, order });
      group.sources.add(escapeRegExp(text));
      if (!isAscii && !isCaseless) wideUnits.push(text.charCodeAt(text.search(/[^\x00-\x7f]/)));
      literalRes.push({ spec, re: new RegExp(escapeRegExp(compact), 'gi'), order });
    }
  }
  const anyLiteral = sources.size > 0 ? new RegExp([...sources].join('|'), 'g') : undefined;
  const alternation = (set: Set<string>, flags: string): RegExp | undefined => (set.size > 0 ? new RegExp([...set].join('|'), flags) : undefined);
  return {
    literals,
    anyLiteral,
    literalRes,
    patterns,
    ascii: { literals: groups.ascii.literals, any: alternation(groups.ascii.sources, 'gi') },
    caseless: { literals: groups.caseless.literals, any: alternation(groups.caseless.sources, 'g') },
    wide: { literals: groups.wide.literals, any: alternation(groups.wide.sources, 'g'), units: wideUnits },
  };
}

const clones = new Map<string, RegExp>();

/** A copy of `re` with the given global-ness, cached (specs reuse a handful of patterns). */
function cloneRe(re: RegExp, global: boolean): RegExp {
  const flags = re.flags.replace(/[gy]/g, '') + (global ? 'g' : '');
  const key = `${flags}/${re.source}`;
  let c = clones.get(key);
  if (!c) clones.set(key, (c = new RegExp(re.source, flags)));
  c.lastIndex = 0;
  return c;
}

const compiled = new WeakMap<readonly Spec[], Compiled>();

function compiledFor(specs: readonly Spec[]): Compiled {
  let c = compiled.get(specs);
  if (!c) compiled.set(specs, (c = compileSpecs(specs)));
  return c;
}

/** Every match of every `{ spec, re }` in `text`, each RegExp on its own (matches may overlap). */
function findEach(text: string, res: readonly Searched[], found: Found[]): void {
  for (const { spec, re, order } of res) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      found.push({ spec, start: m.index, end: m.index + m[0].length, order });
    }
  }
}

/**
 * Every occurrence of every literal phrase, case-insensitively, as if each phrase were searched
 * on its own: one pass of the combined alternation finds where some phrase starts (stepping one
 * character at a time past a hit, so phrases that overlap are all seen), then each phrase with
 * that first character is checked there. A phrase is not found again inside its own last match.
 */
function findLiterals(text: string, c: Compiled, found: Found[]): void {
  const any = c.anyLiteral;
  if (!any) return;
  if (!LOWER_CASE_CONTEXT.test(text)) {
    // Lower-casing keeps every other character's length, turns no other character into ASCII
    // (see LOWER_CASE_CONTEXT) and depends on the character alone: an ASCII phrase is in the
    // lower-cased text where it is in the text itself with ASCII letters in either case, which one
    // case-insensitive alternation over the text finds without making the lower-cased copy. The
    // other phrases need that copy only when the text holds a character that lower-cases to a
    // code unit they hold; phrases of caseless characters are in the lower-cased text where
    // they are in the text itself.
    scanLiterals(text, text, c.ascii, true, found);
    scanLiterals(text, text, c.caseless, false, found);
    if (c.wide.any && c.wide.units.some((u) => mayLowerTo(text, u))) scanLiterals(text.toLowerCase(), text, c.wide, false, found);
    return;
  }
  const lower = text.toLowerCase();
  if (lower.length !== text.length) {
    // A character whose lower-case form has another length: offsets would not line up.
    findEach(text, c.literalRes, found);
    return;
  }
  const lastEnd = new Map<Literal, number>();
  any.lastIndex = 0;
  for (let m = any.exec(lower); m; m = any.exec(lower)) {
    const at = m.index;
    for (const lit of c.literals.get(lower.charCodeAt(at)) ?? []) {
      if ((lastEnd.get(lit) ?? -1) > at || !lower.startsWith(lit.text, at)) continue;
      lastEnd.set(lit, at + lit.text.length);
      found.push({ spec: lit.spec, start: at, end: at + lit.text.length, order: lit.order });
    }
    any.lastIndex = at + 1;
  }
}

/**
 * U+0130 lower-cases to two characters, U+212A (Kelvin) to an ASCII "k", and U+03A3 (sigma) to
 * one of two letters depending on its neighbours: the only characters for which lower-casing a
 * string is not lower-casing each character to one non-ASCII character or one ASCII one from ASCII.
 */
const LOWER_CASE_CONTEXT = /[\u0130\u212a\u03a3]/;

/** The phrases of `group` in `searched` (the text, or its lower-cased copy when not `asciiCase`). */
function scanLiterals(searched: string, text: string, group: LiteralGroup, asciiCase: boolean, found: Found[]): void {
  const any = group.any;
  if (!any) return;
  const lastEnd = new Map<Literal, number>();
  any.lastIndex = 0;
  for (let m = any.exec(searched); m; m = any.exec(searched)) {
    const at = m.index;
    let first = searched.charCodeAt(at);
    if (asciiCase && first >= 65 && first <= 90) first += 32;
    for (const lit of group.literals.get(first) ?? []) {
      if ((lastEnd.get(lit) ?? -1) > at || !(asciiCase ? startsWithAsciiCase(text, lit.text, at) : searched.startsWith(lit.text, at))) continue;
      lastEnd.set(lit, at + lit.text.length);
      found.push({ spec: lit.spec, start: at, end: at + lit.text.length, order: lit.order });
    }
    any.lastIndex = at + 1;
  }
}

/** Does `text` at `at` read `lower` (ASCII, lower case) with its ASCII letters in either case? */
function startsWithAsciiCase(text: string, lower: string, at: number): boolean {
  if (at + lower.length > text.length) return false;
  for (let j = 0; j < lower.length; j++) {
    let ch = text.charCodeAt(at + j);
    if (ch >= 65 && ch <= 90) ch += 32;
    if (ch !== lower.charCodeAt(j)) return false;
  }
  return true;
}

/**
 * Characters with no case that no other character lower-cases to (checked against every code
 * unit): CJK symbols and punctuation, kana, CJK ideographs, Hangul syllables, and the full-width
 * forms other than letters. ASCII characters other than letters are caseless too. Exported for
 * the test that checks this against every code unit.
 */
export function isCaselessUnit(u: number): boolean {
  if (u < 128) return !((u >= 65 && u <= 90) || (u >= 97 && u <= 122));
  return (
    (u >= 0x3000 && u <= 0x30ff) || (u >= 0x3400 && u <= 0x4dbf) || (u >= 0x4e00 && u <= 0x9fff) || (u >= 0xac00 && u <= 0xd7a3) ||
    (u >= 0xff01 && u <= 0xff20) || (u >= 0xff3b && u <= 0xff40) || (u >= 0xff5b && u <= 0xff65)
  );
}

/** The code units (not surrogates) whose lower-case form is `unit`, per unit, made when first asked. */
const lowerSources = new Map<number, string[]>();

/** May the lower-cased `text` hold `unit`? (A text without LOWER_CASE_CONTEXT characters.) */
function mayLowerTo(text: string, unit: number): boolean {
  if (unit >= 0xd800 && unit <= 0xdfff) return true;
  // Kana, CJK ideographs and Hangul have no case, and nothing lower-cases to them.
  if ((unit >= 0x3040 && unit <= 0x30ff) || (unit >= 0x3400 && unit <= 0x4dbf) || (unit >= 0x4e00 && unit <= 0x9fff) || (unit >= 0xac00 && unit <= 0xd7a3)) {
    return text.includes(String.fromCharCode(unit));
  }
  let sources = lowerSources.get(unit);
  if (!sources) {
    sources = [];
    const target = String.fromCharCode(unit);
    for (let u = 0; u < 0x10000; u++) if ((u < 0xd800 || u > 0xdfff) && String.fromCharCode(u).toLowerCase() === target) sources.push(String.fromCharCode(u));
    lowerSources.set(unit, sources);
  }
  return sources.some((s) => text.includes(s));
}

/**
 * The evidence span for a phrase: its line (or, in XML, its element's text), clipped to a
 * readable length, without indentation.
 */
export function lineAround(input: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  const sFloor = Math.max(0, start - 300);
  for (; s > sFloor; s--) {
    const c = input.charCodeAt(s - 1);
    if (c === 10 || c === 13 || c === 62 /* > */) break;
  }
  let e = end;
  const eCeil = Math.min(input.length, end + 500);
  for (; e < eCeil; e++) {
    const c = input.charCodeAt(e);
    if (c === 10 || c === 13 || c === 60 /* < */) break;
  }
  while (s < start && (input.charCodeAt(s) === 32 || input.charCodeAt(s) === 9)) s++;
  while (e > end && (input.charCodeAt(e - 1) === 32 || input.charCodeAt(e - 1) === 9)) e--;
  return { start: s, end: e };
}

/**
 * Run `specs` over the view. Hits come back sorted by position. Linear in the view for each
 * phrase; lookups around a phrase are bounded by LOOK_AHEAD / LOOK_BEHIND.
 */
export function matchMessages(view: TextView, input: string, specs: readonly Spec[]): MessageHit[] {
  const found: Found[] = [];
  const text = view.text;
  const c = compiledFor(specs);
  findLiterals(text, c, found);
  findEach(text, c.patterns, found);
  found.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);

  // Window bounds: the next lead phrase after, the previous lead phrase before.
  const leadStarts: number[] = [];
  const leadEnds: number[] = [];
  for (const f of found)
    if (f.spec.lead) {
      leadStarts.push(f.start);
      leadEnds.push(f.end);
    }

  const hits: MessageHit[] = [];
  let li = 0;
  for (const f of found) {
    while (li < leadStarts.length && (leadStarts[li] as number) <= f.start) li++;
    const nextLead = li < leadStarts.length ? (leadStarts[li] as number) : text.length;
    // The previous lead other than this phrase itself.
    let prev = li - 1;
    while (prev >= 0 && (leadStarts[prev] as number) >= f.start) prev--;
    const prevLeadEnd = prev >= 0 ? (leadEnds[prev] as number) : 0;
    const windowEnd = Math.min(text.length, f.end + LOOK_AHEAD, Math.max(nextLead, f.end));
    const windowStart = Math.max(0, f.start - LOOK_BEHIND, Math.min(prevLeadEnd, f.start));
    const phraseStart = toInput(view, f.start);
    const phraseEnd = endToInput(view, f.end);
    const line = lineAround(input, phraseStart, phraseEnd);
    const hit: MessageHit = { start: line.start, end: line.end, phraseStart, phraseEnd, lead: f.spec.lead, facts: [] };
    if (f.spec.signal) hit.signal = f.spec.signal;
    if (f.spec.hosting) hit.facts.push({ name: 'hosting-model', value: f.spec.hosting, start: phraseStart, end: phraseEnd });
    if (f.spec.server) hit.facts.push({ name: 'server', value: f.spec.server, start: phraseStart, end: phraseEnd });
    if (f.spec.marker) hit.captured = phraseEnd;
    if (f.spec.extract) {
      const ctx: SpecContext = {
        input,
        view,
        start: f.start,
        end: f.end,
        windowStart,
        windowEnd,
        hit,
        after(re, from = f.end) {
          if (from >= windowEnd) return undefined;
          const slice = text.slice(from, windowEnd);
          const m = cloneRe(re, false).exec(slice);
          return m ? { start: from + m.index, end: from + m.index + m[0].length, match: m } : undefined;
        },
        before(re) {
          if (windowStart >= f.start) return undefined;
          const slice = text.slice(windowStart, f.start);
          const r = cloneRe(re, true);
          let last: RegExpExecArray | undefined;
          for (let m = r.exec(slice); m; m = r.exec(slice)) {
            last = m;
            if (m[0].length === 0) r.lastIndex++;
          }
          return last ? { start: windowStart + last.index, end: windowStart + last.index + last[0].length, match: last } : undefined;
        },
        at: (i) => toInput(view, i),
        fact(name, value, start, end) {
          hit.facts.push({ name, value, start, end });
        },
      };
      runExtract(f.spec, ctx);
    }
    hits.push(hit);
  }
  return hits;
}

function runExtract(spec: Spec, ctx: SpecContext): void {
  spec.extract?.(ctx);
}

/** Crash codes (exit codes, exception codes) and the signal each one adds. */
export const CRASH_CODES: ReadonlyMap<number, string> = new Map([
  [0xc00000fd, 'event-log.crash-stack-overflow'],
  [0xe0434352, 'event-log.crash-clr-exception'],
  [0xc0000005, 'event-log.crash-native'],
  [0xc0000409, 'event-log.crash-native'],
  [0xc0000374, 'event-log.crash-native'],
  [0xc000001d, 'event-log.crash-native'],
  [0x80131506, 'event-log.crash-native'],
]);

/** Add a crash code and its signal to a hit. */
export function addCrashCode(ctx: SpecContext, value: number, start: number, end: number): void {
  ctx.fact('code', value, start, end);
  const s = CRASH_CODES.get(value);
  if (s) ctx.fact('signal', s, ctx.hit.start, ctx.hit.end);
}
