import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
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

  it('registers every <kind>.ts and <kind>/recogniser.ts recogniser in this folder', () => {
    const files = readdirSync(HERE)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => f.slice(0, -3))
      .filter((name) => (KINDS as readonly string[]).includes(name));
    const folders = readdirSync(HERE).filter((f) => (KINDS as readonly string[]).includes(f) && existsSync(join(HERE, f, 'recogniser.ts')));
    expect(RECOGNISERS.map((r) => r.kind).sort()).toEqual([...files, ...folders].sort());
  });
});
