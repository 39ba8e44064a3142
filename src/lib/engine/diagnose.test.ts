import { describe, expect, it } from 'vitest';
import type { Fact, Recogniser, SignalDef } from './types.ts';
import { diagnose, unrecognisedLines } from './diagnose.ts';
import type { Knowledge } from './contributions.ts';

/** A toy recogniser: every "T <code> <ms>" line is a 502.3 with that code and time. */
const toy: Recogniser = {
  kind: 'iis-log',
  recognise(input) {
    const facts: Fact[] = [];
    const re = /^T (\d+) (\d+)$/gm;
    for (let m = re.exec(input); m; m = re.exec(input)) {
      const start = m.index;
      const end = start + m[0].length;
      facts.push({ kind: 'iis-log', name: 'status', value: '502.3', span: { start, end } });
      facts.push({ kind: 'iis-log', name: 'code', value: Number(m[1]), span: { start: start + 2, end: start + 2 + (m[1] ?? '').length } });
      facts.push({ kind: 'iis-log', name: 'time-taken-ms', value: Number(m[2]), span: { start: end - (m[2] ?? '').length, end } });
    }
    const placed = input.indexOf('#Fields:');
    if (placed >= 0) facts.push({ kind: 'iis-log', name: 'placed', value: '#Fields header', span: { start: placed, end: placed + 8 } });
    return facts;
  },
};
const nginxToy: Recogniser = {
  kind: 'nginx',
  recognise(input) {
    const i = input.indexOf('upstream timed out');
    return i < 0 ? [] : [{ kind: 'nginx', name: 'signal', value: 'toy.timeout', span: { start: i, end: i + 18 } }];
  },
};
const signal: SignalDef = { id: 'toy.timeout', kind: 'nginx', label: 'toy: upstream timed out', causes: { 'proxy-upstream-timeout': 0.8 } };
const knowledge: Knowledge = {
  signal: (id) => (id === signal.id ? signal : undefined),
  codeCauses: (u) => (u === 12002 ? { causes: { 'request-timeout': 0.55, 'thread-pool-starvation': 0.2 }, note: '12002 = ERROR_WINHTTP_TIMEOUT' } : undefined),
  statusCauses: (s) => (s === '502.3' ? { causes: { 'request-timeout': 0.3, 'backend-connection-refused': 0.2 }, note: 'HTTP 502.3' } : undefined),
};
const opts = { recognisers: [toy, nginxToy], knowledge };

describe('diagnose', () => {
  it('puts request-timeout on top for the seed shape and explains it', () => {
    const d = diagnose('hello\nT 12002 120016\n', opts);
    expect(d.kinds).toEqual(['iis-log']);
    const top = d.findings[0];
    expect(top?.cause).toBe('request-timeout');
    expect(top?.confidence).toBeGreaterThan(0.9);
    expect(top?.confidence).toBeLessThanOrEqual(1);
    expect(top?.evidence.map((e) => e.note).join(' ')).toMatch(/120 s default/);
    expect(top?.nextSteps.join(' ')).toMatch(/requestTimeout/);
    expect(d.codes).toEqual([{ input: '12002', hex: '0x00002EE2', unsigned: 12002, signed: 12002, win32: 12002, names: expect.any(Array) }]);
    expect(d.unrecognised).toEqual([1]);
    expect(d.tree.leaf).toBe('request-timeout');
    expect(d.questions).toEqual([]);
  });

  it('ranks 12002 far from any timeout lower than at the default', () => {
    const at = diagnose('T 12002 120016', opts).findings[0];
    const far = diagnose('T 12002 45000', opts).findings[0];
    expect(far?.cause).toBe('request-timeout');
    expect(far?.confidence).toBeLessThan(at?.confidence ?? 0);
  });

  it('lists kinds in order of first appearance and dedupes codes', () => {
    const d = diagnose('x upstream timed out\nT 12002 120016\nT 12002 120020', opts);
    expect(d.kinds).toEqual(['nginx', 'iis-log']);
    expect(d.codes).toHaveLength(1);
    expect(d.facts.map((f) => f.span.start)).toEqual([...d.facts.map((f) => f.span.start)].sort((a, b) => a - b));
  });

  it('counts placed lines as recognised', () => {
    const d = diagnose('#Fields: date time\nT 12002 120016\nrandom', opts);
    expect(d.unrecognised).toEqual([3]);
  });

  it('reports a recogniser that throws, and carries on', () => {
    const broken: Recogniser = {
      kind: 'freb',
      recognise() {
        throw new Error('boom');
      },
    };
    const d = diagnose('T 12002 120016', { ...opts, recognisers: [broken, toy] });
    expect(d.findings[0]?.cause).toBe('request-timeout');
    expect(d.notes?.join(' ')).toMatch(/freb recogniser failed \(boom\)/);
  });

  it('drops malformed facts with a note', () => {
    const bad: Recogniser = {
      kind: 'code',
      recognise: () =>
        [
          { kind: 'code', name: 'code', value: 5, span: { start: 0, end: 999 } },
          { kind: 'code', name: 'nonsense', value: 5, span: { start: 0, end: 1 } },
          { kind: 'code', name: 'code', value: Number.NaN, span: { start: 0, end: 1 } },
          null,
        ] as unknown as Fact[],
    };
    const d = diagnose('abc', { ...opts, recognisers: [bad] });
    expect(d.facts).toEqual([]);
    expect(d.notes?.join(' ')).toMatch(/4 code facts were malformed/);
  });

  it('returns an open question when nothing decides', () => {
    const d = diagnose('nothing to see here', opts);
    expect(d.findings).toEqual([]);
    expect(d.kinds).toEqual([]);
    expect(d.questions[0]?.node).toBe('source');
    expect(d.unrecognised).toEqual([1]);
    expect(d.notes).toBeUndefined();
  });

  it('applies the input cap and says so', () => {
    const d = diagnose('T 12002 120016\n'.repeat(10), { ...opts, maxInput: 40 });
    expect(d.notes?.[0]).toMatch(/only the first/);
    expect(d.facts.filter((f) => f.name === 'status')).toHaveLength(2);
  });

  it('takes explicit tree answers', () => {
    const d = diagnose('T 12002 120016', { ...opts, answers: { timeout: 'under-load' } });
    expect(d.tree.leaf).toBe('thread-pool-starvation');
  });
});

describe('unrecognisedLines', () => {
  it('skips blank lines and lines under multi-line spans', () => {
    const text = 'a\n\nb\nc\n  \nd';
    const span = { start: text.indexOf('b'), end: text.indexOf('c') + 1 };
    expect(unrecognisedLines(text, [{ kind: 'freb', name: 'placed', value: 'x', span }])).toEqual([1, 6]);
  });
  it('treats an empty span as touching its own line', () => {
    expect(unrecognisedLines('a\nb', [{ kind: 'code', name: 'code', value: 1, span: { start: 2, end: 2 } }])).toEqual([1]);
  });
});
