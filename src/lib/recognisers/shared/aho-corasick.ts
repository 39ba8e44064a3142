/**
 * A small Aho–Corasick automaton over UTF-16 code units: find every occurrence of a set of
 * patterns in one left-to-right pass. Build is linear in the total pattern length; a search is
 * linear in the text plus the number of occurrences reported.
 *
 * Transitions live in one Map keyed `state * 65536 + unit`; failure links are computed
 * breadth-first; each state keeps the patterns ending there and a link to the nearest
 * failure-ancestor that has any (so reporting never walks states without output).
 */
export interface AhoCorasick {
  /** Number of patterns the automaton was built from. */
  readonly size: number;
  /** Call `hit(pattern, end)` for every occurrence (end exclusive), in order of `end`. */
  search(text: string, hit: (pattern: number, end: number) => void): void;
}

export function buildAhoCorasick(patterns: readonly string[]): AhoCorasick {
  const next = new Map<number, number>();
  const fail: number[] = [0];
  const out: number[][] = [[]];
  const dict: number[] = [-1];
  const depth: number[] = [0];
  const child = (s: number, c: number): number | undefined => next.get(s * 65536 + c);

  patterns.forEach((p, id) => {
    if (p.length === 0) return;
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      let t = child(s, c);
      if (t === undefined) {
        t = fail.length;
        fail.push(0);
        out.push([]);
        dict.push(-1);
        depth.push(depth[s]! + 1);
        next.set(s * 65536 + c, t);
      }
      s = t;
    }
    out[s]!.push(id);
  });

  // Children per state for the breadth-first pass.
  const kids: [number, number][][] = fail.map(() => []);
  for (const [key, t] of next) kids[Math.floor(key / 65536)]!.push([key % 65536, t]);
  const queue: number[] = [];
  for (const [, t] of kids[0]!) {
    fail[t] = 0;
    queue.push(t);
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi]!;
    for (const [c, t] of kids[s]!) {
      let f = fail[s]!;
      let g = child(f, c);
      while (g === undefined && f !== 0) {
        f = fail[f]!;
        g = child(f, c);
      }
      fail[t] = g !== undefined && g !== t ? g : 0;
      const ft = fail[t]!;
      dict[t] = out[ft]!.length > 0 ? ft : dict[ft]!;
      queue.push(t);
    }
  }

  // A full transition table for ASCII (the bulk of any paste): one typed-array lookup per
  // character. Columns are the ASCII characters that occur in some pattern, plus column 0 for
  // every other ASCII character (always back to the root). Rows are filled in breadth-first
  // order, so a state's failure row is complete before its own.
  const cls = new Uint8Array(128);
  let width = 1;
  for (const p of patterns) for (let i = 0; i < p.length; i++) {
    const c = p.charCodeAt(i);
    if (c < 128 && cls[c] === 0) cls[c] = width++;
  }
  const states = fail.length;
  const delta = new Int32Array(states * width);
  for (const s of [0, ...queue]) {
    const row = s * width;
    // Start from the failure state's row (the root's row starts all zero), then add own children.
    if (s !== 0) delta.copyWithin(row, fail[s]! * width, fail[s]! * width + width);
    for (const [c, t] of kids[s]!) if (c < 128) delta[row + cls[c]!] = t;
  }
  const outs: Int32Array[] = out.map((o) => Int32Array.from(o));
  const dictLink = Int32Array.from(dict);
  // First state on the output chain of each state (itself if it has output), 0 for none.
  const firstOut = new Int32Array(states);
  for (let s = 1; s < states; s++) firstOut[s] = out[s]!.length > 0 ? s : Math.max(0, dict[s]!);

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
          const ids = outs[o]!;
          for (let k = 0; k < ids.length; k++) hit(ids[k]!, i + 1);
        }
      }
    },
  };
}
