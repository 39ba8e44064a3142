/**
 * A small Aho–Corasick automaton over UTF-16 code units: find every occurrence of a set of
 * patterns in one left-to-right pass. Build is linear in the total pattern length; a search is
 * linear in the text plus the number of occurrences reported.
 *
 * The build only lays out the trie, from the sorted patterns: children chained in typed arrays,
 * non-ASCII edges also in a Map keyed `state * 65536 + unit`. ASCII input, the bulk of any
 * paste, goes through transition rows: one typed-array lookup per character. A row's columns are
 * the ASCII characters that occur in some pattern, plus column 0 for every other ASCII character
 * (always back to the root). A state's failure link, its link to the nearest failure-ancestor with
 * output and its row are made the first time a search reaches it (`prepare`), in a table that
 * grows as needed: a page that diagnoses one sentence pays for the few states that sentence
 * visits, not for (nor the memory of) the whole catalogue. Each state is prepared once, in time
 * proportional to the row width, so searches stay linear in the text.
 */
export interface AhoCorasick {
  /** Number of patterns the automaton was built from. */
  readonly size: number;
  /** Call `hit(pattern, end)` for every occurrence (end exclusive), in order of `end`. */
  search(text: string, hit: (pattern: number, end: number) => void): void;
  /** `search` over UTF-16 code units, for a caller that has them and no string (the one loop both run). */
  searchUnits(units: Uint16Array, hit: (pattern: number, end: number) => void): void;
}

export function buildAhoCorasick(patterns: readonly string[]): AhoCorasick {
  const cls = new Uint8Array(128);
  let width = 1;
  let capacity = 1;
  for (const p of patterns) {
    capacity += p.length;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (c < 128 && cls[c] === 0) cls[c] = width++;
    }
  }
  const wide = new Map<number, number>();
  const firstChild = new Int32Array(capacity).fill(-1);
  const sibling = new Int32Array(capacity);
  const parent = new Int32Array(capacity);
  const unit = new Uint16Array(capacity);
  /** Patterns ending at a state (only states that have any). */
  const own = new Map<number, number[]>();
  let states = 1;

  // Insert the patterns in sorted order: each one shares its trie path with the one before it
  // up to their common prefix and adds new states after it, so no edge is ever looked up. (The
  // sort is stable: equal patterns keep their ids in ascending order.)
  const order = patterns.map((_, id) => id).sort((a, b) => (patterns[a]! < patterns[b]! ? -1 : patterns[a]! > patterns[b]! ? 1 : 0));
  const path: number[] = [0];
  let previous = '';
  for (const id of order) {
    const p = patterns[id]!;
    if (p.length === 0) continue;
    let shared = 0;
    const most = Math.min(p.length, previous.length);
    while (shared < most && p.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
    let s = path[shared]!;
    for (let i = shared; i < p.length; i++) {
      const c = p.charCodeAt(i);
      const t = states++;
      if (c >= 128) wide.set(s * 65536 + c, t);
      parent[t] = s;
      unit[t] = c;
      sibling[t] = firstChild[s]!;
      firstChild[s] = t;
      path[i + 1] = s = t;
    }
    previous = p;
    const list = own.get(s);
    if (list) list.push(id);
    else own.set(s, [id]);
  }

  // Outputs, flattened: the patterns of state s are outIds[outStart[s] .. outStart[s + 1]).
  const outStart = new Int32Array(states + 1);
  for (const [s, list] of own) outStart[s + 1] = list.length;
  for (let s = 0; s < states; s++) outStart[s + 1] = outStart[s + 1]! + outStart[s]!;
  const outIds = new Int32Array(outStart[states]!);
  for (const [s, list] of own) outIds.set(list, outStart[s]!);

  // Filled by prepare(). Invariant: a prepared state's failure state is prepared too.
  // A row is `stride` numbers: the transitions (one per column), then the state's first output
  // (see firstOut) and the state itself. A transition is the target's row offset once the target
  // has a row, else -(target + 1); the search writes the offset in when it first takes the edge,
  // so the walk over the text reads one number per character.
  const stride = width + 2;
  const OUT = width;
  const STATE = width + 1;
  /** Offset of each state's row in `rows`, -1 until the state is prepared. */
  const rowAt = new Int32Array(states).fill(-1);
  let rows = new Int32Array(64 * stride);
  let used = 0;
  const fail = new Int32Array(states);
  /** Nearest state on the failure chain (excluding itself) with output, -1 for none. */
  const dictLink = new Int32Array(states).fill(-1);
  /** First state on the output chain of each state (itself if it has output), 0 for none. */
  const firstOut = new Int32Array(states);

  /** The state a transition entry leads to. */
  const target = (v: number): number => (v >= 0 ? rows[v + STATE]! : -v - 1);

  const newRow = (s: number, copyOf: number): number => {
    if (used + stride > rows.length) {
      const grown = new Int32Array(rows.length * 2);
      grown.set(rows);
      rows = grown;
    }
    const row = used;
    used += stride;
    if (copyOf >= 0) rows.copyWithin(row, copyOf, copyOf + width);
    for (let t = firstChild[s]!; t >= 0; t = sibling[t]!) if (unit[t]! < 128) rows[row + cls[unit[t]!]!] = rowAt[t]! >= 0 ? rowAt[t]! : -t - 1;
    rows[row + OUT] = firstOut[s]!;
    rows[row + STATE] = s;
    rowAt[s] = row;
    return row;
  };
  newRow(0, -1);

  /** The transition from prepared state s on a non-ASCII unit. */
  const stepWide = (s: number, c: number): number => {
    let t = wide.get(s * 65536 + c);
    while (t === undefined && s !== 0) {
      s = fail[s]!;
      t = wide.get(s * 65536 + c);
    }
    return t ?? 0;
  };

  // Prepare a state after its parent and its failure state (both shallower): an explicit stack,
  // so a long pattern cannot overflow the call stack.
  const pending: number[] = [];
  const prepare = (goal: number): number => {
    pending.push(goal);
    while (pending.length > 0) {
      const t = pending[pending.length - 1]!;
      if (rowAt[t]! >= 0) {
        pending.pop();
        continue;
      }
      const p = parent[t]!;
      if (rowAt[p]! < 0) {
        pending.push(p);
        continue;
      }
      let f = 0;
      if (p !== 0) {
        const c = unit[t]!;
        f = c < 128 ? target(rows[rowAt[fail[p]!]! + cls[c]!]!) : stepWide(fail[p]!, c);
      }
      if (rowAt[f]! < 0) {
        pending.push(f);
        continue;
      }
      fail[t] = f;
      dictLink[t] = own.has(f) ? f : dictLink[f]!;
      firstOut[t] = own.has(t) ? t : Math.max(0, dictLink[t]!);
      newRow(t, rowAt[f]!);
      pending.pop();
    }
    return rowAt[goal]!;
  };

  const searchUnits = (units: Uint16Array, hit: (pattern: number, end: number) => void): void => {
    let row = 0;
    let tab = rows;
    for (let i = 0; i < units.length; i++) {
      const c = units[i]!;
      let next: number;
      if (c < 128) {
        const at = row + cls[c]!;
        next = tab[at]!;
        if (next < 0) {
          const t = -next - 1;
          next = rowAt[t]! >= 0 ? rowAt[t]! : prepare(t);
          tab = rows; // prepare may have grown the table
          tab[at] = next;
        }
      } else {
        const t = stepWide(tab[row + STATE]!, c);
        next = rowAt[t]! >= 0 ? rowAt[t]! : prepare(t);
        tab = rows;
      }
      row = next;
      for (let o = tab[row + OUT]!; o > 0; o = dictLink[o]!) {
        for (let k = outStart[o]!, e = outStart[o + 1]!; k < e; k++) hit(outIds[k]!, i + 1);
      }
    }
  };

  return {
    size: patterns.length,
    search(text, hit) {
      // The engine searches code units (message/matcher.ts); a string is copied into them.
      const units = new Uint16Array(text.length);
      for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
      searchUnits(units, hit);
    },
    searchUnits,
  };
}
