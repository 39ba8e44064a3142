/**
 * Log-spaced time-taken buckets: ten per decade from 1 ms to 1,000 s (edges rounded to whole
 * milliseconds, duplicates dropped), with one bucket below 1 ms and one from 1,000 s up.
 * Bucket i holds [EDGES[i-1], EDGES[i]); bucket 0 holds [0, 1); the last holds [1e6, inf).
 */

function edges(): number[] {
  const out: number[] = [];
  for (let k = 0; k <= 60; k++) {
    const e = Math.round(10 ** (k / 10));
    if (out.length === 0 || e > (out[out.length - 1] as number)) out.push(e);
  }
  return out;
}

/** Upper edges (ms) of buckets 0 .. EDGES.length-1; the bucket after them is open-ended. */
export const EDGES: readonly number[] = edges();
export const BUCKETS = EDGES.length + 1;

/** Bucket of a time-taken in ms (non-negative). Binary search over the edges. */
export function bucketOf(ms: number): number {
  let lo = 0;
  let hi = EDGES.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms < (EDGES[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** [from, to) of bucket i in ms; `to` is Infinity for the last. */
export function bucketRange(i: number): { from: number; to: number } {
  return { from: i === 0 ? 0 : (EDGES[i - 1] as number), to: i < EDGES.length ? (EDGES[i] as number) : Infinity };
}
