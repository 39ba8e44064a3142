import { describe, expect, it } from 'vitest';
import { scanBytes } from './scanner.ts';
import { toReport } from './report.ts';
import { reportText } from './report-text.ts';

const text = [
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
  '2024-03-05 10:00:00 10.0.0.4 GET /export - 443 - 1.2.3.4 UA - 502 3 12002 120016',
  '2024-03-05 10:02:00 10.0.0.4 GET /export - 443 - 1.2.3.4 UA - 502 3 12002 120004',
  '2024-03-05 10:03:00 10.0.0.4 GET / - 443 - 1.2.3.4 UA - 200 0 0 5',
].join('\n');

describe('reportText', () => {
  it('summarises totals, codes, time-taken, URLs and clusters with their articles', () => {
    const out = reportText(toReport(scanBytes(new TextEncoder().encode(text)).stats), ['u_ex240305.log']);
    expect(out).toContain('u_ex240305.log');
    expect(out).toContain('3 requests');
    expect(out).toMatch(/502\.3\s+12002\s+ERROR_WINHTTP_TIMEOUT\s+2/);
    expect(out).toContain('2 at about 120 s');
    expect(out).toMatch(/2\s+\/export/);
    expect(out).toContain('/causes/request-timeout/');
    expect(out).toContain('The app did not answer within requestTimeout');
  });
  it("prints each cluster's time window, own URLs and first lines with their #Fields line", () => {
    const mixed = [
      ...text.split('\n'),
      '2024-03-05 10:04:00 10.0.0.4 GET /api/orders - 443 - 1.2.3.4 UA - 502 3 12030 412',
      '2024-03-05 10:05:00 10.0.0.4 GET /export - 443 - 1.2.3.4 UA\u001b[2J - 502 3 12002 120001',
    ].join('\n');
    const out = reportText(toReport(scanBytes(new TextEncoder().encode(mixed)).stats));
    const lines = out.split('\n');
    const at120 = lines.findIndex((l) => l.startsWith('- 3 requests answered 502.3 with sc-win32-status 12002'));
    const at12030 = lines.findIndex((l) => l.startsWith('- 1 request answered 502.3 with sc-win32-status 12030'));
    expect(at120).toBeGreaterThan(0);
    expect(at12030).toBeGreaterThan(at120);
    const block = lines.slice(at120, at12030).join('\n');
    expect(block).toContain('seen from 2024-03-05 10:00:00 to 2024-03-05 10:05:00 (UTC)');
    expect(block).toMatch(/\n {4}3 {2}\/export\n/);
    expect(block).not.toContain('/api/orders');
    expect(block).toContain('Its first 3 lines, to paste into /diagnose/:');
    expect(block).toContain(`    ${text.split('\n')[0]!.replace(/^#Fields: (.*)$/, (_m, f: string) => `#Fields: ${f.toLowerCase()}`)}\n    ${text.split('\n')[1]}\n    ${text.split('\n')[2]}\n`);
    // A control character in a log line is not sent to the terminal.
    expect(block).not.toContain('\u001b');
    expect(block).toContain('UA\ufffd[2J');
    const other = lines.slice(at12030).join('\n');
    expect(other).toContain('seen at 2024-03-05 10:04:00 (UTC)');
    expect(other).toMatch(/1 {2}\/api\/orders/);
    expect(other).toContain('Its first line, to paste into /diagnose/:');
  });
  it('prints URLs without control characters', () => {
    const line = '2024-03-05 10:04:00 10.0.0.4 GET /x\u009b2Jy - 443 - 1.2.3.4 UA - 502 3 12030 412';
    const out = reportText(toReport(scanBytes(new TextEncoder().encode(`${text.split('\n')[0]}\n${line}`)).stats));
    expect(out).not.toContain('\u009b');
    expect(out).toMatch(/1 {2}\/x\ufffd2Jy\n/);
  });
  it('says so when there are no server errors', () => {
    const out = reportText(toReport(scanBytes(new TextEncoder().encode(text.split('\n').slice(0, 1).concat(text.split('\n')[3]!).join('\n'))).stats));
    expect(out).toContain('No server errors');
    expect(out).not.toContain('/causes/');
  });
});
