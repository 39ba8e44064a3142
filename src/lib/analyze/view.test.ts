import { describe, expect, it } from 'vitest';
import { decode } from '../codes/decode.ts';
import { curatedNames } from '../codes/curated.ts';
import { scanBytes } from './scanner.ts';
import { toReport } from './report.ts';
import { toAnalyzeView } from './view.ts';

const text = [
  '2024-03-05 10:00:00 10.0.0.4 GET /a - 443 - 1.2.3.4 UA - 502 3 12002 120000',
  '2024-03-05 10:00:01 10.0.0.4 GET /a - 443 - 1.2.3.4 UA - 500 0 1 100',
  '2024-03-05 10:00:02 10.0.0.4 GET /a - 443 - 1.2.3.4 UA - 503 0 0 1',
].join('\n');

describe('toAnalyzeView', () => {
  const report = toReport(scanBytes(new TextEncoder().encode(text)).stats);

  it('names the codes through the given source and titles every cause', () => {
    const v = toAnalyzeView(report, [{ name: 'u_ex.log', bytes: text.length }], [], (c) => decode(c, [curatedNames]).names[0]);
    expect(v.names['12002']).toBe('ERROR_WINHTTP_TIMEOUT');
    expect(v.names['0']).toBeUndefined();
    for (const c of report.clusters) for (const id of c.causes) expect(v.causeTitles[id]).toBeTruthy();
    expect(v.causeTitles['request-timeout']).toBe('The app did not answer within requestTimeout');
    expect(v.files).toEqual([{ name: 'u_ex.log', bytes: text.length }]);
  });

  it('survives a naming source that fails', () => {
    const v = toAnalyzeView(report, [], [], () => {
      throw new Error('no table');
    });
    expect(v.names).toEqual({});
  });
});
