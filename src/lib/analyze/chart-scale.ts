/** Axis helpers for the analyzer's charts: round tick values, log-axis positions. */
import { EDGES } from './histogram.ts';

/** Round tick values from 0 to at least `max` (1, 2 or 5 times a power of ten apart). */
export function niceTicks(max: number, target = 4): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const raw = max / Math.max(1, target);
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * pow >= raw) ?? 10) * pow;
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) {
    ticks.push(Math.round(v * 1e6) / 1e6);
    if (v >= max) break;
  }
  return ticks.length >= 2 ? ticks : [0, step];
}

/**
 * Position of `ms` on the histogram's axis, in bucket units: bucket i spans [i, i+1). Inside a
 * bucket the position is interpolated on a log scale, so marker lines fall where they belong.
 */
export function bucketPosition(ms: number): number {
  if (!(ms > 0)) return 0;
  if (ms < 1) return ms;
  for (let i = 0; i < EDGES.length; i++) {
    const to = EDGES[i] as number;
    if (ms < to) {
      const from = i === 0 ? 0 : (EDGES[i - 1] as number);
      if (from <= 0) return i + ms / to;
      return i + Math.log(ms / from) / Math.log(to / from);
    }
  }
  return EDGES.length;
}
