import { describe, expect, it } from 'vitest';
import type { Fact } from './types.ts';
import { PROSE_RULES } from './prose-rules.ts';
import { CONTEXT_RULES } from './rules.ts';
import { indexFacts } from './fact-index.ts';
import { ruleContributions } from './contributions.ts';
import { fact, factMs } from '../facts/facts.ts';
import { diagnose } from './diagnose.ts';

let at = 0;
const f = (name: Fact['name'], value: Fact['value'], kind: Fact['kind'] = 'prose'): Fact => {
  at += 2;
  return { kind, name, value, span: { start: at, end: at + 1 } };
};
const server = (v: string) => f('server', v);
const said = (ms: number) => f('stated-duration-ms', ms);
const sig = (what: string) => f('signal', `prose.${what}`);
const status = (v: string) => f('status', v);
const supported = (facts: Fact[]): string[] => {
  const r = ruleContributions(indexFacts(facts), PROSE_RULES);
  return [...new Set(r.contributions.map((c) => c.cause))].sort();
};

describe('prose rules', () => {
  it('are part of the contextual rules', () => {
    for (const r of PROSE_RULES) expect(CONTEXT_RULES).toContain(r);
  });

  it('read a Windows upgrade beside the module failing to load, or beside the Hosting Bundle, as the module the upgrade removed', () => {
    expect(supported([sig('after-os-upgrade'), f('signal', 'event-log.ancm-v2-module-load-failed', 'event-log')])).toContain('module-missing-after-os-upgrade');
    expect(supported([sig('after-os-upgrade'), sig('topic-hosting-bundle')])).toEqual(['module-missing-after-os-upgrade']);
    expect(supported([sig('topic-hosting-bundle')])).toEqual([]);
  });

  it("read a start of about Heroku's boot limit there as that limit", () => {
    expect(supported([server('heroku'), sig('first-request'), said(factMs('heroku.boot-timeout'))])).toContain('startup-time-limit');
    expect(supported([server('heroku'), sig('first-request'), said(5000)])).not.toContain('startup-time-limit');
  });

  it('read 502.3 during a deployment as the app stopped under requests in flight', () => {
    expect(supported([status('502.3'), sig('during-deploy')])).toContain('app-pool-recycle');
    expect(supported([status('502.3')])).toEqual([]);
  });

  it('read the app restarting on App Service with no deployment as the platform restarting it', () => {
    expect(supported([sig('app-restart'), server('azure-app-service')])).toContain('app-service-restart');
    expect(supported([sig('app-restart'), server('azure-app-service'), sig('after-deploy')])).not.toContain('app-service-restart');
  });

  it('read a restart App Service makes, named on App Service, as that restart', () => {
    expect(supported([sig('topic-app-service-restart'), server('azure-app-service')])).toContain('app-service-restart');
    expect(supported([sig('topic-app-service-restart'), server('iis')])).not.toContain('app-service-restart');
  });

  it('read a config error beside a missing IIS feature as that feature', () => {
    expect(supported([status('500.19'), sig('topic-iis-features')])).toContain('iis-features-missing');
    expect(supported([status('500.19')])).toEqual([]);
  });

  it('read access denied to the stdout log folder as the log that cannot be written', () => {
    expect(supported([sig('topic-access-denied'), sig('topic-stdout-log')])).toEqual(['stdout-log-unwritable']);
    expect(supported([sig('topic-access-denied')])).toEqual([]);
  });

  it('read a duration near the named component default from the facts file', () => {
    expect(supported([server('iis'), said(factMs('ancm.requestTimeout'))])).toEqual(['request-timeout']);
    expect(supported([server('azure-app-service'), said(factMs('app-service.frontend-timeout'))])).toEqual(['azure-frontend-timeout']);
    expect(supported([server('nginx'), said(factMs('nginx.proxy_read_timeout'))])).toEqual(['proxy-upstream-timeout']);
    expect(supported([server('apache'), said(factMs('apache.Timeout.debian'))])).toEqual(['proxy-upstream-timeout']);
    expect(supported([server('azure-app-gateway'), said(factMs('azure-app-gateway.RequestTimeout'))])).toEqual(['proxy-upstream-timeout']);
    expect(supported([server('yarp'), said(factMs('yarp.ActivityTimeout'))])).toEqual(['proxy-upstream-timeout']);
    expect(supported([server('aws-alb'), said(factMs('aws-alb.idle_timeout')), status('504')])).toEqual(['proxy-upstream-timeout']);
  });

  it('read a backend the writer says crashed behind a proxy as the crash', () => {
    expect(supported([sig('topic-crash'), status('502')])).toContain('app-crash-runtime');
    expect(supported([sig('topic-crash'), sig('reverse-proxy')])).toContain('app-crash-runtime');
    expect(supported([sig('topic-crash')])).not.toContain('app-crash-runtime');
  });

  it("read IIS's regular recycle interval on its own: nothing else in scope waits 29 hours", () => {
    expect(supported([said(factMs('iis.periodicRestart.time'))])).toEqual(['app-pool-recycle']);
    expect(supported([said(24 * 3_600_000)])).toEqual([]);
  });

  it('do not fire on a duration far from the default', () => {
    expect(supported([server('iis'), said(factMs('ancm.requestTimeout') * 2)])).toEqual([]);
    expect(supported([server('nginx'), said(factMs('nginx.proxy_read_timeout') * 3)])).toEqual([]);
    expect(supported([server('azure-app-service'), said(30_000)])).toEqual([]);
  });

  it('follow a requestTimeout set in web.config', () => {
    const configured = f('setting', 'requestTimeout=00:05:00', 'web-config');
    expect(supported([server('iis'), said(300_000), configured])).toEqual(['request-timeout']);
    expect(supported([server('iis'), said(factMs('ancm.requestTimeout')), configured])).toEqual([]);
  });

  it('tell an ALB timeout from a keep-alive race by the status', () => {
    const idle = factMs('aws-alb.idle_timeout');
    expect(supported([server('aws-alb'), said(idle), status('504')])).toEqual(['proxy-upstream-timeout']);
    expect(supported([server('aws-alb'), said(idle), status('502')])).toEqual(['keepalive-race']);
  });

  it('combine triggers with components', () => {
    expect(supported([server('kubernetes'), sig('after-deploy')])).toEqual(['pod-shutdown-race']);
    expect(supported([server('iis'), sig('after-deploy'), status('503')])).toEqual(['app-offline']);
    // A deployment as the moment of a brief failure: the recycle or app_offline cut requests.
    expect(supported([server('iis'), sig('during-deploy'), status('502.3')])).toEqual(['app-offline', 'app-pool-recycle']);
    // A deployment as the setting ("after publishing to IIS"): how a start failure is found.
    expect(supported([server('iis'), sig('after-deploy'), status('502.3')])).toEqual([]);
    expect(supported([server('kubernetes'), sig('during-deploy')])).toEqual(['pod-shutdown-race']);
    // "I deployed and got 500.30": the deploy is how it was found, not a recycle in flight.
    expect(supported([server('iis'), sig('after-deploy'), status('500.30')])).toEqual([]);
    expect(supported([server('iis'), sig('large-upload')])).toEqual(['backend-connection-reset']);
    expect(supported([server('nginx'), sig('large-upload')])).toEqual(['proxy-upstream-closed']);
    expect(supported([server('nginx'), sig('after-login')])).toEqual(['proxy-header-too-big']);
    expect(supported([sig('after-deploy')])).toEqual([]);
  });

  it('read an upload as a big request body, not big response headers (issue 10\'s own sentence)', () => {
    const d = diagnose('502 only when uploading big files');
    const causes = d.findings.map((f) => f.cause);
    expect(causes[0]).not.toBe('proxy-header-too-big');
    expect(causes.slice(0, 3)).toContain('proxy-upstream-closed');
  });

  it('read a crash with a 500 on IIS as a start failure, not a crash with a 502', () => {
    expect(supported([server('iis'), status('500'), sig('topic-crash')])).toContain('inprocess-start-failure');
    expect(supported([server('iis'), status('502'), sig('topic-crash')])).not.toContain('inprocess-start-failure');
    expect(supported([server('nginx'), status('500'), sig('topic-crash')])).not.toContain('inprocess-start-failure');
  });

  it("leave a large upload to YARP's own log when YARP says reading the client's body failed", () => {
    expect(supported([server('yarp'), sig('large-upload')])).toContain('proxy-upstream-closed');
    expect(supported([server('yarp'), sig('large-upload'), f('signal', 'yarp.error-request-body-client', 'yarp')])).not.toContain('proxy-upstream-closed');
  });

  it('read an ANCM start failure after a framework upgrade as a missing runtime', () => {
    for (const st of ['502.5', '500.30', '500.31']) expect(supported([status(st), sig('framework-upgrade')])).toEqual(['framework-not-found']);
    expect(supported([status('502.3'), sig('framework-upgrade')])).toEqual([]);
    expect(supported([status('502.5'), sig('after-upgrade')])).toEqual([]);
  });

  it('read unhealthy servers of a server farm as ARR with no server left', () => {
    expect(supported([sig('topic-server-farm'), sig('topic-unhealthy')])).toEqual(['arr-no-server']);
    expect(supported([sig('topic-unhealthy')])).toEqual([]);
  });

  it('read sporadic 502s behind a proxy as a keep-alive race, but not on IIS or around deploys', () => {
    expect(supported([status('502'), sig('intermittent')])).toEqual(['keepalive-race']);
    expect(supported([status('502'), sig('intermittent'), server('iis')])).toEqual([]);
    expect(supported([status('502'), sig('intermittent'), sig('after-deploy')])).toEqual([]);
    expect(supported([status('504'), sig('intermittent')])).toEqual([]);
  });

  it('read failures during a rollout as instances replaced under traffic, whatever the proxy, but not on IIS', () => {
    expect(supported([status('502'), sig('topic-rolling'), server('nginx')])).toEqual(['pod-shutdown-race']);
    expect(supported([status('504'), sig('topic-rolling')])).toEqual(['pod-shutdown-race']);
    expect(supported([status('502'), sig('topic-rolling'), sig('intermittent')])).toEqual(['pod-shutdown-race']);
    expect(supported([status('502'), sig('topic-rolling'), server('iis')])).toEqual([]);
  });

  it('read an app off the port a platform gave it as that port ignored, but not behind a proxy of its own', () => {
    for (const host of ['heroku', 'azure-app-service', 'iis']) {
      expect(supported([sig('topic-app-port'), server(host)])).toEqual(['port-binding-failure']);
      expect(supported([sig('topic-not-listening'), server(host)])).toEqual(['port-binding-failure']);
    }
    expect(supported([sig('topic-app-port'), server('heroku'), server('docker')])).toEqual(['port-binding-failure']);
    expect(supported([sig('topic-not-listening'), server('nginx')])).toEqual([]);
    expect(supported([sig('topic-app-port'), server('azure-app-service'), server('kubernetes')])).toEqual([]);
  });

  it('read a 502 after about two minutes with no component named as the module time-out, but not after idling or behind a proxy', () => {
    expect(supported([status('502'), said(120_000)])).toEqual(['request-timeout']);
    expect(supported([status('502'), said(120_000), sig('idle')])).toEqual([]);
    expect(supported([status('502'), said(120_000), server('nginx')])).toEqual([]);
    expect(supported([status('502'), said(60_000)])).toEqual([]);
  });

  it('read large uploads said to time out as the proxy time-out, not a closed connection', () => {
    expect(supported([sig('large-upload'), sig('topic-timeout')])).toEqual(['proxy-upstream-timeout']);
    expect(supported([sig('large-upload'), sig('topic-timeout'), server('nginx')])).toEqual(['proxy-upstream-timeout']);
    expect(supported([sig('large-upload'), server('nginx')])).toEqual(['proxy-upstream-closed']);
    expect(supported([sig('large-upload'), sig('topic-timeout'), server('iis')])).not.toContain('proxy-upstream-timeout');
  });

  it('read slow requests failing at a known default without a named component', () => {
    expect(supported([sig('long-request'), said(factMs('nginx.proxy_read_timeout'))])).toEqual(['proxy-upstream-timeout']);
    expect(supported([sig('long-request'), said(factMs('ancm.requestTimeout'))])).toEqual(['request-timeout']);
    expect(supported([sig('long-request'), said(factMs('app-service.frontend-timeout'))])).toEqual(['azure-frontend-timeout']);
    expect(supported([sig('long-request'), said(7_000)])).toEqual([]);
    expect(supported([said(factMs('nginx.proxy_read_timeout'))])).toEqual([]);
  });

  it('read a missing runtime on App Service as the platform lacking it', () => {
    expect(supported([server('azure-app-service'), sig('topic-runtime-missing')])).toEqual(['azure-runtime-missing']);
    expect(supported([server('iis'), sig('topic-runtime-missing')])).toEqual([]);
  });

  it('let a named cause speak over a trigger with a component', () => {
    expect(supported([server('iis'), sig('during-deploy')])).toEqual(['app-offline', 'app-pool-recycle']);
    expect(supported([server('iis'), sig('after-deploy'), sig('topic-single-file')])).toEqual([]);
    expect(supported([server('kubernetes'), sig('after-restart'), sig('topic-resources')])).toEqual([]);
    // The generic "times out" names no cause: the rule still reads the trigger.
    expect(supported([server('kubernetes'), sig('after-deploy'), sig('topic-timeout')])).toContain('pod-shutdown-race');
  });

  it('read ARR timing out as its own proxy time-out, not the module', () => {
    expect(supported([server('iis'), sig('topic-arr'), status('502.3')])).toEqual(['arr-proxy-timeout']);
    expect(supported([server('iis'), sig('topic-arr'), sig('topic-timeout')])).toContain('arr-proxy-timeout');
    expect(supported([server('iis'), status('502.3')])).not.toContain('arr-proxy-timeout');
  });

  it("read Front Door failing at its origin response timeout", () => {
    expect(supported([server('azure-front-door'), said(factMs('azure-front-door.origin-timeout'))])).toEqual(['proxy-upstream-timeout']);
    expect(supported([server('azure-front-door'), said(5_000)])).toEqual([]);
  });

  it('read 503s while an IIS pool recycles as the recycle', () => {
    expect(supported([server('iis'), status('503'), sig('after-restart')])).toEqual(['app-pool-recycle']);
    expect(supported([server('nginx'), status('503'), sig('after-restart')])).not.toContain('app-pool-recycle');
  });

  it('read a reset through Docker as nothing listening in the container', () => {
    expect(supported([server('docker'), sig('topic-reset')])).toEqual(['proxy-upstream-refused']);
    expect(supported([server('docker'), server('kubernetes'), sig('topic-reset')])).toEqual([]);
  });

  it('read a port in use behind IIS or App Service as the port ANCM gave the app', () => {
    expect(supported([server('azure-app-service'), sig('topic-port-in-use')])).toEqual(['port-binding-failure']);
    expect(supported([server('nginx'), sig('topic-port-in-use')])).toEqual([]);
  });

  it('read a second app in one pool with an in-process failure as several in-process apps', () => {
    expect(supported([sig('topic-shared-pool'), status('500.0')])).toEqual(['multiple-inprocess-apps']);
    expect(supported([sig('topic-shared-pool')])).toEqual([]);
  });

  it('read pools stopping right after a Hosting Bundle install as the missing Visual C++ runtime', () => {
    expect(supported([sig('topic-hosting-bundle'), status('503')])).toEqual(['vc-redist-missing']);
    expect(supported([sig('topic-hosting-bundle'), sig('topic-pool-stopped')])).toEqual(['vc-redist-missing']);
    expect(supported([sig('topic-hosting-bundle')])).toEqual([]);
  });

  it("read a limit of about 230 s alone as App Service's front end, but not a nearby round number", () => {
    expect(supported([said(factMs('app-service.frontend-timeout'))])).toEqual(['azure-frontend-timeout']);
    expect(supported([said(240_000)])).toEqual([]);
    expect(supported([server('nginx'), said(factMs('app-service.frontend-timeout'))])).toEqual([]);
  });

  it('read a start failure after a version change as a missing runtime: the server, or App Service', () => {
    expect(supported([status('502.5'), sig('framework-upgrade')])).toEqual(['framework-not-found']);
    expect(supported([status('502.5'), sig('framework-upgrade'), server('azure-app-service')])).toEqual(['azure-runtime-missing']);
  });

  it('read a 503 while the application restarts as the app stopping itself, not behind a proxy', () => {
    expect(supported([status('503'), sig('app-restart')])).toEqual(['app-initiated-shutdown']);
    expect(supported([status('503'), sig('app-restart'), server('nginx')])).not.toContain('app-initiated-shutdown');
  });

  it('read a virtual directory with a start failure as a folder that is not an application', () => {
    expect(supported([status('502.5'), sig('topic-virtual-directory')])).toEqual(['virtual-directory-not-application']);
    expect(supported([status('502'), sig('topic-virtual-directory')])).toEqual([]);
  });

  it('read sporadic upstream resets from Envoy as a keep-alive race', () => {
    expect(supported([server('envoy'), status('503'), sig('intermittent')])).toEqual(['keepalive-race']);
    expect(supported([server('envoy'), status('504'), sig('intermittent')])).toEqual([]);
  });

  it('read a settings change that restarted the app as an App Service restart, not on IIS', () => {
    expect(supported([sig('settings-change'), sig('after-restart')])).toEqual(['app-service-restart']);
    expect(supported([sig('settings-change'), sig('after-restart'), server('iis')])).not.toContain('app-service-restart');
  });

  it('read a small share of 502s under load behind a proxy as a keep-alive race, not a 504', () => {
    expect(supported([server('nginx'), status('502'), sig('under-load')])).toEqual(['keepalive-race']);
    expect(supported([server('nginx'), status('504'), sig('under-load')])).not.toContain('keepalive-race');
    expect(supported([server('iis'), status('502'), sig('under-load')])).not.toContain('keepalive-race');
  });

  it('write the defaults of the facts file into their notes', () => {
    const r = ruleContributions(indexFacts([server('iis'), said(factMs('ancm.requestTimeout'))]), PROSE_RULES);
    expect(r.contributions[0]?.note).toContain(fact('ancm.requestTimeout').says);
    expect(r.contributions[0]?.note).toMatch(/Duration stated here: 120\.0 s/);
  });
});

describe('sentences through the whole engine, word model off', () => {
  // The rules' own ranking: on thin evidence the word model re-weighs it by the paste's words
  // (word-findings.ts, measured on the real corpus), and one of these paraphrases then ranks
  // otherwise ("client" and "logs" read as a client that went away, before Heroku's H13).
  const top = (text: string): string | undefined => diagnose(text, { words: false }).findings[0]?.cause;
  it('rank the issue examples', () => {
    expect(top('we get a 504 from the load balancer after about a minute')).toBe('proxy-upstream-timeout');
    expect(top('IIS returns 502.3 after exactly 120 seconds')).toBe('request-timeout');
    expect(top('Bad gateway after 230 seconds on Azure App Service')).toBe('azure-frontend-timeout');
    expect(top('502 only when uploading big files')).toBe('proxy-upstream-closed');
    expect(['proxy-upstream-refused', 'pod-shutdown-race']).toContain(top('random 502s from nginx right after every deploy'));
  });
  it('rank sentences with triggers on ANCM titles', () => {
    expect(top('HTTP Error 502.5 after updating ASP.NET Core from 2.0.0 to 2.0.3')).toBe('framework-not-found');
    expect(top('Unexpected 503 response when the IIS application pool is recycling')).toBe('app-pool-recycle');
    expect(top('Every few hours the web farm goes down with a 502 and both servers are marked unhealthy')).toBe('arr-no-server');
  });
  it('point evidence at the words in the original paste, behind a prefix too', () => {
    const text = 'web-1  | IIS returns 502.3 after exactly 120 seconds';
    const d = diagnose(text);
    expect(d.findings[0]?.cause).toBe('request-timeout');
    const words = (d.findings[0]?.evidence ?? []).map((e) => text.slice(e.span.start, e.span.end));
    expect(words).toEqual(expect.arrayContaining(['IIS', '502.3', '120 seconds']));
  });
  // Paraphrases of our own, not the corpus' wording: the rules read the family, not a case.
  it('read a sign-in, MFA or tokens with a 502 or a reverse proxy as headers too big', () => {
    expect(top('Users with two-factor enabled land on a 502 page right after the login form')).toBe('proxy-header-too-big');
    expect(top('Keycloak login through our reverse proxy ends in an error')).toBe('proxy-header-too-big');
    expect(top('Bearer tokens from Entra ID make the gateway answer 502')).toBe('proxy-header-too-big');
    expect(top('our response carries more than 8 KB of headers and the proxy gives a 502')).toBe('proxy-header-too-big');
    expect(top('响应头太大，nginx 返回 502')).toBe('proxy-header-too-big');
    expect(top('the ingress log keeps saying upstream sent too big, how do I raise it?')).toBe('proxy-header-too-big');
    expect(top('レスポンスヘッダーが大きすぎて 502 になる')).toBe('proxy-header-too-big');
  });
  it('read a time-out at API Gateway or on Heroku as the platform limit', () => {
    expect(top('Requests through the AWS API Gateway are cut off at 29 s with a 504')).toBe('proxy-upstream-timeout');
    expect(top('calls via API gateway keep timing out on the report endpoint')).toBe('proxy-upstream-timeout');
    expect(top('Our export endpoint on Heroku takes up to 3 minutes and the browser gets an error')).toBe('proxy-upstream-timeout');
    expect(top('heroku dyno gives up after 30 seconds on slow pages')).toBe('proxy-upstream-timeout');
    // API Gateway named without a time-out, a limit or a 504 is not a time-out.
    expect(top('we moved the API gateway to another region and now the site returns 403')).not.toBe('proxy-upstream-timeout');
  });
  it('read a Lambda function behind an ALB or API Gateway as a response they cannot use, not a connection problem', () => {
    for (const text of ['ALB with a Lambda target always returns 502', 'API Gateway Lambda proxy integration returns 502 Bad Gateway', 'our ALB -> Lambda setup gives 502 on some routes', 'The ALB triggers the Lambda but every route returns 502 Bad Gateway']) {
      expect(top(text), text).toBe('invalid-backend-response');
      const causes = diagnose(text, { words: false }).findings.map((f) => f.cause);
      expect(causes.slice(0, 3), text).not.toContain('keepalive-race');
    }
    // A C# lambda is no Lambda function.
    expect(diagnose('the lambda expression throws a NullReferenceException', { words: false }).facts.map((f) => f.value)).not.toContain('prose.lambda-target');
    expect(top('a lambda in Program.cs returns 502 from nginx')).not.toBe('invalid-backend-response');
  });
  it('read a failure told as a tiny share of requests as the keep-alive race', () => {
    expect(top('about one 502 out of 50,000 requests behind our load balancer')).toBe('keepalive-race');
    expect(top('roughly 0.02% of requests get a 502 from nginx')).toBe('keepalive-race');
  });
  it('read a proxy that may not open the app socket as permission denied', () => {
    expect(top('nginx cannot connect: the kestrel socket permissions only allow the app user')).toBe('proxy-permission-denied');
    expect(top('nginx does not have permission to write to the unix socket, 502')).toBe('proxy-permission-denied');
  });
  it('read the reason a writer gives next to an ANCM start-failure title as the cause', () => {
    expect(top('After we built the app for win-x86 the site shows HTTP Error 500.0 - ANCM In-Process Handler Load Failure')).toBe('bitness-mismatch');
    expect(top('Because the name of the site folder has a space we get HTTP Error 502.5 - Process Failure')).toBe('wrong-arguments');
    expect(top('Without the Visual C++ redistributable the new server shows HTTP Error 500.0 - ANCM In-Process Handler Load Failure')).toBe('vc-redist-missing');
    // Without a start-failure status the reason stays a topic among others.
    expect(supported([sig('topic-bitness'), status('502')])).toEqual([]);
  });
  it('read gateway time-outs while instances are replaced as the shutdown race', () => {
    expect(top('Every rollout of the deployment gives our users a few 504 responses from the ingress')).toBe('pod-shutdown-race');
    expect(top('When the autoscaler scales in we see 504s from the ALB for a minute')).toBe('pod-shutdown-race');
    // A 504 with no rollout keeps its usual reading.
    expect(top('We get a 504 from nginx on the report page')).toBe('proxy-upstream-timeout');
  });
  it("read Heroku's error codes written bare in a sentence", () => {
    expect(top('our dyno keeps answering with H12 on the export page')).toBe('proxy-upstream-timeout');
    expect(top('The app fails with an R10 on every release')).toBe('port-binding-failure');
    expect(top('the router logs H13 whenever a client posts a form')).toBe('proxy-upstream-closed');
    // Case-sensitive: "h12" in a word or a lower-case token is not the code.
    expect(diagnose('row h12 of the sheet is empty').facts.some((x) => x.value === 'heroku')).toBe(false);
  });
  it("read Envoy's response flags written after the status", () => {
    expect(top('Since the mesh upgrade a handful of calls fail with 503 UC every day')).toBe('keepalive-race');
    expect(top('the sidecar answers 503 UH for our service after the deploy')).toBe('backend-unhealthy');
    // An acronym that is not after a status or before "errors" is not a flag.
    expect(diagnose('I studied at UC Berkeley and our site is fine').facts.some((x) => x.value === 'envoy')).toBe(false);
  });
  it('read a port that does not open, in Chinese, Japanese and Korean, as a refused connection', () => {
    expect(top('升级之后 nginx 到 8080 端口打不开了')).toBe('proxy-upstream-refused');
    expect(top('アップデートしたら 5000 番ポートに接続できない')).toBe('proxy-upstream-refused');
    expect(top('업데이트 후에 5000 포트 연결이 안 됩니다')).toBe('proxy-upstream-refused');
  });
  it('never leaves a failure told with web.config silent', () => {
    expect(diagnose('after editing web.config the website does not load').findings.length).toBeGreaterThan(0);
    expect(diagnose('after editing web.config the website does not load').facts.some((x) => x.name === 'server' && x.value === 'iis')).toBe(true);
  });
  it('a stated duration is not a logged time-taken', () => {
    const d = diagnose('IIS returns 502.3 after exactly 120 seconds');
    expect(d.facts.some((x) => x.name === 'time-taken-ms')).toBe(false);
    expect(d.facts.filter((x) => x.name === 'stated-duration-ms').map((x) => x.value)).toEqual([120_000]);
  });
});
