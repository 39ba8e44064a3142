import { describe, expect, it } from 'vitest';
import { NEXT_STEPS, nextStepsFor } from './next-steps.ts';
import { CAUSE_LIST } from './catalogue.ts';
import { validateTest } from './fact-test.ts';
import { indexFacts } from './fact-index.ts';
import { fact } from '../facts/facts.ts';
import { NEXT_STEPS_SOURCE } from './next-steps.ts';

describe('content/data/next-steps.json', () => {
  it('has 2 to 4 steps for every cause id and nothing else', () => {
    const ids = CAUSE_LIST.map((c) => c.id).sort();
    expect(Object.keys(NEXT_STEPS).sort()).toEqual(ids);
    for (const id of ids) {
      const n = NEXT_STEPS[id]?.length ?? 0;
      expect(n >= 2 && n <= 4, `${id}: ${n} steps`).toBe(true);
    }
  });
  it('has plain-text steps and valid conditions', () => {
    for (const [id, steps] of Object.entries(NEXT_STEPS)) {
      for (const s of steps) {
        const text = typeof s === 'string' ? s : s.text;
        expect(text.length, id).toBeGreaterThan(20);
        if (typeof s !== 'string') expect(validateTest(s.when, undefined, id)).toEqual([]);
      }
    }
  });
});

describe('{fact:id} placeholders in next steps', () => {
  it('are written in the data file and expanded in every step the engine hands out', () => {
    const source = JSON.stringify(NEXT_STEPS_SOURCE);
    expect(source).toContain('{fact:ancm.requestTimeout}');
    for (const [id, steps] of Object.entries(NEXT_STEPS)) {
      for (const s of steps) expect(typeof s === 'string' ? s : s.text, id).not.toMatch(/\{fact:/);
    }
  });
});

describe('nextStepsFor', () => {
  it('explains the default from the facts file and the fix for request-timeout', () => {
    const steps = nextStepsFor('request-timeout').join(' ');
    expect(steps).toContain(fact('ancm.requestTimeout').says);
    expect(steps).toMatch(/requestTimeout="00:10:00"/);
  });
  it('adds conditional steps only when the evidence fits', () => {
    const plain = nextStepsFor('request-timeout', indexFacts([]));
    const azure = nextStepsFor(
      'request-timeout',
      indexFacts([{ kind: 'iis-log', name: 'server', value: 'azure-app-service', span: { start: 0, end: 1 } }]),
    );
    expect(azure.length).toBe(plain.length + 1);
    expect(azure.at(-1)).toMatch(/230 s/);
  });
  it('returns nothing for an unknown cause', () => {
    expect(nextStepsFor('no-such-cause')).toEqual([]);
  });
});
