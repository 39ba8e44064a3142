/**
 * A small Aho–Corasick automaton over UTF-16 code units: find every occurrence of a set of
 * patterns in one left-to-right pass. Build is linear in the total pattern length; a search is
 * linear in the text plus the number of occurrences reported.
 *
 * Trie edges live in one Map keyed `state * 65536 + unit` (children are also chained in typed
 * arrays for the breadth-first pass); failure links are computed breadth-first; each state keeps
 * a link to the nearest failure-ancestor with output, so reporting never walks states without
 * any. ASCII input, the bulk of any paste, goes through a full transition table instead.
 */
export interface AhoCorasick {
  /** Number of patterns the automaton was built from. */
  readonly size: number;
  /** Call `hit(pattern, end)` for every occurrence (end exclusive), in order of `end`. */
  search(text: string, hit: (pattern: number, end: number) => void): void;
}

export function buildAhoCorasick(patterns: readonly string[]): AhoCorasick {
  let capacity = 1;
  for (const p of patterns) capacity += p.length;
  const next = new Map<number, number>();
  const child = (s: number, c: number): number | undefined => next.get(s * 65536 + c);
  // Trie: first child, next sibling and the unit on the edge into each state.
  const firstChild = new Int32Array(capacity).fill(-1);
  const sibling = new Int32Array(capacity).fill(-1);
  const edge = new Uint16Array(capacity);
  /** Patterns ending at a state (only states that have any). */
  const own = new Map<number, number[]>();
  let states = 1;

  patterns.forEach((p, id) => {
    if (p.length === 0) return;
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      let t = child(s, c);
      if (t === undefined) {
        t = states++;
        next.set(s * 65536 + c, t);
        edge[t] = c;
        sibling[t] = firstChild[s]!;
        firstChild[s] = t;
      }
      s = t;
    }
    const list = own.get(s);
    if (list) list.push(id);
    else own.set(s, [id]);
  });

  const fail = new Int32Array(states);
  /** Nearest state on the failure chain (excluding itself) with output, -1 for none. */
  const dictLink = new Int32Array(states).fill(-1);
  const queue = new Int32Array(states);
  let tail = 0;
  for (let t = firstChild[0]!; t >= 0; t = sibling[t]!) queue[tail++] = t;
  for (let head = 0; head < tail; head++) {
    const s = queue[head]!;
    for (let t = firstChild[s]!; t >= 0; t = sibling[t]!) {
      const c = edge[t]!;
      let f = fail[s]!;
      let g = child(f, c);
      while (g === undefined && f !== 0) {
        f = fail[f]!;
        g = child(f, c);
      }
      const ft = g !== undefined && g !== t ? g : 0;
      fail[t] = ft;
      dictLink[t] = own.has(ft) ? ft : dictLink[ft]!;
      queue[tail++] = t;
    }
  }

  // A full transition table for ASCII: one typed-array lookup per character. Columns are the
  // ASCII characters that occur in some pattern, plus column 0 for every other ASCII character
  // (always back to the root). Rows are filled in breadth-first order, so a state's failure row
  // is complete before its own.
  const cls = new Uint8Array(128);
  let width = 1;
  for (const p of patterns)
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (c < 128 && cls[c] === 0) cls[c] = width++;
    }
  const delta = new Int32Array(states * width);
  const fill = (s: number): void => {
    const row = s * width;
    if (s !== 0) delta.copyWithin(row, fail[s]! * width, fail[s]! * width + width);
    for (let t = firstChild[s]!; t >= 0; t = sibling[t]!) if (edge[t]! < 128) delta[row + cls[edge[t]!]!] = t;
  };
  fill(0);
  for (let i = 0; i < tail; i++) fill(queue[i]!);

  // Outputs, flattened: the patterns of state s are outIds[outStart[s] .. outStart[s + 1]).
  const outStart = new Int32Array(states + 1);
  for (const [s, list] of own) outStart[s + 1] = list.length;
  for (let s = 0; s < states; s++) outStart[s + 1] = outStart[s + 1]! + outStart[s]!;
  const outIds = new Int32Array(outStart[states]!);
  for (const [s, list] of own) outIds.set(list, outStart[s]!);
  // First state on the output chain of each state (itself if it has output), 0 for none.
  const firstOut = new Int32Array(states);
  for (let s = 1; s < states; s++) firstOut[s] = own.has(s) ? s : Math.max(0, dictLink[s]!);

  return {
    size: patterns.length,
    search(text, hit) {
      let s = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c < 128) {
          s = delta[s * width + cls[c]!]!;
        } else {
          let t = child(s, c);
          while (t === undefined && s !== 0) {
            s = fail[s]!;
            t = child(s, c);
          }
          s = t ?? 0;
        }
        for (let o = firstOut[s]!; o > 0; o = dictLink[o]!) {
          for (let k = outStart[o]!, e = outStart[o + 1]!; k < e; k++) hit(outIds[k]!, i + 1);
        }
      }
    },
  };
}
