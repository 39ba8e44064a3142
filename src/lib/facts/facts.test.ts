import { describe, expect, it } from 'vitest';
import { FACT_IDS, expandFacts, fact, factMs, factText } from './facts.ts';

describe('facts', () => {
  it('gives every fact a product, a setting, a value, a wording and an http(s) source', () => {
    expect(FACT_IDS.length).toBeGreaterThan(10);
    for (const id of FACT_IDS) {
      const f = fact(id);
      expect(f.product, id).not.toBe('');
      expect(f.setting, id).not.toBe('');
      if (typeof f.value === 'number') expect(Number.isFinite(f.value), id).toBe(true);
      else expect(['version', 'text'], `${id}: a text value needs unit version or text`).toContain(f.unit);
      if (f.max !== undefined) expect(f.max, id).toBeGreaterThan(f.value as number);
      if (typeof f.value === 'number' && f.unit !== 'event') expect(f.says, id).toMatch(/\d/);
      expect(f.says.length, id).toBeGreaterThan(2);
      expect(f.source, id).toMatch(/^https:\/\//);
    }
  });

  it('converts durations to milliseconds and refuses unknown ids', () => {
    expect(factMs('ancm.requestTimeout')).toBe(120_000);
    expect(factMs('app-service.frontend-timeout')).toBe(230_000);
    expect(() => factMs('ancm.port-range.random')).toThrow(/not a duration/);
    expect(() => fact('no.such.fact')).toThrow(/Unknown fact id "no.such.fact"/);
  });

  it('writes a fact as its wording, its setting or its value (a range as low-high)', () => {
    expect(factText('ancm.port-range.random')).toBe(fact('ancm.port-range.random').says);
    expect(factText('ancm.requestTimeout', 'setting')).toBe('requestTimeout');
    expect(factText('ancm.port-range.random', 'value')).toBe('10000-48000');
    expect(factText('nginx.proxy_read_timeout', 'value')).toBe('60');
    expect(factText('nginx.proxy_read_timeout', 'short')).toBe('60 s');
    expect(factText('ancm.port-range.pinned', 'short')).toBe('1025-48000');
    expect(factText('ancm.v1.bundles', 'short')).toBe(fact('ancm.v1.bundles').says);
  });

  it('expands {fact:id} placeholders and leaves other braces alone', () => {
    expect(expandFacts('Default {fact:ancm.requestTimeout}; {x} stays')).toBe(
      `Default ${fact('ancm.requestTimeout').says}; {x} stays`,
    );
    expect(expandFacts('{fact:nginx.proxy_read_timeout:setting} is {fact:nginx.proxy_read_timeout:value} s')).toBe(
      'proxy_read_timeout is 60 s',
    );
    expect(() => expandFacts('{fact:no.such}')).toThrow(/Unknown fact id/);
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
