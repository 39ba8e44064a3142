import { describe, expect, it } from 'vitest';
import { scanBytes } from './scanner.ts';
import { MAX_POINTS, timelineUnit, toReport } from './report.ts';
import { emptyStats } from './stats.ts';
import { generateText } from '../../../tests/fixtures/analyze/generate.ts';

const report = (text: string) => toReport(scanBytes(new TextEncoder().encode(text)).stats);

describe('timelineUnit', () => {
  it('uses minutes for a day, hours for two months, and never more than MAX_POINTS points', () => {
    expect(timelineUnit(86_400, 60)).toBe(60);
    expect(timelineUnit(3 * 86_400, 60)).toBe(300);
    expect(timelineUnit(60 * 86_400, 60)).toBe(3600);
    expect(timelineUnit(30 * 86_400, 86_400)).toBe(86_400);
    for (const range of [0, 59, 3600, 86_400 * 7, 86_400 * 400, 86_400 * 365 * 200]) {
      for (const store of [60, 3600, 86_400]) {
        const u = timelineUnit(range, store);
        expect(u % store).toBe(0);
        expect(Math.floor(range / u) + 1).toBeLessThanOrEqual(MAX_POINTS + 1);
      }
    }
  });
});

describe('toReport', () => {
  it('reports an empty input without failing', () => {
    const r = toReport(emptyStats());
    expect(r.totals.requests).toBe(0);
    expect(r.range).toBeNull();
    expect(r.timeline).toBeNull();
    expect(r.clusters).toEqual([]);
  });

  it('reports counts, the timeline and clusters of a generated day', () => {
    const { text, expected } = generateText({ lines: 20_000, seed: 11, spacing: 4 });
    const r = report(text);
    expect(r.totals.requests).toBe(expected.requests);
    expect(r.totals.badGateway).toBe(expected.byStatus['502']);
    expect(r.totals.serverErrors).toBe((expected.byStatus['500'] ?? 0) + (expected.byStatus['502'] ?? 0) + (expected.byStatus['503'] ?? 0));
    expect(r.byWin32).toEqual(expected.byWin32);
    // Timeline: points cover the range, and add up to the totals.
    const tl = r.timeline!;
    expect(tl.requests.reduce((a, b) => a + b, 0)).toBe(expected.requests);
    expect(tl.badGateway.reduce((a, b) => a + b, 0)).toBe(expected.byStatus['502']);
    expect(tl.serverErrors.reduce((a, b) => a + b, 0)).toBe(r.totals.serverErrors);
    expect(tl.start <= expected.first).toBe(true);
    // Histogram of 502s adds up, and the 120 s marker holds the ANCM timeouts.
    expect(r.timeTaken502.buckets.reduce((a, b) => a + b.count, 0) + r.timeTaken502.unknown).toBe(expected.byStatus['502']);
    expect(r.timeTaken502.markers.find((m) => m.seconds === 120)?.count).toBe(expected.timeout120);
    // Clusters: the request-timeout one, the front-end one, the outage ones.
    const c120 = r.clusters.find((c) => c.near === 120)!;
    expect(c120).toMatchObject({ status: '502.3', win32: 12002, count: expected.timeout120, name: 'ERROR_WINHTTP_TIMEOUT' });
    expect(c120.causes[0]).toBe('request-timeout');
    expect(c120.timeTakenMs!.min).toBeGreaterThanOrEqual(120_000);
    const c230 = r.clusters.find((c) => c.near === 230)!;
    expect(c230).toMatchObject({ status: '200', win32: 64, count: expected.frontEnd230 });
    expect(c230.causes[0]).toBe('azure-frontend-timeout');
    expect(r.clusters.find((c) => c.status === '503')?.causes[0]).toBe('app-pool-stopped');
    expect(r.clusters.find((c) => c.win32 === 12029)?.causes[0]).toBe('backend-connection-refused');
    // Clusters are sorted by count.
    for (let i = 1; i < r.clusters.length; i++) expect(r.clusters[i - 1]!.count).toBeGreaterThanOrEqual(r.clusters[i]!.count);
    // Top URLs match the generator's 502 counts.
    expect(r.topUrls.exact).toBe(true);
    for (const u of r.topUrls.items) expect(u.count).toBe(expected.urls502[u.url]);
  });

  it('diagnoses HTTP.sys error logs by reason', () => {
    const r = report(
      [
        '#Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri sc-status s-siteid s-reason s-queuename',
        '2024-10-08 17:45:02 203.0.113.40 61022 10.0.0.11 443 HTTP/1.1 GET /api/search - 2 Timer_AppPool Catalog',
        '2024-10-08 17:45:09 203.0.113.42 62010 10.0.0.11 443 HTTP/1.1 GET /api/cart 503 2 QueueFull Catalog',
        '2024-10-08 17:45:10 203.0.113.42 62011 10.0.0.11 443 HTTP/1.1 GET /api/cart 503 2 QueueFull Catalog',
        '2024-10-08 17:46:00 203.0.113.43 62012 10.0.0.11 443 - - - - - - Timer_ConnectionIdle -',
      ].join('\n'),
    );
    expect(r.failures).toEqual([{ status: '503', win32: 0, reason: 'QueueFull', count: 2 }]);
    expect(r.clusters.map((c) => [c.status, c.reason, c.count, c.causes[0]])).toEqual([
      ['503', 'QueueFull', 2, 'thread-pool-starvation'],
      ['-', 'Timer_AppPool', 1, 'thread-pool-starvation'],
    ]);
  });

  it('keeps the sub-status and failure rows apart', () => {
    const r = report(
      [
        '2024-03-05 10:00:00 10.0.0.4 GET /a - 443 - 1.2.3.4 UA - 502 3 12002 120000',
        '2024-03-05 10:00:01 10.0.0.4 GET /a - 443 - 1.2.3.4 UA - 502 3 12030 100',
        '2024-03-05 10:00:02 10.0.0.4 GET /b - 443 - 1.2.3.4 UA - 502 5 0 10',
        '2024-03-05 10:00:03 10.0.0.4 GET /b - 443 - 1.2.3.4 UA - 200 0 0 10',
      ].join('\n'),
    );
    expect(r.byStatus).toEqual({ '200': 1, '502': 3 });
    expect(r.bySubstatus).toEqual({ '200.0': 1, '502.3': 2, '502.5': 1 });
    expect(r.byWin32).toEqual({ '0': 1, '12002': 1, '12030': 1 });
    expect(r.failures.map((f) => `${f.status}/${f.win32}`)).toEqual(['502.3/12002', '502.3/12030', '502.5/0']);
    expect(r.topUrls.items).toEqual([
      { url: '/a', count: 2 },
      { url: '/b', count: 1 },
    ]);
  });
});
