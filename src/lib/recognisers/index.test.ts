import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../engine/types.ts';
import { RECOGNISERS } from './index.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));

describe('recogniser registry', () => {
  it('lists recognisers in KINDS order, one per kind', () => {
    const kinds = RECOGNISERS.map((r) => r.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    const order = kinds.map((k) => KINDS.indexOf(k));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.every((i) => i >= 0)).toBe(true);
  });

  it('registers every <kind>/recogniser.ts in this folder', () => {
    const files = readdirSync(HERE, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(`${HERE}${d.name}/recogniser.ts`))
      .map((d) => d.name)
      .filter((name) => (KINDS as readonly string[]).includes(name));
    expect(RECOGNISERS.map((r) => r.kind).sort()).toEqual(files.sort());
  });
});
