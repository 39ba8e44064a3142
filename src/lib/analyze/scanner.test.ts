import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createScanner, MAX_LINE, scanBytes, type ScanResult } from './scanner.ts';
import { mergeStats, sigKey, type Stats } from './stats.ts';
import { toReport } from './report.ts';
import { generateText } from '../../../tests/fixtures/analyze/generate.ts';
import { expectLinear } from '../../../tests/support/linear.ts';

const enc = new TextEncoder();
const bytes = (s: string): Uint8Array => enc.encode(s);
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/analyze/${name}`, import.meta.url)));
const scan = (s: string | Uint8Array): Stats => scanBytes(typeof s === 'string' ? bytes(s) : s, { strict: true }).stats;

/** Push `data` in pieces cut at `cuts` (offsets, any order). */
function scanInPieces(data: Uint8Array, cuts: number[]): ScanResult {
  const sc = createScanner({ strict: true });
  let at = 0;
  for (const c of [...new Set(cuts.map((x) => Math.min(Math.max(0, x), data.length)))].sort((a, b) => a - b)) {
    sc.push(data.subarray(at, c));
    at = c;
  }
  sc.push(data.subarray(at));
  return sc.end();
}

const FIELDS =
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';
const line = (status: string, taken = '15', url = '/a', time = '10:00:00', date = '2024-03-05'): string =>
  `${date} ${time} 10.0.0.4 GET ${url} - 443 - 203.0.113.7 Mozilla/5.0 - ${status} ${taken}`;

describe('scanner: W3C layouts', () => {
  it('reads an IIS 10 log with a byte-order mark and CRLF line ends', () => {
    const s = scan(fixture('iis10-bom-crlf.log'));
    expect(s.comments).toBe(4);
    expect(s.requests).toBe(7);
    expect(s.bad).toBe(0);
    expect(s.status[502]).toBe(4);
    expect(s.status[503]).toBe(1);
    expect(s.sub.get(502003)).toBe(4);
    expect(s.sigs.get(sigKey(502, 3, 12002))?.count).toBe(2);
    expect(s.sigs.get(sigKey(502, 3, 12029))?.count).toBe(1);
    expect(s.urls.counts.get('/api/reports/export')).toBe(2);
    expect(s.urls.counts.get('/api/orders')).toBe(2);
  });

  it('follows #Fields when the field set changes mid-file', () => {
    const text = [
      FIELDS,
      line('500 30 0', '2204'),
      '#Fields: date time s-sitename s-computername s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs-version cs(User-Agent) cs(Referer) cs-host sc-status sc-substatus sc-win32-status sc-bytes cs-bytes time-taken',
      '2024-05-20 09:30:12 W3SVC3 WEB01 10.1.2.3 GET /app/ - 443 - 10.9.8.7 HTTP/1.1 Mozilla/5.0 - app.contoso.local 502 3 12002 1234 410 120001',
      '2024-05-20 09:30:13 W3SVC3 WEB01 10.1.2.3 GET /app/x - 443 - 10.9.8.7 HTTP/1.1 Mozilla/5.0 - app.contoso.local 200 0 0 520 390 3',
    ].join('\n');
    const s = scan(text);
    expect(s.requests).toBe(3);
    expect(s.bad).toBe(0);
    expect(s.sub.get(500030)).toBe(1);
    const sig = s.sigs.get(sigKey(502, 3, 12002));
    expect(sig?.count).toBe(1);
    // time-taken is the last field of the new layout, not sc-bytes.
    expect(sig?.bands[1 * 4 + 1]).toBe(120001);
    expect(s.urls.counts.get('/app/')).toBe(1);
  });

  it('reads App Service raw logs: HRESULT win32 values and the 230 s front-end cut', () => {
    const s = scan(fixture('app-service-rawlogs.log'));
    expect(s.requests).toBe(5);
    // 2147954402 = 0x80072EE2 is counted as 12002.
    expect(s.sigs.get(sigKey(502, 3, 12002))?.count).toBe(1);
    expect(s.sigs.has(sigKey(502, 3, 2147954402))).toBe(false);
    // 200 with 64 after 230 s: a dropped connection at the front end limit, kept as a combination.
    expect(s.sigs.get(sigKey(200, 0, 64))?.bands[2 * 4]).toBe(1);
    expect(s.sigs.get(sigKey(500, 0, 1236))?.bands[2 * 4]).toBe(1);
  });

  it('falls back to the IIS default order without a header', () => {
    const s = scan([line('502 3 12029', '1'), line('200 0 0')].join('\n'));
    expect(s.requests).toBe(2);
    expect(s.sigs.get(sigKey(502, 3, 12029))?.count).toBe(1);
  });

  it('reads header-less lines of another shape by their outcome fields (sc-bytes, cs-bytes)', () => {
    const s = scan('2024-06-11 08:03:52 SITE GET /api/import - 443 - 20.42.10.7 HTTP/1.1 python-requests/2.31.0 - host 502 3 12002 396 1129 120062\n');
    expect(s.requests).toBe(1);
    const sig = s.sigs.get(sigKey(502, 3, 12002));
    expect(sig?.bands[1 * 4 + 1]).toBe(120062);
    expect(s.urls.counts.get('/api/import')).toBe(1);
  });

  it('reads findstr/grep output that prefixes each line with its file name', () => {
    const s = scan(fixture('findstr-output.txt'));
    expect(s.requests).toBe(3);
    expect(s.sigs.get(sigKey(502, 3, 12029))?.count).toBe(2);
    expect(s.sigs.get(sigKey(502, 3, 12152))?.count).toBe(1);
    expect(s.first).toBe(Date.UTC(2024, 3, 2, 14, 1, 55) / 1000);
  });

  it('reads log lines quoted, numbered or prefixed in a saved paste', () => {
    const l = line('502 3 12002', '120004', '/quoted');
    const s = scan(['Our log shows:', `> ${l}`, `12: ${l}`, `u_ex240305.log: ${l}`, `[1] > ${l}`, 'thanks'].join('\n'));
    expect(s.requests).toBe(4);
    expect(s.bad).toBe(2);
    expect(s.urls.counts.get('/quoted')).toBe(4);
  });

  it('keeps custom fields after time-taken out of the outcome fields', () => {
    const s = scan(fixture('custom-fields.log'));
    expect(s.requests).toBe(3);
    const sig = s.sigs.get(sigKey(502, 3, 12002));
    expect(sig?.count).toBe(2);
    expect(sig?.bands[0]).toBe(2); // near 60 s
  });

  it('reads a line whose user agent has raw spaces from both ends', () => {
    const s = scan(fixture('spaces-in-user-agent.log'));
    expect(s.requests).toBe(2);
    expect(s.bad).toBe(0);
    expect(s.sigs.get(sigKey(502, 3, 12002))?.bands[4]).toBe(1);
    expect(s.urls.counts.get('/checkout')).toBe(1);
  });

  it('reads HTTP.sys error logs, with a dash for the status', () => {
    const text = [
      '#Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri streamid sc-status s-siteid s-reason s-queuename',
      '2024-07-01 06:00:11 203.0.113.50 50123 10.0.0.4 443 HTTP/1.1 GET /api/orders - 503 2 AppOffline ShopApiPool',
      '2024-07-01 06:02:40 203.0.113.52 50190 10.0.0.4 443 - - - - - - Timer_ConnectionIdle -',
    ].join('\n');
    const s = scan(text);
    expect(s.requests).toBe(2);
    expect(s.noStatus).toBe(1);
    expect(s.status[503]).toBe(1);
    // Lines with an s-reason are counted by reason, not as a status-only failure.
    expect(s.reasons).toEqual(
      new Map([
        ['503|appoffline', 1],
        ['-|timer_connectionidle', 1],
      ]),
    );
    expect(s.sigs.size).toBe(0);
  });

  it('reads header-less HTTP.sys error-log lines with their reason', () => {
    const s = scan('2024-07-02 11:20:05 198.51.100.9 61234 10.0.0.4 443 HTTP/1.1 POST /api/checkout - 503 3 QueueFull CheckoutPool\n');
    expect(s.requests).toBe(1);
    expect(s.reasons.get('503|queuefull')).toBe(1);
  });

  it('counts comments, blank lines and unreadable lines apart from requests', () => {
    const s = scan(['#Software: x', '', '   ', 'not a log line at all', FIELDS, line('200 0 0'), 'garbage 1 2 3', line('999 0 0')].join('\n'));
    expect(s.lines).toBe(8);
    expect(s.comments).toBe(2);
    expect(s.blank).toBe(2);
    expect(s.requests).toBe(1);
    expect(s.bad).toBe(3);
  });

  it('reads a signed win32 value and a dash for time-taken', () => {
    const s = scan([FIELDS, line('502 3 -2147012894', '-')].join('\n'));
    const sig = s.sigs.get(sigKey(502, 3, 12002));
    expect(sig?.count).toBe(1);
    expect(sig?.noTime).toBe(1);
    expect(s.noTaken502).toBe(1);
  });

  it('rejects impossible dates and statuses', () => {
    const s = scan([FIELDS, line('200 0 0', '1', '/a', '25:00:00'), line('200 0 0', '1', '/a', '10:00:00', '2024-02-30'), line('700 0 0')].join('\n'));
    expect(s.requests).toBe(2);
    expect(s.undated).toBe(2);
    expect(s.bad).toBe(1);
  });

  it('puts requests on a minute timeline in UTC', () => {
    const s = scan([FIELDS, line('200 0 0', '1', '/a', '23:59:59', '2024-02-29'), line('502 3 12002', '120000', '/a', '23:59:30', '2024-02-29'), line('503 0 0', '1', '/a', '00:00:00', '2024-03-01')].join('\n'));
    const minute = Date.UTC(2024, 1, 29, 23, 59) / 60000;
    expect(s.timeUnit).toBe(60);
    expect(s.time.get(minute)).toEqual([2, 1, 1]);
    expect(s.time.get(minute + 1)).toEqual([1, 1, 0]);
    expect(s.first).toBe(Date.UTC(2024, 1, 29, 23, 59, 30) / 1000);
    expect(s.last).toBe(Date.UTC(2024, 2, 1) / 1000);
  });

  it('counts an over-long line as one bad line and goes on', () => {
    const long = 'x'.repeat(MAX_LINE + 10);
    const text = [FIELDS, long, line('502 3 12002', '120000')].join('\n');
    for (const cuts of [[], [100], [100, 40_000, 70_000]]) {
      const s = scanInPieces(bytes(text), cuts).stats;
      expect(s.bad).toBe(1);
      expect(s.requests).toBe(1);
      expect(s.lines).toBe(3);
    }
  });

  it('keeps URLs with 502s only, decoded as UTF-8', () => {
    const s = scan([FIELDS, line('502 3 12002', '5', '/caf\u00e9'), line('200 0 0', '5', '/other')].join('\n'));
    expect([...s.urls.counts.keys()]).toEqual(['/caf\u00e9']);
  });

  /** Hostile input with every part scaled by `k` (k = 10 gives about 1.6 MB). */
  const hostile = (k: number): string =>
    [
      '9'.repeat(20_000 * k),
      '"'.repeat(20_000 * k),
      '<'.repeat(20_000 * k),
      ' \t'.repeat(10_000 * k),
      '#Fields: ' + 'a '.repeat(5_000 * k),
      '2024-03-05 '.repeat(2_000 * k),
      ('- '.repeat(14) + '\n').repeat(2_000 * k),
    ].join('\n');

  it('never throws on hostile input', () => {
    const s = scan(hostile(10));
    expect(s.lines).toBeGreaterThan(20_000);
  }, 60_000);

  it('stays linear on hostile input: 4x the input takes about 4x the time', () => {
    // Small runs of at least 25 ms: a few-millisecond run is too easily lucky (or unlucky) on a busy machine.
    expectLinear('hostile scan', (k) => bytes(hostile(k)), (b) => scanBytes(b, { strict: true }), 3, { minMs: 25 });
  }, 120_000);

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (data) => {
        const s = scanBytes(data, { strict: true }).stats;
        expect(s.bytes).toBe(data.length);
        expect(s.lines).toBeGreaterThanOrEqual(data.length > 0 ? 1 : 0);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('scanner: chunking and merging', () => {
  const log = generateText({ lines: 2500, seed: 7, fieldChange: true, spacing: 3 });
  const data = bytes(log.text);

  it('matches what the generator wrote', () => {
    const r = toReport(scan(data));
    expect(r.totals.requests).toBe(log.expected.requests);
    expect(r.totals.comments).toBe(log.expected.comments);
    expect(r.totals.bad).toBe(0);
    expect(r.byStatus).toEqual(log.expected.byStatus);
    expect(r.bySubstatus).toEqual(log.expected.bySubstatus);
    expect(r.byWin32).toEqual(log.expected.byWin32);
    expect(r.range).toEqual({ first: log.expected.first, last: log.expected.last });
    const c120 = r.clusters.find((c) => c.near === 120 && c.win32 === 12002);
    expect(c120?.count).toBe(log.expected.timeout120);
  });

  it('gives the same result however the bytes are cut into chunks', () => {
    const whole = scan(data);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: data.length }), { maxLength: 40 }), (cuts) => {
        expect(scanInPieces(data, cuts).stats).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same result however arbitrary log-like bytes are cut', () => {
    const piece = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '#Fields: date time sc-status time-taken\n', '#Software: x\n', '2024-03-05', '10:00:00', '502', '3', '12002', '120000', '/a', 'Mozilla/5.0+(x)', '-', '\uFEFF', 'caf\u00e9', 'x'.repeat(37));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 120 }), fc.array(fc.nat(), { maxLength: 12 }), (parts, rawCuts) => {
        const d = bytes(parts.join(''));
        const cuts = rawCuts.map((c) => (d.length === 0 ? 0 : c % (d.length + 1)));
        expect(scanInPieces(d, cuts).stats).toEqual(scanBytes(d, { strict: true }).stats);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result with one-byte chunks', () => {
    const small = bytes(generateText({ lines: 60, seed: 3 }).text);
    const sc = createScanner({ strict: true });
    for (let i = 0; i < small.length; i++) sc.push(small.subarray(i, i + 1));
    expect(sc.end().stats).toEqual(scan(small));
  });

  it('merge(a, b) equals reading a then b, for any split at a line boundary', () => {
    const starts = [0];
    for (let i = 0; i < data.length; i++) if (data[i] === 10) starts.push(i + 1);
    const whole = scan(data);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: starts.length - 1 }), (k) => {
        const at = starts[k] as number;
        const a = scanBytes(data.subarray(0, at), { strict: true });
        const b = scanBytes(data.subarray(at), { fields: a.endFields, strict: true });
        expect(mergeStats(a.stats, b.stats)).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });

  it('merge(a, b) equals reading a+b for arbitrary small logs', () => {
    const lineArb = fc.oneof(
      fc.constantFrom(
        FIELDS,
        '#Software: Microsoft Internet Information Services 10.0',
        '',
        'junk',
        '#Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri streamid sc-status s-siteid s-reason s-queuename',
        '2024-07-01 06:00:11 203.0.113.50 50123 10.0.0.4 443 HTTP/1.1 GET /api/orders - 503 2 QueueFull Pool',
        '2024-07-01 06:02:40 203.0.113.52 50190 10.0.0.4 443 - - - - - - Timer_ConnectionIdle -',
      ),
      fc
        .record({
          st: fc.constantFrom('200 0 0', '502 3 12002', '502 3 12029', '503 0 0', '500 30 0', '200 0 64'),
          taken: fc.integer({ min: 0, max: 300_000 }),
          url: fc.constantFrom('/a', '/b', '/c'),
          sec: fc.integer({ min: 0, max: 86_399 }),
        })
        .map(({ st, taken, url, sec }) => line(st, String(taken), url, new Date(sec * 1000).toISOString().slice(11, 19))),
    );
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 30 }), fc.array(lineArb, { maxLength: 30 }), (la, lb) => {
        const ta = la.map((l) => l + '\n').join('');
        const tb = lb.map((l) => l + '\n').join('');
        const a = scanBytes(bytes(ta));
        const b = scanBytes(bytes(tb), { fields: a.endFields });
        expect(mergeStats(a.stats, b.stats)).toEqual(scan(ta + tb));
      }),
      { numRuns: 200 },
    );
  });
});

describe('scanner: long lines across chunks', () => {
  it('reads lines longer than the first carry buffer, of every length modulo 4', () => {
    for (let extra = 0; extra < 8; extra++) {
      const ua = 'Mozilla/5.0+' + 'x'.repeat(9000 + extra);
      const text = [FIELDS, line('502 3 12002', '120000').replace('Mozilla/5.0', ua), line('200 0 0')].join('\n');
      const data = bytes(text);
      const r = scanInPieces(data, [FIELDS.length + 3, data.length - 7]);
      expect(r.stats.requests).toBe(2);
      expect(r.stats.bad).toBe(0);
      expect(r.stats.sigs.get(sigKey(502, 3, 12002))?.count).toBe(1);
    }
  });
});
