import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../lib/engine/types.ts';
import { lineRanges, toJson, toText } from './report.ts';

const text = 'first line\nT 12002 120016\n<b>odd</b>';
const d: Diagnosis = {
  kinds: ['iis-log'],
  facts: [{ kind: 'iis-log', name: 'code', value: 12002, span: { start: 13, end: 18 } }],
  codes: [{ input: '12002', hex: '0x00002EE2', unsigned: 12002, signed: 12002, win32: 12002, names: ['ERROR_WINHTTP_TIMEOUT'] }],
  findings: [
    {
      cause: 'request-timeout',
      title: 'The app did not answer within requestTimeout',
      confidence: 0.934,
      evidence: [{ text: '12002', span: { start: 13, end: 18 }, kind: 'iis-log', note: 'WinHTTP timeout' }],
      article: '/causes/request-timeout/',
      nextSteps: ['Raise requestTimeout.'],
    },
  ],
  questions: [{ node: 'source', text: 'What returns the error?', answers: [{ id: 'iis', label: 'IIS' }] }],
  unrecognised: [1, 3],
  notes: ['a note'],
};

describe('toJson', () => {
  it('keeps the contract fields and adds line numbers to evidence', () => {
    const j = toJson(text, d);
    expect(Object.keys(j)).toEqual(['kinds', 'codes', 'findings', 'questions', 'unrecognised', 'notes']);
    expect(j.findings[0]?.evidence[0]).toEqual({ text: '12002', line: 2, span: { start: 13, end: 18 }, kind: 'iis-log', note: 'WinHTTP timeout' });
    expect(j.codes[0]).toEqual(d.codes[0]);
  });
  it('names the file and its line when several inputs were joined', () => {
    const j = toJson(text, d, [
      { name: 'a.log', startLine: 1, lines: 1 },
      { name: 'b.log', startLine: 2, lines: 2 },
    ]);
    expect(j.findings[0]?.evidence[0]).toMatchObject({ line: 2, file: 'b.log', fileLine: 1 });
    expect(j.inputs).toHaveLength(2);
  });
});

describe('toText', () => {
  it('starts with the verdict and its first step, then findings with words, evidence lines, steps, codes, questions and unrecognised lines', () => {
    const t = toText(text, d);
    expect(t).toMatch(/^(Very likely|Likely|Possible): IIS gave up after requestTimeout/);
    expect(t).toContain('  First step: Raise requestTimeout.');
    expect(t).toMatch(/1\. The app did not answer within requestTimeout \[request-timeout\] (Very likely|Likely|Possible)\n/);
    expect(t).toContain('line 2 (iis-log): 12002');
    expect(t).toContain('- Raise requestTimeout.');
    expect(t).toContain('Article: /causes/request-timeout/');
    expect(t).toContain('12002 = 0x00002EE2 (unsigned 12002, signed 12002, Win32 12002): ERROR_WINHTTP_TIMEOUT');
    expect(t).toContain('What returns the error?');
    expect(t).toContain('Lines not recognised: 1, 3');
    expect(t).toContain('- a note');
  });
  it('says when the evidence is thin and what to collect next, after the verdict', () => {
    const thin: Diagnosis = { ...d, kinds: ['prose', 'status'], facts: [{ kind: 'prose', name: 'server', value: 'nginx', span: { start: 0, end: 5 } }] };
    const j = toJson(text, thin);
    expect(j.thin?.label).toMatch(/nginx/i);
    const t = toText(text, thin);
    expect(t).toMatch(/^(Very likely|Likely|Possible): /);
    expect(t).toMatch(/\n\nThe evidence is thin\. What to collect next \(nginx\):\n  - \S/);
    const at = (s: string) => t.indexOf(s);
    expect(at('First step:')).toBeGreaterThan(0);
    expect(at('The evidence is thin')).toBeGreaterThan(at('First step:'));
    expect(at('Likely causes, best first:')).toBeGreaterThan(at('The evidence is thin'));
    expect(toJson(text, d).thin).toBeUndefined();
    expect(toText(text, d)).not.toContain('The evidence is thin');
  });
  it('never shows a percentage for a finding', () => {
    const sure = { ...d, findings: d.findings.map((f) => ({ ...f, confidence: 0.9996 })) };
    expect(toText(text, sure)).toContain('[request-timeout] Very likely');
    expect(toText(text, sure)).not.toMatch(/\d\s?%/);
  });
  it('says when the evidence comes from another stack, before the findings', () => {
    const t = toText(text, { ...d, outOfScope: { stack: 'classic-aspnet', what: 'This is classic ASP.NET.', advice: 'Read the trace.', link: { href: '/guides/failed-request-tracing/', label: 'FREB' }, evidence: ['AspNetInitializationExceptionModule'] } });
    expect(t).toMatch(/^Out of scope: This is classic ASP.NET./);
    expect(t).toContain('Other possibilities:');
    expect(t).toContain('[request-timeout] Possible');
  });
  it('says so when nothing was found', () => {
    expect(toText('x', { ...d, findings: [], codes: [], questions: [], unrecognised: [], kinds: [] })).toContain('No likely cause found');
  });
  it('compresses line numbers into ranges', () => {
    expect(lineRanges([1, 2, 3, 5, 7, 8])).toBe('1-3, 5, 7-8');
    expect(lineRanges([])).toBe('');
  });
});

describe('the paste hint', () => {
  const empty: Diagnosis = { kinds: [], facts: [], codes: [], findings: [], questions: [], unrecognised: [1], pasteHint: 'Nothing in this text was recognised. Paste the IIS log line.' };
  it('is in the JSON and under "No likely cause" in the text report', () => {
    expect(toJson('hello', empty).pasteHint).toBe(empty.pasteHint);
    const out = toText('hello', empty);
    expect(out).toMatch(/No likely cause found in this input\.\nNothing in this text was recognised\. Paste the IIS log line\./);
  });
  it('is absent when the diagnosis has none', () => {
    expect(toJson(text, d).pasteHint).toBeUndefined();
    expect(toText(text, d)).not.toMatch(/Nothing in this text was recognised/);
  });
});
