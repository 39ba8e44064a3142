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
 * or when it is distinctive enough on its own: at least a quarter of the message's weight (half, for a single chunk) and either
 * two chunks and MIN_PARTIAL weighted characters (MIN_OPENING when they are all the words before
 * the first placeholder), or one chunk of at least three words that no other entry shares. That is what
 * lets a title without its "HTTP Error" prefix, a message cut at either end, or a message with
 * other values in its placeholders still match. Overlapping matches are settled by score: a
 * complete match beats a partial one, more matched text beats less; equal scores on the same
 * span are all kept (the text is ambiguous between them).
 */
import { buildAhoCorasick } from '../shared/aho-corasick.ts';
import type { AhoCorasick } from '../shared/aho-corasick.ts';
import { foldString, foldUnits } from '../shared/fold.ts';
import type { FoldedUnits } from '../shared/fold.ts';
import { literalParts } from './entry.ts';
import { isWordUnit } from '../shared/word-units.ts';

/** Longest placeholder value (folded characters) a chain may bridge. */
export const MAX_VALUE = 400;
/** Weighted characters a partial match needs. */
export const MIN_PARTIAL = 20;
/**
 * Weighted characters a partial match needs when it is the message's whole opening, every word
 * before its first placeholder in two chunks or more ("Access to the path '" of a line cut inside
 * the path): the words a message starts with, followed by its value, are its most distinctive part.
 */
export const MIN_OPENING = 15;
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
  /**
   * Fewest folded characters between the previous chunk's end and this chunk's start: with a
   * placeholder between them, its value and a blank (a message whose value is missing altogether,
   * "Service does not have", is not that message).
   */
  minGap: number;
  /** Check that no ASCII word character touches the chunk in the input. */
  edgeStart: boolean;
  edgeEnd: boolean;
  /** How many entries use this chunk text. */
  shared: number;
  /** The last chunk before the message's first placeholder (the opening words end here). */
  opening: boolean;
}

interface Compiled {
  chunks: Chunk[][];
  automaton: AhoCorasick;
  /** Per pattern: the slots (entry, chunk) it stands for. */
  refs: Int32Array[];
  lengths: Int32Array;
  /** Slot of chunk k of entry e: slotBase[e] + k (one slot per chunk of the catalogue). */
  slotBase: Int32Array;
  slots: number;
  /** Per slot: the chunk. */
  slotChunk: Chunk[];
  /** Per entry: the weight of all its chunks (a partial match must cover a quarter of it). */
  entryWeight: Int32Array;
  /** Per slot, what the search reads of its chunk, in typed arrays: entry, index in the entry, weight, largest and smallest gap, flags (SLOT_*). */
  slotEntry: Int32Array;
  slotIndex: Int32Array;
  slotWeight: Int32Array;
  slotGap: Int32Array;
  slotMinGap: Int32Array;
  slotFlags: Uint8Array;
}

const SLOT_EDGE_START = 1;
const SLOT_EDGE_END = 2;
const SLOT_OPENING = 4;
/** The entry's last chunk. */
const SLOT_LAST = 8;
/** One chunk that may stand alone: no other entry shares it, and it has three words or more. */
const SLOT_ALONE = 16;

export interface MessageMatch {
  /** Index of the entry in the list the matcher was built from. */
  entry: number;
  /** Span in the original input. */
  start: number;
  end: number;
  /** The whole message was found (not only a distinctive part). */
  complete: boolean;
}

/** Code-unit ranges of wide (CJK) text: CJK radicals to ideographs, Hangul, compatibility ideographs, full-width forms. */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x2e80, 0x9fff],
  [0xac00, 0xd7af],
  [0xf900, 0xfaff],
  [0xff00, 0xffef],
];

function isWide(c: number): boolean {
  for (const [from, to] of WIDE_RANGES) if (c >= from && c <= to) return true;
  return false;
}

/** Characters trimmed off chunk edges: quotes, brackets and separators vary between copies. */
const EDGE = new Set([...` '"\`()[]<>:;,.!?-=/\\|*#` + '。、，：；！？（）「」『』【】']);

/** Text with no wide (CJK) character at all (the same ranges as isWide): weights and tokens take a shortcut. */
const hex = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;
const NARROW = new RegExp(`^[^${WIDE_RANGES.map(([from, to]) => `${hex(from)}-${hex(to)}`).join('')}]*$`);

function weightOf(s: string): number {
  if (NARROW.test(s)) return s.length;
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
  const narrow = NARROW.test(folded);
  for (const word of folded.split(' ')) {
    if (word === '') continue;
    if (narrow) {
      out.push({ text: word, spaced: true, wide: false });
      continue;
    }
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
  let opening = -1;
  let gap = 0;
  let values = 0;
  /** The literal text before the latest placeholder ends in a blank ("service {name} does"). */
  let blankBefore = false;
  parts.forEach((part, pi) => {
    if (pi > 0) values++;
    const f = foldString(part);
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
        minGap: values > 0 && gi === 0 && blankBefore && leading ? 2 : 0,
        edgeStart: !touchesValueBefore,
        edgeEnd: !touchesValueAfter,
        opening: false,
      });
      gap = trail;
      values = 0;
    });
    if (groups.length === 0) gap += f.length;
    else if (trailing) gap += 1;
    if (pi === 0 && parts.length > 1) opening = out.length - 1;
    blankBefore = trailing;
  });
  if (opening >= 0) out[opening]!.opening = true;
  return out;
}

function compile(texts: readonly string[]): Compiled {
  // chunkText's objects are fresh: each gets its `shared` count in place.
  const chunks = texts.map((t) => chunkText(t)) as Chunk[][];
  const ids = new Map<string, number>();
  const refs: number[][] = [];
  /** Per chunk text: how many entries use it (entries come in order, so the last one tells). */
  const users: number[] = [];
  const lastUser: number[] = [];
  for (let e = 0; e < chunks.length; e++) {
    const list = chunks[e]!;
    for (let k = 0; k < list.length; k++) {
      const text = list[k]!.text;
      let id = ids.get(text);
      if (id === undefined) {
        id = refs.length;
        ids.set(text, id);
        refs.push([]);
        users.push(0);
        lastUser.push(-1);
      }
      refs[id]!.push(e, k);
      if (lastUser[id] !== e) {
        lastUser[id] = e;
        users[id]!++;
      }
    }
  }
  for (const list of chunks) for (const c of list) c.shared = users[ids.get(c.text)!]!;
  const patterns = [...ids.keys()];
  const slotBase = new Int32Array(chunks.length);
  const slotChunk: Chunk[] = [];
  const slotEntry: number[] = [];
  const slotIndex: number[] = [];
  chunks.forEach((list, e) => {
    slotBase[e] = slotChunk.length;
    slotChunk.push(...list);
    list.forEach((_, k) => {
      slotEntry.push(e);
      slotIndex.push(k);
    });
  });
  const slotFlags = Uint8Array.from(slotChunk, (ch, slot) => {
    const last = slotIndex[slot] === chunks[slotEntry[slot]!]!.length - 1;
    return (
      (ch.edgeStart ? SLOT_EDGE_START : 0) |
      (ch.edgeEnd ? SLOT_EDGE_END : 0) |
      (ch.opening ? SLOT_OPENING : 0) |
      (last ? SLOT_LAST : 0) |
      (ch.shared === 1 && ch.words >= 3 ? SLOT_ALONE : 0)
    );
  });
  return {
    chunks,
    automaton: buildAhoCorasick(patterns),
    // (entry, chunk) pairs as slots, in the same order.
    refs: refs.map((r) => Int32Array.from({ length: r.length / 2 }, (_, j) => slotBase[r[2 * j]!]! + r[2 * j + 1]!)),
    lengths: Int32Array.from(patterns, (p) => p.length),
    slotBase,
    slots: slotChunk.length,
    slotChunk,
    entryWeight: Int32Array.from(chunks.map((list) => list.reduce((sum, ch) => sum + ch.weight, 0))),
    slotEntry: Int32Array.from(slotEntry),
    slotIndex: Int32Array.from(slotIndex),
    slotWeight: Int32Array.from(slotChunk, (ch) => ch.weight),
    slotGap: Int32Array.from(slotChunk, (ch) => ch.maxGap),
    slotMinGap: Int32Array.from(slotChunk, (ch) => ch.minGap),
    slotFlags,
  };
}

/** A chain that may be reported (the only chains kept as objects; most chunk hits are not). */
interface Chain {
  entry: number;
  start: number;
  end: number;
  weight: number;
  complete: boolean;
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
      const folded = foldUnits(input, true); // used only inside this call
      return settle(chains(c, folded), folded);
    },
  };
}

/**
 * One pass over the automaton's hits. Per slot (chunk of an entry) typed arrays keep the latest
 * chain ending with that chunk: where it starts, its first chunk, its weight and chunk count.
 * Only chains that are acceptable on their own become objects (candidates).
 */
function chains(c: Compiled, folded: FoldedUnits): Chain[] {
  const text = folded.units;
  const n = c.slots;
  const lastEnd = new Int32Array(n).fill(-1);
  const chainStart = new Int32Array(n);
  const chainK0 = new Int32Array(n);
  const chainWeight = new Int32Array(n);
  const chainCount = new Int32Array(n);
  /** 1 = the latest chain of this slot is acceptable; 2 = and it was extended by the next chunk. */
  const state = new Uint8Array(n);
  const { slotEntry, slotIndex, slotWeight, slotGap, slotMinGap, slotFlags, entryWeight, lengths, refs } = c;
  const out: Chain[] = [];
  const flush = (slot: number): void => {
    if (state[slot] !== 1) return;
    out.push({
      entry: slotEntry[slot]!,
      start: chainStart[slot]!,
      end: lastEnd[slot]!,
      weight: chainWeight[slot]!,
      complete: chainK0[slot] === 0 && (slotFlags[slot]! & SLOT_LAST) !== 0,
    });
  };
  const len = text.length;
  c.automaton.searchUnits(text, (pid, end) => {
    const start = end - lengths[pid]!;
    // Whether a word character touches the hit on either side: read only if a slot asks.
    let edges = -1;
    const slots = refs[pid]!;
    for (let r = 0; r < slots.length; r++) {
      const slot = slots[r]!;
      const flags = slotFlags[slot]!;
      if ((flags & (SLOT_EDGE_START | SLOT_EDGE_END)) !== 0) {
        if (edges < 0) {
          const leftWord = start > 0 && isWordUnit(text[start - 1]!) && isWordUnit(text[start]!);
          const rightWord = end < len && isWordUnit(text[end]!) && isWordUnit(text[end - 1]!);
          edges = (leftWord ? SLOT_EDGE_START : 0) | (rightWord ? SLOT_EDGE_END : 0);
        }
        if ((flags & edges) !== 0) continue;
      }
      flush(slot); // the chain this hit replaces, if it is reportable and was not extended
      const k = slotIndex[slot]!;
      const prev = slot - 1;
      const pe = k > 0 ? lastEnd[prev]! : -1;
      const weight = slotWeight[slot]!;
      if (pe >= 0 && pe <= start && start - pe <= slotGap[slot]! && start - pe >= slotMinGap[slot]!) {
        chainStart[slot] = chainStart[prev]!;
        chainK0[slot] = chainK0[prev]!;
        chainWeight[slot] = chainWeight[prev]! + weight;
        chainCount[slot] = chainCount[prev]! + 1;
        if (state[prev] === 1) state[prev] = 2;
      } else {
        chainStart[slot] = start;
        chainK0[slot] = k;
        chainWeight[slot] = weight;
        chainCount[slot] = 1;
      }
      lastEnd[slot] = end;
      const fromFirst = chainK0[slot] === 0;
      const complete = fromFirst && (flags & SLOT_LAST) !== 0;
      const opened = fromFirst && (flags & SLOT_OPENING) !== 0;
      state[slot] = acceptable(complete, opened, chainWeight[slot]!, chainCount[slot]!, (flags & SLOT_ALONE) !== 0, entryWeight[slotEntry[slot]!]!) ? 1 : 0;
    }
  });
  for (let slot = 0; slot < n; slot++) if (lastEnd[slot]! >= 0) flush(slot);
  return out;
}

function score(ch: Chain): number {
  return (ch.complete ? 1_000_000 : 0) + ch.weight;
}

function acceptable(complete: boolean, opened: boolean, weight: number, count: number, alone: boolean, total: number): boolean {
  if (complete) return weight >= MIN_COMPLETE;
  // A distinctive part must still be most of the message: two common chunks of a long message
  // ("started but then" + "stopped") are not that message.
  if (weight * 4 < total) return false;
  if (count === 1 && weight * 2 < total) return false; // one chunk alone must be half the message
  if (count >= 2) return weight >= (opened ? MIN_OPENING : MIN_PARTIAL);
  return alone && weight >= MIN_PARTIAL;
}

/**
 * settle()'s marks, kept between calls and all zero outside a call: a fresh array of a megabyte
 * paste's size costs more to clear and collect than the few spans marked in it.
 */
let ownerScratch = new Int32Array(0);

/**
 * Keep the best of overlapping candidates: best score first, each kept one marks the folded
 * positions it covers, and a later candidate that touches a marked position is dropped unless it
 * ties exactly (same span, same score). Spans are bounded (a few chunks and placeholder values),
 * so checking and marking stay linear in the input; the sort is n log n in the candidates.
 */
function settle(all: Chain[], folded: FoldedUnits): MessageMatch[] {
  const cands = all.sort((a, b) => score(b) - score(a) || a.start - b.start || a.entry - b.entry);
  // Grown to the size needed, no more: it stays allocated between pastes.
  if (ownerScratch.length < folded.units.length + 1) ownerScratch = new Int32Array(folded.units.length + 1);
  const owner = ownerScratch;
  const kept: Chain[] = [];
  try {
    mark(cands, owner, kept);
  } finally {
    for (const k of kept) owner.fill(0, k.start, k.end);
  }
  kept.sort((a, b) => a.start - b.start || a.entry - b.entry);
  return kept.map((k) => ({ entry: k.entry, start: folded.map[k.start]!, end: folded.map[k.end - 1]! + 1, complete: k.complete }));
}

/** Keep the candidates (best first) that touch no position a kept one marked, ties aside. */
function mark(cands: readonly Chain[], owner: Int32Array, kept: Chain[]): void {
  for (const ch of cands) {
    const s = score(ch);
    let clash = false;
    for (let p = ch.start; p < ch.end; p++) {
      const o = owner[p]!;
      if (o === 0) continue;
      const k = kept[o - 1]!;
      if (!(k.start === ch.start && k.end === ch.end && score(k) === s && k.entry !== ch.entry)) {
        clash = true;
        break;
      }
      p = k.end - 1; // the tie covers the same span: nothing else to look at inside it
    }
    if (clash) continue;
    kept.push(ch);
    const id = kept.length;
    for (let p = ch.start; p < ch.end; p++) if (owner[p] === 0) owner[p] = id;
  }
}
