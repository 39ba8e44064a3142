import { describe, expect, it } from 'vitest';
import { CLUSTER_URL_CAP, MAX_SAMPLE_LINE, MAX_SAMPLES, samplesText } from './cluster-detail.ts';
import { toReport, type Cluster } from './report.ts';
import { DETAIL_BYTES, scanBytes } from './scanner.ts';
import { combineParts, lastFieldsIn, planFixups } from './split.ts';
import { mergeStats, SIG_CAP, type Stats } from './stats.ts';
import { generateText } from '../../../tests/fixtures/analyze/generate.ts';
import { expectLinear } from '../../../tests/support/linear.ts';

const enc = new TextEncoder();
const FIELDS = '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';
/** The #Fields line as samples carry it: field names in lower case. */
const HEADER = '#Fields: ' + FIELDS.slice('#Fields: '.length).toLowerCase();

function req(time: string, url: string, status: string, ms: number, date = '2024-03-05'): string {
  return `${date} ${time} 10.0.0.4 GET ${url} - 443 - 203.0.113.9 Mozilla/5.0 - ${status} ${ms}`;
}

function clustersOf(s: Stats): Cluster[] {
  return toReport(s).clusters;
}

function find(cs: Cluster[], status: string, win32: number, near: number | null): Cluster {
  const c = cs.find((x) => x.status === status && x.win32 === win32 && x.near === near);
  if (!c) throw new Error(`no cluster ${status} ${win32} ${near}`);
  return c;
}

/** Read `data` as parts cut at `cuts` (line starts), the way the CLI does on several cores. */
function readInParts(data: Uint8Array, cuts: number[]): Stats {
  const bounds = [0, ...cuts, data.length];
  const guess = lastFieldsIn(new TextDecoder().decode(data.subarray(0, Math.min(data.length, 4096))));
  const parts = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const piece = data.subarray(bounds[k], bounds[k + 1]);
    parts.push(k === 0 ? scanBytes(piece) : scanBytes(piece, { fields: guess, separatePrefix: true }));
  }
  const fixed = new Map<number, Stats>();
  for (const f of planFixups(parts)) {
    const start = bounds[f.part] as number;
    fixed.set(f.part, scanBytes(data.subarray(start, start + f.bytes), { fields: f.fields }).stats);
  }
  return combineParts(parts, fixed);
}

function lineStarts(data: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < data.length; i++) if (data[i] === 10 && i + 1 < data.length) out.push(i + 1);
  return out;
}

describe('cluster details: window, samples, URLs', () => {
  const lines = [
    '#Software: Microsoft Internet Information Services 10.0',
    FIELDS,
    req('09:00:00', '/', '200 0 0', 4),
    req('10:00:01', '/export', '502 3 12002', 120_016),
    req('10:00:05', '/report', '502 3 12002', 120_011),
    req('11:30:00', '/api/orders', '502 3 12030', 412),
    req('10:02:07', '/export', '502 3 12002', 120_004),
    req('12:45:59', '/export', '502 3 12002', 120_020),
    req('08:59:58', '/export', '502 3 12002', 120_001, '2024-03-06'),
  ];
  const text = lines.join('\r\n') + '\r\n';
  const cs = clustersOf(scanBytes(enc.encode(text)).stats);

  it('gives each cluster its own first and last time, UTC as logged', () => {
    const t = find(cs, '502.3', 12002, 120);
    expect(t.count).toBe(5);
    expect(t.window).toEqual({ first: '2024-03-05T10:00:01Z', last: '2024-03-06T08:59:58Z' });
    expect(find(cs, '502.3', 12030, null).window).toEqual({ first: '2024-03-05T11:30:00Z', last: '2024-03-05T11:30:00Z' });
  });

  it('keeps the first three lines of a cluster verbatim, with the #Fields line they need', () => {
    const t = find(cs, '502.3', 12002, 120);
    expect(t.samples).toEqual([lines[3], lines[4], lines[6]]);
    expect(t.sampleText).toBe([HEADER, lines[3], lines[4], lines[6]].join('\n'));
    expect(find(cs, '502.3', 12030, null).samples).toEqual([lines[5]]);
  });

  it('counts URLs per cluster, not across clusters', () => {
    const t = find(cs, '502.3', 12002, 120);
    expect(t.urls).toEqual({ exact: true, maxError: 0, items: [{ url: '/export', count: 4 }, { url: '/report', count: 1 }] });
    expect(find(cs, '502.3', 12030, null).urls.items).toEqual([{ url: '/api/orders', count: 1 }]);
  });

  it('has no window for undated lines and no header for logs without #Fields', () => {
    // IIS default order without a header; one line without a usable time.
    const a = '2024-03-05 10:00:00 10.0.0.4 GET /x - 443 - 203.0.113.9 Mozilla/5.0 - 503 0 0 15';
    const b = '2024-03-05 99:00:00 10.0.0.4 GET /y - 443 - 203.0.113.9 Mozilla/5.0 - 503 0 0 15';
    const only = find(clustersOf(scanBytes(enc.encode(b)).stats), '503', 0, null);
    expect(only.window).toBeNull();
    expect(only.samples).toEqual([b]);
    const both = find(clustersOf(scanBytes(enc.encode(`${b}\n${a}\n`)).stats), '503', 0, null);
    expect(both.window).toEqual({ first: '2024-03-05T10:00:00Z', last: '2024-03-05T10:00:00Z' });
    expect(both.sampleText).toBe(`${b}\n${a}`);
  });

  it('gives HTTP.sys error-log clusters their lines too', () => {
    const httperr = [
      '#Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri streamid sc-status s-siteid s-reason s-queuename',
      '2024-03-05 10:00:00 192.0.2.1 50000 192.0.2.2 443 HTTP/1.1 GET /api 1 503 1 AppOffline shop',
      '2024-03-05 10:05:00 192.0.2.1 50001 192.0.2.2 443 HTTP/1.1 GET /api 1 503 1 AppOffline shop',
    ];
    const c = clustersOf(scanBytes(enc.encode(httperr.join('\n'))).stats).find((x) => x.reason !== undefined);
    expect(c?.samples).toEqual(httperr.slice(1));
    expect(c?.window).toEqual({ first: '2024-03-05T10:00:00Z', last: '2024-03-05T10:05:00Z' });
    expect(c?.urls.items).toEqual([{ url: '/api', count: 2 }]);
  });

  it('writes each #Fields line once, before the samples read with it', () => {
    expect(samplesText([{ line: 'a', fields: '#Fields: x' }, { line: 'b', fields: '#Fields: x' }, { line: 'c', fields: '#Fields: y' }])).toBe('#Fields: x\na\nb\n#Fields: y\nc');
    expect(samplesText([])).toBe('');
  });
});

describe('cluster details: bounded memory', () => {
  it('keeps at most three samples and a bounded URL count however many lines a cluster has', () => {
    const n = 20_000;
    const body: string[] = [FIELDS];
    for (let i = 0; i < n; i++) body.push(req(`10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`, `/item/${i}`, '502 3 12002', 120_000));
    const s = scanBytes(enc.encode(body.join('\n'))).stats;
    const sig = [...s.sigs.values()][0]!;
    const details = sig.details.filter((d) => d !== null);
    expect(details.length).toBe(1);
    expect(details[0]!.samples.length).toBe(MAX_SAMPLES);
    expect(details[0]!.urls.counts.size).toBeLessThanOrEqual(CLUSTER_URL_CAP);
    const c = find(clustersOf(s), '502.3', 12002, 120);
    expect(c.count).toBe(n);
    expect(c.samples).toEqual(body.slice(1, 4));
    expect(c.urls.exact).toBe(false);
    expect(c.urls.maxError).toBeGreaterThan(0);
  }, 60_000);

  it('keeps sample lines and cluster URLs within a byte budget, still counting every line', () => {
    // A crafted log: a thousand failure kinds, each line with its own long URL.
    const kinds = 1000;
    const body: string[] = [FIELDS];
    for (let i = 0; i < kinds; i++) body.push(req('10:00:00', `/k/${i}/${'x'.repeat(300)}`, `500 ${i % 100} ${1 + Math.floor(i / 100)}`, 5));
    const data = enc.encode(body.join('\n'));
    const budget = 20_000;
    const s = scanBytes(data, { detailBytes: budget }).stats;
    const details = [...s.sigs.values()].flatMap((sig) => sig.details.filter((d) => d !== null));
    const kept = details.reduce((n, d) => n + d.samples.reduce((m, x) => m + x.line.length, 0) + [...d.urls.counts.keys()].reduce((m, u) => m + u.length, 0), 0);
    // The budget is checked before each addition: it is passed by one line and one URL at most.
    expect(kept).toBeLessThanOrEqual(budget + 2 * (body[1]!.length + 1));
    expect(kept).toBeGreaterThan(budget / 2);
    const clusters = clustersOf(s);
    expect(clusters.reduce((n, c) => n + c.count, 0)).toBe(kinds);
    // Past the budget a cluster is counted with no lines, and its URL counts say they are not exact.
    const bare = details.filter((d) => d.samples.length === 0);
    expect(bare.length).toBeGreaterThan(kinds / 2);
    expect(bare.every((d) => d.urls.dropped > 0 && d.urls.counts.size === 0)).toBe(true);
    // Without the crafted budget the same log keeps every cluster's line.
    expect(DETAIL_BYTES).toBeGreaterThan(data.length * 4);
    const all = [...scanBytes(data).stats.sigs.values()].flatMap((sig) => sig.details.filter((d) => d !== null));
    expect(all.every((d) => d.samples.length === 1 && d.urls.dropped === 0)).toBe(true);
  });

  it('does not keep a line longer than the sample limit, but counts it', () => {
    const long = req('10:00:00', '/' + 'a'.repeat(MAX_SAMPLE_LINE), '502 3 12002', 120_000);
    const short = req('10:00:01', '/b', '502 3 12002', 120_000);
    const c = find(clustersOf(scanBytes(enc.encode([FIELDS, long, short].join('\n'))).stats), '502.3', 12002, 120);
    expect(c.count).toBe(2);
    expect(c.samples).toEqual([short]);
    expect(c.window?.first).toBe('2024-03-05T10:00:00Z');
  });

  it('stays linear when every line is a failure with its own URL', () => {
    const make = (k: number) => {
      const body: string[] = [FIELDS];
      for (let i = 0; i < 4000 * k; i++) body.push(req('10:00:00', `/u/${i}`, i % 2 ? '502 3 12002' : '500 30 0', 120_000 + (i % 7)));
      return enc.encode(body.join('\n'));
    };
    expectLinear('failure lines with details', make, (b) => scanBytes(b, { strict: true }), 2, { minMs: 25 });
  }, 120_000);
});

describe('cluster details: exact across parts', () => {
  it('equal one pass at every cut of a small log', () => {
    const body = [FIELDS];
    for (let i = 0; i < 12; i++) body.push(req(`10:00:${String(59 - i).padStart(2, '0')}`, `/p${i % 3}`, i % 3 === 0 ? '500 30 0' : '502 3 12002', 120_000 + i));
    body.push(FIELDS.replace(' time-taken', ' sc-bytes time-taken'));
    for (let i = 0; i < 5; i++) body.push(req(`11:00:0${i}`, `/q${i}`, '502 3 12030 512', 300));
    const data = enc.encode(body.join('\n') + '\n');
    const whole = clustersOf(scanBytes(data).stats);
    expect(whole.some((c) => c.sampleText.includes('sc-bytes'))).toBe(true);
    const starts = lineStarts(data);
    for (const cut of starts) expect(clustersOf(readInParts(data, [cut])), `cut at ${cut}`).toEqual(whole);
    for (let i = 0; i + 2 < starts.length; i += 3) expect(clustersOf(readInParts(data, [starts[i]!, starts[i + 2]!]))).toEqual(whole);
  });

  it('equal one pass for a generated log cut at several points', () => {
    const data = enc.encode(generateText({ lines: 3000, seed: 11, fieldChange: true }).text);
    const whole = clustersOf(scanBytes(data).stats);
    expect(whole.filter((c) => c.samples.length === MAX_SAMPLES).length).toBeGreaterThan(2);
    const starts = lineStarts(data);
    const at = (f: number) => starts[Math.floor(starts.length * f)]!;
    for (const cuts of [[at(0.01)], [at(0.5)], [at(0.99)], [at(0.2), at(0.5), at(0.8)], [at(0.001), at(0.002), at(0.003)]]) {
      expect(clustersOf(readInParts(data, cuts))).toEqual(whole);
    }
  }, 60_000);

  it('keep file order for the samples of clusters folded into "other" when merged', () => {
    // More combinations than SIG_CAP: the later ones are counted under "other", whose samples
    // must be the first three such lines in the log whichever part they were read in.
    const body = [FIELDS];
    for (let i = 0; i < SIG_CAP; i++) body.push(req('10:00:00', `/c${i}`, `500 0 ${100_000 + i}`, 10));
    // Two more combinations whose lines interleave: a part that starts later keeps them apart,
    // and they fold into "other" only when merged.
    for (let i = 0; i < 6; i++) body.push(req('10:00:00', `/d${i}`, `500 0 ${i % 2 ? 7 : 8}`, 10));
    for (let i = 0; i < 20; i++) body.push(req('10:00:00', `/e${i}`, `500 0 ${200_000 + i}`, 10));
    const data = enc.encode(body.join('\n'));
    const whole = clustersOf(scanBytes(data).stats);
    const other = whole.find((c) => c.status === 'other');
    expect(other?.samples).toEqual(body.slice(SIG_CAP + 1, SIG_CAP + 4));
    const starts = lineStarts(data);
    for (const cuts of [[starts[SIG_CAP + 1]!], [starts[SIG_CAP - 1]!, starts[SIG_CAP + 18]!], [starts[10]!, starts[SIG_CAP + 2]!]]) {
      expect(clustersOf(readInParts(data, cuts))).toEqual(whole);
    }
  }, 60_000);

  it('merge files in order: samples of the second file follow the first', () => {
    const a = enc.encode([FIELDS, req('10:00:00', '/a', '502 3 12002', 120_000)].join('\n') + '\n');
    const b = enc.encode([FIELDS, req('09:00:00', '/b1', '502 3 12002', 120_000), req('09:00:01', '/b2', '502 3 12002', 120_000), req('09:00:02', '/b3', '502 3 12002', 120_000)].join('\n') + '\n');
    const merged = find(clustersOf(mergeStats(scanBytes(a).stats, scanBytes(b).stats)), '502.3', 12002, 120);
    expect(merged.samples.map((l) => l.split(' ')[4])).toEqual(['/a', '/b1', '/b2']);
    expect(merged.window).toEqual({ first: '2024-03-05T09:00:00Z', last: '2024-03-05T10:00:00Z' });
    expect(merged.urls.items.map((u) => u.count)).toEqual([1, 1, 1, 1]);
  });
});
