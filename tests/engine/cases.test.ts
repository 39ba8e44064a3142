/**
 * End-to-end acceptance: every case in tests/fixtures/cases must put its expected cause on top.
 * A case waits (skipped, named as waiting) until recognisers for all the kinds in its header
 * are registered in src/lib/recognisers/index.ts; then it runs and must pass.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/lib/engine/diagnose.ts';
import { CAUSE_LIST, isCauseId } from '../../src/lib/engine/catalogue.ts';
import { RECOGNISERS } from '../../src/lib/recognisers/index.ts';
import { KINDS } from '../../src/lib/engine/types.ts';
import { readCases } from './case-files.ts';

const cases = readCases();
const registered = new Set<string>(RECOGNISERS.map((r) => r.kind));

describe('case files', () => {
  it('name a known cause and known kinds', () => {
    for (const c of cases) {
      expect(isCauseId(c.expect), `${c.file}: expect ${c.expect}`).toBe(true);
      expect(c.kinds.length, `${c.file}: # kinds header`).toBeGreaterThan(0);
      for (const k of c.kinds) expect((KINDS as readonly string[]).includes(k), `${c.file}: kind ${k}`).toBe(true);
      expect(c.text.trim().length, `${c.file}: empty paste`).toBeGreaterThan(0);
    }
  });

  it('cover every cause id at least twice', () => {
    const count = new Map<string, number>();
    for (const c of cases) count.set(c.expect, (count.get(c.expect) ?? 0) + 1);
    const thin = CAUSE_LIST.filter((c) => (count.get(c.id) ?? 0) < 2).map((c) => c.id);
    expect(thin).toEqual([]);
  });
});

describe('top finding per case', () => {
  for (const c of cases) {
    const missing = c.kinds.filter((k) => !registered.has(k));
    const name = `${c.file} -> ${c.expect}`;
    if (missing.length > 0) {
      it.skip(`${name} (waits for recogniser: ${missing.join(', ')})`, () => {});
      continue;
    }
    it(name, () => {
      const d = diagnose(c.text);
      for (const k of c.kinds) expect(d.kinds, `kind ${k} recognised`).toContain(k);
      const top = d.findings[0];
      const summary = d.findings.slice(0, 3).map((f) => `${f.cause} ${f.confidence}`).join(', ');
      expect(top?.cause, `top findings: ${summary}`).toBe(c.expect);
      expect(top?.evidence.length).toBeGreaterThan(0);
      for (const e of top?.evidence ?? []) expect(c.text.slice(e.span.start, e.span.start + e.text.length)).toBe(e.text);
    });
  }
});

describe('the seed scenario', () => {
  const seeds = cases.filter((c) => c.expect === 'request-timeout' && !c.kinds.includes('web-config'));
  for (const c of seeds) {
    const missing = c.kinds.filter((k) => !registered.has(k));
    if (missing.length > 0) {
      it.skip(`${c.file} explains the 120 s default (waits for recogniser: ${missing.join(', ')})`, () => {});
      continue;
    }
    it(`${c.file} explains the 120 s default and the fix`, () => {
      const top = diagnose(c.text).findings[0];
      expect(top?.cause).toBe('request-timeout');
      const words = [...(top?.evidence.map((e) => e.note) ?? []), ...(top?.nextSteps ?? [])].join(' ');
      expect(words).toMatch(/120 s/);
      expect(words).toMatch(/requestTimeout="00:/);
      expect(words).toMatch(/background|queue/i);
    });
  }
});
