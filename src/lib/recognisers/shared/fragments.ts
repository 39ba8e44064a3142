/**
 * What each kind hands the contract test (recognisers/contract.test.ts) besides its recogniser:
 * the pieces random pastes are built from, and inputs built to be hard for it. A kind exports
 * them as `fragments: KindFragments` from `<kind>/fragments.ts`; only tests import them.
 */

/** An input that grows with `n`: `make(n)` holds n repetitions of the hard pattern. */
export interface Adversarial {
  label: string;
  make: (n: number) => string;
}

export interface KindFragments {
  /** Pieces of the kind's own text; random pastes join them with random strings between. */
  pieces: readonly string[];
  /** Inputs the recogniser must read in linear time (compared n against 4n, never a stopwatch). */
  adversarial: readonly Adversarial[];
}

/** `head`, then `unit` n times, then `tail`. */
export function runOf(unit: string, head = '', tail = ''): Adversarial {
  const label = (head + unit).slice(0, 50) + (tail ? ` ... ${tail.slice(0, 20)}` : '');
  return { label: JSON.stringify(label), make: (n) => head + unit.repeat(n) + tail };
}
