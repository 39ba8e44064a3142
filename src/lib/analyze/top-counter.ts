/**
 * Counting strings (URLs) in bounded memory: exact while there are at most `cap` distinct keys;
 * beyond that a Misra-Gries summary (every count is then an underestimate by at most
 * `dropped`, and any key seen more than total/(cap+1) times is kept). Summaries merge by adding
 * counts and, when over the cap, subtracting the (cap+1)-th largest count (Agarwal et al.,
 * "Mergeable summaries"), so two halves merged give exactly the result of one pass as long as
 * the summary stayed exact.
 */

export interface TopCounter {
  cap: number;
  counts: Map<string, number>;
  /** Sum of all increments. */
  total: number;
  /** Largest amount any count may be short by (0 while exact). */
  dropped: number;
}

export function createTopCounter(cap: number): TopCounter {
  return { cap: Math.max(1, Math.floor(cap)), counts: new Map(), total: 0, dropped: 0 };
}

export function isExact(t: TopCounter): boolean {
  return t.dropped === 0;
}

/** Count one occurrence of `key`. Amortised O(1). */
export function addKey(t: TopCounter, key: string): void {
  t.total++;
  const c = t.counts.get(key);
  if (c !== undefined) {
    t.counts.set(key, c + 1);
    return;
  }
  if (t.counts.size < t.cap) {
    t.counts.set(key, 1);
    return;
  }
  // Full: the new key and every kept key lose one.
  t.dropped++;
  for (const [k, v] of t.counts) {
    if (v <= 1) t.counts.delete(k);
    else t.counts.set(k, v - 1);
  }
}

/** The merged summary of `a` and `b` (neither is changed). */
export function mergeTopCounters(a: TopCounter, b: TopCounter): TopCounter {
  const cap = Math.min(a.cap, b.cap);
  const counts = new Map(a.counts);
  for (const [k, v] of b.counts) counts.set(k, (counts.get(k) ?? 0) + v);
  let dropped = a.dropped + b.dropped;
  if (counts.size > cap) {
    const sorted = [...counts.values()].sort((x, y) => y - x);
    const cut = sorted[cap] as number;
    dropped += cut;
    for (const [k, v] of counts) {
      if (v <= cut) counts.delete(k);
      else counts.set(k, v - cut);
    }
  }
  return { cap, counts, total: a.total + b.total, dropped };
}

/** The `n` largest counts, largest first; ties in key order so the result is stable. */
export function topKeys(t: TopCounter, n: number): { key: string; count: number }[] {
  return [...t.counts]
    .map(([key, count]) => ({ key, count }))
    .sort((x, y) => y.count - x.count || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    .slice(0, Math.max(0, n));
}
