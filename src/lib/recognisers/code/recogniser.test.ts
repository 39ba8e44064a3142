/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexLines } from '../../engine/lines.ts';
import type { Fact } from '../../engine/types.ts';
import { recogniser } from './recogniser.ts';
import { signals } from '../../signals/code.ts';
import cases from '../../../../tests/fixtures/code/cases.json' with { type: 'json' };
import mixed from '../../../../tests/fixtures/code/mixed-paste.txt?raw';

function run(text: string): Fact[] {
  return recogniser.recognise(text, indexLines(text));
}

describe('code recogniser: fixtures', () => {
  it.each(cases.positive.map((c) => [c.input, c] as const))('reads %j', (input, c) => {
    const facts = run(input);
    expect(facts.map((f) => f.value)).toEqual(c.values);
    expect(facts.map((f) => input.slice(f.span.start, f.span.end))).toEqual(c.texts);
    for (const f of facts) expect(f).toMatchObject({ kind: 'code', name: 'code' });
  });

  it.each(cases.negative.map((c) => [c.input, c.why] as const))('ignores %j (%s)', (input) => {
    expect(run(input)).toEqual([]);
  });

  it('finds only the bare codes in a longer paste', () => {
    const facts = run(mixed);
    expect(facts.map((f) => mixed.slice(f.span.start, f.span.end))).toEqual(['0x80072ee2', '0x80072EE2', '-2147012894']);
    expect(facts.map((f) => f.value)).toEqual([0x80072ee2, 0x80072ee2, 0x80072ee2]);
  });
});

describe('code recogniser: wrapped lines', () => {
  const long = '2024-03-05 10:14:22 10.0.0.4 POST /api/reports/export - 443 - 203.0.113.7 Mozilla/5.0 - 502 3 12002';
  it('does not take the wrapped tail of a long line for a code', () => {
    expect(run(`${long}\n120016`)).toEqual([]);
    expect(run(`${long}\r\n80070005`)).toEqual([]);
  });
  it('still reads a distinctive or labelled code after a long line', () => {
    expect(run(`${long}\n0x80070005`).map((f) => f.value)).toEqual([0x80070005]);
    expect(run(`${long}\nHRESULT 5`).map((f) => f.value)).toEqual([5]);
    expect(run(`${long}\n\n12002`).map((f) => f.value)).toEqual([12002]);
  });
});

describe('code recogniser: a Win32 HRESULT without its 0x in a sentence', () => {
  it('reads eight hex digits starting 8007 as a token of their own', () => {
    const text = 'iis gives 502.3 with that 80072f78 code on one endpoint only';
    const facts = run(text);
    expect(facts.map((f) => f.value)).toEqual([0x80072f78]);
    expect(facts.map((f) => text.slice(f.span.start, f.span.end))).toEqual(['80072f78']);
  });
  it('leaves them inside longer tokens, identifiers and times alone', () => {
    expect(run('request id a80072f78b failed')).toEqual([]);
    expect(run('trace 80072f78-4a1b-9c0d-1e2f-3a4b5c6d7e8f failed')).toEqual([]);
    expect(run('build 8007 of the app failed')).toEqual([]);
  });
});

describe('code recogniser: robustness', () => {

  it('spans always point at text that parses back to the value', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('0x80072EE2', 'Error code: 12029', '-2147012894', 'HRESULT 0x5', '')), { maxLength: 8 }), (parts) => {
        const input = parts.join('\n');
        for (const f of run(input)) {
          expect(f.span.start).toBeGreaterThanOrEqual(0);
          expect(f.span.end).toBeLessThanOrEqual(input.length);
          expect(f.span.end).toBeGreaterThan(f.span.start);
          expect(Number.isInteger(f.value)).toBe(true);
        }
      }),
    );
  });

  it('registers no signals of its own', () => {
    expect(signals).toEqual([]);
    expect(recogniser.kind).toBe('code');
  });
});
