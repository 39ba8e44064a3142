import { describe, expect, it } from 'vitest';
import type { Fact } from './types.ts';
import { indexFacts } from './fact-index.ts';
import { matchTest, validateTest } from './fact-test.ts';
import type { FactTest } from './fact-test.ts';

const f = (name: Fact['name'], value: Fact['value'], start = 0, kind: Fact['kind'] = 'iis-log'): Fact => ({
  kind,
  name,
  value,
  span: { start, end: start + 1 },
});

const seed = indexFacts([f('status', '502.3', 0), f('code', 12002, 2), f('time-taken-ms', 120016, 4), f('server', 'IIS', 6)]);

describe('matchTest', () => {
  it('matches statuses exactly, or by the bare status', () => {
    expect(matchTest({ fact: 'status', in: ['502.3'] }, seed)).toHaveLength(1);
    expect(matchTest({ fact: 'status', in: ['502'] }, seed)).toHaveLength(1);
    expect(matchTest({ fact: 'status', in: ['502.5'] }, seed)).toBeNull();
  });
  it('matches codes in any written form', () => {
    for (const v of [12002, '0x80072EE2', 2147954402, '-2147012894']) {
      expect(matchTest({ fact: 'code', in: [v] }, seed)).not.toBeNull();
    }
    expect(matchTest({ fact: 'code', in: [12029] }, seed)).toBeNull();
  });
  it('compares servers without regard to case', () => {
    expect(matchTest({ fact: 'server', in: ['iis'] }, seed)).not.toBeNull();
  });
  it('tests numeric ranges', () => {
    expect(matchTest({ fact: 'time-taken-ms', between: [110000, 130000] }, seed)).toHaveLength(1);
    expect(matchTest({ fact: 'time-taken-ms', between: [215000, 250000] }, seed)).toBeNull();
  });
  it('uses the configured setting for near, else the default', () => {
    const near: FactTest = { fact: 'time-taken-ms', near: { setting: 'requestTimeout', default: 120000, tolerance: 0.1 } };
    expect(matchTest(near, seed)).not.toBeNull();
    const configured = indexFacts([f('time-taken-ms', 300047, 0), f('setting', 'requestTimeout=00:05:00', 9, 'web-config')]);
    const m = matchTest(near, configured);
    expect(m?.map((x) => x.name)).toEqual(['time-taken-ms', 'setting']);
    const other = indexFacts([f('time-taken-ms', 120016), f('setting', 'requestTimeout=00:05:00', 9, 'web-config')]);
    expect(matchTest(near, other)).toBeNull();
  });
  it('combines with all, any and not', () => {
    expect(matchTest({ all: [{ fact: 'status', in: ['502.3'] }, { fact: 'code', in: [12002] }] }, seed)).toHaveLength(2);
    expect(matchTest({ all: [{ fact: 'status', in: ['502.3'] }, { fact: 'code', in: [12029] }] }, seed)).toBeNull();
    expect(matchTest({ any: [{ fact: 'code', in: [12029] }, { fact: 'code', in: [12002] }] }, seed)).toHaveLength(1);
    expect(matchTest({ not: { fact: 'exception' } }, seed)).toEqual([]);
    expect(matchTest({ not: { fact: 'code' } }, seed)).toBeNull();
  });
  it('tests kinds present', () => {
    expect(matchTest({ fact: 'kind', in: ['iis-log'] }, seed)).toEqual([]);
    expect(matchTest({ fact: 'kind', in: ['nginx'] }, seed)).toBeNull();
  });
  it('hands back at most a few facts however many match', () => {
    const many = indexFacts(Array.from({ length: 500 }, (_, i) => f('code', 12002, i)));
    expect(matchTest({ fact: 'code', in: [12002] }, many)).toHaveLength(3);
  });
  it('hands back the first facts of several values in input order, each once, ties in the order of the values', () => {
    const facts = [f('status', '503', 1), f('status', '502.3', 3), f('status', '504', 3), f('status', '502', 3), f('status', '502.3', 5), f('status', '503', 8)];
    const index = indexFacts(facts);
    const at = (m: Fact[] | null): string[] => (m ?? []).map((x) => `${String(x.value)}@${x.span.start}`);
    // A 502.3 is filed under "502" and "502.3": listed once.
    expect(at(matchTest({ fact: 'status', in: ['502', '502.3'] }, index))).toEqual(['502.3@3', '502@3', '502.3@5']);
    expect(at(matchTest({ fact: 'status', in: ['504', '502'] }, index))).toEqual(['504@3', '502.3@3', '502@3']);
    expect(at(matchTest({ fact: 'status', in: ['503', '504'] }, index))).toEqual(['503@1', '504@3', '503@8']);
    const times = indexFacts([f('time-taken-ms', 5, 1), f('code', 1, 2), f('time-taken-ms', 7, 2), f('time-taken-ms', 6, 4)]);
    expect(matchTest({ fact: 'time-taken-ms', between: [6, 7] }, times)?.map((x) => x.value)).toEqual([7, 6]);
  });
});

describe('validateTest', () => {
  it('accepts well-formed tests', () => {
    expect(validateTest({ all: [{ fact: 'status', in: ['502.3'] }, { not: { fact: 'time-taken-ms', between: [1, 2] } }] })).toEqual([]);
  });
  it('names each problem', () => {
    expect(validateTest({ fact: 'colour', in: ['red'] })[0]).toMatch(/unknown fact name/);
    expect(validateTest({ fact: 'kind', in: ['teapot'] })[0]).toMatch(/unknown kind/);
    expect(validateTest({ fact: 'signal', in: ['nope.nope'] }, new Set(['a.b']))[0]).toMatch(/unknown signal id/);
    expect(validateTest({ fact: 'time-taken-ms', between: [5, 1] })[0]).toMatch(/between/);
    expect(validateTest({ fact: 'status', in: ['abc'] })[0]).toMatch(/unreadable status/);
    expect(validateTest({ any: [] })[0]).toMatch(/non-empty/);
    expect(validateTest({ fact: 'code', colour: 1 })[0]).toMatch(/unknown key/);
  });
});
