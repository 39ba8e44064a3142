/** The real corpus as one set: the learning / held-out split across both case folders. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../support/real-corpus.ts';

const DIRS = ['../fixtures/real/', '../fixtures/real-events/'].map((d) => fileURLToPath(new URL(d, import.meta.url)));

describe('the real corpus split', () => {
  const cases = readCorpus(DIRS);

  it('puts every paste of one thread in the same part, in both folders', () => {
    const parts = new Map<string, Set<string>>();
    for (const c of cases) (parts.get(c.source) ?? parts.set(c.source, new Set()).get(c.source)!).add(c.part);
    expect([...parts].filter(([, p]) => p.size > 1).map(([url]) => url)).toEqual([]);
  });

  it('keeps every forced case, and every other paste of its thread, in the learning part', () => {
    const forced = new Set(cases.filter((c) => c.forcedLearning).map((c) => c.source));
    expect(forced.size).toBeGreaterThan(0);
    expect(cases.filter((c) => forced.has(c.source) && c.part !== 'learning').map((c) => c.file)).toEqual([]);
  });

  it('holds out some cases and learns from more', () => {
    const held = cases.filter((c) => c.part === 'held-out').length;
    expect(held).toBeGreaterThan(0);
    expect(cases.length - held).toBeGreaterThan(held);
  });
});
