/**
 * What the analyzer keeps per failure cluster besides its counts, so the reader can act on it:
 * when the cluster was first and last seen, its first few lines verbatim (with the `#Fields:`
 * line they were read with) and its own URLs. Bounded per cluster: at most MAX_SAMPLES lines of
 * at most MAX_SAMPLE_LINE bytes, and a top-counter of at most CLUSTER_URL_CAP URLs.
 *
 * Merging is exact: `at` is a line's byte offset from the start of the input its Stats covers,
 * so mergeDetails(a, b, shift) with shift = bytes of a's input keeps the first MAX_SAMPLES lines
 * in file order even when several clusters fold into one (the "other" overflow); first and last
 * are a min and a max; URL counts are summed (exact while a cluster has at most
 * CLUSTER_URL_CAP distinct URLs, see top-counter.ts).
 */
import { createTopCounter, mergeTopCounters, type TopCounter } from './top-counter.ts';

/** Sample lines kept per cluster. */
export const MAX_SAMPLES = 3;
/** Lines longer than this (bytes) are not kept as samples (a cut line would lose its status fields). */
export const MAX_SAMPLE_LINE = 8192;
/** Distinct URLs counted exactly per cluster. */
export const CLUSTER_URL_CAP = 200;

export interface Sample {
  /** Byte offset of the line from the start of the Stats' input. */
  at: number;
  /** The line as logged (without its line break). */
  line: string;
  /** The `#Fields:` line in effect for it (field names in lower case), or null for the IIS default order. */
  fields: string | null;
}

export interface Detail {
  /** Earliest and latest time of the cluster's dated lines, epoch seconds (Infinity / -Infinity when none). */
  first: number;
  last: number;
  /** The first MAX_SAMPLES lines in file order. */
  samples: Sample[];
  urls: TopCounter;
}

export function emptyDetail(): Detail {
  return { first: Infinity, last: -Infinity, samples: [], urls: createTopCounter(CLUSTER_URL_CAP) };
}

/** The `#Fields:` line written from field names (as the analyzer and the recogniser read it). */
export function fieldsLine(fields: readonly string[] | null): string | null {
  return fields === null ? null : `#Fields: ${fields.join(' ')}`;
}

/** Record a dated line's time (epoch seconds, negative = undated). */
export function addTime(d: Detail, epoch: number): void {
  if (epoch < 0) return;
  if (epoch < d.first) d.first = epoch;
  if (epoch > d.last) d.last = epoch;
}

/** Does the detail still take sample lines? */
export function wantsSample(d: Detail): boolean {
  return d.samples.length < MAX_SAMPLES;
}

/** `b`'s lines follow `a`'s input, which is `shift` bytes long. Neither input is changed. */
export function mergeDetails(a: Detail, b: Detail, shift: number): Detail {
  const samples = [...a.samples, ...b.samples.map((s) => (shift === 0 ? s : { ...s, at: s.at + shift }))];
  samples.sort((x, y) => x.at - y.at);
  return {
    first: Math.min(a.first, b.first),
    last: Math.max(a.last, b.last),
    samples: samples.slice(0, MAX_SAMPLES),
    urls: mergeTopCounters(a.urls, b.urls),
  };
}

/** The detail with every sample offset moved by `shift` bytes (a copy). */
export function shiftDetail(d: Detail, shift: number): Detail {
  return shift === 0 ? d : { ...d, samples: d.samples.map((s) => ({ ...s, at: s.at + shift })) };
}

/**
 * The sample lines as text the diagnosis reads: each `#Fields:` line once before the lines read
 * with it.
 */
export function samplesText(samples: readonly { line: string; fields: string | null }[]): string {
  const out: string[] = [];
  let current: string | null = null;
  for (const s of samples) {
    if (s.fields !== null && s.fields !== current) out.push(s.fields);
    current = s.fields;
    out.push(s.line);
  }
  return out.join('\n');
}
