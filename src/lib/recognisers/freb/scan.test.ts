import { describe, expect, it } from 'vitest';
import { decodeXml } from '../shared/xml-scan.ts';
import { readAttributes, scanFrebXml } from './scan.ts';

describe('decodeXml', () => {
  it('decodes the XML entities and character references', () => {
    expect(decodeXml('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#65;&#x42;')).toBe(`a & b <c> "d" 'e' AB`);
    expect(decodeXml('&unknown; &#0;')).toBe('&unknown; &#0;');
  });
});

describe('readAttributes', () => {
  it('reads quoted attributes with spans and finds the end of the tag', () => {
    const s = `<failedRequest url="http://x/a?b=1&amp;c=2" statusCode='502.3'\n   timeTaken="5" >rest`;
    const { attrs, end } = readAttributes(s, '<failedRequest'.length);
    expect(attrs.get('url')?.value).toBe('http://x/a?b=1&c=2');
    const sc = attrs.get('statusCode');
    expect(sc && s.slice(sc.span.start, sc.span.end)).toBe(`statusCode='502.3'`);
    expect(s.slice(end)).toBe('rest');
  });
});

describe('scanFrebXml', () => {
  it('groups Data, Opcode, Description and TimeCreated by Event', () => {
    const s =
      '<Event><System><Opcode>16</Opcode><TimeCreated SystemTime="2024-01-01T00:00:00Z"/></System>' +
      '<EventData><Data Name="HttpStatus">502</Data><Data Name="Empty"/></EventData>' +
      '<RenderingInfo><Opcode>MODULE_SET_RESPONSE_ERROR_STATUS</Opcode>' +
      '<freb:Description Data="ErrorCode">The operation timed out\r\n (0x80072ee2)</freb:Description></RenderingInfo></Event>' +
      '<Event><RenderingInfo><Opcode>GENERAL_REQUEST_END</Opcode></RenderingInfo></Event>';
    const { events } = scanFrebXml(s);
    expect(events).toHaveLength(2);
    const [a, b] = events;
    expect(a?.opcode).toBe('MODULE_SET_RESPONSE_ERROR_STATUS');
    expect(a?.fields.get('HttpStatus')?.value).toBe('502');
    expect(a?.fields.get('Empty')?.value).toBe('');
    expect(a?.descriptions.get('ErrorCode')?.value).toBe('The operation timed out\r\n (0x80072ee2)');
    expect(a?.time?.value).toBe('2024-01-01T00:00:00Z');
    expect(a && s.slice(a.span.start, a.span.end).endsWith('</Event>')).toBe(true);
    expect(b?.opcode).toBe('GENERAL_REQUEST_END');
  });

  it('makes events of Data items outside any Event, splitting on a repeated name', () => {
    const s = '<Data Name="HttpStatus">502</Data>\n<Data Name="HttpSubStatus">3</Data>\n<Data Name="HttpStatus">500</Data>';
    const { events } = scanFrebXml(s);
    expect(events.map((e) => [e.orphan, e.fields.get('HttpStatus')?.value])).toEqual([
      [true, '502'],
      [true, '500'],
    ]);
  });

  it('records roots, their end tags and prologs', () => {
    const s = '<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="freb.xsl"?><failedRequest url="/a"></failedRequest>';
    const r = scanFrebXml(s);
    expect(r.prologs).toHaveLength(2);
    expect(r.roots[0]?.attrs.get('url')?.value).toBe('/a');
    expect(r.roots[0]?.close && s.slice(r.roots[0].close.start, r.roots[0].close.end)).toBe('</failedRequest>');
  });
});
