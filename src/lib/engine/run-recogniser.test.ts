import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.ts';
import { indexLines } from './lines.ts';
import { failureNote, runRecogniser } from './run-recogniser.ts';
import type { Fact, Recogniser } from './types.ts';
import { RECOGNISERS } from '../recognisers/index.ts';

// The real nginx recogniser, handed an evidence list that breaks on the first fact it is given
// from record (line) n: a throw from inside a real recogniser's code path, after it has already
// emitted the earlier records' facts.
// (No module mocking: the unit tests share module instances across files.)
const classify = { failOn: Infinity };
function breaking(real: Recogniser): Recogniser {
  return {
    kind: real.kind,
    recognise(input, lines, out = []) {
      const breakAt = classify.failOn === Infinity ? Infinity : (lines.starts[classify.failOn - 1] ?? Infinity);
      const sink = new Proxy(out, {
        get(target, prop, receiver) {
          if (prop !== 'push') return Reflect.get(target, prop, receiver);
          return (...facts: Fact[]) => {
            for (const f of facts) if (f.span.start >= breakAt) throw new Error('evidence list broke');
            return target.push(...facts);
          };
        },
      });
      const returned = real.recognise(input, lines, sink);
      return returned === sink ? out : returned;
    },
  };
}
const REAL_NGINX = RECOGNISERS.find((r) => r.kind === 'nginx') as Recogniser;
const WITH_BREAKING_NGINX = RECOGNISERS.map((r) => (r === REAL_NGINX ? breaking(r) : r));
const diagnoseBreaking = (text: string) => diagnose(text, { recognisers: WITH_BREAKING_NGINX });

const TWO_RECORDS = [
  '2024/03/05 10:14:22 [error] 29#29: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 172.18.0.1, server: _, request: "GET / HTTP/1.1", upstream: "http://172.18.0.3:5000/", host: "localhost:8080"',
  '2024/03/05 10:14:25 [error] 29#29: *3 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 172.18.0.1, server: _, request: "GET /slow HTTP/1.1", upstream: "http://172.18.0.3:5000/slow", host: "localhost:8080"',
].join('\n');

function withFailure<T>(failOn: number, run: () => T): T {
  classify.failOn = failOn;
  try {
    return run();
  } finally {
    classify.failOn = Infinity;
  }
}

describe('the failure boundary', () => {
  it('reads both records when nothing fails (the baseline the other tests break)', () => {
    const d = withFailure(Infinity, () => diagnoseBreaking(TWO_RECORDS));
    const signals = d.facts.filter((f) => f.kind === 'nginx' && f.name === 'signal').map((f) => f.value);
    expect(signals).toEqual(['nginx.upstream-refused', 'nginx.upstream-read-timeout']);
    expect(d.notes ?? []).toEqual([]);
  });

  it('keeps the facts a real recogniser found before it threw and names the kind in a note', () => {
    const d = withFailure(2, () => diagnoseBreaking(TWO_RECORDS));
    const nginx = d.facts.filter((f) => f.kind === 'nginx');
    expect(nginx.filter((f) => f.name === 'signal').map((f) => f.value)).toEqual(['nginx.upstream-refused']);
    expect(nginx.every((f) => f.span.end <= TWO_RECORDS.indexOf('\n'))).toBe(true);
    const note = (d.notes ?? []).find((n) => n.includes('nginx recogniser failed'));
    expect(note).toMatch(/^The nginx recogniser failed \(evidence list broke\); the \d+ facts it found before that are kept/);
    // The other kinds ran as usual, and the kept evidence still ranks.
    expect(d.facts.some((f) => f.kind === 'code' || f.kind === 'status' || f.kind === 'nginx')).toBe(true);
    expect(d.findings[0]?.cause).toBe('proxy-upstream-refused');
  });

  it('notes a failure before any fact without inventing evidence', () => {
    const d = withFailure(1, () => diagnoseBreaking(TWO_RECORDS));
    expect(d.facts.filter((f) => f.kind === 'nginx')).toEqual([]);
    expect(d.notes).toContain('The nginx recogniser failed (evidence list broke); its evidence is missing.');
  });

  it('runs each registered recogniser through the same boundary', () => {
    const run = withFailure(2, () => runRecogniser(breaking(REAL_NGINX), TWO_RECORDS, indexLines(TWO_RECORDS)));
    expect(run.kind).toBe('nginx');
    expect(run.failure).toBeInstanceOf(Error);
    expect(run.facts.length).toBeGreaterThan(0);
  });

  it('appends a list a recogniser returns instead of filling the one it was given', () => {
    const f: Fact = { kind: 'code', name: 'code', value: 5, span: { start: 0, end: 1 } };
    const own: Recogniser = { kind: 'code', recognise: () => [f] };
    const run = runRecogniser(own, 'x', indexLines('x'));
    expect(run.facts).toEqual([f]);
    expect(failureNote(run)).toBeUndefined();
  });

  it('reports a thrown non-Error and a returned non-list by kind', () => {
    const thrower: Recogniser = {
      kind: 'status',
      recognise: (_input, _lines, out = []) => {
        out.push({ kind: 'status', name: 'status', value: '502', span: { start: 0, end: 3 } });
        throw 'plain string';
      },
    };
    const run = runRecogniser(thrower, '502', indexLines('502'));
    expect(failureNote(run)).toBe('The status recogniser failed (plain string); the 1 fact it found before that is kept, the rest of its evidence is missing.');
    const odd: Recogniser = { kind: 'yarp', recognise: () => 'nope' as unknown as Fact[] };
    expect(failureNote(runRecogniser(odd, '', indexLines('')))).toBe('The yarp recogniser returned no list; its evidence is missing.');
  });
});
