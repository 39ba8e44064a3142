/// <reference types="vite/client" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexLines } from '../../engine/lines.ts';
import type { Fact } from '../../engine/types.ts';
import { expectLinear } from '../../../../tests/support/linear.ts';
import { recogniser } from './recogniser.ts';
import jsonErrors from '../../../../tests/fixtures/caddy/json-errors.txt?raw';
import consoleLog from '../../../../tests/fixtures/caddy/console.txt?raw';
import access from '../../../../tests/fixtures/caddy/access-json.txt?raw';
import v1 from '../../../../tests/fixtures/caddy/v1-errors.txt?raw';
import limits from '../../../../tests/fixtures/caddy/limits-and-policy.txt?raw';

function run(text: string): Fact[] {
  return recogniser.recognise(text, indexLines(text));
}
const named = (facts: Fact[], name: Fact['name']) => facts.filter((f) => f.name === name);
const values = (facts: Fact[], name: Fact['name']) => named(facts, name).map((f) => f.value);
const text = (input: string, f: Fact) => input.slice(f.span.start, f.span.end);

describe('caddy recogniser: error log', () => {
  it('reads http.log.error and reverse_proxy JSON entries: one signal per Go error', () => {
    const facts = run(jsonErrors);
    expect(values(facts, 'signal')).toEqual([
      'caddy.upstream-refused',
      'caddy.upstream-timeout',
      'caddy.upstream-connect-timeout',
      'caddy.no-upstreams',
      'caddy.upstream-reset',
      'caddy.upstream-eof',
      'caddy.idle-connection-closed',
      'caddy.upstream-tls-verify',
      'caddy.upstream-not-tls',
      'caddy.upstream-unreachable',
      'caddy.upstream-dns',
      'caddy.client-canceled',
    ]);
    expect(values(facts, 'status')).toEqual(['502', '504', '504', '503', '502', '502', '502', '502', '502', '502']);
    expect(values(facts, 'server')).toEqual(['caddy']);
    expect(text(jsonErrors, named(facts, 'signal')[0] as Fact)).toBe('connection refused');
    expect(text(jsonErrors, named(facts, 'signal')[3] as Fact)).toBe('no upstreams available');
  });

  it('reads the Go errors of a proxy that ran out of something or was refused by policy', () => {
    expect(values(run(limits), 'signal')).toEqual([
      'caddy.upstream-permission-denied',
      'caddy.upstream-socket-missing',
      'caddy.source-ports-exhausted',
      'caddy.too-many-open-files',
      'caddy.header-too-big',
      'caddy.upstream-http2-closed',
    ]);
  });

  it('takes duration (seconds) as milliseconds and the request uri as the URL', () => {
    const facts = run(jsonErrors);
    expect(values(facts, 'time-taken-ms').slice(0, 3)).toEqual([1, 30001, 3001]);
    expect(new Set(values(facts, 'url'))).toEqual(new Set(['/api/orders']));
    const d = named(facts, 'time-taken-ms')[1] as Fact;
    expect(text(jsonErrors, d)).toBe('30.0012');
  });

  it('reads a request the client canceled as the client going away, not as a backend failure', () => {
    const last = jsonErrors.trimEnd().split('\n').pop() as string;
    const facts = run(last);
    expect(values(facts, 'signal')).toEqual(['caddy.client-canceled']);
    expect(text(last, named(facts, 'signal')[0] as Fact)).toBe('context canceled');
    expect(values(facts, 'status')).toEqual([]);
    expect(values(facts, 'url')).toEqual([]);
    expect(named(facts, 'placed')).toHaveLength(1);
  });

  it('reads the console layout (tab-separated, and with tabs turned into spaces)', () => {
    const facts = run(consoleLog);
    expect(values(facts, 'signal')).toEqual(['caddy.upstream-refused', 'caddy.upstream-timeout']);
    expect(values(facts, 'status')).toEqual(['502', '504']);
    expect(values(facts, 'url')).toEqual(['/checkout', '/api/import']);
    expect(values(facts, 'time-taken-ms')).toEqual([1, 60001]);
    const spaced = run(consoleLog.replace(/\t/g, '    '));
    expect(values(spaced, 'signal')).toEqual(['caddy.upstream-refused', 'caddy.upstream-timeout']);
    expect(values(spaced, 'status')).toEqual(['502', '504']);
  });

  it('reads v1 [ERROR <status> <path>] lines', () => {
    const facts = run(v1);
    expect(values(facts, 'signal')).toEqual(['caddy.upstream-refused', 'caddy.upstream-timeout']);
    expect(values(facts, 'status')).toEqual(['502', '504']);
    expect(values(facts, 'url')).toEqual(['/api/orders', '/api/export']);
  });

  it('reads an error logger with a name suffix (http.log.error.log0)', () => {
    const line = '{"level":"error","ts":1796551261.2,"logger":"http.log.error.log0","msg":"EOF","request":{"uri":"/a"},"duration":0.002,"status":502}';
    const facts = run(line);
    expect(values(facts, 'signal')).toEqual(['caddy.upstream-eof']);
    expect(values(facts, 'url')).toEqual(['/a']);
  });

  it('leaves JSON of other loggers and bare Go errors alone', () => {
    expect(run('{"level":"error","logger":"tls.obtain","msg":"dial tcp 1.2.3.4:443: connect: connection refused"}')).toEqual([]);
    expect(run('dial tcp 127.0.0.1:5000: connect: connection refused')).toEqual([]);
  });
});

describe('caddy recogniser: access log', () => {
  it('reports 502 and 504 entries with their duration; a 200 is only placed', () => {
    const facts = run(access);
    expect(values(facts, 'signal')).toEqual(['caddy.access-502', 'caddy.access-504']);
    expect(values(facts, 'status')).toEqual(['502', '504']);
    expect(values(facts, 'time-taken-ms')).toEqual([1, 30002]);
    expect(named(facts, 'placed')).toHaveLength(3);
  });
});

describe('caddy recogniser: robustness', () => {
  it('never throws and keeps every span inside the input', () => {
    const fragment = fc.constantFrom(
      '{"level":"error","logger":"http.log.error",',
      '"msg":"',
      '"error":"',
      '"status":502',
      '"duration":1.5',
      '"uri":"/x"',
      '\tERROR\thttp.log.error\t',
      '\t{"status": 504}',
      '[ERROR 502 /a] ',
      'connection refused',
      '\\"',
      '\n',
    );
    const paste = fc.array(fc.oneof(fragment, fc.string({ maxLength: 12 })), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(paste, (s) => {
        for (const f of run(s)) {
          expect(f.kind).toBe('caddy');
          expect(f.span.start).toBeGreaterThanOrEqual(0);
          expect(f.span.end).toBeGreaterThanOrEqual(f.span.start);
          expect(f.span.end).toBeLessThanOrEqual(s.length);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('stays linear on repeated entries and on one long line of near-misses', () => {
    // Among lines of other logs, as in a real paste (this also keeps the share of retained facts,
    // and so the garbage collector's part of the time, the same at both sizes).
    const other = 'info: Microsoft.Hosting.Lifetime[14] Now listening on: http://[::]:8080 while the service keeps running\n'.repeat(40);
    const all = `${jsonErrors}\n${consoleLog}\n${access}\n${v1}\n${other}`;
    expectLinear('caddy fixtures among other lines', (k) => all.repeat(k), (s) => run(s), 40, { runs: 7 });
    const near = '"logger":"http.log.error" "msg":"\\\\ "status": "duration": ERROR  http.log.error  [ERROR 50 ';
    expectLinear('caddy near-misses on one line', (k) => near.repeat(k * 50), (s) => run(s), 20);
  }, 60_000);
});
