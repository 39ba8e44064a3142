import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { curatedNames } from '../codes/curated.ts';
import type { NameSource } from '../codes/table.ts';
import { FULL_TEXT_MAX, frebFileReport } from './freb-file.ts';

const read = (path: string): string => readFileSync(new URL(`../../../tests/fixtures/${path}`, import.meta.url), 'utf8');

describe('frebFileReport', () => {
  it('decodes the failure code and diagnoses a 502.3 timeout trace', () => {
    const r = frebFileReport('fr000001.xml', read('freb-reader/fr000001.xml'));
    expect(r.name).toBe('fr000001.xml');
    expect(r.kind).toBe('freb-xml');
    expect(r.message).toBeUndefined();
    expect(r.notes).toEqual([]);
    const code = r.requests[0]!.decoded[0]!;
    expect(code).toMatchObject({ hex: '0x80072EE2', unsigned: 2147954402, signed: -2147012894, win32: 12002, slug: '0x80072ee2' });
    expect(code.names[0]).toBe('ERROR_WINHTTP_TIMEOUT');
    expect(code.meaning).toMatch(/requestTimeout/);
    const findings = r.diagnosis!.findings;
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.length).toBeLessThanOrEqual(3);
    expect(findings[0]).toMatchObject({ cause: 'request-timeout', article: '/causes/request-timeout/' });
  });

  it('diagnoses what each trace says, not a fixed answer', () => {
    const reset = frebFileReport('details.txt', read('freb/text-view-details.txt'));
    expect(reset.requests[0]!.decoded[0]!.hex).toBe('0x80072EFE');
    expect(reset.diagnosis!.findings[0]!.cause).toBe('backend-connection-reset');
    const config = frebFileReport('fragment.txt', read('freb/fragment-config-error.txt'));
    expect(config.requests[0]!.decoded[0]!.hex).toBe('0x8007000D');
    expect(config.diagnosis!.findings.map((f) => f.cause)).toContain('web-config-invalid');
  });

  it('names codes from the sources given', () => {
    const fake: NameSource = { namesOf: (v) => (v === 0x80072ee2 ? [{ name: 'MY_TIMEOUT_NAME', family: 'winhttp' }] : []) };
    const r = frebFileReport('a', read('freb-reader/fr000001.xml'), { names: [fake, curatedNames] });
    expect(r.requests[0]!.decoded[0]!.names).toContain('MY_TIMEOUT_NAME');
  });

  it('explains text that is not a trace and does not diagnose it', () => {
    for (const [text, kind] of [
      [read('freb/not-freb.txt'), 'xml-other'],
      ['just a sentence about a 502', 'not-freb'],
      ['', 'empty'],
    ] as const) {
      const r = frebFileReport('x.xml', text);
      expect(r.kind).toBe(kind);
      expect(r.message).toBeTruthy();
      expect(r.diagnosis).toBeUndefined();
      expect(r.requests).toEqual([]);
    }
  });

  it('says when only the start of a file was read, and when the XML is cut off', () => {
    const full = read('freb-reader/fr000001.xml');
    const cut = full.slice(0, 30_000);
    const r = frebFileReport('fr000009.xml', cut, { truncatedFrom: 12_500_000 });
    expect(r.notes[0]).toBe('The file is 12.5 MB; only its first 0.0 MB were read.');
    expect(r.notes.some((n) => /cut off or not well-formed/.test(n))).toBe(true);
    expect(frebFileReport('a', full, { truncatedFrom: full.length }).notes).toEqual([]);
  });

  it('diagnoses a large trace from its key events, with the same answer', () => {
    const full = read('freb-reader/fr000001.xml');
    const at = full.indexOf(' <Event xmlns');
    const one = full.slice(at, full.indexOf(' <Event xmlns', at + 1));
    const big = full.slice(0, at) + one.repeat(Math.ceil(FULL_TEXT_MAX / one.length) + 5) + full.slice(at);
    expect(big.length).toBeGreaterThan(FULL_TEXT_MAX);
    const r = frebFileReport('big.xml', big);
    expect(r.notes.some((n) => /trace is large/.test(n))).toBe(true);
    expect(r.requests[0]!.wellFormed).toBe(true);
    expect(r.diagnosis!.findings[0]!.cause).toBe('request-timeout');
  });

  it('keeps the report serialisable (it crosses a worker boundary)', () => {
    const r = frebFileReport('fr000001.xml', read('freb-reader/fr000001.xml'));
    expect(structuredClone(r)).toEqual(r);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
