import { describe, expect, it } from 'vitest';
import type { Fact } from './types.ts';
import { GENERIC_DAMPING, MAX_EVIDENCE, MAX_WEIGHT, noisyOr, rankFindings } from './rank.ts';
import type { Contribution } from './rank.ts';

const input = 'line one 502 3 12002 120016\nline two';
const fact = (start: number, end: number): Fact => ({ kind: 'iis-log', name: 'code', value: 12002, span: { start, end } });
const c = (cause: string, weight: number, key: string, facts: Fact[] = [fact(15, 20)], note = `note ${key}`): Contribution => ({
  cause,
  weight,
  source: 'signal',
  key,
  facts,
  note,
});
const steps = (cause: string): string[] => [`step for ${cause}`];

describe('noisyOr', () => {
  it('adds independent hints without passing 1', () => {
    expect(noisyOr([0.5, 0.5])).toBeCloseTo(0.75);
    expect(noisyOr([0.9, 0.9, 0.9, 0.9])).toBeLessThan(1);
    expect(noisyOr([1])).toBeCloseTo(MAX_WEIGHT);
    expect(noisyOr([])).toBe(0);
    expect(noisyOr([-1, Number.NaN])).toBe(0);
  });
});

describe('rankFindings', () => {
  it('counts a repeated hint once and different hints together', () => {
    const once = rankFindings({ input, contributions: [c('request-timeout', 0.5, 'a'), c('request-timeout', 0.5, 'a')], nextSteps: steps });
    expect(once[0]?.confidence).toBe(0.5);
    const twice = rankFindings({ input, contributions: [c('request-timeout', 0.5, 'a'), c('request-timeout', 0.5, 'b')], nextSteps: steps });
    expect(twice[0]?.confidence).toBe(0.75);
  });

  it('orders best first and fills title, article, steps and evidence', () => {
    const out = rankFindings({
      input,
      contributions: [c('backend-connection-refused', 0.4, 'x'), c('request-timeout', 0.8, 'y')],
      nextSteps: steps,
    });
    expect(out.map((f) => f.cause)).toEqual(['request-timeout', 'backend-connection-refused']);
    const top = out[0];
    expect(top?.title).toBe('The app did not answer within requestTimeout');
    expect(top?.article).toBe('/causes/request-timeout/');
    expect(top?.nextSteps).toEqual(['step for request-timeout']);
    expect(top?.evidence[0]).toMatchObject({ text: '12002', span: { start: 15, end: 20 }, kind: 'iis-log', note: 'note y' });
  });

  it('breaks ties by the number of hints, then by catalogue order', () => {
    const tie = rankFindings({
      input,
      contributions: [c('backend-connection-reset', 0.5, 'a'), c('request-timeout', 0.5, 'b')],
      nextSteps: steps,
    });
    expect(tie.map((f) => f.cause)).toEqual(['request-timeout', 'backend-connection-reset']);
    const more = rankFindings({
      input,
      contributions: [c('request-timeout', 0.5, 'a'), c('backend-connection-reset', 0.3, 'b'), c('backend-connection-reset', 0.2857143, 'c')],
      nextSteps: steps,
    });
    expect(more[0]?.confidence).toBe(more[1]?.confidence);
    expect(more[0]?.cause).toBe('backend-connection-reset');
  });

  it('ignores unknown cause ids and tiny confidences', () => {
    const out = rankFindings({ input, contributions: [c('no-such-cause', 0.9, 'a'), c('request-timeout', 0.01, 'b')], nextSteps: steps });
    expect(out).toEqual([]);
  });

  it('applies weakenings and says so in the evidence', () => {
    const out = rankFindings({
      input,
      contributions: [c('request-timeout', 0.8, 'a')],
      weakenings: [{ cause: 'request-timeout', factor: 0.5, key: 'r', facts: [fact(0, 4)], note: 'too long' }],
      nextSteps: steps,
    });
    expect(out[0]?.confidence).toBe(0.4);
    expect(out[0]?.evidence.some((e) => e.note.includes('too long') && e.note.includes('lowers'))).toBe(true);
  });

  it('does not damp a generic cause for hints it shares with the narrower one', () => {
    const out = rankFindings({
      input,
      contributions: [c('backend-connection-reset', 0.8, 'shared'), c('app-crash-runtime', 0.5, 'shared'), c('app-crash-runtime', 0.3, 'code')],
      nextSteps: steps,
    });
    expect(out[0]).toMatchObject({ cause: 'backend-connection-reset', confidence: 0.8 });
  });

  it('damps a generic cause when a narrower one is strong', () => {
    const out = rankFindings({
      input,
      contributions: [c('process-start-failure', 0.6, 'a'), c('framework-not-found', 0.6, 'b')],
      nextSteps: steps,
    });
    expect(out.find((f) => f.cause === 'process-start-failure')?.confidence).toBe(Math.round(0.6 * GENERIC_DAMPING * 1000) / 1000);
    expect(out[0]?.cause).toBe('framework-not-found');
  });

  it('joins notes of hints on the same span and caps evidence', () => {
    const same = rankFindings({
      input,
      contributions: [c('request-timeout', 0.6, 'a', [fact(15, 20)], 'first'), c('request-timeout', 0.5, 'b', [fact(15, 20)], 'second')],
      nextSteps: steps,
    });
    expect(same[0]?.evidence).toHaveLength(1);
    expect(same[0]?.evidence[0]?.note).toBe('first; second');
    const many = rankFindings({
      input,
      contributions: Array.from({ length: 20 }, (_, i) => c('request-timeout', 0.1, `k${i}`, [fact(i, i + 1)])),
      nextSteps: steps,
    });
    expect(many[0]?.evidence).toHaveLength(MAX_EVIDENCE);
  });
});
