import { describe, expect, it } from 'vitest';
import data from '../../../content/data/status-priors.json' with { type: 'json' };
import { diagnose } from './diagnose.ts';
import { isCauseId } from './catalogue.ts';
import { PRIOR_ORDER, elsewhereContributions, priorFor, serverName } from './priors.ts';
import { indexFacts } from './fact-index.ts';
import type { Fact } from './types.ts';
import type { Contribution } from './rank.ts';
import { SIGNAL_IDS } from '../signals/index.ts';
import { WORD_WEIGHT } from './word-findings.ts';

// These tests check the priors' own short lists, so the word model is off: on thin evidence it
// re-weighs those lists by the paste's words (word-findings.ts, tested in word-findings.test.ts
// and measured on the real corpus by the bench).
const causes = (text: string): string[] => diagnose(text, { words: false }).findings.map((f) => f.cause);

describe('status priors data', () => {
  it('names known causes and servers, with low weights', () => {
    const priors = data.priors as Record<string, Record<string, Record<string, number>>>;
    expect(Object.keys(priors).sort()).toEqual(['460', '499', '500', '502', '503', '504', '520', '521', '522', '523', '524', '525', '526', 'any']);
    for (const [status, rows] of Object.entries(priors)) {
      for (const [server, weights] of Object.entries(rows)) {
        if (server !== 'none' && server !== data.stack.row) expect(PRIOR_ORDER, `${status}/${server}`).toContain(server);
        expect(Object.keys(weights).length, `${status}/${server}`).toBeGreaterThan(0);
        for (const [cause, w] of Object.entries(weights)) {
          expect(isCauseId(cause), `${status}/${server}: ${cause}`).toBe(true);
          expect(w > 0 && w <= 0.45, `${status}/${server}: ${cause} ${w}`).toBe(true);
        }
      }
    }
    for (const id of data.restating) expect(SIGNAL_IDS.has(id), id).toBe(true);
    for (const id of [...data.weak, data.stack.signal, ...data.stack.needs]) expect(SIGNAL_IDS.has(id), id).toBe(true);
    expect(priorFor('any', data.stack.row)).toBeDefined();
  });
  it('names every component the way its product does in the notes', () => {
    for (const server of [...PRIOR_ORDER, data.stack.row]) expect(Object.keys(data.names), server).toContain(server);
    expect(serverName('azure-app-gateway')).toBe('Azure Application Gateway');
    const note = diagnose('Cloud Run returns 503 Service Unavailable', { words: false }).findings[0]?.evidence[0]?.note ?? '';
    expect(note).toMatch(/^A 503 from a managed platform's front end, with nothing else to go by/);
    expect(diagnose('Varnish answers 503', { words: false }).findings[0]?.evidence[0]?.note).toMatch(/^A 503 from Varnish,/);
  });

  it('differs by component: a 502 behind nginx is not a 502 behind IIS', () => {
    expect(Object.keys(priorFor('502', 'nginx') ?? {})).toContain('proxy-upstream-refused');
    expect(Object.keys(priorFor('502', 'iis') ?? {})).toContain('request-timeout');
    expect(Object.keys(priorFor('502', 'iis') ?? {})).not.toContain('proxy-upstream-refused');
    expect(priorFor('418', 'nginx')).toBeUndefined();
  });
});

describe('never silent', () => {
  it('a bare nginx 502 page gives the nginx short list, low confidences and the proxy question', () => {
    const d = diagnose('502 Bad Gateway\nnginx/1.18.0', { words: false });
    const row = Object.keys(priorFor('502', 'nginx') ?? {});
    expect(d.findings.length).toBeGreaterThanOrEqual(3);
    for (const f of d.findings) {
      expect(row, f.cause).toContain(f.cause);
      expect(f.confidence).toBeLessThanOrEqual(0.45);
    }
    expect(d.findings.map((f) => f.cause)).not.toContain('yarp-forwarder-error');
    expect(d.questions.map((q) => q.node)).toEqual(['proxy']);
    expect(d.pasteHint).toBeUndefined();
  });

  it('a bare status with no component gives the no-component row, not the IIS-leaning status table', () => {
    const row = Object.keys(priorFor('503', 'none') ?? {});
    const top = causes('503 Service Unavailable');
    expect(top.length).toBeGreaterThanOrEqual(3);
    for (const c of top) expect(row, c).toContain(c);
    expect(top.slice(0, 3)).toContain('backend-unhealthy');
    expect(causes('502 Bad Gateway')[0]).toBe('proxy-upstream-refused');
    expect(causes('504 Gateway Time-out')[0]).toBe('proxy-upstream-timeout');
    // A component named keeps its own row: behind IIS a 503 is the pool first.
    expect(causes('IIS answers 503 Service Unavailable')[0]).toBe('app-pool-stopped');
  });

  it("Varnish's 503 'Backend fetch failed' gives the Varnish list, not the IIS pool", () => {
    const top = causes('Error 503 Backend fetch failed\nGuru Meditation:\nXID: 32770\nVarnish cache server');
    expect(top.slice(0, 3)).toEqual(expect.arrayContaining(['proxy-upstream-timeout', 'proxy-upstream-refused', 'backend-unhealthy']));
    expect(top).not.toContain('app-pool-stopped');
  });

  it('a 502 named with IIS in a sentence gives the IIS list', () => {
    const top = causes('IIS keeps returning 502 for the whole afternoon');
    expect(top.slice(0, 3)).toContain('request-timeout');
    expect(top).not.toContain('proxy-upstream-refused');
  });

  it("IIS named without a status: IIS's own reasons, the app's start failures first when the app is said to fail", () => {
    // IIS alone: what fails there most (the pool's access to the files, a stopped pool).
    const own = causes('our IIS site is broken');
    expect(own.slice(0, 3)).toEqual(expect.arrayContaining(['access-denied', 'app-pool-stopped']));
    expect(own).toEqual(expect.arrayContaining(['hosting-bundle-missing', 'web-config-invalid', 'iis-features-missing']));
    // The app's stack with a failure: its start failures first, IIS's own reasons after them.
    const top = causes('Our ASP.NET Core site on IIS does not work since this morning');
    expect(top.slice(0, 2)).toEqual(['framework-not-found', 'inprocess-start-failure']);
    expect(top).toEqual(expect.arrayContaining(['hosting-bundle-missing', 'process-start-failure', 'access-denied', 'app-pool-stopped']));
    expect(top).not.toContain('proxy-upstream-refused');
  });

  it("the app's stack named with a failure in words, nothing else, gives the stack's short list", () => {
    const row = Object.keys(priorFor('any', data.stack.row) ?? {});
    for (const text of ['My .NET Core app won\'t start', 'Issue with Dot Net Core MVC', 'Blazor site is down since this morning']) {
      const d = diagnose(text, { words: false });
      expect(d.findings.length, text).toBeGreaterThanOrEqual(3);
      expect(d.findings[0]?.cause, text).toBe('framework-not-found');
      for (const f of d.findings) {
        expect(row, `${text}: ${f.cause}`).toContain(f.cause);
        expect(f.confidence).toBeLessThan(0.3);
        expect(f.evidence.map((e) => e.note).join(' ')).toMatch(/nothing else to go by/);
      }
      // The word model re-weighs the row and may add a cause of its own, saying so; the row stays.
      const withWords = diagnose(text).findings;
      for (const cause of d.findings.map((f) => f.cause)) expect(withWords.map((f) => f.cause), text).toContain(cause);
      for (const f of withWords) {
        if (row.includes(f.cause)) continue;
        // A cause the row lacks is there because of the words (a weak signal's own hint for it,
        // under the findings' floor alone, may ride along), and says so.
        expect(d.findings.map((x) => x.cause), `${text}: ${f.cause}`).not.toContain(f.cause);
        expect(f.evidence.some((e) => e.note.startsWith('Words often seen in reports of this cause: ')), `${text}: ${f.cause}`).toBe(true);
        expect(f.confidence).toBeLessThanOrEqual(WORD_WEIGHT);
      }
    }
    // The stack alone, or a failure without the stack, says nothing.
    expect(causes('How to read settings in ASP.NET Core 8')).toEqual([]);
    expect(causes('my website is down')).toEqual([]);
    // A named component has its own list.
    expect(causes('ASP.NET Core app not starting on IIS')[0]).toBe('framework-not-found');
    expect(causes('ASP.NET Core app not starting on IIS')).not.toContain('proxy-upstream-refused');
  });

  it('a deployment as the setting of a failure on IIS or App Service gives their start failures', () => {
    const iis = causes('ASP.NET Core 6 app does not work after publish to IIS');
    expect(iis.slice(0, 3)).toContain('framework-not-found');
    expect(iis).not.toContain('app-pool-recycle');
    expect(causes('Site not working after deploying to Azure App Service')[0]).toBe('azure-runtime-missing');
  });

  it('a component named without a status still gives a short list', () => {
    const d = diagnose('Our nginx in front of the app is misbehaving since this morning', { words: false });
    expect(d.findings.length).toBeGreaterThan(0);
    for (const f of d.findings) expect(f.confidence).toBeLessThan(0.45);
  });

  it('a bare 504 Gateway Timeout gives a list and asks what returned it', () => {
    // (nginx's own page title, "504 Gateway Time-out", is nginx evidence: the catalogue reads it.)
    const d = diagnose('504 Gateway Timeout', { words: false });
    expect(d.findings.length).toBeGreaterThanOrEqual(2);
    expect(d.findings[0]?.cause).toBe('proxy-upstream-timeout');
    expect(d.questions.map((q) => q.node)).toEqual(['source']);
  });

  it("a 499 is nginx's client closed request, named with nginx or alone", () => {
    expect(causes('nginx 499 error')[0]).toBe('client-aborted');
    expect(causes('lots of 499 in the access log since Monday')[0]).toBe('client-aborted');
    // A status no single product owns gets no prior without a component.
    expect(causes('lots of 418 in the access log since Monday')).toEqual([]);
  });

  it("Cloudflare's origin errors and the ALB's 460 read by their vendors' meanings", () => {
    expect(causes('Error 522 Connection timed out')[0]).toBe('proxy-upstream-refused');
    expect(causes('Error 524 A timeout occurred')[0]).toBe('proxy-upstream-timeout');
    expect(causes('Cloudflare shows error 525 for the api since the certificate change')[0]).toBe('backend-tls-failure');
    expect(causes('we get a 521 from cloudflare on every page')[0]).toBe('proxy-upstream-refused');
    expect(causes('lots of 460 in the ALB access logs')[0]).toBe('client-aborted');
  });

  it("nginx's 503 page gives the 503 short list behind nginx", () => {
    const d = diagnose('<html>\n<head><title>503 Service Temporarily Unavailable</title></head>\n<body>\n<center><h1>503 Service Temporarily Unavailable</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>', { words: false });
    expect(d.findings[0]?.cause).toBe('backend-unhealthy');
    for (const f of d.findings) expect(Object.keys(priorFor('503', 'nginx') ?? {})).toContain(f.cause);
  });

  it('a 503 from HAProxy in words points to unhealthy backends first', () => {
    expect(causes('HAProxy answers 503 Service Unavailable for the api')[0]).toBe('backend-unhealthy');
  });

  it('stays out of the way when the evidence points somewhere', () => {
    const line =
      '2025/01/20 09:31:45 [error] 2211#2211: *17 connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.113.80, server: shop.example.com, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:5000/", host: "shop.example.com"';
    const d = diagnose(line, { words: false });
    expect(d.findings[0]?.cause).toBe('proxy-upstream-refused');
    for (const f of d.findings) for (const e of f.evidence) expect(e.note).not.toMatch(/nothing else to go by/);
  });

  it('says so and what to paste when nothing is recognised', () => {
    for (const text of ['', '   \n\n', 'hello world', 'asdf qwer zxcv 1234 !!!', '\u0000\u0001\u0002']) {
      const d = diagnose(text, { words: false });
      expect(d.findings, JSON.stringify(text)).toEqual([]);
      expect(d.pasteHint, JSON.stringify(text)).toMatch(/^Nothing in this text was recognised\. Paste /);
      expect(d.pasteHint).toMatch(/IIS log/);
    }
  });

  it('says the text was read when it was, but points nowhere', () => {
    const d = diagnose('#Software: Microsoft Internet Information Services 10.0\n#Fields: date time cs-method cs-uri-stem sc-status', { words: false });
    expect(d.kinds).toEqual(['iis-log']);
    expect(d.findings).toEqual([]);
    expect(d.pasteHint).toMatch(/^The text was read, but nothing in it points to a cause/);
  });

  it('a vague sentence read as a failure gets the paste hint, not a cause from its generic words (shipped word model)', () => {
    const d = diagnose('the website is broken again, please help');
    expect(d.findings).toEqual([]);
    expect(d.pasteHint).toMatch(/^The text was read, but nothing in it points to a cause/);
  });

  it('an exception of another stack that no rule knows is read for its words (shipped word model)', () => {
    // A made-up class, so no catalogue entry ever reads it.
    const timeout = diagnose('com.example.gateway.UpstreamReadTimeoutException');
    expect(timeout.facts.some((f) => f.name === 'exception')).toBe(true);
    expect(timeout.findings[0]?.cause).toBe('proxy-upstream-timeout');
    expect(timeout.findings[0]?.evidence.map((e) => e.text.toLowerCase())).toContain('timeout');
    const abort = diagnose('org.apache.catalina.connector.ClientAbortException: java.io.IOException: Broken pipe');
    expect(abort.findings[0]?.cause).toBe('client-aborted');
  });
});

describe('hints for a platform the named component rules out', () => {
  const server = (value: string): Fact => ({ kind: 'prose', name: 'server', value, span: { start: 0, end: 1 } });
  const hint = (cause: string, source: Contribution['source']): Contribution => ({ cause, weight: 0.35, source, key: `${source}:x`, facts: [], note: '' });
  const weights = (servers: string[]): number[] =>
    elsewhereContributions(indexFacts(servers.map(server)), [
      hint('azure-frontend-timeout', 'status'),
      hint('azure-frontend-timeout', 'signal'),
      hint('proxy-upstream-timeout', 'status'),
    ]).map((c) => c.weight);

  it('scales down status-table hints for App Service causes behind nginx or an ALB', () => {
    for (const s of ['nginx', 'aws-alb']) {
      const [status, signal, proxy] = weights([s]);
      expect(status).toBeLessThan(0.35);
      expect(signal).toBe(0.35);
      expect(proxy).toBe(0.35);
    }
  });

  it('leaves them when App Service is named too, when only IIS is named, or when nothing is', () => {
    expect(weights(['nginx', 'azure-app-service'])).toEqual([0.35, 0.35, 0.35]);
    expect(weights(['iis'])).toEqual([0.35, 0.35, 0.35]);
    expect(weights([])).toEqual([0.35, 0.35, 0.35]);
  });

  it('scales down status-table hints for IIS-only causes behind Envoy, Varnish or an ingress, not when IIS or App Service is named', () => {
    const iis = (servers: string[]): number[] =>
      elsewhereContributions(indexFacts(servers.map(server)), [hint('app-pool-stopped', 'status'), hint('app-pool-stopped', 'signal'), hint('backend-unhealthy', 'status')]).map(
        (c) => c.weight,
      );
    for (const s of ['envoy', 'varnish', 'kubernetes']) {
      const [status, signal, proxy] = iis([s]);
      expect(status, s).toBeLessThan(0.35);
      expect(signal).toBe(0.35);
      expect(proxy).toBe(0.35);
    }
    for (const both of [['envoy', 'iis'], ['nginx', 'azure-app-service'], ['yarp'], []]) expect(iis(both), both.join('+')).toEqual([0.35, 0.35, 0.35]);
  });

  it('a 503 from a managed platform (Cloud Run) does not open on the IIS pool', () => {
    expect(causes('Cloud Run returns 503 when the node server aborts a long request')[0]).not.toBe('app-pool-stopped');
    expect(causes('Cloud Run returns 503 Service Unavailable').slice(0, 3)).not.toContain('app-pool-stopped');
  });

  it('a 503 with an Envoy reply no longer lists the IIS pool or app_offline in the top three', () => {
    const top = causes('503 upstream connect error or disconnect/reset before headers. reset reason: connection termination').slice(0, 3);
    expect(top).not.toContain('app-pool-stopped');
    expect(top).not.toContain('app-offline');
  });

  it("a 504 from nginx puts the App Service front end and the ASP.NET Core Module's request timeout after the proxy's and the app's own causes", () => {
    const behindNginx = causes('we get a 504 gateway timeout from nginx');
    expect(behindNginx.slice(0, 2)).toEqual(['proxy-upstream-timeout', 'thread-pool-starvation']);
    expect(behindNginx.indexOf('azure-frontend-timeout')).toBeGreaterThan(1);
    expect(behindNginx.indexOf('request-timeout')).toBeGreaterThan(1);
    expect(causes('we get a 504 gateway timeout on Azure App Service').slice(0, 3)).toContain('azure-frontend-timeout');
  });
});

describe('Kestrel named alone', () => {
  it('lists the binding failures first', () => {
    const top = causes('Kestrel does not work on the new server since this morning');
    expect(top.slice(0, 2)).toEqual(['kestrel-bind-denied', 'port-binding-failure']);
  });
  it('gives way to the proxy in front when one is named', () => {
    expect(causes('nginx in front of Kestrel does not work since this morning')[0]).toBe('proxy-upstream-refused');
  });
});
