import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../engine/types.ts';
import { toView } from './view.ts';
import { diagnosisMarkdown } from './markdown.ts';

const input = 'first line\n2024-03-05 10:14:22 GET /x - 443 - 502 3 12002 120016\nlast';
const start = input.indexOf('12002');
const diagnosis: Diagnosis = {
  kinds: ['iis-log'],
  facts: [],
  codes: [{ input: '12002', hex: '0x80072EE2', unsigned: 2147954402, signed: -2147012894, win32: 12002, names: ['ERROR_WINHTTP_TIMEOUT'] }],
  findings: [
    {
      cause: 'request-timeout',
      title: 'The app did not answer within requestTimeout',
      confidence: 0.934,
      article: '/causes/request-timeout/',
      nextSteps: ['Raise requestTimeout'],
      evidence: [{ text: '12002', span: { start, end: start + 5 }, kind: 'iis-log', note: 'sc-win32-status 12002 = ERROR_WINHTTP_TIMEOUT' }],
    },
  ],
  questions: [],
  unrecognised: [1, 3],
};

describe('toView', () => {
  it('cuts evidence down to its line with the match separated', () => {
    const v = toView(input, diagnosis);
    expect(v.lines).toBe(3);
    expect(v.findings[0]).toMatchObject({ percent: 93, cause: 'request-timeout' });
    expect(v.findings[0]!.evidence[0]).toEqual({
      line: 2,
      before: '2024-03-05 10:14:22 GET /x - 443 - 502 3 ',
      match: '12002',
      after: ' 120016',
      note: 'sc-win32-status 12002 = ERROR_WINHTTP_TIMEOUT',
      kind: 'iis-log',
    });
  });

  it('keeps long lines short around the match', () => {
    const long = 'x'.repeat(5000) + ' 12002 ' + 'y'.repeat(5000);
    const s = long.indexOf('12002');
    const v = toView(long, { ...diagnosis, findings: [{ ...diagnosis.findings[0]!, evidence: [{ ...diagnosis.findings[0]!.evidence[0]!, span: { start: s, end: s + 5 } }] }] });
    const e = v.findings[0]!.evidence[0]!;
    expect(e.before.length).toBeLessThan(130);
    expect(e.after.length).toBeLessThan(130);
    expect(e.before.startsWith('…')).toBe(true);
    expect(e.after.endsWith('…')).toBe(true);
  });
});

describe('diagnosisMarkdown', () => {
  it('writes a ticket-ready report with the evidence fenced', () => {
    const md = diagnosisMarkdown(toView(input, diagnosis), 'https://badgateway.guide');
    expect(md).toMatch(/^\*\*(Very likely|Likely|Possible):\*\* IIS gave up after requestTimeout/m);
    expect(md).not.toMatch(/\d\s?%/);
    expect(md).toContain('Cause: The app did not answer within requestTimeout (https://badgateway.guide/causes/request-timeout/)');
    expect(md).toContain('1. Raise requestTimeout');
    expect(md).toContain('```text\n2024-03-05 10:14:22 GET /x - 443 - 502 3 12002 120016\n```');
    expect(md).toContain('- `0x80072EE2` (2147954402, -2147012894, Win32 12002): ERROR\\_WINHTTP\\_TIMEOUT');
  });

  it('cannot be broken out of its fence by the pasted text', () => {
    const hostile = 'a ```\n# injected\n``` b 12002';
    const s = hostile.indexOf('12002');
    const d = { ...diagnosis, findings: [{ ...diagnosis.findings[0]!, evidence: [{ ...diagnosis.findings[0]!.evidence[0]!, span: { start: s, end: s + 5 } }] }] };
    const md = diagnosisMarkdown(toView(hostile, d), '');
    expect(md).toContain('````text');
  });
});

describe('the answer first (issue 12)', async () => {
  const { diagnose } = await import('../engine/diagnose.ts');
  const seed = '2024-03-05 10:14:22 10.0.0.4 POST /api/reports/export - 443 - 203.0.113.7 Mozilla/5.0 - 502 3 12002 120016';

  it('opens with a plain verdict and a word, quotes the paste once with the matches marked', () => {
    const v = toView(seed, diagnose(seed));
    const top = v.findings[0]!;
    expect(top.cause).toBe('request-timeout');
    expect(top.verdict).toMatch(/^IIS gave up after requestTimeout/);
    expect(['Very likely', 'Likely', 'Possible']).toContain(top.word);
    expect(v.findings.slice(1).every((f) => f.word === 'Possible')).toBe(true);
    expect(v.quote).toHaveLength(1);
    expect(v.quote[0]!.parts.map((p) => p.text).join('')).toBe(seed);
    expect(v.quote[0]!.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['502 3', '12002', '120016']);
    expect(top.reasons.length).toBeGreaterThan(0);
    for (const r of top.reasons) expect(r.text).not.toMatch(/Decision tree/);
    expect(v.thin).toBeUndefined();
  });

  it('gives each alternative the question that separates it from the top finding', () => {
    const v = toView(seed, diagnose(seed));
    expect(v.findings[0]!.question).toBeUndefined();
    const starvation = v.findings.find((f) => f.cause === 'thread-pool-starvation')!;
    expect(starvation.question?.node).toBe('timeout');
    const answered = toView(seed, diagnose(seed, { answers: { timeout: 'under-load' } }), { timeout: 'under-load' });
    expect(answered.findings[0]!.cause).toBe('thread-pool-starvation');
    expect(answered.answered).toEqual([{ node: 'timeout', text: expect.stringMatching(/How long/), label: expect.stringMatching(/under load/) }]);
  });

  it('says when the evidence is thin and what to collect next', () => {
    const v = toView('HTTP Error 502.3 - Bad Gateway', diagnose('HTTP Error 502.3 - Bad Gateway'));
    expect(v.thin?.items.length).toBeGreaterThan(0);
    expect(v.thin?.guide).toBeTruthy();
    // A proxy's bare error page only restates the status too (priors.ts `restating`).
    const page = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.25.3</center></body></html>';
    const d = diagnose(page);
    expect(d.facts.some((f) => f.name === 'signal' && f.value === 'nginx.error-page-502')).toBe(true);
    expect(toView(page, d).thin?.label).toMatch(/nginx/i);
    const specific = '2024/03/05 14:02:11 [error] 812#812: *41 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.5, server: x, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:5000/"';
    expect(toView(specific, diagnose(specific)).thin).toBeUndefined();
    // A failure told in words with the stack or a component only (weak signals) is thin too.
    const words = 'My ASP.NET Core app does not start after publishing to IIS';
    expect(toView(words, diagnose(words)).thin?.label).toMatch(/IIS/);
  });

  it('calls a sentence thin evidence even when it names a trigger, and says what to collect for the component it names', () => {
    const said = 'we get random 502s from nginx right after every deploy';
    const d = diagnose(said);
    expect(d.findings.length).toBeGreaterThan(0);
    expect(d.facts.some((f) => f.kind === 'prose' && f.name === 'signal')).toBe(true);
    const v = toView(said, d);
    expect(v.thin?.label).toMatch(/nginx/i);
    expect(v.thin?.items.length).toBeGreaterThan(0);
    // The same cause shown by the product's own line is not thin.
    const line = '2024/03/05 14:02:11 [error] 812#812: *41 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.5, server: x, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:5000/"';
    expect(toView(`${said}\n${line}`, diagnose(`${said}\n${line}`)).thin).toBeUndefined();
  });

  it('puts another stack first and never calls our findings more than possible then', () => {
    const freb = 'ModuleName="AspNetInitializationExceptionModule" RequestURL="http://x/About.aspx" AppPoolId="Clr4IntegratedAppPool" StatusCode="500"';
    const v = toView(freb, diagnose(freb));
    expect(v.outOfScope?.stack).toBe('classic-aspnet');
    expect(v.findings.every((f) => f.word === 'Possible')).toBe(true);
  });
});

describe('diagnosisMarkdown, the answer first', async () => {
  const { diagnose } = await import('../engine/diagnose.ts');
  it('opens with the out-of-scope verdict, and gives thin evidence what to collect', () => {
    const freb = 'ModuleName="AspNetInitializationExceptionModule" RequestURL="http://x/About.aspx" AppPoolId="Clr4IntegratedAppPool" StatusCode="500"';
    const md = diagnosisMarkdown(toView(freb, diagnose(freb)), 'https://x');
    expect(md).toMatch(/^\*\*Out of scope:\*\* This is a classic ASP\.NET/m);
    expect(md.indexOf('Out of scope')).toBeLessThan(md.indexOf('Other possibilities') >>> 0);
    const thin = diagnosisMarkdown(toView('HTTP Error 502.3 - Bad Gateway', diagnose('HTTP Error 502.3 - Bad Gateway')), 'https://x');
    expect(thin).toContain('The evidence is thin. What to collect next');
  });
});
