/**
 * Properties of diagnose() over generated input: it never throws, it is deterministic, its
 * numbers stay in range, evidence is the raw slice of the input, it builds no markup from the
 * input, and it runs in linear time on adversarial megabytes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/lib/engine/diagnose.ts';
import { sanitize } from '../../src/lib/engine/sanitize.ts';
import type { Diagnosis } from '../../src/lib/engine/types.ts';
import { readCases } from './case-files.ts';
import { expectLinear } from '../support/linear.ts';

const caseLines = readCases().flatMap((c) => c.text.split('\n')).filter((l) => l.trim() !== '');

/** Realistic pastes: case lines, cut anywhere, mixed with noise and markup. */
const pasteArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(...caseLines),
      fc.constantFrom(...caseLines).chain((l) => fc.nat({ max: l.length }).map((n) => l.slice(0, n))),
      fc.constantFrom(...caseLines).chain((l) => fc.nat({ max: l.length }).map((n) => l.slice(n))),
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '\u0000\u0000', '\r', '    ', '0x80072EE2', '502 3 12002'),
    ),
    { maxLength: 30 },
  )
  .chain((parts) => fc.constantFrom('\n', '\r\n', ' ', '').map((sep) => parts.join(sep)));

function checkShape(input: string, d: Diagnosis): void {
  const text = sanitize(input).text;
  for (const f of d.findings) {
    expect(f.confidence).toBeGreaterThan(0);
    expect(f.confidence).toBeLessThanOrEqual(1);
    expect(f.article).toBe(`/causes/${f.cause}/`);
    for (const e of f.evidence) {
      expect(e.span.start).toBeLessThanOrEqual(e.span.end);
      expect(text.slice(e.span.start, e.span.start + e.text.length)).toBe(e.text);
    }
  }
  const c = d.findings.map((f) => f.confidence);
  expect(c).toEqual([...c].sort((a, b) => b - a));
  for (const n of d.unrecognised) expect(Number.isInteger(n) && n >= 1).toBe(true);
}

/** Every string in the result except the raw slices (evidence text, fact values, code input). */
function builtStrings(d: Diagnosis): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'string') {
      if (!/\.evidence\.\d+\.text$|^facts\.\d+\.value$|^codes\.\d+\.input$/.test(path)) out.push(v);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}.${i}`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
  };
  walk(d, '');
  return out;
}

describe('diagnose on generated input', { timeout: 120_000 }, () => {
  it('never throws on any string and keeps its shape', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        checkShape(s, diagnose(s));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on realistic mixed pastes, and is deterministic', () => {
    fc.assert(
      fc.property(pasteArb, (s) => {
        const a = diagnose(s);
        checkShape(s, a);
        expect(diagnose(s)).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('builds no markup from the input', () => {
    const marker = '<img src=x onerror=alert(1)>';
    fc.assert(
      fc.property(pasteArb, fc.nat(), (s, at) => {
        const i = s.length === 0 ? 0 : at % s.length;
        const input = s.slice(0, i) + marker + s.slice(i);
        for (const str of builtStrings(diagnose(input))) expect(str).not.toContain('<img');
      }),
      { numRuns: 200 },
    );
  });
});

describe('linear time on adversarial input', () => {
  const MB = 1_000_000;
  /** `chars` characters of `unit` repeated. */
  const fill = (unit: string, chars = MB): string => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
  const prefixes = caseLines.map((l) => l.slice(0, Math.max(1, Math.floor(l.length / 2)))).join('\n');
  const units: [string, string][] = [
    ['digits', '0123456789'],
    ['digits with spaces', '502 3 12002 '],
    ['quotes', '"'],
    ['escaped quotes', '\\"'],
    ['angle brackets', '<'],
    ['unclosed tags', '<Data Name="'],
    ['whitespace', ' \t'],
    ['newlines', '\n'],
    ['CR only', '\r'],
    ['NULs', '\u0000'],
    ['one long line', 'connect() failed (111: '],
    ['repeated partial log prefixes', prefixes + '\n'],
    ['repeated whole case lines', caseLines.join('\n') + '\n'],
    ['nginx prefix storm', '2025/03/12 10:15:32 [error] 1#1: *1 '],
    ['IIS field storm', '#Fields: date time s-ip cs-method '],
    ['apache prefix storm', '[Wed Mar 12 10:15:32.402117 2025] [proxy:error] '],
  ];
  for (const [name, unit] of units) {
    // 125 kB against 500 kB of the same pattern: the time may grow about fourfold, not sixteenfold.
    // No fixed number of milliseconds: a busy machine slows both sizes alike.
    it(`${name}: 1 MB gives a diagnosis, and 4x the input takes about 4x the time`, () => {
      expect(diagnose(fill(unit)).findings).toBeInstanceOf(Array);
      expectLinear(name, (k) => fill(unit, k), (s) => diagnose(s), MB / 8, { runs: 3 });
    }, 120_000);
  }
});
