/// <reference types="vite/client" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexLines } from '../../engine/lines.ts';
import type { Fact } from '../../engine/types.ts';
import { expectLinear } from '../../../../tests/support/linear.ts';
import { recogniser } from './recogniser.ts';
import v2Debug from '../../../../tests/fixtures/traefik/v2-debug.txt?raw';
import v3 from '../../../../tests/fixtures/traefik/v3-console-and-json.txt?raw';
import clf from '../../../../tests/fixtures/traefik/access-clf.txt?raw';
import json from '../../../../tests/fixtures/traefik/access-json.txt?raw';
import limits from '../../../../tests/fixtures/traefik/limits-and-policy.txt?raw';

function run(text: string): Fact[] {
  return recogniser.recognise(text, indexLines(text));
}
const named = (facts: Fact[], name: Fact['name']) => facts.filter((f) => f.name === name);
const values = (facts: Fact[], name: Fact['name']) => named(facts, name).map((f) => f.value);
const text = (input: string, f: Fact) => input.slice(f.span.start, f.span.end);

describe('traefik recogniser: error log lines', () => {
  it("reads v2's '<code> <text>' caused by: <error>, one signal per Go error, the 499 as the client's", () => {
    const facts = run(v2Debug);
    expect(values(facts, 'signal')).toEqual([
      'traefik.upstream-refused',
      'traefik.upstream-connect-timeout',
      'traefik.upstream-timeout',
      'traefik.upstream-eof',
      'traefik.client-canceled',
      'traefik.upstream-dns',
    ]);
    expect(values(facts, 'status')).toEqual(['502', '504', '504', '502', '499', '500']);
    expect(named(facts, 'signal').map((f) => text(v2Debug, f))).toEqual([
      'connection refused',
      'i/o timeout',
      'timeout awaiting response headers',
      'EOF',
      'context canceled',
      'no such host',
    ]);
    expect(values(facts, 'server')).toEqual(['traefik']);
    expect(values(facts, 'timestamp')[0]).toBe('2026-03-14T09:12:44Z');
    // The v1 forwarder line names the backend it could not reach.
    expect(values(facts, 'setting')).toEqual(['backend=http://172.20.0.9:5000']);
    // The info line at the top is not Traefik's failure log: not placed.
    expect(named(facts, 'placed').every((f) => !text(v2Debug, f).includes('Configuration loaded'))).toBe(true);
  });

  it('reads v3 console (502 Bad Gateway error="…") and JSON ("message":"502 Bad Gateway") lines', () => {
    const facts = run(v3);
    expect(values(facts, 'signal')).toEqual([
      'traefik.idle-connection-closed',
      'traefik.upstream-tls-verify',
      'traefik.upstream-not-tls',
      'traefik.upstream-reset',
      'traefik.upstream-unreachable',
    ]);
    expect(values(facts, 'status')).toEqual(['502', '502', '502', '502', '502']);
    for (const f of named(facts, 'status')) expect(text(v3, f)).toBe('502');
    expect(named(facts, 'placed')).toHaveLength(5);
  });

  it('reads the Go errors of a proxy that ran out of something or was refused by policy', () => {
    expect(values(run(limits), 'signal')).toEqual([
      'traefik.upstream-permission-denied',
      'traefik.upstream-socket-missing',
      'traefik.source-ports-exhausted',
      'traefik.too-many-open-files',
      'traefik.header-too-big',
      'traefik.upstream-http2-closed',
    ]);
  });

  it('reads a single v3 line without any prefix', () => {
    const line = '502 Bad Gateway error="dial tcp 10.1.2.3:8080: connect: connection refused"';
    const facts = run(line);
    expect(values(facts, 'signal')).toEqual(['traefik.upstream-refused']);
    expect(values(facts, 'status')).toEqual(['502']);
  });

  it('reads a v3 JSON line alone, also with spaces after the colons', () => {
    const line = '{"level":"debug","error":"EOF","time":"2026-03-14T10:03:10Z","message":"502 Bad Gateway"}';
    expect(values(run(line), 'signal')).toEqual(['traefik.upstream-eof']);
    const spaced = '{"level": "debug", "error": "dial tcp 10.0.0.2:80: i/o timeout", "message": "504 Gateway Timeout"}';
    const facts = run(spaced);
    expect(values(facts, 'signal')).toEqual(['traefik.upstream-connect-timeout']);
    expect(values(facts, 'status')).toEqual(['504']);
    expect(text(spaced, named(facts, 'status')[0] as Fact)).toBe('504');
  });

  it('leaves Go errors outside a Traefik entry alone', () => {
    expect(run('dial tcp 10.1.2.3:8080: connect: connection refused')).toEqual([]);
    expect(run('level=debug msg="Upstream ResponseWriter of type x does not implement http.CloseNotifier"')).toEqual([]);
  });
});

describe('traefik recogniser: access log', () => {
  it('reads the common format with router, server URL and duration for 5xx lines only', () => {
    const facts = run(clf);
    expect(values(facts, 'status')).toEqual(['502', '504']);
    expect(values(facts, 'signal')).toEqual(['traefik.access-502', 'traefik.access-504']);
    expect(values(facts, 'time-taken-ms')).toEqual([3, 30001]);
    expect(values(facts, 'url')).toEqual(['/api/orders', '/api/reports']);
    expect(values(facts, 'setting')).toContain('service_url=http://10.0.3.15:8080');
    expect(values(facts, 'setting')).toContain('router=orders@docker');
    // The 200 line is placed, not reported.
    expect(named(facts, 'placed')).toHaveLength(3);
    const ms = named(facts, 'time-taken-ms')[1] as Fact;
    expect(text(clf, ms)).toBe('30001');
  });

  it('ignores a combined-format line without the Traefik fields', () => {
    const line = '192.0.2.41 - - [14/Mar/2026:10:20:05 +0000] "GET /x HTTP/1.1" 502 11 "-" "curl/8.5.0"';
    expect(run(line)).toEqual([]);
  });

  it('reads JSON entries: Duration in ns, and a signal only when Traefik produced the 5xx (OriginStatus 0)', () => {
    const facts = run(json);
    expect(values(facts, 'status')).toEqual(['502', '504', '502']);
    expect(values(facts, 'time-taken-ms')).toEqual([3, 60002, 1]);
    expect(values(facts, 'signal')).toEqual(['traefik.access-502', 'traefik.access-504']);
    expect(values(facts, 'url')).toEqual(['/api/cart', '/api/export', '/legacy/']);
    expect(values(facts, 'setting')).toContain('OriginStatus=502');
    expect(values(facts, 'timestamp')[0]).toBe('2026-03-14T10:30:02.118Z');
    expect(named(facts, 'placed')).toHaveLength(4);
  });
});

describe('traefik recogniser: robustness', () => {
  it('never throws and keeps every span inside the input', () => {
    const fragment = fc.constantFrom(
      "'502 Bad Gateway' caused by: ",
      '502 Bad Gateway error="',
      '"message":"504 Gateway Timeout"',
      '"error":"',
      '"DownstreamStatus":502',
      '"OriginStatus":0',
      '"Duration":',
      'Error forwarding to http://x, err: ',
      '] "GET / HTTP/1.1" 502 1 "-" "-" 3 "r" "http://a" 5ms',
      'connection refused',
      'time="',
      '\\"',
      '\n',
    );
    const paste = fc.array(fc.oneof(fragment, fc.string({ maxLength: 12 })), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(paste, (s) => {
        for (const f of run(s)) {
          expect(f.kind).toBe('traefik');
          expect(f.span.start).toBeGreaterThanOrEqual(0);
          expect(f.span.end).toBeGreaterThanOrEqual(f.span.start);
          expect(f.span.end).toBeLessThanOrEqual(s.length);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('stays linear on repeated entries and on long lines of near-misses', () => {
    // Among lines of other logs, as in a real paste (this also keeps the share of retained facts,
    // and so the garbage collector's part of the time, the same at both sizes).
    const other = 'info: Microsoft.Hosting.Lifetime[14] Now listening on: http://[::]:8080 while the service keeps running\n'.repeat(40);
    const all = `${v2Debug}\n${v3}\n${clf}\n${json}\n${other}`;
    expectLinear('traefik fixtures among other lines', (k) => all.repeat(k), (s) => run(s), 40, { runs: 7 });
    const near = "'502 Bad Gateway' caused by '502 Bad Gateway error= \"message\":\"502 Bad Gateway\" \"error\":\"\\\\ ";
    expectLinear('traefik near-misses on one line', (k) => near.repeat(k * 50), (s) => run(s), 20);
  }, 60_000);
});
