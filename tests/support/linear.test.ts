import { describe, expect, it } from 'vitest';
import { linearRatio, settledRatio } from './linear.ts';

function scan(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 120) n++;
  return n;
}

function pairs(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) for (let j = i; j < s.length; j++) if (s.charCodeAt(i) === s.charCodeAt(j)) n++;
  return n;
}

describe('linearRatio', () => {
  it('tells a linear scan from a quadratic one', () => {
    const make = (k: number) => 'ab x'.repeat(k);
    const linear = settledRatio(make, scan, 50_000);
    // The quadratic side costs the most CPU (its 4n run is 16 times its n run): a few short runs tell
    // it. Measured again while it looks linear, as settledRatio does the other way: a load burst that
    // slows the small run does not repeat, quadratic growth does.
    let quadratic = linearRatio(make, pairs, 200, { minMs: 10, runs: 3 });
    for (let a = 1; a < 3 && quadratic.ratio <= 10; a++) {
      const again = linearRatio(make, pairs, 200, { minMs: 10, runs: 3 });
      if (again.ratio > quadratic.ratio) quadratic = again;
    }
    expect(linear.ratio, `linear scan: ${linear.small.toFixed(1)} -> ${linear.large.toFixed(1)} ms`).toBeLessThan(10);
    expect(quadratic.ratio, `quadratic scan: ${quadratic.small.toFixed(1)} -> ${quadratic.large.toFixed(1)} ms`).toBeGreaterThan(10);
  }, 180_000);
});
