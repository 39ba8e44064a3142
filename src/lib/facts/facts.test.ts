import { describe, expect, it } from 'vitest';
import { FACT_IDS, expandFacts, fact, factMs } from './facts.ts';

describe('facts', () => {
  it('gives every fact a product, a setting, a value, a wording and an http(s) source', () => {
    expect(FACT_IDS.length).toBeGreaterThan(10);
    for (const id of FACT_IDS) {
      const f = fact(id);
      expect(f.product, id).not.toBe('');
      expect(f.setting, id).not.toBe('');
      expect(Number.isFinite(f.value), id).toBe(true);
      expect(f.says, id).toMatch(/\d/);
      expect(f.source, id).toMatch(/^https:\/\//);
    }
  });

  it('converts durations to milliseconds and refuses unknown ids', () => {
    expect(factMs('ancm.requestTimeout')).toBe(120_000);
    expect(factMs('app-service.frontend-timeout')).toBe(230_000);
    expect(() => fact('no.such.fact')).toThrow(/Unknown fact id "no.such.fact"/);
  });
});

describe('expandFacts', () => {
  it('writes each {fact:id} as the fact says it and leaves other text alone', () => {
    expect(expandFacts('after {fact:ancm.requestTimeout} or {fact:app-service.frontend-timeout}; {other}')).toBe(
      'after 120 seconds (00:02:00) or about 230 seconds; {other}',
    );
    expect(() => expandFacts('{fact:ancm.typo}')).toThrow(/Unknown fact id "ancm.typo"/);
  });
});
