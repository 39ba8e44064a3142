import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexLines } from '../../engine/lines.ts';
import type { Fact } from '../../engine/types.ts';
import { signals } from '../../signals/iis-log.ts';
import { recogniser } from './recogniser.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../tests/fixtures/iis-log/${name}`, import.meta.url), 'utf8');

const run = (text: string): Fact[] => recogniser.recognise(text, indexLines(text));
const values = (facts: Fact[], name: string): (string | number)[] =>
  facts.filter((f) => f.name === name).map((f) => f.value);
const sliced = (text: string, facts: Fact[], name: string): string[] =>
  facts.filter((f) => f.name === name).map((f) => text.slice(f.span.start, f.span.end));

describe('iis-log recogniser: fixtures', () => {
  it('reads a default IIS 10 log by its #Fields header', () => {
    const text = fixture('default-header.log');
    const facts = run(text);
    expect(values(facts, 'status')).toEqual(['502.3', '502.3']);
    expect(sliced(text, facts, 'status')).toEqual(['502 3', '502 3']);
    expect(values(facts, 'code')).toEqual([12002, 12030]);
    expect(sliced(text, facts, 'code')).toEqual(['12002', '12030']);
    expect(values(facts, 'time-taken-ms')).toEqual([120016, 842]);
    expect(values(facts, 'url')).toEqual(['/api/reports/export', '/api/orders']);
    expect(values(facts, 'timestamp')).toEqual(['2024-03-05T10:14:22Z', '2024-03-05T10:15:40Z']);
    expect(values(facts, 'signal')).toEqual(['iis-log.502-3-timeout', 'iis-log.502-3-connection-error']);
    expect(values(facts, 'server')).toEqual(['iis']);
    // 4 directives + 200, 404 and 200 lines.
    expect(values(facts, 'placed')).toHaveLength(7);
  });

  it('reads App Service http/RawLogs lines with extra fields and the HRESULT form', () => {
    const text = fixture('app-service-rawlogs.log');
    const facts = run(text);
    expect(values(facts, 'server')).toEqual(['azure-app-service']);
    expect(values(facts, 'status')).toEqual(['502.3']);
    expect(values(facts, 'code')).toEqual([2147954402, 64]);
    expect(values(facts, 'time-taken-ms')).toEqual([120062, 230015]);
    expect(values(facts, 'signal')).toEqual(['iis-log.502-3-timeout', 'iis-log.client-disconnected']);
    expect(values(facts, 'url')).toEqual(['/api/import', '/api/slow-report']);
  });

  it('finds header-less lines inside prose, with prefixes, and joins a wrapped line', () => {
    const text = fixture('headerless-embedded.txt');
    const facts = run(text);
    expect(values(facts, 'status')).toEqual(['502.3', '502.3']);
    expect(values(facts, 'code')).toEqual([12029, 12152]);
    expect(values(facts, 'signal')).toEqual(['iis-log.502-3-cannot-connect', 'iis-log.502-3-invalid-response']);
    expect(values(facts, 'url')).toEqual(['/api/values', '/api/upload']);
    expect(values(facts, 'time-taken-ms')).toEqual([1, 3120]);
    // The wrapped record is placed as one span over both lines.
    const placed = facts.filter((f) => f.name === 'placed').map((f) => text.slice(f.span.start, f.span.end));
    expect(placed.some((p) => p.startsWith('2024-04-02 14:02:31') && p.endsWith('502 3 12152 3120'))).toBe(true);
    // The prose lines are not claimed.
    const lines = text.split('\n');
    for (const f of facts) expect(text.slice(f.span.start, f.span.end)).not.toContain('Hi all');
    expect(lines.length).toBeGreaterThan(5);
  });

  it('follows a field set that changes mid-file', () => {
    const text = fixture('fields-change.log');
    const facts = run(text);
    expect(values(facts, 'status')).toEqual(['500.30', '500.19', '500.19']);
    expect(values(facts, 'code')).toEqual([13, 183]);
    expect(values(facts, 'time-taken-ms')).toEqual([2204, 0, 0]);
    expect(values(facts, 'signal')).toEqual(['iis-log.500-19-invalid-data', 'iis-log.500-19-duplicate']);
  });

  it('says IIS Express when the paste names it', () => {
    const facts = run(fixture('iis-express.txt'));
    expect(values(facts, 'server')).toEqual(['iis-express']);
    expect(values(facts, 'status')).toEqual(['500.37', '500.37']);
    expect(values(facts, 'time-taken-ms')).toEqual([120512, 3]);
  });

  it('reads HTTP.sys error logs with and without a header', () => {
    const a = run(fixture('httperr.log'));
    expect(values(a, 'status')).toEqual(['503', '503']);
    expect(values(a, 'signal')).toEqual(['iis-log.httperr-app-offline', 'iis-log.httperr-app-offline']);
    expect(values(a, 'url')).toEqual(['/api/orders', '/api/orders']);
    expect(values(a, 'placed')).toContain('HTTP.sys error log line');
    const b = run(fixture('httperr-headerless.txt'));
    expect(values(b, 'status')).toEqual(['503']);
    expect(values(b, 'signal')).toEqual(['iis-log.httperr-queue-full', 'iis-log.httperr-connection-abandoned']);
  });

  it('places 2xx/3xx lines without error facts (near miss)', () => {
    const facts = run(fixture('only-200.log'));
    expect(values(facts, 'status')).toEqual([]);
    expect(values(facts, 'code')).toEqual([]);
    expect(values(facts, 'signal')).toEqual([]);
    expect(values(facts, 'placed')).toHaveLength(7);
  });

  it('does not take other logs with dates and numbers for IIS lines', () => {
    expect(run(fixture('not-iis.txt'))).toEqual([]);
  });
});

describe('iis-log recogniser: variants', () => {
  it('accepts the signed form of the HRESULT and tab separators', () => {
    const text = '2024-03-05\t10:14:22\t10.0.0.4\tGET\t/x\t-\t80\t-\t1.2.3.4\tcurl/8\t-\t502\t3\t-2147012894\t119990';
    const facts = run(text);
    expect(values(facts, 'code')).toEqual([2147954402]);
    expect(values(facts, 'signal')).toEqual(['iis-log.502-3-timeout']);
  });

  it('reads a record whose wrap cut a value in two when the header gives the field count', () => {
    const header =
      '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';
    const text = `${header}\n2024-03-05 10:14:22 10.0.0.4 GET /api/reports - 443 - 203.0.113.7 Mozilla/5.0+(Wind\nows+NT+10.0) - 502 3 12002 120016`;
    const facts = run(text);
    expect(values(facts, 'status')).toEqual(['502.3']);
    expect(values(facts, 'time-taken-ms')).toEqual([120016]);
  });

  it('reads a wrapped #Fields: line', () => {
    const text =
      '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent)\n' +
      'cs(Referer) sc-status sc-substatus sc-win32-status time-taken\n' +
      '2024-03-05 10:14:22 10.0.0.4 GET /a - 443 - 203.0.113.7 UA - 503 0 0 5';
    const facts = run(text);
    expect(values(facts, 'status')).toEqual(['503']);
    expect(values(facts, 'placed')).toHaveLength(2);
  });

  it('reports 403.14 (directory listing denied) and 400 with a dropped client', () => {
    const text =
      '2024-03-05 10:00:00 10.0.0.4 GET / - 80 - 1.2.3.4 UA - 403 14 0 1\n' +
      '2024-03-05 10:00:01 10.0.0.4 POST /upload - 80 - 1.2.3.4 UA - 400 0 10054 30112';
    const facts = run(text);
    expect(values(facts, 'status')).toEqual(['403.14', '400']);
    expect(values(facts, 'signal')).toEqual(['iis-log.client-disconnected']);
  });

  it('emits only signals that are registered', () => {
    const ids = new Set(signals.map((s) => s.id));
    const all = [
      'default-header.log',
      'app-service-rawlogs.log',
      'headerless-embedded.txt',
      'fields-change.log',
      'httperr.log',
      'httperr-headerless.txt',
    ].flatMap((f) => values(run(fixture(f)), 'signal'));
    expect(all.length).toBeGreaterThan(0);
    for (const id of all) expect(ids.has(id as string)).toBe(true);
  });
});

describe('iis-log recogniser: generated lines (fast-check)', () => {
  const token = fc.stringMatching(/^[A-Za-z0-9/._;()+,=-]{1,20}$/);
  const record = fc.record({
    status: fc.integer({ min: 100, max: 599 }),
    sub: fc.integer({ min: 0, max: 99 }),
    win32: fc.constantFrom(0, 2, 64, 1236, 12002, 12029, 12030, 12152, 2147954402),
    taken: fc.integer({ min: 0, max: 9_999_999 }),
    ua: token,
    referer: fc.oneof(fc.constant('-'), token.map((t) => `https://x.example/${t}`)),
    bytes: fc.boolean(),
  });

  it('finds status, substatus, win32 and time-taken with and without a header', () => {
    fc.assert(
      fc.property(record, fc.boolean(), (r, withHeader) => {
        const fields = r.bytes
          ? 'date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status sc-bytes cs-bytes time-taken'
          : 'date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';
        const bytes = r.bytes ? ' 5120 340' : '';
        const line = `2024-01-02 03:04:05 10.0.0.1 GET /p - 443 - 10.0.0.2 ${r.ua} ${r.referer} ${r.status} ${r.sub} ${r.win32}${bytes} ${r.taken}`;
        const text = withHeader ? `#Fields: ${fields}\n${line}` : line;
        const facts = run(text);
        if (r.status >= 500) {
          expect(values(facts, 'status')).toEqual([r.sub ? `${r.status}.${r.sub}` : `${r.status}`]);
          expect(values(facts, 'time-taken-ms')).toEqual([r.taken]);
          expect(values(facts, 'code')).toEqual(r.win32 ? [r.win32] : []);
        } else {
          expect(values(facts, 'status').length).toBeLessThanOrEqual(1);
        }
        expect(facts.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});


describe('iis-log recogniser: 500.19 sub-cases', () => {
  it('names the Win32 code of a 500.19', () => {
    const line = (w: number) => `2024-03-05 10:00:00 10.0.0.4 GET / - 443 - 1.2.3.4 UA - 500 19 ${w} 1`;
    expect(values(run(line(3)), 'signal')).toEqual(['iis-log.500-19-path-not-found']);
    expect(values(run(line(5)), 'signal')).toEqual(['iis-log.500-19-access-denied']);
    expect(values(run(line(50)), 'signal')).toEqual([]);
  });
});

describe('iis-log recogniser: lines pasted into Markdown', () => {
  it('reads a header-less line whose outcome fields were set in bold', () => {
    const text =
      '2023-04-23 22:47:03 W3SVC5 HOSTNAME1 [IP censored] GET /app/health 443 - HTTP/1.1 - - my.fqdn.example.com **503 0 1255** 202 130 15';
    const facts = run(text);
    expect(values(facts, 'status')).toEqual(['503']);
    expect(values(facts, 'code')).toEqual([1255]);
    expect(sliced(text, facts, 'code')).toEqual(['1255']);
    expect(values(facts, 'time-taken-ms')).toEqual([15]);
    expect(values(facts, 'url')).toEqual(['/app/health']);
  });
});
