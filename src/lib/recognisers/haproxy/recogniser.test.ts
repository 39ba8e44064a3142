/// <reference types="vite/client" />
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexLines } from '../../engine/lines.ts';
import type { Fact } from '../../engine/types.ts';
import { expectLinear } from '../../../../tests/support/linear.ts';
import { recogniser } from './recogniser.ts';
import httplog from '../../../../tests/fixtures/haproxy/httplog.txt?raw';
import health from '../../../../tests/fixtures/haproxy/health.txt?raw';
import clf from '../../../../tests/fixtures/haproxy/httplog-clf.txt?raw';
import { recogniser as nginx } from '../nginx/recogniser.ts';

function run(text: string): Fact[] {
  return recogniser.recognise(text, indexLines(text));
}
const named = (facts: Fact[], name: Fact['name']) => facts.filter((f) => f.name === name);
const values = (facts: Fact[], name: Fact['name']) => named(facts, name).map((f) => f.value);
const text = (input: string, f: Fact) => input.slice(f.span.start, f.span.end);

describe('haproxy recogniser: traffic log lines', () => {
  it('reads each termination state into its signal (a client-side end points to the client); normal lines get none', () => {
    const facts = run(httplog);
    expect(values(facts, 'signal')).toEqual([
      'haproxy.server-refused',
      'haproxy.connect-timeout',
      'haproxy.server-aborted-headers',
      'haproxy.server-aborted-data',
      'haproxy.server-timeout-headers',
      'haproxy.server-timeout-data',
      'haproxy.queue-timeout',
      'haproxy.response-blocked',
      'haproxy.client-gave-up-waiting',
      'haproxy.client-aborted',
      'haproxy.no-server',
      'haproxy.connect-timeout',
    ]);
    const states = named(facts, 'signal').map((f) => text(httplog, f));
    expect(states).toEqual(['SC', 'sC', 'SH', 'SD', 'sH', 'sD', 'sQ', 'PH', 'CH', 'CD', '<NOSRV>', 'sC']);
    expect(values(facts, 'server')).toEqual(['haproxy']);
    // Thirteen lines, all placed; the normal one (----) carries nothing else.
    expect(named(facts, 'placed')).toHaveLength(13);
    expect(values(facts, 'setting').filter((v) => String(v).startsWith('termination_state='))).toHaveLength(12);
  });

  it('takes the status, the URL, the date and the last timer (Ta) as the time taken', () => {
    const facts = run(httplog);
    const sH = 'haproxy[2211]: 198.51.100.3:61002 [06/Dec/2026:10:15:31.002]';
    const line = httplog.split('\n').find((l) => l.includes(sH)) as string;
    const one = run(line);
    expect(values(one, 'status')).toEqual(['504']);
    expect(values(one, 'time-taken-ms')).toEqual([30001]);
    expect(values(one, 'url')).toEqual(['/reports/yearly']);
    expect(values(one, 'timestamp')).toEqual(['2026-12-06T10:15:31']);
    expect(values(one, 'setting')).toEqual(['termination_state=sH--', 'backend=be_reports/reports1', 'timers=0/0/0/-1/30001']);
    for (const f of one) expect(text(line, f).length).toBeGreaterThan(0);
    // A status of -1 (no response at all) is not reported as a status.
    expect(values(facts, 'status')).not.toContain('-1');
  });

  it('reads the common log format (option httplog clf): request first, fields quoted, timers apart', () => {
    const facts = run(clf);
    expect(values(facts, 'signal')).toEqual(['haproxy.client-aborted', 'haproxy.server-timeout-headers']);
    expect(named(facts, 'signal').map((f) => text(clf, f))).toEqual(['CC', 'sH']);
    expect(values(facts, 'status')).toEqual(['503', '504']);
    expect(values(facts, 'url')).toEqual(['/app.js', '/api/orders']);
    expect(values(facts, 'time-taken-ms')).toEqual([3, 30002]);
    expect(values(facts, 'timestamp')).toEqual(['2026-03-10T14:00:56', '2026-03-10T14:01:10']);
    expect(values(facts, 'setting')).toContain('backend=be_web/web_052');
    expect(values(facts, 'server')).toEqual(['haproxy']);
    expect(named(facts, 'placed')).toHaveLength(3);
    for (const f of facts) expect(text(clf, f).length).toBeGreaterThan(0);
    // The same lines look like a combined access log: nginx's reader leaves them to HAProxy.
    expect(nginx.recognise(clf, indexLines(clf)).filter((f) => f.name === 'status')).toEqual([]);
  });

  it('places the fields of the common log format by position, even when a name also appears in a number before it', () => {
    const line = 'haproxy[1]: 203.0.113.9 - - [10/Mar/2026:14:02:00 +0000] "GET / HTTP/1.1" 502 18080 "" "" 58080 80 "80" "8080" "1" 0 0 1 -1 7 SH-- 1 1 1 1 0 0 0';
    const facts = run(line);
    const backend = named(facts, 'setting').find((f) => String(f.value).startsWith('backend=')) as Fact;
    expect(backend.value).toBe('backend=8080/1');
    expect(text(line, backend)).toBe('8080" "1');
    expect(named(facts, 'signal').map((f) => text(line, f))).toEqual(['SH']);
  });

  it('reads the TCP log format with its two-character state', () => {
    const line = 'haproxy[14387]: 10.0.1.2:33313 [06/Feb/2026:12:12:51.443] fnt bck/srv1 0/0/5007 212 SD 0/0/0/0/3 0/0';
    const facts = run(line);
    expect(values(facts, 'signal')).toEqual(['haproxy.server-aborted-data']);
    expect(values(facts, 'time-taken-ms')).toEqual([5007]);
    expect(values(facts, 'status')).toEqual([]);
  });

  it('reads the old Tq/Tw/Tc/Tr/Tt timers and a + before the last one (logasap)', () => {
    const line = 'haproxy[1]: 10.0.0.1:1 [06/Feb/2026:12:14:14.655] fe be/s1 10/0/30/69/+109 504 0 - - sH-- 1/1/1/1/0 0/0 {app.example} {} "GET /slow HTTP/1.1"';
    const facts = run(line);
    expect(values(facts, 'signal')).toEqual(['haproxy.server-timeout-headers']);
    expect(values(facts, 'time-taken-ms')).toEqual([109]);
    expect(values(facts, 'url')).toEqual(['/slow']);
  });

  it('finds two entries on one line when the newline between them was lost', () => {
    const a = 'haproxy[1]: 10.0.0.1:1 [06/Feb/2026:12:14:14.655] fe be/s1 0/0/-1/-1/3001 503 0 - - SC-- 1/1/1/1/3 0/0 "GET /a HTTP/1.1"';
    const b = 'haproxy[1]: 10.0.0.1:2 [06/Feb/2026:12:14:15.655] fe be/s1 0/0/0/-1/30000 504 0 - - sH-- 1/1/1/1/0 0/0 "GET /b HTTP/1.1"';
    const facts = run(`${a} ${b}`);
    expect(values(facts, 'signal')).toEqual(['haproxy.server-refused', 'haproxy.server-timeout-headers']);
    expect(values(facts, 'url')).toEqual(['/a', '/b']);
  });

  it('reads an entry a terminal wrapped at its width (cut inside the date and a timer), or a mail client at spaces', () => {
    const entry = 'Dec  6 10:15:02 lb1 haproxy[2211]: 203.0.113.24:51844 [06/Dec/2026:10:15:02.118] fe_tcp be_orders/orders1 3001/-1/3002 0 SC 12/12/0/0/3 0/0';
    const hard = `${entry.slice(0, 67)}\n${entry.slice(67, 134)}\n${entry.slice(134)}\n`;
    const facts = run(hard);
    expect(values(facts, 'signal')).toEqual(['haproxy.server-refused']);
    expect(values(facts, 'timestamp')).toEqual(['2026-12-06T10:15:02']);
    expect(values(facts, 'time-taken-ms')).toEqual([3002]);
    // Spans point into the pasted text: across the break where a value was cut.
    const ts = named(facts, 'timestamp')[0] as Fact;
    expect(text(hard, ts)).toContain('\n');
    expect(text(hard, ts).replace('\n', '')).toBe('06/Dec/2026:10:15:02');
    expect(text(hard, named(facts, 'signal')[0] as Fact)).toBe('SC');
    // A soft wrap drops the space it broke at; a shortened address makes the widths unequal.
    const soft = entry.replace('203.0.113.24', '1.1.1.1').replace(' be_orders/', '\nbe_orders/').replace(' 0 SC ', '\n0 SC ');
    expect(values(run(soft), 'signal')).toEqual(['haproxy.server-refused']);
  });

  it('does not join a cut entry across a blank line or with the next entry', () => {
    const entry = 'haproxy[2211]: 203.0.113.24:51844 [06/Dec/2026:10:15:02.118] fe_tcp be_orders/orders1 3001/-1/3002 0 SC 12/12/0/0/3 0/0';
    expect(values(run(`${entry.slice(0, 80)}\n\n${entry.slice(80)}`), 'signal')).toEqual([]);
    expect(values(run(`${entry.slice(0, 80)}\n${entry}`), 'signal')).toEqual(['haproxy.server-refused']);
    expect(named(run(`${entry.slice(0, 80)}\n${entry}`), 'placed')).toHaveLength(1);
  });

  it('does not read nginx or Apache access lines', () => {
    expect(run('203.0.113.7 - - [12/Mar/2025:10:15:32 +0000] "GET /api HTTP/1.1" 502 157 "-" "curl/8.5.0"')).toEqual([]);
  });
});

describe('haproxy recogniser: health-check messages', () => {
  it('reads a server DOWN (refused, wrong status, TLS of the check) and a backend without servers; UP is not read', () => {
    const facts = run(health);
    expect(values(facts, 'signal')).toEqual(['haproxy.check-refused', 'haproxy.check-failed', 'haproxy.check-tls-failed', 'haproxy.no-server-available']);
    expect(values(facts, 'setting')).toEqual(['backend=be_orders/orders1', 'backend=be_orders/orders2', 'backend=be_orders/orders3', 'backend=be_orders']);
    expect(named(facts, 'placed')).toHaveLength(4);
  });
});

describe('haproxy recogniser: robustness', () => {
  it('never throws and keeps every span inside the input', () => {
    const fragment = fc.constantFrom(
      '[06/Feb/2026:12:14:14.655] ',
      'fe be/s1 ',
      '0/0/-1/-1/3001 ',
      '503 0 - - ',
      'SC-- ',
      '1/1/1/1/3 0/0',
      ' "GET /a HTTP/1.1"',
      'be/<NOSRV> ',
      'Server a/b is DOWN, reason: Layer4 connection problem, info: "Connection refused"',
      "backend 'x' has no server available!",
      '\n',
    );
    const paste = fc.array(fc.oneof(fragment, fc.string({ maxLength: 12 })), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(paste, (s) => {
        for (const f of run(s)) {
          expect(f.kind).toBe('haproxy');
          expect(f.span.start).toBeGreaterThanOrEqual(0);
          expect(f.span.end).toBeGreaterThanOrEqual(f.span.start);
          expect(f.span.end).toBeLessThanOrEqual(s.length);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('stays linear on repeated lines and on one long line of near-misses', () => {
    // Among lines of other logs, as in a real paste (this also keeps the share of retained facts,
    // and so the garbage collector's part of the time, the same at both sizes).
    const other = 'info: Microsoft.Hosting.Lifetime[14] Now listening on: http://[::]:8080 while the service keeps running\n'.repeat(40);
    const all = `${httplog}\n${health}\n${other}`;
    expectLinear('haproxy fixtures among other lines', (k) => all.repeat(k), (s) => run(s), 40, { runs: 7 });
    const near = '[06/Feb/2026:12:14:14.655] fe be/s1 0/0/-1/-1/3001 503 0 - - SC-- 1/1/1/1/ ';
    expectLinear('haproxy near-misses on one line', (k) => near.repeat(k * 50), (s) => run(s), 20);
    const names = `[06/Feb/2026:12:14:14.655] ${'a'.repeat(190)} ${'b/'.repeat(100)} `;
    expectLinear('haproxy slashes in names', (k) => names.repeat(k * 20), (s) => run(s), 20);
    // Every line starts an entry that never completes: each is joined with at most a few after it.
    const cut = '10.0.0.1:51844 [06/Feb/2026:12:14:14.655] fe be/s1 0/0/-1/-1/3001 503 0 -\n- SC-- 1/1/1/\n';
    expectLinear('haproxy cut entries, one after the other', (k) => cut.repeat(k * 200), (s) => run(s), 20);
  }, 60_000);
});

describe('haproxy recogniser: termination states retold in words', () => {
  it('reads a four-character state when the paste names HAProxy or its termination state', () => {
    const said = 'we see SD-- and sH-- in the haproxy logs';
    const facts = run(said);
    expect(values(facts, 'signal')).toEqual(['haproxy.server-aborted-data', 'haproxy.server-timeout-headers']);
    expect(named(facts, 'setting').map((f) => text(said, f))).toEqual(['SD--', 'sH--']);
    expect(values(run('termination state cD-- on the long polls'), 'signal')).toEqual(['haproxy.client-aborted']);
  });
  it('reads nothing without that context, inside words, or when a log line was read', () => {
    expect(run('CD-- everywhere')).toEqual([]);
    expect(run('the CD pipeline and haproxy')).toEqual([]);
    expect(run('haproxy build SD--x and x-SD--')).toEqual([]);
    // The log line's own state is read once, in place.
    const facts = run(`${httplog}\nhaproxy says SD-- again`);
    expect(values(facts, 'signal')).toEqual(values(run(httplog), 'signal'));
  });
});
