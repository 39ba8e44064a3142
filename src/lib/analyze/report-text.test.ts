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
  it('says so when there are no server errors', () => {
    const out = reportText(toReport(scanBytes(new TextEncoder().encode(text.split('\n').slice(0, 1).concat(text.split('\n')[3]!).join('\n'))).stats));
    expect(out).toContain('No server errors');
    expect(out).not.toContain('/causes/');
  });
});
