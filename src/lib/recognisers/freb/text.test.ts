import { describe, expect, it } from 'vitest';
import { indexLines } from '../../engine/lines.ts';
import { scanFrebText } from './text.ts';

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

describe('scanFrebText: rows copied from the rendered event table', () => {
  const rows = [
    '92. | GENERAL_SET_REQUEST_HEADER | HeaderName="Connection", HeaderValue="", Replace="true" | 21:06:53.057',
    '-- | -- | -- | --',
    '93. | MODULE_SET_RESPONSE_ERROR_STATUSWarning | ModuleName="AspNetCoreModule", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="502", HttpReason="Bad Gateway", HttpSubStatus="3", ErrorCode="2147954402", ConfigExceptionInfo="" | 21:08:55.104',
  ].join('\n');
  it('ends a quoted value at its closing quote, so the time column is not read as the value', () => {
    const f = scan(rows).events[0]?.fields;
    expect(f?.get('ConfigExceptionInfo')?.value).toBe('');
    expect(f?.get('ErrorCode')?.value).toBe('2147954402');
    const e = scan('ErrorCode="The parameter is incorrect. (0x80070057)", ConfigExceptionInfo=""').events;
    expect(e).toEqual([]);
  });
  it('places the numbered rows and the separator once the paste holds an event', () => {
    expect(scan(rows).placed).toHaveLength(3);
    expect(scan(rows.split('\n').slice(0, 2).join('\n')).placed).toEqual([]);
  });
  it('keeps a quoted value that continues on the next line', () => {
    const r = scan('ModuleName="AspNetCoreModule", HttpStatus="502", ErrorCode="The operation timed out\n (0x80072ee2)", ConfigExceptionInfo=""');
    expect(r.events[0]?.fields.get('ErrorCode')?.value).toBe('The operation timed out (0x80072ee2)');
  });
});

describe('scanFrebText: an error-status event copied without its labels', () => {
  const bare = 'AspNetCoreModule\nEXECUTE_REQUEST_HANDLER\n500\nInternal Server Error\n0\nThe data is invalid.  (0x8007000d)';
  it('reads module, notification, status, reason, sub-status and error code by position', () => {
    const r = scan(bare);
    const f = r.events[0]?.fields;
    expect(r.events).toHaveLength(1);
    expect(f?.get('ModuleName')?.value).toBe('AspNetCoreModule');
    expect(f?.get('Notification')?.value).toBe('EXECUTE_REQUEST_HANDLER');
    expect(f?.get('HttpStatus')?.value).toBe('500');
    expect(f?.get('HttpReason')?.value).toBe('Internal Server Error');
    expect(f?.get('HttpSubStatus')?.value).toBe('0');
    expect(f?.get('ErrorCode')?.value).toBe('The data is invalid.  (0x8007000d)');
    const code = f?.get('ErrorCode');
    expect(code && bare.slice(code.span.start, code.span.end)).toBe('The data is invalid.  (0x8007000d)');
    expect(r.placed).toHaveLength(6);
  });
  it('takes a code wrapped onto the next line, indented values and blank lines between them', () => {
    const r = scan('  AspNetCoreModuleV2\n\n  EXECUTE_REQUEST_HANDLER\n  502\n  Bad Gateway\n  3\n  The operation timed out\n  (0x80072ee2)');
    expect(r.events[0]?.fields.get('ErrorCode')?.value).toBe('The operation timed out (0x80072ee2)');
    expect(r.events[0]?.fields.get('HttpSubStatus')?.value).toBe('3');
  });
  it('keeps the event without a code line, and leaves other text after it alone', () => {
    const r = scan('AspNetCoreModuleV2\nEXECUTE_REQUEST_HANDLER\n502\nBad Gateway\n3\nthen nothing else happened');
    expect(r.events).toHaveLength(1);
    expect(r.events[0]?.fields.has('ErrorCode')).toBe(false);
    expect(r.placed).toHaveLength(5);
  });
  it('needs every value in its place', () => {
    expect(scan('AspNetCoreModule\nEXECUTE_REQUEST_HANDLER\nfive hundred\nInternal Server Error\n0').events).toEqual([]);
    expect(scan('AspNetCoreModule\nSOMETHING_ELSE\n500\nInternal Server Error\n0').events).toEqual([]);
    expect(scan('AspNetCoreModule\nEXECUTE_REQUEST_HANDLER\n500\nInternal Server Error').events).toEqual([]);
  });
});
