import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cpuMs, expectLinear } from '../../../tests/support/linear.ts';
import { indexLines } from '../engine/lines.ts';
import { frebKeyText, notificationName, statusText, summariseFreb } from './summary.ts';
import { recogniser } from '../recognisers/freb/recogniser.ts';

const read = (path: string): string => readFileSync(new URL(`../../../tests/fixtures/${path}`, import.meta.url), 'utf8');

/** A small trace: the root with `attrs`, and one event per entry of `events`. */
function trace(attrs: string, events: { opcode: string; data: [string, string][]; desc?: [string, string][] }[]): string {
  const body = events
    .map(
      (e) => ` <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
  <System><Provider Name="WWW Server"/><Opcode>16</Opcode><TimeCreated SystemTime="2024-01-02T03:04:05.006Z"/></System>
  <EventData>${e.data.map(([k, v]) => `<Data Name="${k}">${v}</Data>`).join('')}</EventData>
  <RenderingInfo Culture="en-US"><Opcode>${e.opcode}</Opcode>${(e.desc ?? []).map(([k, v]) => `<freb:Description Data="${k}">${v}</freb:Description>`).join('')}</RenderingInfo>
 </Event>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<failedRequest ${attrs} xmlns:freb="http://schemas.microsoft.com/win/2006/06/iis/freb">\n${body}\n</failedRequest>\n`;
}

const errorStatus = (module: string, status: string, sub: string, code: string, extra: [string, string][] = []) => ({
  opcode: 'MODULE_SET_RESPONSE_ERROR_STATUS',
  data: [['ModuleName', module], ['Notification', '128'], ['HttpStatus', status], ['HttpReason', 'x'], ['HttpSubStatus', sub], ['ErrorCode', code], ...extra] as [string, string][],
});

describe('statusText and notificationName', () => {
  it('joins status and sub-status, leaving out a zero sub-status', () => {
    expect(statusText('502', '3')).toBe('502.3');
    expect(statusText('500', '19')).toBe('500.19');
    expect(statusText('502', '0')).toBe('502');
    expect(statusText('502.3')).toBe('502.3');
    expect(statusText(' 404 ', '')).toBe('404');
    expect(statusText('abc')).toBeUndefined();
    expect(statusText('5020', '1')).toBeUndefined();
  });

  it('names notification numbers and keeps names and unknown numbers', () => {
    expect(notificationName('128')).toBe('EXECUTE_REQUEST_HANDLER');
    expect(notificationName('1')).toBe('BEGIN_REQUEST');
    expect(notificationName('536870912')).toBe('SEND_RESPONSE');
    expect(notificationName('EXECUTE_REQUEST_HANDLER')).toBe('EXECUTE_REQUEST_HANDLER');
    expect(notificationName('3')).toBe('3');
  });
});

describe('summariseFreb: whole trace files', () => {
  it('reads a full fr000001.xml with a 502.3 from AspNetCoreModuleV2 among 42 events', () => {
    const s = summariseFreb(read('freb-reader/fr000001.xml'));
    expect(s.kind).toBe('freb-xml');
    expect(s.requests).toHaveLength(1);
    const r = s.requests[0]!;
    expect(r).toMatchObject({
      source: 'xml',
      wellFormed: true,
      url: 'http://orders.example.net:80/api/orders/import?batch=2024-06-11',
      verb: 'POST',
      siteId: '3',
      appPoolId: 'OrdersApi',
      status: '502.3',
      triggerStatus: '502.3',
      failureReason: 'STATUS_CODE',
      timeTakenMs: 120047,
      events: 42,
      hostingModel: 'out-of-process',
    });
    expect(r.failure).toEqual({
      event: 'MODULE_SET_RESPONSE_ERROR_STATUS',
      module: 'AspNetCoreModuleV2',
      notification: 'EXECUTE_REQUEST_HANDLER',
      status: '502.3',
      reason: 'Bad Gateway',
      errorCode: '2147954402',
      errorText: 'The operation timed out (0x80072ee2)',
      errorValue: 2147954402,
      time: '2024-06-11T14:05:07.031Z',
    });
    // The forward failure carries the same code: listed once, the failure's first.
    expect(r.codes.map((c) => c.value)).toEqual([2147954402]);
    expect(r.codes[0]!.source).toBe('MODULE_SET_RESPONSE_ERROR_STATUS ErrorCode');
    expect(r.ancmEvents).toEqual(['ANCM_REQUEST_FORWARD_START', 'ANCM_WINHTTP_CALLBACK', 'ANCM_REQUEST_FORWARD_FAIL']);
  });

  it('decodes entities in attributes and values, and keeps markup in them as text', () => {
    const r = summariseFreb(read('freb-reader/fr000002-hostile.xml')).requests[0]!;
    expect(r.url).toBe('http://orders.example.net:80/api/<img src=x onerror="window.__pwned=10">');
    expect(r.failure?.configException).toBe('<img src=x onerror="window.__pwned=12"><b>bold</b>');
    expect(summariseFreb(read('freb/fr000123-timeout.xml')).requests[0]!.url).toBe('http://shop.example.com:80/api/reports/export?format=xlsx&full=1');
  });

  it('reads values the scanner cannot (CDATA) through the XML parser', () => {
    const text = trace('url="http://h/a" statusCode="500.19" triggerStatusCode="500.19" timeTaken="15"', [
      errorStatus('IIS Web Core', '500', '19', '2147942413', [['ConfigExceptionInfo', "<![CDATA[web.config ( 7) :Cannot add duplicate collection entry of type 'add']]>"]]),
    ]);
    const f = summariseFreb(text).requests[0]!.failure!;
    expect(f.status).toBe('500.19');
    expect(f.configException).toBe("web.config ( 7) :Cannot add duplicate collection entry of type 'add'");
    expect(f.notification).toBe('EXECUTE_REQUEST_HANDLER');
  });

  it('picks the error status that became the final status, not an earlier one', () => {
    const events = [errorStatus('WindowsAuthenticationModule', '401', '2', '0'), errorStatus('AspNetCoreModuleV2', '502', '3', '2147954429')];
    const final = summariseFreb(trace('url="/x" statusCode="502.3" triggerStatusCode="401.2"', events)).requests[0]!;
    expect(final.failure?.module).toBe('AspNetCoreModuleV2');
    expect(final.codes.map((c) => c.value)).toEqual([2147954429]);
    const first = summariseFreb(trace('url="/x" statusCode="401.2" triggerStatusCode="401.2"', events)).requests[0]!;
    expect(first.failure?.module).toBe('WindowsAuthenticationModule');
    // The other error status's non-zero code is still listed, after the failure's (none here).
    expect(first.codes.map((c) => c.value)).toEqual([2147954429]);
  });

  it('falls back to the module failure event when no error status was traced', () => {
    const text = trace('url="/slow" statusCode="200" triggerStatusCode="200" timeTaken="120000" failureReason="TIME_TAKEN"', [
      { opcode: 'ANCM_REQUEST_FORWARD_START', data: [['ContextId', '{1}']] },
      { opcode: 'ANCM_REQUEST_FORWARD_FAIL', data: [['ContextId', '{1}'], ['ErrorCode', '0x80072efd']] },
    ]);
    const r = summariseFreb(text).requests[0]!;
    expect(r.failure).toMatchObject({ event: 'ANCM_REQUEST_FORWARD_FAIL', errorValue: 0x80072efd });
    expect(r.hostingModel).toBe('out-of-process');
    expect(r.failureReason).toBe('TIME_TAKEN');
  });

  it('has no failure for a trace kept for time taken that succeeded', () => {
    const r = summariseFreb(read('freb/fr000002-only-200.xml')).requests[0]!;
    expect(r).toMatchObject({ status: '200', failureReason: 'TIME_TAKEN', timeTakenMs: 31250, hostingModel: 'in-process' });
    expect(r.failure).toBeUndefined();
    expect(r.codes).toEqual([]);
  });

  it('reads a file cut off in the middle element by element', () => {
    const full = read('freb-reader/fr000001.xml');
    const cut = full.slice(0, full.indexOf('</failedRequest>') - 2000);
    const r = summariseFreb(cut).requests[0]!;
    expect(r.wellFormed).toBe(false);
    expect(r).toMatchObject({ url: 'http://orders.example.net:80/api/orders/import?batch=2024-06-11', status: '502.3', timeTakenMs: 120047 });
    expect(r.failure?.errorValue).toBe(2147954402);
    expect(r.events).toBeLessThan(42);
  });

  it('reads two traces pasted one after the other as two requests, in order', () => {
    const a = trace('url="/a" statusCode="502.3" triggerStatusCode="502.3"', [errorStatus('AspNetCoreModuleV2', '502', '3', '2147954402')]);
    const b = trace('url="/b" statusCode="502.5" triggerStatusCode="502.5"', [errorStatus('AspNetCoreModuleV2', '502', '5', '0x80070002')]);
    const s = summariseFreb(`${a}\n${b}`);
    expect(s.requests.map((r) => [r.url, r.status, r.failure?.errorValue])).toEqual([
      ['/a', '502.3', 2147954402],
      ['/b', '502.5', 0x80070002],
    ]);
  });

  it('gives the same summary with CRLF and LF line ends', () => {
    const crlf = read('freb-reader/fr000001.xml');
    expect(crlf).toContain('\r\n');
    const strip = (s: ReturnType<typeof summariseFreb>) => s.requests.map(({ span: _span, ...rest }) => rest);
    expect(strip(summariseFreb(crlf.replace(/\r\n/g, '\n')))).toEqual(strip(summariseFreb(crlf)));
  });
});

describe('summariseFreb: fragments and text views', () => {
  it('reads a pasted EventData block without its root', () => {
    const s = summariseFreb(read('freb/fragment-config-error.txt'));
    expect(s.kind).toBe('freb-fragment');
    const r = s.requests[0]!;
    expect(r.wellFormed).toBe(false);
    expect(r.status).toBe('500.19');
    expect(r.failure).toMatchObject({ module: 'IIS Web Core', notification: 'BEGIN_REQUEST', errorValue: 2147942413 });
    expect(r.failure?.configException).toContain("The configuration section 'aspNetCore' cannot be read");
  });

  it('reads the text view a browser shows, compact and detailed', () => {
    const compact = summariseFreb(read('freb/text-view-compact.txt'));
    expect(compact.kind).toBe('freb-text');
    expect(compact.requests[0]).toMatchObject({
      url: 'http://shop.example.com:80/api/reports/export',
      status: '502.3',
      triggerStatus: '502.3',
      timeTakenMs: 120031,
      failure: { module: 'AspNetCoreModuleV2', status: '502.3', errorValue: 2147954402 },
    });
    const details = summariseFreb(read('freb/text-view-details.txt')).requests[0]!;
    expect(details.failure).toMatchObject({ module: 'AspNetCoreModuleV2', notification: 'EXECUTE_REQUEST_HANDLER', errorValue: 2147954430 });
    const forum = summariseFreb(read('real/freb-502-3-2147954402-two-minutes.txt')).requests[0]!;
    expect(forum.failure).toMatchObject({ module: 'AspNetCoreModule', status: '502.3', errorValue: 2147954402 });
  });

  it('tells XML that is not a trace, other text, and nothing apart', () => {
    expect(summariseFreb(read('freb/not-freb.txt'))).toEqual({ kind: 'xml-other', requests: [] });
    expect(summariseFreb('<configuration><system.webServer /></configuration>').kind).toBe('xml-other');
    expect(summariseFreb('2024-03-05 10:14:22 10.0.0.4 POST /api - 443 - 203.0.113.7 - - 502 3 12002 120016').kind).toBe('not-freb');
    expect(summariseFreb('  \r\n ').kind).toBe('empty');
    expect(summariseFreb(undefined as unknown as string).kind).toBe('empty');
  });
});

describe('summariseFreb: hostile input', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const out = summariseFreb(s);
        expect(Array.isArray(out.requests)).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom('<failedRequest url="', '<Event>', '<Data Name="HttpStatus">', '502', '</Data>', '"', '<', '>', '<Opcode>', 'MODULE_SET_RESPONSE_ERROR_STATUS', '</Event>', '\n'), { maxLength: 60 }), (parts) => {
        summariseFreb(parts.join(''));
      }),
      { numRuns: 300 },
    );
  });

  it('reads adversarial runs in linear time', { timeout: 120_000, retry: 2 }, () => {
    for (const unit of ['<', '"', '0', ' ', '<Data Name="a">', '<failedRequest url="', '&#x']) {
      expectLinear(JSON.stringify(unit), (n) => unit.repeat(n), summariseFreb, Math.ceil(16_000 / unit.length), { clock: cpuMs, maxGrowth: 1, runs: 5 });
    }
  });
});

describe('frebKeyText', () => {
  const full = read('freb-reader/fr000001.xml');

  it('keeps the root, the failure and the module events, and drops the rest', () => {
    const key = frebKeyText(full, 2_000_000);
    expect(key.length).toBeLessThan(full.length / 2);
    expect(key).toContain('<failedRequest url="http://orders.example.net');
    expect(key).toContain('<Opcode>MODULE_SET_RESPONSE_ERROR_STATUS</Opcode>');
    expect(key).toContain('<Opcode>ANCM_REQUEST_FORWARD_FAIL</Opcode>');
    expect(key).toContain('</failedRequest>');
    expect(key).not.toContain('GENERAL_REQUEST_HEADERS');
    expect(key).not.toContain('AUTH_START');
    expect(frebKeyText(full, 5000).length).toBeLessThanOrEqual(5000);
  });

  it('loses none of the facts the recogniser reads from the failure', () => {
    const key = frebKeyText(full, 2_000_000);
    const facts = (t: string) =>
      recogniser
        .recognise(t, indexLines(t))
        .filter((f) => f.name !== 'placed')
        .map((f) => `${f.name}=${f.value}`)
        .sort();
    expect(facts(key)).toEqual(facts(full));
  });

  it('returns text without trace elements as it is, cut at the limit', () => {
    expect(frebKeyText('plain text', 100)).toBe('plain text');
    expect(frebKeyText('x'.repeat(50), 10)).toBe('x'.repeat(10));
  });
});
