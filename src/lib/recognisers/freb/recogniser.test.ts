import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexLines } from '../../engine/lines.ts';
import type { Fact } from '../../engine/types.ts';
import { signals } from '../../signals/freb.ts';
import { recogniser } from './recogniser.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../tests/fixtures/freb/${name}`, import.meta.url), 'utf8');

const run = (text: string): Fact[] => recogniser.recognise(text, indexLines(text));
const values = (facts: Fact[], name: string): (string | number)[] =>
  facts.filter((f) => f.name === name).map((f) => f.value);
const sliced = (text: string, facts: Fact[], name: string): string[] =>
  facts.filter((f) => f.name === name).map((f) => text.slice(f.span.start, f.span.end));

describe('freb recogniser: XML', () => {
  it('reads a whole trace file: root attributes, the forward failure and the error status', () => {
    const text = fixture('fr000123-timeout.xml');
    const facts = run(text);
    expect(values(facts, 'url')).toEqual(['http://shop.example.com:80/api/reports/export?format=xlsx&full=1']);
    expect(sliced(text, facts, 'url')[0]).toMatch(/^url="http:\/\/shop\.example\.com.*full=1"$/);
    expect(values(facts, 'status')).toEqual(['502.3', '502.3']);
    expect(sliced(text, facts, 'status')).toEqual([
      'statusCode="502.3"',
      expect.stringMatching(/^<Data Name="HttpStatus">502<\/Data>[\s\S]*<Data Name="HttpSubStatus">3<\/Data>$/),
    ]);
    expect(values(facts, 'time-taken-ms')).toEqual([120031]);
    expect(values(facts, 'code')).toEqual([2147954402, 2147954402]);
    expect(sliced(text, facts, 'code')).toEqual([
      '<Data Name="ErrorCode">0x80072ee2</Data>',
      '<Data Name="ErrorCode">2147954402</Data>',
    ]);
    expect(values(facts, 'signal')).toEqual(['freb.ancm-502-3-timeout', 'freb.ancm-502-3-timeout']);
    expect(values(facts, 'setting')).toEqual(['module=AspNetCoreModuleV2']);
    expect(values(facts, 'hosting-model')).toEqual(['out-of-process']);
    expect(values(facts, 'server')).toEqual(['iis']);
    expect(values(facts, 'timestamp')).toEqual(['2024-03-05T10:14:22.132Z']);
    // Three events, the root start and end tags, the two processing instructions and the
    // browser's "saved from" comment are placed.
    expect(values(facts, 'placed')).toHaveLength(8);
    expect(sliced(text, facts, 'placed')).toContain('<!-- saved from url=(0014)about:internet -->');
    for (const f of facts.filter((x) => x.name === 'placed' && String(x.value).startsWith('FREB event'))) {
      const s = text.slice(f.span.start, f.span.end);
      expect(s.startsWith('<Event')).toBe(true);
      expect(s.endsWith('</Event>')).toBe(true);
    }
  });

  it('reads a pasted EventData fragment with a config exception', () => {
    const text = fixture('fragment-config-error.txt');
    const facts = run(text);
    expect(values(facts, 'status')).toEqual(['500.19']);
    expect(values(facts, 'code')).toEqual([2147942413]);
    expect(values(facts, 'signal')).toEqual(['freb.config-exception', 'freb.config-section-undeclared']);
    expect(values(facts, 'setting')).toEqual([]);
    expect(sliced(text, facts, 'signal')[0]).toMatch(/^<Data Name="ConfigExceptionInfo">.*aspNetCore.*<\/Data>$/s);
    expect(sliced(text, facts, 'placed')).toEqual(expect.arrayContaining(['<EventData>', '</EventData>']));
  });

  it('reports a 200-only trace without error facts (near miss)', () => {
    const facts = run(fixture('fr000002-only-200.xml'));
    expect(values(facts, 'status')).toEqual([]);
    expect(values(facts, 'code')).toEqual([]);
    expect(values(facts, 'url')).toEqual(['http://localhost:80/app/health']);
    expect(values(facts, 'time-taken-ms')).toEqual([31250]);
    expect(values(facts, 'signal')).toEqual(['freb.time-taken-trigger']);
    expect(values(facts, 'hosting-model')).toEqual(['in-process']);
  });

  it('leaves Windows event-log XML and other ErrorCode texts alone', () => {
    expect(run(fixture('not-freb.txt'))).toEqual([]);
  });

  it('reads events when the paste is truncated mid-file', () => {
    const full = fixture('fr000123-timeout.xml');
    const cut = full.slice(0, full.indexOf('<Data Name="ConfigExceptionInfo">'));
    const facts = run(cut);
    expect(values(facts, 'status')).toEqual(['502.3', '502.3']);
    expect(values(facts, 'signal')).toContain('freb.ancm-502-3-timeout');
  });
});

describe('freb recogniser: text view', () => {
  it('reads the summary and the compact Errors & Warnings row, joining the wrapped ErrorCode', () => {
    const text = fixture('text-view-compact.txt');
    const facts = run(text);
    expect(values(facts, 'status')).toEqual(['502.3', '502.3']);
    expect(values(facts, 'code')).toEqual([2147954402]);
    expect(sliced(text, facts, 'code')[0]).toBe('ErrorCode="The operation timed out\n (0x80072ee2)');
    expect(values(facts, 'signal')).toEqual(['freb.ancm-502-3-timeout']);
    expect(values(facts, 'time-taken-ms')).toEqual([120031]);
    expect(values(facts, 'url')).toEqual(['http://shop.example.com:80/api/reports/export']);
    expect(values(facts, 'setting')).toEqual(['module=AspNetCoreModuleV2']);
    // The page's headings and table rows are placed too.
    const placed = sliced(text, facts, 'placed');
    for (const l of ['Request Summary', 'Site\t2', 'No.\tSeverity\tEvent\tModule Name', '171.\tERROR\t', '\tAspNetCoreModuleV2'])
      expect(placed).toContain(l);
  });

  it('reads the Request Details tree layout', () => {
    const text = fixture('text-view-details.txt');
    const facts = run(text);
    // The repeated "Notification 128" row belongs to the event: placed, not read.
    expect(sliced(text, facts, 'placed')).toContain('Notification 128 ');
    expect(sliced(text, facts, 'placed').some((p) => p.startsWith('I opened'))).toBe(false);
    expect(values(facts, 'status')).toEqual(['502.3']);
    expect(values(facts, 'code')).toEqual([2147954430]);
    expect(values(facts, 'signal')).toEqual(['freb.ancm-502-3-connection-error']);
  });

  it('reads all keys run together on one line (V1 module)', () => {
    const facts = run(fixture('text-one-line.txt'));
    expect(values(facts, 'status')).toEqual(['502.3']);
    expect(values(facts, 'code')).toEqual([2147954429]);
    expect(values(facts, 'setting')).toEqual(['module=AspNetCoreModule']);
    expect(values(facts, 'signal')).toEqual(['freb.ancm-502-3-cannot-connect']);
  });

  it('maps "The parameter is incorrect" (0x80070057) to a malformed client request', () => {
    const text =
      'MODULE_SET_RESPONSE_ERROR_STATUS\nModuleName AspNetCoreModuleV2\nHttpStatus 502\nHttpReason Bad Gateway\nHttpSubStatus 3\nErrorCode The parameter is incorrect. (0x80070057)';
    const facts = run(text);
    expect(values(facts, 'signal')).toEqual(['freb.ancm-502-3-invalid-parameter']);
    expect(values(facts, 'code')).toEqual([0x80070057]);
  });

  it('reads 0x8007000D set by the ASP.NET Core Module on a 500 as a setting it rejects', () => {
    const text = 'AspNetCoreModule\nEXECUTE_REQUEST_HANDLER\n500\nInternal Server Error\n0\nThe data is invalid.  (0x8007000d)';
    const facts = run(text);
    expect(values(facts, 'signal')).toEqual(['freb.ancm-invalid-data']);
    expect(values(facts, 'status')).toEqual(['500']);
    expect(values(facts, 'code')).toEqual([0x8007000d]);
    const labelled =
      'ModuleName="AspNetCoreModuleV2", Notification="EXECUTE_REQUEST_HANDLER", HttpStatus="500", HttpReason="Internal Server Error", HttpSubStatus="0", ErrorCode="The data is invalid. (0x8007000d)"';
    expect(values(run(labelled), 'signal')).toEqual(['freb.ancm-invalid-data']);
    // The same code from IIS's configuration reader (500.19, another module) is a different story.
    expect(values(run(labelled.replace('HttpSubStatus="0"', 'HttpSubStatus="19"')), 'signal')).toEqual([]);
    expect(values(run(labelled.replace('AspNetCoreModuleV2', 'IIS Web Core')), 'signal')).toEqual([]);
  });

  it('needs a module and a status (or an event name) before it reads keys', () => {
    expect(run('ErrorCode 0x80072ee2 and HttpReason Bad Gateway were in the log')).toEqual([]);
  });
});

describe('freb recogniser: robustness', () => {
  it('emits only registered signals', () => {
    const ids = new Set(signals.map((s) => s.id));
    const files = ['fr000123-timeout.xml', 'fragment-config-error.txt', 'text-view-compact.txt', 'text-one-line.txt'];
    for (const f of files) for (const s of values(run(fixture(f)), 'signal')) expect(ids.has(s as string)).toBe(true);
  });
});

describe('freb recogniser: parser and scanner together', () => {
  const wrap = (data: string) =>
    `<?xml version="1.0"?><failedRequest url="/a" statusCode="502.3"><Event><EventData>` +
    `<Data Name="ModuleName">AspNetCoreModuleV2</Data><Data Name="HttpStatus">502</Data><Data Name="HttpSubStatus">3</Data>` +
    `${data}</EventData><RenderingInfo><Opcode>MODULE_SET_RESPONSE_ERROR_STATUS</Opcode></RenderingInfo></Event></failedRequest>`;

  it('takes a CDATA value from the parser when the document is well-formed', () => {
    const text = wrap('<Data Name="ErrorCode"><![CDATA[2147954430]]></Data>');
    const facts = run(text);
    expect(values(facts, 'code')).toEqual([2147954430]);
    expect(sliced(text, facts, 'code')).toEqual(['<Data Name="ErrorCode">']);
    expect(values(facts, 'signal')).toEqual(['freb.ancm-502-3-connection-error']);
  });

  it('still reads the rest of a document that is not well-formed', () => {
    const text = wrap('<Data Name="ErrorCode">2147954430</Data><Broken>');
    const facts = run(text);
    expect(values(facts, 'code')).toEqual([2147954430]);
    expect(values(facts, 'status')).toEqual(['502.3', '502.3']);
  });
});
