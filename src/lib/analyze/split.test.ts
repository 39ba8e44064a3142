import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scanBytes } from './scanner.ts';
import { combineParts, lastFieldsIn, lineStartAfter, planFixups } from './split.ts';
import { generateText } from '../../../tests/fixtures/analyze/generate.ts';

const enc = new TextEncoder();

/** Read `data` as parts cut at `cuts` (line starts), the way the CLI does on several cores. */
function readInParts(data: Uint8Array, cuts: number[]) {
  const bounds = [0, ...cuts, data.length];
  const head = new TextDecoder().decode(data.subarray(0, Math.min(data.length, 4096)));
  const guess = lastFieldsIn(head);
  const parts = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const piece = data.subarray(bounds[k], bounds[k + 1]);
    parts.push(k === 0 ? scanBytes(piece) : scanBytes(piece, { fields: guess, separatePrefix: true }));
  }
  const fixups = planFixups(parts);
  const fixed = new Map();
  for (const f of fixups) {
    const start = bounds[f.part] as number;
    fixed.set(f.part, scanBytes(data.subarray(start, start + f.bytes), { fields: f.fields }).stats);
  }
  return { stats: combineParts(parts, fixed), fixups };
}

describe('lineStartAfter and lastFieldsIn', () => {
  it('find the next line start and the last #Fields of a head', () => {
    const b = enc.encode('ab\ncd\n');
    expect(lineStartAfter(b, 0)).toBe(3);
    expect(lineStartAfter(b, 3)).toBe(6);
    expect(lineStartAfter(b, 6)).toBe(-1);
    expect(lastFieldsIn('#Fields: date time\nx\n#Fields: Date sc-status\nmore')).toEqual(['date', 'sc-status']);
    expect(lastFieldsIn('no header\n')).toBeNull();
  });
});

describe('reading in parts', () => {
  it('needs no re-read when the guessed layout holds', () => {
    const data = enc.encode(generateText({ lines: 3000, seed: 5 }).text);
    const cut = lineStartAfter(data, data.length >> 1);
    const { stats, fixups } = readInParts(data, [cut]);
    expect(fixups).toEqual([]);
    expect(stats).toEqual(scanBytes(data).stats);
  });

  it('re-reads the prefix when the layout changed before the cut, and still equals one pass', () => {
    // The field set changes half-way; cut after it, so the guess from the head is wrong.
    const data = enc.encode(generateText({ lines: 3000, seed: 6, fieldChange: true }).text);
    const cut = lineStartAfter(data, Math.floor(data.length * 0.8));
    const { stats, fixups } = readInParts(data, [cut]);
    expect(fixups.length).toBe(1);
    expect(fixups[0]!.fields).toContain('sc-bytes');
    expect(stats).toEqual(scanBytes(data).stats);
  });

  it('equals one pass for any cuts at line starts', () => {
    const data = enc.encode(generateText({ lines: 800, seed: 9, fieldChange: true }).text);
    const starts: number[] = [];
    for (let i = 0; i < data.length; i++) if (data[i] === 10 && i + 1 < data.length) starts.push(i + 1);
    const whole = scanBytes(data).stats;
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...starts), { maxLength: 4 }), (cuts) => {
        expect(readInParts(data, [...cuts].sort((a, b) => a - b)).stats).toEqual(whole);
      }),
      { numRuns: 40 },
    );
  });
});
