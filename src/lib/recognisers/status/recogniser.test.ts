/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { indexLines } from '../../engine/lines.ts';
import type { Fact } from '../../engine/types.ts';
import { recogniser } from './recogniser.ts';
import { signals } from '../../signals/status.ts';
import { formatStatus, parseStatus } from '../../codes/forms.ts';
import cases from '../../../../tests/fixtures/status/cases.json' with { type: 'json' };
import mixed from '../../../../tests/fixtures/status/mixed-paste.txt?raw';

function run(text: string): Fact[] {
  return recogniser.recognise(text, indexLines(text));
}

describe('status recogniser: fixtures', () => {
  it.each(cases.positive.map((c) => [c.input, c.values] as const))('reads %j', (input, values) => {
    const facts = run(input);
    expect(facts.map((f) => f.value)).toEqual(values);
    for (const f of facts) {
      expect(f).toMatchObject({ kind: 'status', name: 'status' });
      const p = parseStatus(input.slice(f.span.start, f.span.end));
      expect(p && formatStatus(p)).toBe(f.value);
    }
  });

  it.each(cases.negative.map((c) => [c.input, c.why] as const))('ignores %j (%s)', (input) => {
    expect(run(input)).toEqual([]);
  });

  it('finds the bare statuses in a longer paste, not inside HTML or a wrapped tail', () => {
    const facts = run(mixed);
    expect(facts.map((f) => f.value)).toEqual(['502', '502.3']);
    const lines = facts.map((f) => mixed.slice(0, f.span.start).split('\n').length);
    expect(lines).toEqual([2, 14]);
  });
});

describe('status recogniser: robustness', () => {

  it('registers no signals of its own', () => {
    expect(signals).toEqual([]);
    expect(recogniser.kind).toBe('status');
  });
});
