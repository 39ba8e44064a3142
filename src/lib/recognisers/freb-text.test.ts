import { describe, expect, it } from 'vitest';
import { indexLines } from '../engine/lines.ts';
import { scanFrebText } from './freb-text.ts';

const scan = (s: string) => scanFrebText(s, indexLines(s));

describe('scanFrebText', () => {
  it('reads quoted key="value" pairs and strips separators', () => {
    const r = scan('ModuleName="AspNetCoreModuleV2", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3"');
    const f = r.events[0]?.fields;
    expect(f?.get('ModuleName')?.value).toBe('AspNetCoreModuleV2');
    expect(f?.get('HttpReason')?.value).toBe('Bad Gateway');
    expect(f?.get('HttpSubStatus')?.value).toBe('3');
  });
  it('starts a new event at a heading and at a repeated key', () => {
    const r = scan(
      'ModuleName A\nHttpStatus 500\nModuleName B\nHttpStatus 502\n\nANCM_REQUEST_FORWARD_FAIL\nErrorCode 0x80072efd',
    );
    expect(r.events.map((e) => [e.opcode, e.fields.get('ModuleName')?.value ?? e.fields.get('ErrorCode')?.value])).toEqual([
      [undefined, 'A'],
      [undefined, 'B'],
      ['ANCM_REQUEST_FORWARD_FAIL', '0x80072efd'],
    ]);
  });
  it('reads the summary only when the paste looks like FREB', () => {
    const s = 'Failure Reason\tSTATUS_CODE\nTrigger Status\t502.3\nTime Taken\t120031 msec\nUrl\thttp://h/a';
    const r = scan(s);
    expect(r.summary.trigger?.value).toBe('502.3');
    expect(r.summary.timeTaken?.value).toBe('120031 msec');
    expect(r.summary.url?.value).toBe('http://h/a');
    expect(r.placed).toHaveLength(4);
    expect(scan('Url: http://h/a\nTime Taken 5 msec').summary).toEqual({});
  });
  it('skips XML lines (the XML scanner reads those)', () => {
    expect(scan('<Data Name="ModuleName">AspNetCoreModuleV2</Data>\n<Data Name="HttpStatus">502</Data>').events).toEqual([]);
  });
});

describe('scanFrebText: page chrome', () => {
  it('places headings and table rows only when the paste is FREB', () => {
    const chrome = 'Request Summary\nSite\t2\nErrors & Warnings\n171.\tERROR\t';
    expect(scan(chrome).placed).toEqual([]);
    expect(scan(`${chrome}\nTrigger Status\t502.3`).placed).toHaveLength(5);
  });
});
