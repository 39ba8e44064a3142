/**
 * Find catalogue messages in a paste, tolerantly and in linear time.
 *
 * Build (once, lazily): each entry's text is split at its `{name}` placeholders; every literal
 * part is folded (shared/fold.ts) and cut into chunks of a few words (CJK text, which has no
 * spaces, into pieces of a few characters). The chunks of all entries go into one Aho–Corasick
 * automaton.
 *
 * Match: fold the input once (with an offset map), run the automaton once, and chain each
 * entry's chunks in their order: a chunk extends the chain of the chunk before it when it
 * starts soon enough after it (a space, the punctuation the chunking trimmed, or a placeholder
 * value of up to MAX_VALUE characters). A chain is a match when it covers the whole message,
 * or when it is distinctive enough on its own: at least two chunks and MIN_PARTIAL weighted
 * characters, or one chunk of at least three words that no other entry shares. That is what
 * lets a title without its "HTTP Error" prefix, a message cut at either end, or a message with
 * other values in its placeholders still match. Overlapping matches are settled by score: a
 * complete match beats a partial one, more matched text beats less; equal scores on the same
 * span are all kept (the text is ambiguous between them).
 */
import { buildAhoCorasick } from '../shared/aho-corasick.ts';
import type { AhoCorasick } from '../shared/aho-corasick.ts';
import { fold } from '../shared/fold.ts';
import type { Folded } from '../shared/fold.ts';
import { literalParts } from './entry.ts';

/** Longest placeholder value (folded characters) a chain may bridge. */
export const MAX_VALUE = 400;
/** Weighted characters a partial match needs. */
export const MIN_PARTIAL = 20;
/** Weighted characters a complete match needs (shorter messages are too generic to read alone). */
export const MIN_COMPLETE = 10;
const WORDS_PER_CHUNK = 3;
const CJK_PIECE = 4;

interface Chunk {
  text: string;
  weight: number;
  words: number;
  /** Most folded characters allowed between the previous chunk's end and this chunk's start. */
  maxGap: number;
  /** Check that no ASCII word character touches the chunk in the input. */
  edgeStart: boolean;
  edgeEnd: boolean;
  /** How many entries use this chunk text. */
  shared: number;
}

interface Compiled {
  chunks: Chunk[][];
  automaton: AhoCorasick;
  /** Per pattern: the (entry, chunk) pairs it stands for. */
  refs: [number, number][][];
  lengths: number[];
}

export interface MessageMatch {
  /** Index of the entry in the list the matcher was built from. */
  entry: number;
  /** Span in the original input. */
  start: number;
  end: number;
  /** The whole message was found (not only a distinctive part). */
  complete: boolean;
}

function isWordUnit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c === 95 || (c >= 65 && c <= 90);
}

function isWide(c: number): boolean {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x3000 && c <= 0x303f);
}

/** Characters trimmed off chunk edges: quotes, brackets and separators vary between copies. */
const EDGE = new Set([...` '"\`()[]<>:;,.!?-=/\\|*#` + '。、，：；！？（）「」『』【】']);

function weightOf(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) w += isWide(s.charCodeAt(i)) ? 3 : 1;
  return w;
}

interface Token {
  text: string;
  /** Joined to the previous token with a space. */
  spaced: boolean;
  wide: boolean;
}

function tokens(folded: string): Token[] {
  const out: Token[] = [];
  for (const word of folded.split(' ')) {
    if (word === '') continue;
    // Split a word at every switch between wide (CJK) and narrow text; cut wide runs into pieces.
    let first = true;
    let i = 0;
    while (i < word.length) {
      const wide = isWide(word.charCodeAt(i));
      let j = i + 1;
      while (j < word.length && isWide(word.charCodeAt(j)) === wide && (!wide || j - i < CJK_PIECE)) j++;
      out.push({ text: word.slice(i, j), spaced: first, wide });
      first = false;
      i = j;
    }
  }
  return out;
}

function trimEdges(s: string): { core: string; lead: number; trail: number } {
  let a = 0;
  let b = s.length;
  while (a < b && EDGE.has(s[a]!)) a++;
  while (b > a && EDGE.has(s[b - 1]!)) b--;
  return { core: s.slice(a, b), lead: a, trail: s.length - b };
}

/** Chunks of one entry text, in order. */
export function chunkText(text: string): Omit<Chunk, 'shared'>[] {
  const parts = literalParts(text);
  const out: Omit<Chunk, 'shared'>[] = [];
  let gap = 0;
  let values = 0;
  parts.forEach((part, pi) => {
    if (pi > 0) values++;
    const f = fold(part).text;
    const toks = tokens(f);
    // Group tokens: up to WORDS_PER_CHUNK narrow words, or two wide pieces; a short tail joins the group before it.
    const groups: Token[][] = [];
    let cur: Token[] = [];
    let size = 0;
    for (const t of toks) {
      const cost = t.wide ? 2 : 1;
      if (cur.length > 0 && size + cost > WORDS_PER_CHUNK) {
        groups.push(cur);
        cur = [];
        size = 0;
      }
      cur.push(t);
      size += cost;
    }
    if (cur.length > 0) {
      const last = groups[groups.length - 1];
      if (last && size < 2 && !cur.some((t) => t.wide)) last.push(...cur);
      else groups.push(cur);
    }
    const leading = f.startsWith(' ') || part.length === 0 || /^\s/.test(part);
    const trailing = /\s$/.test(part);
    groups.forEach((g, gi) => {
      const raw = g.map((t, ti) => (ti > 0 && t.spaced ? ' ' : '') + t.text).join('');
      const { core, lead, trail } = trimEdges(raw);
      const sep = gi > 0 && g[0]!.spaced ? 1 : 0;
      if (core.length < 3) {
        gap += sep + raw.length;
        return;
      }
      const touchesValueBefore = gi === 0 && lead === 0 && pi > 0 && !leading;
      const touchesValueAfter = gi === groups.length - 1 && trail === 0 && pi < parts.length - 1 && !trailing;
      out.push({
        text: core,
        weight: weightOf(core),
        words: core.split(' ').length + g.filter((t) => t.wide).length,
        maxGap: gap + sep + lead + values * MAX_VALUE + (values > 0 ? 2 : 1),
        edgeStart: !touchesValueBefore,
        edgeEnd: !touchesValueAfter,
      });
      gap = trail;
      values = 0;
    });
    if (groups.length === 0) gap += f.length;
    else if (trailing) gap += 1;
  });
  return out;
}

function compile(texts: readonly string[]): Compiled {
  const chunks: Chunk[][] = texts.map((t) => chunkText(t).map((c) => ({ ...c, shared: 0 })));
  const ids = new Map<string, number>();
  const refs: [number, number][][] = [];
  const users: Set<number>[] = [];
  chunks.forEach((list, e) =>
    list.forEach((c, k) => {
      let id = ids.get(c.text);
      if (id === undefined) {
        id = refs.length;
        ids.set(c.text, id);
        refs.push([]);
        users.push(new Set());
      }
      refs[id]!.push([e, k]);
      users[id]!.add(e);
    }),
  );
  for (const [text, id] of ids) for (const [e, k] of refs[id]!) if (chunks[e]![k]!.text === text) chunks[e]![k]!.shared = users[id]!.size;
  const patterns = [...ids.keys()];
  return { chunks, automaton: buildAhoCorasick(patterns), refs, lengths: patterns.map((p) => p.length) };
}

interface Chain {
  entry: number;
  k0: number;
  k1: number;
  start: number;
  end: number;
  weight: number;
  count: number;
  words: number;
  extended: boolean;
}

export interface Matcher {
  match(input: string): MessageMatch[];
  /** Entries (by index) that have no chunk the matcher can find on its own. */
  unmatchable(): number[];
}

/** A matcher over these message texts (in catalogue order); built on first use. */
export function createMatcher(texts: readonly string[]): Matcher {
  let compiled: Compiled | undefined;
  const get = (): Compiled => (compiled ??= compile(texts));
  return {
    unmatchable() {
      const c = get();
      return c.chunks.flatMap((list, e) => (list.length === 0 || list.reduce((w, x) => w + x.weight, 0) < MIN_COMPLETE ? [e] : []));
    },
    match(input) {
      const c = get();
      const folded = fold(input);
      return settle(chains(c, folded), c, folded);
    },
  };
}

function chains(c: Compiled, folded: Folded): Chain[] {
  const text = folded.text;
  const last = new Map<number, Chain>();
  const out: Chain[] = [];
  c.automaton.search(text, (pid, end) => {
    const start = end - c.lengths[pid]!;
    const leftWord = start > 0 && isWordUnit(text.charCodeAt(start - 1));
    const rightWord = end < text.length && isWordUnit(text.charCodeAt(end));
    for (const [e, k] of c.refs[pid]!) {
      const ch = c.chunks[e]![k]!;
      if ((ch.edgeStart && leftWord && isWordUnit(text.charCodeAt(start))) || (ch.edgeEnd && rightWord && isWordUnit(text.charCodeAt(end - 1)))) continue;
      const prev = k > 0 ? last.get(e * 4096 + k - 1) : undefined;
      let chain: Chain;
      if (prev && prev.end <= start && start - prev.end <= ch.maxGap) {
        prev.extended = true;
        chain = { entry: e, k0: prev.k0, k1: k, start: prev.start, end, weight: prev.weight + ch.weight, count: prev.count + 1, words: prev.words + ch.words, extended: false };
      } else {
        chain = { entry: e, k0: k, k1: k, start, end, weight: ch.weight, count: 1, words: ch.words, extended: false };
      }
      last.set(e * 4096 + k, chain);
      out.push(chain);
    }
  });
  return out;
}

function score(ch: Chain, c: Compiled): number {
  const complete = ch.k0 === 0 && ch.k1 === c.chunks[ch.entry]!.length - 1;
  return (complete ? 1_000_000 : 0) + ch.weight;
}

function acceptable(ch: Chain, c: Compiled): boolean {
  const list = c.chunks[ch.entry]!;
  if (ch.k0 === 0 && ch.k1 === list.length - 1) return ch.weight >= MIN_COMPLETE;
  if (ch.count >= 2) return ch.weight >= MIN_PARTIAL;
  const only = list[ch.k0]!;
  return only.shared === 1 && only.words >= 3 && ch.weight >= MIN_PARTIAL;
}

/** Keep the best of overlapping candidates (see the module comment). Sorting is n log n in the candidates. */
function settle(all: Chain[], c: Compiled, folded: Folded): MessageMatch[] {
  const cands = all.filter((ch) => !ch.extended && acceptable(ch, c)).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: MessageMatch[] = [];
  let i = 0;
  while (i < cands.length) {
    // One cluster: candidates whose spans overlap one another transitively.
    let j = i + 1;
    let reach = cands[i]!.end;
    while (j < cands.length && cands[j]!.start < reach) {
      reach = Math.max(reach, cands[j]!.end);
      j++;
    }
    const cluster = cands.slice(i, j).sort((a, b) => score(b, c) - score(a, c) || a.start - b.start);
    const kept: Chain[] = [];
    for (const ch of cluster) {
      const s = score(ch, c);
      const clash = kept.some((k) => k.start < ch.end && ch.start < k.end && !(score(k, c) === s && k.start === ch.start && k.end === ch.end));
      if (!clash && !kept.some((k) => k.entry === ch.entry && k.start === ch.start && k.end === ch.end)) kept.push(ch);
    }
    kept.sort((a, b) => a.start - b.start || a.entry - b.entry);
    for (const k of kept) {
      const a = folded.map[k.start]!;
      const b = folded.map[k.end - 1]! + 1;
      out.push({ entry: k.entry, start: a, end: b, complete: k.k0 === 0 && k.k1 === c.chunks[k.entry]!.length - 1 });
    }
    i = j;
  }
  return out;
}
