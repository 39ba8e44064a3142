/**
 * Linearity without a stopwatch limit: run the same code on an input of size n and one of size 4n
 * and compare the two times with each other, never with a fixed number of milliseconds. A busy
 * machine slows both runs alike, so the ratio stays meaningful where an absolute bound would not.
 *
 * Time is the process's own CPU time (user + system, from process.cpuUsage()), so time spent
 * waiting for a core that other processes hold does not count; the two sizes are timed in turns
 * (small, large, small, large ...) so both see the same conditions, and the fastest run of each
 * is kept (the least disturbed one). Linear code gives a ratio near 4; quadratic code about 16.
 * The default limit of 10 leaves room for garbage collection and JIT warm-up while still catching
 * anything quadratic. A ratio over the limit is measured again (settledRatio): load bursts do
 * not repeat, quadratic growth does.
 */
import { expect } from 'vitest';

export interface LinearOptions {
  /** Timed runs per size; the fastest counts. Default 5. */
  runs?: number;
  /** Largest accepted time(4n) / time(n). Default 10. */
  maxRatio?: number;
  /**
   * Times below this (ms) are too small to compare: the small input is grown (both sizes doubled)
   * until its fastest run takes at least this long, up to `maxGrowth` doublings. Default 5 ms.
   */
  minMs?: number;
  /** How many times the sizes may be doubled to reach `minMs`. Default 4. */
  maxGrowth?: number;
  /** The clock, in ms. Default `cpuMs` (this process's CPU time). */
  clock?: () => number;
}

/**
 * CPU time this process has used, in ms (wall-clock time where no process object exists). On a
 * machine shared with other jobs a longer run is preempted more often than a short one, which
 * skews wall-time ratios; CPU time is not.
 */
export function cpuMs(): number {
  if (typeof process !== 'undefined' && typeof process.cpuUsage === 'function') {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
  return performance.now();
}

/** How long one run of `work()` took on `clock` (default: CPU time), in ms. */
export function timed(work: () => unknown, clock: () => number = cpuMs): number {
  const t0 = clock();
  work();
  return clock() - t0;
}

/** The fastest of `runs` timings of `work()`, in ms of `clock` (default: CPU time). */
export function fastest(work: () => unknown, runs: number, clock: () => number = cpuMs): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, timed(work, clock));
  return best;
}

/** The measured ratio time(4n) / time(n) of `run(make(size))`, after growing n to a comparable time. */
export function linearRatio<T>(make: (times: number) => T, run: (input: T) => unknown, n: number, opts: LinearOptions = {}): { ratio: number; small: number; large: number; n: number } {
  const runs = opts.runs ?? 5;
  const minMs = opts.minMs ?? 5;
  let size = n;
  let smallInput = make(size);
  run(smallInput); // warm-up: JIT and lazily built tables do not count against the small size
  let small = fastest(() => run(smallInput), runs, opts.clock);
  for (let g = 0; g < (opts.maxGrowth ?? 4) && small < minMs; g++) {
    size *= 2;
    smallInput = make(size);
    small = fastest(() => run(smallInput), runs, opts.clock);
  }
  const largeInput = make(size * 4);
  run(largeInput);
  let large = Infinity;
  for (let i = 0; i < runs; i++) {
    large = Math.min(large, timed(() => run(largeInput), opts.clock));
    small = Math.min(small, timed(() => run(smallInput), opts.clock));
  }
  return { ratio: large / Math.max(small, 0.05), small, large, n: size };
}

/**
 * `linearRatio`, measured again while it is at or above `maxRatio` (up to `attempts` times,
 * default 3); the lowest ratio found. Noise from a busy machine rarely repeats, while quadratic
 * code exceeds the limit every time.
 */
export function settledRatio<T>(make: (times: number) => T, run: (input: T) => unknown, n: number, opts: LinearOptions & { attempts?: number } = {}): ReturnType<typeof linearRatio> {
  let r = linearRatio(make, run, n, opts);
  for (let a = 1; a < (opts.attempts ?? 3) && r.ratio >= (opts.maxRatio ?? 10); a++) {
    const again = linearRatio(make, run, n, opts);
    if (again.ratio < r.ratio) r = again;
  }
  return r;
}

/**
 * Asserts that `run` grows linearly: `make(k)` builds an input holding k repetitions of the
 * pattern under test (so 4k is four times as much input).
 */
export function expectLinear<T>(label: string, make: (times: number) => T, run: (input: T) => unknown, n: number, opts: LinearOptions & { attempts?: number } = {}): void {
  const r = settledRatio(make, run, n, opts);
  expect(r.ratio, `${label}: ${r.n} -> ${r.n * 4} repetitions took ${r.small.toFixed(1)} -> ${r.large.toFixed(1)} ms`).toBeLessThan(opts.maxRatio ?? 10);
}
