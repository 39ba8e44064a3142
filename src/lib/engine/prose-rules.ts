/**
 * Contextual rules for evidence described in words (the `prose` recogniser): a component, a
 * stated duration, a status and a trigger mean little alone and much together. A duration near a
 * named component's default timeout is strong; a trigger with a component is a fair hint. Every
 * default comes from content/data/facts.json (src/lib/facts/facts.ts), never typed in here.
 *
 * Tolerances are wider than for a logged time-taken (people round: "about a minute", "2 min")
 * and weights lower than the matching log-based rules in rules.ts.
 */
import type { ContextRule } from './rules.ts';
import type { FactTest } from './fact-test.ts';
import { fact, factMs } from '../facts/facts.ts';

const IIS = ['iis', 'iis-express'];
/** Proxies in front of Kestrel outside Kubernetes and the cloud load balancers. */
const HOST_PROXIES = ['nginx', 'apache', 'yarp', 'docker', 'traefik', 'haproxy', 'caddy'];
const CLOUD_LB = ['aws-alb', 'azure-app-gateway', 'azure-front-door', 'cloudflare'];
/** Every front that times out, closes or refuses for the app: host proxies, ingress, Envoy, Varnish, managed platforms, cloud LBs. */
const PROXY_FRONTS = [...HOST_PROXIES, 'kubernetes', 'envoy', 'varnish', 'paas', ...CLOUD_LB];

/** ANCM statuses of an app that does not start (the status table's start failures). */
const START_FAILURES = ['502.5', '500.0', '500.30', '500.31', '500.32', '500.33', '500.34', '500.35', '500.36', '500.37', '500.38'];

const server = (values: string[]): FactTest => ({ fact: 'server', in: values });
const signal = (...ids: string[]): FactTest => ({ fact: 'signal', in: ids.map((id) => `prose.${id}`) });
const status = (...values: string[]): FactTest => ({ fact: 'status', in: values });
/** A stated duration within `tolerance` of the fact's value (or of the setting the evidence shows). */
const statedNear = (id: string, tolerance = 0.1, setting?: string): FactTest => ({
  fact: 'stated-duration-ms',
  near: setting ? { setting, default: factMs(id), tolerance } : { default: factMs(id), tolerance },
});
const says = (id: string): string => fact(id).says;

/**
 * Topic signals that name a cause (vocabulary.ts TOPICS, all but the generic "times out" and
 * "refused"). When the writer names the cause, a trigger in the same paste is the story around
 * it ("published a single file to IIS", "restarted because of high memory"), not a separate hint.
 */
const NAMED_CAUSE = signal(
  'topic-thread-pool',
  'topic-keepalive',
  'topic-app-offline',
  'topic-hosting-bundle',
  'topic-single-file',
  'topic-proxy-permission',
  'topic-snat',
  'topic-resources',
  'topic-backend-tls',
  'topic-unhealthy',
  'topic-server-farm',
  'topic-virtual-directory',
  'topic-subapp',
  'topic-runtimeconfig',
  'topic-deps-json',
  'topic-vc-redist',
  'topic-client-aborted',
  'topic-header-size',
  'topic-privileged-port',
  'topic-space-in-path',
  'topic-wrong-arguments',
  'topic-crash',
  'topic-hang',
  'topic-reset',
  'topic-pool-stopped',
  'topic-http2',
  'topic-websocket',
  'topic-port-in-use',
  'topic-shared-pool',
  'topic-bitness',
  'topic-user-profile',
  'topic-proxy-protocol',
  'topic-invalid-response',
  'topic-bad-request',
  'topic-shutdown',
  'topic-host-stopped',
  'topic-stdout-log',
  'topic-access-denied',
  'topic-iis-features',
  'topic-physical-path',
  'topic-azure-runtime',
  'topic-app-service-restart',
  'topic-site-stopped',
  'topic-pool-config',
  'topic-inprocess-handler',
  'topic-outofprocess-handler',
  'topic-web-config-invalid',
  'topic-docker-network',
  'topic-not-listening',
  'topic-app-port',
  'topic-runtime-missing',
  'topic-dotnet-missing',
  'topic-scheme-mismatch',
  'topic-missing-files',
  'topic-stale-files',
  'topic-startup-exception',
  'topic-mixed-hosting',
  'topic-crypto-keys',
);

/** Rules that read a trigger with a component: they stand back when a cause is named. */
const TRIGGER_RULES: ReadonlySet<string> = new Set([
  'prose-rollout-on-kubernetes',
  'prose-deploy-behind-alb',
  'prose-deploy-behind-proxy',
  'prose-deploy-on-iis-503',
  'prose-deploy-on-iis',
  'prose-recycle-on-iis-503',
  'prose-upload-on-iis',
  'prose-upload-behind-proxy',
  'prose-upload-times-out',
  'prose-long-request-on-iis',
  'prose-long-request-behind-proxy',
  'prose-login-behind-proxy',
  'prose-login-502',
  'prose-every-request-behind-proxy',
  'prose-intermittent-502-behind-proxy',
  'prose-502-under-load-behind-proxy',
  'prose-idle-behind-lb',
]);

const RULES: readonly ContextRule[] = [
  {
    id: 'prose-proxy-times-out',
    when: { all: [server(PROXY_FRONTS), signal('topic-timeout'), { not: server(['azure-app-service']) }] },
    supports: { 'proxy-upstream-timeout': 0.35 },
    note: 'Described: a proxy or load balancer in front of the app times out: its read timeout fired while the app was still working.',
  },
  {
    id: 'prose-iis-times-out',
    when: { all: [server(IIS), signal('topic-timeout'), { not: server(['azure-app-service', ...HOST_PROXIES, ...CLOUD_LB]) }, { not: signal('topic-server-farm') }] },
    supports: { 'request-timeout': 0.3 },
    note: 'Described: IIS times out in front of the app: out of process, the ASP.NET Core Module stops waiting at requestTimeout.',
  },
  {
    id: 'prose-iis-at-request-timeout',
    when: { all: [server(IIS), statedNear('ancm.requestTimeout', 0.1, 'requestTimeout'), { not: signal('first-request') }] },
    supports: { 'request-timeout': 0.55 },
    note: `Described: IIS fails after about the ASP.NET Core Module's requestTimeout (${says('ancm.requestTimeout')} unless web.config sets another): ANCM stopped waiting for the app.`,
  },
  {
    id: 'prose-502-3-at-request-timeout',
    when: { all: [status('502.3'), statedNear('ancm.requestTimeout', 0.1, 'requestTimeout'), { not: server(IIS) }] },
    supports: { 'request-timeout': 0.45 },
    note: `Described: a 502.3 after about requestTimeout (${says('ancm.requestTimeout')} by default): the ASP.NET Core Module gave up waiting.`,
  },
  {
    // No component named: of the usual front ends, only the ASP.NET Core Module gives up after
    // 2 minutes by default (nginx and the AWS ALB wait 60 s, App Service 230 s), and it answers 502.
    id: 'prose-502-at-request-timeout-unnamed',
    when: {
      all: [
        status('502'),
        statedNear('ancm.requestTimeout', 0.1, 'requestTimeout'),
        { not: server([...IIS, ...HOST_PROXIES, ...CLOUD_LB, 'kubernetes', 'envoy', 'azure-app-service', 'heroku']) },
        { not: signal('idle', 'first-request') },
      ],
    },
    supports: { 'request-timeout': 0.35 },
    note: `Described: a 502 after about ${says('ancm.requestTimeout')}, the ASP.NET Core Module's default requestTimeout; the usual proxies and load balancers wait less (or more) by default.`,
  },
  {
    // Heroku kills a web dyno that has not bound its port 60 s after launch (R10): a start said
    // to take about that long there is the boot limit, not the app's port.
    id: 'prose-heroku-start-at-boot-limit',
    when: { all: [server(['heroku']), signal('first-request'), statedNear('heroku.boot-timeout', 0.1)] },
    supports: { 'startup-time-limit': 0.5 },
    note: `Described: on Heroku the app takes about ${says('heroku.boot-timeout')} to start, Heroku's boot limit: a web dyno that has not bound its port by then is stopped with R10.`,
  },
  {
    id: 'prose-iis-start-at-startup-limit',
    when: { all: [server(IIS), signal('first-request'), statedNear('ancm.startupTimeLimit', 0.1, 'startupTimeLimit')] },
    supports: { 'startup-time-limit': 0.5 },
    weakens: { 'request-timeout': 0.3 },
    note: `Described: the app fails while starting, after about startupTimeLimit (${says('ancm.startupTimeLimit')} by default).`,
  },
  {
    id: 'prose-app-service-frontend',
    when: { all: [server(['azure-app-service']), { any: [statedNear('app-service.frontend-timeout', 0.08), signal('long-request', 'topic-timeout')] }] },
    supports: { 'azure-frontend-timeout': 0.6 },
    weakens: { 'request-timeout': 0.3 },
    note: `Described: a long request on App Service; the platform front end ends any request after ${says('app-service.frontend-timeout')}, whatever the app's own timeouts say.`,
  },
  {
    id: 'prose-frontend-limit',
    when: { all: [statedNear('app-service.frontend-timeout', 0.05), status('500', '502', '504'), { not: server(['azure-app-service']) }] },
    supports: { 'azure-frontend-timeout': 0.4 },
    note: `Described: a failure after about ${fact('app-service.frontend-timeout').value} s, the limit of the Azure App Service front end.`,
  },
  {
    id: 'prose-nginx-read-timeout',
    when: { all: [server(['nginx']), statedNear('nginx.proxy_read_timeout')] },
    supports: { 'proxy-upstream-timeout': 0.5 },
    note: `Described: nginx fails after about ${says('nginx.proxy_read_timeout')}, its default proxy_read_timeout.`,
  },
  {
    id: 'prose-apache-timeout',
    when: { all: [server(['apache']), { any: [statedNear('apache.Timeout'), statedNear('apache.Timeout.debian')] }] },
    supports: { 'proxy-upstream-timeout': 0.5 },
    note: `Described: Apache fails after about its Timeout (${says('apache.Timeout')} upstream; ${says('apache.Timeout.debian')} on Debian and Ubuntu), which mod_proxy uses unless ProxyTimeout is set.`,
  },
  {
    id: 'prose-lb-idle-timeout-504',
    when: { all: [{ any: [server(['aws-alb']), signal('load-balancer')] }, statedNear('aws-alb.idle_timeout'), status('504')] },
    supports: { 'proxy-upstream-timeout': 0.5 },
    note: `Described: a 504 from the load balancer after about ${says('aws-alb.idle_timeout')}, the AWS ALB's default idle timeout: it stopped waiting for the app.`,
  },
  {
    id: 'prose-lb-keepalive-502',
    when: {
      all: [
        { any: [server(['aws-alb', 'azure-app-gateway']), signal('load-balancer')] },
        status('502'),
        { any: [statedNear('aws-alb.idle_timeout'), signal('idle', 'intermittent')] },
        { not: status('504') },
      ],
    },
    supports: { 'keepalive-race': 0.35 },
    note: `Described: sporadic 502s from a load balancer, or after idle periods around its idle timeout (${says('aws-alb.idle_timeout')} on an AWS ALB): the app closed a kept-alive connection the balancer was about to reuse.`,
  },
  {
    id: 'prose-app-gateway-timeout',
    when: { all: [server(['azure-app-gateway']), statedNear('azure-app-gateway.RequestTimeout')] },
    supports: { 'proxy-upstream-timeout': 0.5 },
    note: `Described: Application Gateway fails after about ${says('azure-app-gateway.RequestTimeout')}, its default backend request time-out.`,
  },
  {
    id: 'prose-front-door-origin-timeout',
    when: { all: [server(['azure-front-door']), { any: [statedNear('azure-front-door.origin-timeout'), statedNear('aws-alb.idle_timeout')] }] },
    supports: { 'proxy-upstream-timeout': 0.5 },
    note: `Described: Front Door fails after about its origin response timeout (${says('azure-front-door.origin-timeout')}).`,
  },
  {
    id: 'prose-yarp-activity-timeout',
    when: { all: [server(['yarp']), statedNear('yarp.ActivityTimeout')] },
    supports: { 'proxy-upstream-timeout': 0.5 },
    note: `Described: YARP fails after about ${says('yarp.ActivityTimeout')}, its default ActivityTimeout (the same as HttpClient's default Timeout).`,
  },
  {
    id: 'prose-envoy-route-timeout',
    when: { all: [server(['envoy']), statedNear('envoy.route-timeout')] },
    supports: { 'proxy-upstream-timeout': 0.45 },
    note: `Described: Envoy fails after about ${says('envoy.route-timeout')}, the default route timeout.`,
  },
  {
    id: 'prose-rollout-on-kubernetes',
    when: { all: [server(['kubernetes']), signal('after-deploy', 'during-deploy', 'scale-in', 'after-restart', 'app-restart')] },
    supports: { 'pod-shutdown-race': 0.5 },
    note: 'Described: failures during deployments, scaling or restarts on Kubernetes: pods get traffic while they stop or before they are ready.',
  },
  {
    // A rollout replaces instances one by one: whatever the proxy, the failures come from the
    // ones stopping while still in its list, or not ready yet when added.
    id: 'prose-rollout-failures',
    when: { all: [signal('topic-rolling'), { not: server(IIS) }, { not: signal('topic-header-size', 'topic-backend-tls', 'topic-http2', 'topic-proxy-protocol') }] },
    supports: { 'pod-shutdown-race': 0.4 },
    note: 'Described: failures during a rollout (a rolling update or restart): instances are stopped while the proxy or load balancer still sends them requests, or get traffic before they are ready.',
  },
  {
    // A gateway time-out told as happening while instances are replaced or drained: the proxy
    // waited on an instance that was going away (or connected to one already gone), so the
    // rollout is the cause and the status' usual reading (a slow app) is not.
    id: 'prose-timeouts-during-rollout',
    when: {
      all: [
        // Not "during the deployment" alone: people say it of an install or a first start too.
        signal('topic-rolling', 'topic-shutdown', 'scale-in'),
        status('504'),
        { not: server(IIS) },
        { not: signal('long-request', 'topic-header-size', 'topic-backend-tls', 'topic-http2', 'topic-proxy-protocol') },
      ],
    },
    supports: { 'pod-shutdown-race': 0.35 },
    weakens: { 'proxy-upstream-timeout': 0.5 },
    note: 'Described: gateway time-outs while instances are rolled out, drained or deregistered: the proxy still sends requests to instances that are going away.',
  },
  {
    id: 'prose-deploy-behind-alb',
    when: { all: [server(['aws-alb']), signal('after-deploy', 'during-deploy', 'scale-in'), { not: server(['kubernetes']) }] },
    supports: { 'pod-shutdown-race': 0.35 },
    note: 'Described: 502 bursts behind a load balancer during deployments or scale-in: targets are stopped while still registered.',
  },
  {
    id: 'prose-deploy-behind-proxy',
    when: { all: [server(HOST_PROXIES), signal('after-deploy', 'during-deploy', 'after-restart', 'app-restart'), { not: server(['kubernetes', ...IIS]) }, { not: signal('topic-rolling') }] },
    supports: { 'proxy-upstream-refused': 0.35, 'pod-shutdown-race': 0.15 },
    note: 'Described: failures right after a deploy or restart behind a proxy: while the app restarts, nothing listens on its port and the proxy cannot connect.',
  },
  {
    id: 'prose-deploy-on-iis-503',
    when: { all: [server(IIS), signal('after-deploy', 'during-deploy'), status('503')] },
    supports: { 'app-offline': 0.45 },
    note: 'Described: 503 after a deployment on IIS: the deployment put app_offline.htm in place and the app was not brought back.',
  },
  {
    // A burst of 502.3 while a deployment or a recycle runs: out of process, the module's app is
    // shut down under requests it still has in flight, and each of them comes back as a 502.3.
    id: 'prose-502-3-during-deploy',
    when: { all: [status('502.3'), signal('during-deploy', 'after-restart')] },
    supports: { 'app-pool-recycle': 0.5 },
    note: 'Described: 502.3 while a deployment or a recycle runs: out of process, the app is stopped under requests still in flight, and the ASP.NET Core Module answers each of them with 502.3.',
  },
  {
    id: 'prose-deploy-on-iis',
    // Only a deployment as the moment of a brief failure ("during deploys", "every time we
    // publish") or a recycle: "after publishing to IIS it does not work" is how a start failure
    // is found, and a recycle cutting requests in flight does not keep the app from starting.
    when: { all: [server(IIS), signal('during-deploy', 'after-restart'), { not: status('503', ...START_FAILURES) }] },
    supports: { 'app-pool-recycle': 0.4, 'app-offline': 0.15 },
    note: 'Described: failures on IIS right after a deployment or recycle: the recycle or the app_offline.htm step cut requests in flight.',
  },
  {
    id: 'prose-recycle-on-iis-503',
    when: { all: [server(IIS), status('503'), signal('after-restart'), { not: signal('after-deploy', 'after-os-upgrade') }] },
    supports: { 'app-pool-recycle': 0.45 },
    note: 'Described: 503s while the IIS application pool recycles: requests that arrive while the old worker process shuts the app down and the new one starts it are turned away.',
  },
  {
    // In-process hosting answers 500 (500.30) when the app dies while starting; a crash after
    // start takes the worker process down and shows as resets or 502/503 instead.
    id: 'prose-crash-500-on-iis',
    when: { all: [server(IIS), status('500', '500.30'), signal('topic-crash')] },
    supports: { 'inprocess-start-failure': 0.4 },
    note: 'Described: the app crashes and IIS answers 500: with in-process hosting an app that dies while starting gives 500.30.',
  },
  {
    // The writer says the backend crashed and a proxy answered for it: the crash is the cause,
    // the 502 or the closed connection only how it showed.
    id: 'prose-backend-crashed-behind-proxy',
    when: {
      all: [
        signal('topic-crash'),
        { any: [status('502', '503'), signal('reverse-proxy'), server(PROXY_FRONTS)] },
        { not: server(IIS) },
      ],
    },
    supports: { 'app-crash-runtime': 0.35 },
    note: 'Described: the app behind the proxy crashed while the proxy answered 502 or 503: the crash is what to fix; the proxy only reported the connection it lost.',
  },
  {
    id: 'prose-upload-on-iis',
    when: { all: [server(IIS), signal('large-upload')] },
    supports: { 'backend-connection-reset': 0.4 },
    note: 'Described: large uploads fail on IIS: Kestrel ends a body over its size limit or below its minimum data rate, and IIS sees the connection reset.',
  },
  {
    id: 'prose-upload-behind-proxy',
    // Not when YARP itself logs that reading the client's body failed: the limit hit is then the
    // gateway's own, in front of the destination.
    when: {
      all: [
        server(PROXY_FRONTS),
        signal('large-upload'),
        { not: server(IIS) },
        { not: signal('topic-timeout') },
        { not: { fact: 'signal', in: ['yarp.error-request-body-client'] } },
      ],
    },
    supports: { 'proxy-upstream-closed': 0.35 },
    note: 'Described: large uploads fail behind a proxy: Kestrel closes the connection on a body over its limit, which the proxy reports as a closed upstream.',
  },
  {
    // "Big" and "large" are also header-size words; an upload is a big request body, while
    // proxy-header-too-big is about the response's headers.
    id: 'prose-upload-not-response-headers',
    when: { all: [signal('large-upload'), { not: signal('topic-header-size') }] },
    weakens: { 'proxy-header-too-big': 0.5 },
    note: 'Described: large uploads: the request body is large, not the response headers a proxy buffers, so headers too big for the proxy are unlikely.',
  },
  {
    // Said to time out: the proxy waited longer than its read timeout for an answer while the
    // app still received or processed the body (a refusal of the body would close, not wait).
    id: 'prose-upload-times-out',
    when: { all: [signal('large-upload'), signal('topic-timeout'), { not: server([...IIS, 'azure-app-service']) }] },
    supports: { 'proxy-upstream-timeout': 0.35 },
    note: `Described: large uploads time out behind a proxy: it stopped waiting for the app's answer at its read timeout (${says('nginx.proxy_read_timeout')} in nginx by default) while the body was still being received or processed.`,
  },
  {
    id: 'prose-long-request-on-iis',
    when: { all: [server(IIS), signal('long-request'), { not: server(['azure-app-service']) }] },
    supports: { 'request-timeout': 0.4 },
    note: `Described: long-running requests fail on IIS: the ASP.NET Core Module ends them at requestTimeout (${says('ancm.requestTimeout')} by default).`,
  },
  {
    id: 'prose-long-request-behind-proxy',
    when: { all: [server(PROXY_FRONTS), signal('long-request'), { not: server([...IIS, 'azure-app-service']) }] },
    supports: { 'proxy-upstream-timeout': 0.4 },
    note: `Described: long-running requests fail behind a proxy: its read timeout (${says('nginx.proxy_read_timeout')} in nginx by default) ends them.`,
  },
  {
    id: 'prose-login-behind-proxy',
    when: { all: [server(['nginx', 'kubernetes', 'apache', ...CLOUD_LB]), signal('after-login')] },
    supports: { 'proxy-header-too-big': 0.4 },
    note: 'Described: 502 after signing in behind a proxy: the sign-in cookies make the response headers larger than the proxy buffers.',
  },
  {
    // A 502 (always a proxy's answer) or a reverse proxy with a sign-in, MFA or tokens: the
    // sign-in's cookies and tokens make the headers larger than the proxy's buffers.
    id: 'prose-login-502',
    when: {
      all: [
        signal('after-login'),
        { any: [status('502'), signal('reverse-proxy')] },
        { not: server(['nginx', 'kubernetes', 'apache', ...CLOUD_LB, ...IIS, 'azure-app-service']) },
      ],
    },
    supports: { 'proxy-header-too-big': 0.35 },
    note: 'Described: a 502 after signing in (MFA, tokens) behind a proxy: the sign-in cookies and tokens make the headers larger than the proxy buffers.',
  },
  {
    // API Gateway's integration timeout is a hard 29 seconds by default; it answers 504.
    id: 'prose-api-gateway-timeout',
    when: {
      any: [
        { all: [signal('api-gateway'), { any: [signal('topic-timeout', 'long-request'), status('504'), statedNear('aws-api-gateway.integration-timeout', 0.05)] }] },
        { all: [statedNear('aws-api-gateway.integration-timeout', 0.02), signal('topic-timeout')] },
      ],
    },
    supports: { 'proxy-upstream-timeout': 0.5 },
    note: `Described: a time-out at Amazon API Gateway: its integration timeout (${says('aws-api-gateway.integration-timeout')} by default) ends requests the app has not answered by then.`,
  },
  {
    // An ALB answers 502 when a Lambda target's response is malformed (LambdaInvalidResponse: no
    // numeric statusCode, a header that is not a string) or over 1 MB; API Gateway does the same
    // ("Malformed Lambda proxy response"). A function that errors or times out comes next.
    id: 'prose-lambda-target-502',
    when: {
      any: [
        { all: [signal('lambda-target'), { any: [status('502'), server(['aws-alb']), signal('api-gateway')] }] },
        { all: [signal('lambda-word'), { any: [server(['aws-alb']), signal('api-gateway')] }] },
      ],
    },
    supports: { 'invalid-backend-response': 0.4, 'app-crash-runtime': 0.15, 'proxy-upstream-timeout': 0.1 },
    // A Lambda target is invoked, not connected to: no idle connection to race, no port to refuse, no pod to drain.
    weakens: { 'keepalive-race': 0.6, 'proxy-upstream-refused': 0.5, 'pod-shutdown-race': 0.5 },
    note: 'Described: a Lambda function behind an ALB or API Gateway: they answer 502 when the function returns a response they cannot use (no numeric statusCode, a header value that is not a string, a body over 1 MB), then when it throws or runs out of time. The function is invoked, not connected to, so connection-level causes (keep-alive, refused, draining) do not apply.',
  },
  {
    // IIS recycles every application pool at this interval unless told otherwise: no other
    // product in scope has a default anywhere near it.
    id: 'prose-iis-periodic-recycle',
    when: statedNear('iis.periodicRestart.time', 0.03),
    supports: { 'app-pool-recycle': 0.55 },
    note: `Described: failures every ${says('iis.periodicRestart.time')}, the interval at which IIS recycles an application pool by default.`,
  },
  {
    // Heroku's router gives the app 30 seconds for the first byte (H12), then answers 503.
    id: 'prose-heroku-router-timeout',
    when: { all: [server(['heroku']), { any: [signal('topic-timeout', 'long-request'), statedNear('heroku.router-timeout', 0.1)] }] },
    supports: { 'proxy-upstream-timeout': 0.45 },
    note: `Described: a slow request on Heroku: its router waits ${says('heroku.router-timeout')} for the first byte (H12), then answers 503.`,
  },
  {
    id: 'prose-load-timeouts',
    when: { all: [signal('under-load'), status('502.3', '503', '504')] },
    supports: { 'thread-pool-starvation': 0.3 },
    note: 'Described: timeouts under load: the app stops answering fast enough when requests pile up (blocking calls, thread pool starvation).',
  },
  {
    // Under load a proxy reuses its kept-alive connections to the app far more often, so the race
    // with the app's shorter keep-alive timeout shows as a small share of 502s (a timeout would
    // give 504, thread pool starvation slow answers rather than failed ones).
    id: 'prose-502-under-load-behind-proxy',
    when: {
      all: [
        status('502'),
        signal('under-load'),
        { any: [server([...HOST_PROXIES, ...CLOUD_LB, 'kubernetes', 'envoy']), signal('load-balancer')] },
        { not: status('502.3', '503', '504') },
        { not: server([...IIS, 'azure-app-service']) },
      ],
    },
    supports: { 'keepalive-race': 0.3 },
    note: "Described: a small share of 502s under load behind a proxy or load balancer: it reuses kept-alive connections more often, and some were just closed by the app (the app's keep-alive timeout is shorter than the proxy's).",
  },
  {
    id: 'prose-every-request-behind-proxy',
    when: { all: [server(HOST_PROXIES), signal('every-request'), status('502')] },
    supports: { 'proxy-upstream-refused': 0.35 },
    note: 'Described: every request fails with 502 behind a proxy: the app is not listening where the proxy connects.',
  },
  {
    id: 'prose-os-upgrade-on-iis',
    when: { all: [signal('after-os-upgrade'), { any: [server(IIS), status('503')] }] },
    supports: { 'module-missing-after-os-upgrade': 0.4 },
    note: 'Described: IIS fails after a Windows upgrade: the upgrade can remove the ASP.NET Core Module files until the Hosting Bundle is repaired.',
  },
  {
    // IIS could not load the module (event 2280) right after a Windows upgrade: the upgrade
    // removed its files (or left it unregistered), the better reading than a missing C runtime.
    id: 'prose-module-load-failed-after-os-upgrade',
    when: {
      all: [
        signal('after-os-upgrade'),
        { fact: 'signal', in: ['event-log.ancm-v2-module-load-failed', 'event-log.ancm-v1-module-load-failed', 'event-log.iis-module-load-failed'] },
      ],
    },
    supports: { 'module-missing-after-os-upgrade': 0.75 },
    note: 'Described: IIS cannot load the ASP.NET Core Module after a Windows upgrade: the upgrade removed or unregistered the module files, which a repair of the Hosting Bundle restores.',
  },
  {
    // IIS cannot read a web.config section whose module is not installed (URL Rewrite's
    // <rewrite>): a 500.19 beside a missing IIS module or feature is that feature.
    id: 'prose-config-error-for-missing-iis-feature',
    when: { all: [status('500.19'), signal('topic-iis-features')] },
    supports: { 'iis-features-missing': 0.6 },
    note: 'Described: IIS cannot read the configuration (500.19) and an IIS module or feature is named as missing: the section that module handles (URL Rewrite\'s rewrite section) is unknown to IIS until it is installed.',
  },
  {
    // The Hosting Bundle named after a Windows upgrade: repairing it is how the module the
    // upgrade removed comes back, so the bundle is the fix here, not the cause.
    id: 'prose-os-upgrade-and-hosting-bundle',
    when: { all: [signal('after-os-upgrade'), signal('topic-hosting-bundle')] },
    supports: { 'module-missing-after-os-upgrade': 0.6 },
    note: 'Described: a Windows upgrade and the Hosting Bundle together: an in-place upgrade can remove the ASP.NET Core Module files while IIS still lists the module, and repairing the bundle puts them back.',
  },
  {
    id: 'prose-start-failure-after-framework-upgrade',
    when: { all: [status('502.5', '500.30', '500.31'), signal('framework-upgrade'), { not: server(['azure-app-service']) }] },
    supports: { 'framework-not-found': 0.5 },
    note: 'Described: the app stopped starting right after its .NET or ASP.NET Core version was raised: the server has the runtime the old version needed, not the one the new build asks for.',
  },
  {
    id: 'prose-app-service-runtime-after-upgrade',
    when: { all: [status('502.5', '500.30', '500.31'), signal('framework-upgrade'), server(['azure-app-service'])] },
    supports: { 'azure-runtime-missing': 0.5 },
    note: 'Described: on App Service the app stopped starting with a newer .NET or ASP.NET Core version (and started again on the older one): the platform did not have that runtime yet.',
  },
  {
    // App Service runs the runtimes the platform has: a runtime said to be missing there is the
    // platform's, not one the owner could install.
    id: 'prose-runtime-missing-on-app-service',
    when: { all: [signal('topic-runtime-missing'), server(['azure-app-service'])] },
    supports: { 'azure-runtime-missing': 0.45 },
    note: 'Described: the runtime the app needs is missing on App Service: the platform offers the .NET versions it has installed (newer ones arrive with a rollout or as a site extension), so deploy self-contained or pick a version it has.',
  },
  {
    // A slot swap, a platform upgrade or saved app settings named on App Service: the platform
    // restarted the app's instances, a deployment's own app_offline is the lesser reading.
    id: 'prose-app-service-restart-named',
    when: { all: [signal('topic-app-service-restart'), server(['azure-app-service'])] },
    supports: { 'app-service-restart': 0.5 },
    note: 'Described: on App Service, a slot swap, a platform upgrade or a settings change restarts the app\'s instances; requests in flight then, and those that arrive before the app is warm, fail.',
  },
  {
    // App Service restarting the app with no deployment of the owner's: the platform's own
    // restarts (maintenance, an upgrade of the instance, Auto-Heal).
    id: 'prose-app-restart-on-app-service',
    when: { all: [signal('app-restart'), server(['azure-app-service']), { not: signal('after-deploy', 'during-deploy') }] },
    supports: { 'app-service-restart': 0.45 },
    note: 'Described: the app restarted on App Service with no deployment: the platform restarts instances for its own maintenance and upgrades (and Auto-Heal); requests in flight then, and before the app is warm again, fail.',
  },
  {
    id: 'prose-settings-change-restart',
    when: { all: [signal('settings-change'), signal('after-restart', 'app-restart'), { not: server([...IIS, 'kubernetes', ...HOST_PROXIES, 'envoy']) }] },
    supports: { 'app-service-restart': 0.45 },
    note: 'Described: saving a settings change (app settings, logging, diagnostic settings) restarted the app: App Service restarts the app on such a change, cutting requests in flight.',
  },
  {
    id: 'prose-app-restart-503',
    when: { all: [signal('app-restart'), status('503'), { not: server(['kubernetes', 'azure-app-service', ...HOST_PROXIES, ...CLOUD_LB, 'envoy']) }] },
    supports: { 'app-initiated-shutdown': 0.4 },
    note: 'Described: 503 while the application restarts: the app stopped its own host (StopApplication, a restart from its admin page) and IIS answers 503 until a new one starts.',
  },
  {
    id: 'prose-virtual-directory-start-failure',
    when: { all: [signal('topic-virtual-directory'), status('500.19', ...START_FAILURES)] },
    supports: { 'virtual-directory-not-application': 0.4 },
    note: 'Described: an ASP.NET Core app deployed as a virtual directory fails to start: only an IIS application gets its own web.config handler and process; convert the folder to an application.',
  },
  {
    id: 'prose-envoy-upstream-reset',
    // Resets now and then need no status: Envoy answers them with 503 (flag UC) or 502.
    when: { all: [server(['envoy']), { any: [status('502', '503'), { all: [signal('topic-reset'), signal('intermittent')] }] }, signal('topic-reset', 'intermittent')] },
    supports: { 'keepalive-race': 0.35 },
    note: "Described: Envoy (Istio, Container Apps) answers 503 or 502 now and then with an upstream reset: the app closed a kept-alive connection Envoy was about to reuse (reset reason: connection termination).",
  },
  {
    id: 'prose-arr-times-out',
    when: { all: [signal('topic-arr'), { any: [signal('topic-timeout', 'long-request'), status('502.3', '504')] }, { not: signal('topic-unhealthy') }] },
    supports: { 'arr-proxy-timeout': 0.45 },
    weakens: { 'request-timeout': 0.3 },
    note: 'Described: Application Request Routing times out: IIS, proxying to another server, stopped waiting at its proxy time-out.',
  },
  {
    id: 'prose-farm-servers-unhealthy',
    when: { all: [signal('topic-server-farm'), signal('topic-unhealthy')] },
    supports: { 'arr-no-server': 0.45 },
    weakens: { 'backend-unhealthy': 0.3 },
    note: 'Described: the servers of an IIS server farm are marked unhealthy: with no healthy server left, Application Request Routing has nowhere to send the request and answers 502.',
  },
  {
    id: 'prose-intermittent-502-behind-proxy',
    when: {
      all: [
        status('502'),
        signal('intermittent'),
        { not: server([...IIS, 'azure-app-service']) },
        { not: signal('after-deploy', 'during-deploy', 'topic-rolling', 'after-restart', 'scale-in', 'every-request', 'large-upload', 'long-request') },
      ],
    },
    supports: { 'keepalive-race': 0.2 },
    note: 'Described: 502s now and then, with nothing else in common: the classic pattern of a proxy reusing a kept-alive connection the app has just closed (the app\'s keep-alive timeout is shorter than the proxy\'s).',
  },
  {
    id: 'prose-slow-at-proxy-default',
    when: {
      all: [
        signal('long-request', 'topic-timeout'),
        { any: [statedNear('nginx.proxy_read_timeout'), statedNear('aws-alb.idle_timeout')] },
        { not: server([...IIS, 'azure-app-service', 'yarp']) },
      ],
    },
    supports: { 'proxy-upstream-timeout': 0.35 },
    note: `Described: requests fail once they take about a minute: the default read or idle timeout of the usual proxies and load balancers in front of an app (nginx proxy_read_timeout ${says('nginx.proxy_read_timeout')}, AWS ALB idle timeout ${says('aws-alb.idle_timeout')}).`,
  },
  {
    id: 'prose-slow-at-request-timeout',
    when: {
      all: [signal('long-request', 'topic-timeout'), statedNear('ancm.requestTimeout', 0.1, 'requestTimeout'), { not: server([...HOST_PROXIES, ...CLOUD_LB, 'kubernetes', 'envoy', 'azure-app-service']) }],
    },
    supports: { 'request-timeout': 0.3 },
    note: `Described: requests fail once they take about ${says('ancm.requestTimeout')}, the ASP.NET Core Module's default requestTimeout on IIS.`,
  },
  {
    id: 'prose-slow-at-frontend-limit',
    when: { all: [signal('long-request', 'topic-timeout'), statedNear('app-service.frontend-timeout', 0.05), { not: server(['azure-app-service']) }] },
    supports: { 'azure-frontend-timeout': 0.35 },
    note: `Described: requests fail once they take about ${fact('app-service.frontend-timeout').value} s, the limit of the Azure App Service front end.`,
  },
  {
    // Docker's proxy for a published port accepts the connection and then resets it when nothing
    // listens inside the container (the app bound to localhost there, or a wrong port).
    id: 'prose-reset-through-docker',
    when: { all: [server(['docker']), signal('topic-reset'), { not: server(['kubernetes', ...IIS, 'azure-app-service']) }] },
    supports: { 'proxy-upstream-refused': 0.35 },
    note: "Described: connections reset through Docker: Docker's proxy for a published port accepts the connection and resets it when nothing listens inside the container (the app bound to localhost, or another port).",
  },
  {
    id: 'prose-port-in-use-behind-ancm',
    when: { all: [signal('topic-port-in-use'), server([...IIS, 'azure-app-service'])] },
    supports: { 'port-binding-failure': 0.4 },
    note: 'Described: a port already in use behind IIS or App Service: out of process, the ASP.NET Core Module picks a port for the app, and the app cannot listen there.',
  },
  {
    // Heroku, App Service and the ASP.NET Core Module each pick the port and tell the app
    // ($PORT, WEBSITES_PORT, ASPNETCORE_PORT); nothing there means the app listened elsewhere.
    id: 'prose-port-on-platform',
    when: { all: [signal('topic-not-listening', 'topic-app-port', 'port-change', 'topic-app-error'), server(['heroku', 'azure-app-service', ...IIS]), { not: server(['kubernetes', ...HOST_PROXIES.filter((p) => p !== 'docker')]) }] },
    supports: { 'port-binding-failure': 0.4 },
    note: 'Described: the app is not on the port the platform gave it: Heroku ($PORT), App Service (WEBSITES_PORT) and the ASP.NET Core Module (ASPNETCORE_PORT) pick the port and route there, so an app that listens elsewhere is never reached.',
  },
  {
    id: 'prose-shared-pool-in-process',
    when: { all: [signal('topic-shared-pool'), { any: [status('500.0', '500.35'), server(IIS)] }] },
    supports: { 'multiple-inprocess-apps': 0.35 },
    note: 'Described: a second app in the same IIS application pool: in-process hosting allows one app per pool, and the second fails to load (500.35, or 500.0 on older modules).',
  },
  {
    id: 'prose-pools-stop-after-bundle',
    when: { all: [signal('topic-hosting-bundle'), { any: [status('503'), signal('topic-pool-stopped')] }] },
    supports: { 'vc-redist-missing': 0.4 },
    note: 'Described: every pool stops (503) right after a Hosting Bundle install: the module it installs needs the Visual C++ runtime, and without it w3wp cannot load the module.',
  },
  {
    id: 'prose-at-frontend-limit',
    when: { all: [statedNear('app-service.frontend-timeout', 0.02), { not: server([...HOST_PROXIES, 'azure-app-service']) }] },
    supports: { 'azure-frontend-timeout': 0.45 },
    note: `Described: a limit of about ${fact('app-service.frontend-timeout').value} s, the Azure App Service front end's time-out for a request.`,
  },
  {
    // IIS passes the WebSocket upgrade on only with its WebSocket Protocol role service installed;
    // a proxy in front (nginx, ARR on another box) is a different story: its own upgrade headers.
    id: 'prose-websocket-on-iis',
    when: { all: [signal('topic-websocket'), server(IIS), { not: server(PROXY_FRONTS) }] },
    supports: { 'iis-features-missing': 0.45 },
    note: 'Described: WebSockets (or SignalR over them) failing on IIS: IIS hands the upgrade to the app only when its WebSocket Protocol feature is installed (Windows features, Web Server, Application Development).',
  },
  {
    // Access denied to the folder of the module's stdout log: the log cannot be written, and with
    // stdout logging on, an in-process app does not start (the log is the folder the writer names).
    id: 'prose-access-denied-to-stdout-log',
    when: { all: [signal('topic-stdout-log'), signal('topic-access-denied')] },
    supports: { 'stdout-log-unwritable': 0.3 },
    note: "Described: the app pool's identity cannot write to the folder of the ASP.NET Core Module's stdout log.",
  },
  {
    id: 'prose-idle-behind-lb',
    when: { all: [signal('idle'), { any: [server([...CLOUD_LB, 'nginx', 'kubernetes']), signal('load-balancer')] }] },
    supports: { 'keepalive-race': 0.25 },
    note: "Described: failures after idle periods behind a proxy: the app's keep-alive timeout closes connections the proxy still holds open.",
  },
];

/**
 * Why an app does not start, named by the writer next to the ASP.NET Core Module's start-failure
 * status ("PlatformTarget x86 gives HTTP Error 500.0", "a space in the app name gives 502.5"): the
 * status says the start failed and leaves the reason open; the reason written beside it is the
 * cause. One rule per reason, each for the cause the topic names. Not the Hosting Bundle: it is
 * named as often for what was installed or upgraded as for what is missing.
 */
const START_FAILURE_REASONS: readonly [topic: string, cause: string][] = [
  ['topic-bitness', 'bitness-mismatch'],
  ['topic-space-in-path', 'wrong-arguments'],
  ['topic-wrong-arguments', 'wrong-arguments'],
  ['topic-runtime-missing', 'framework-not-found'],
  ['topic-vc-redist', 'vc-redist-missing'],
  ['topic-user-profile', 'user-profile-not-loaded'],
  ['topic-dotnet-missing', 'process-path-not-found'],
  ['topic-runtimeconfig', 'runtimeconfig-invalid'],
  ['topic-mixed-hosting', 'mixed-hosting-models'],
  ['topic-shared-pool', 'multiple-inprocess-apps'],
  ['topic-stdout-log', 'stdout-log-unwritable'],
  ['topic-virtual-directory', 'virtual-directory-not-application'],
  ['topic-access-denied', 'access-denied'],
  ['topic-startup-exception', 'inprocess-start-failure'],
  ['topic-missing-files', 'incomplete-publish'],
  ['topic-stale-files', 'stale-deployment-files'],
  ['topic-iis-features', 'iis-features-missing'],
  ['topic-subapp', 'subapp-inherits-handlers'],
];

const START_FAILURE_REASON_RULES: readonly ContextRule[] = START_FAILURE_REASONS.map(([topic, cause]) => ({
  id: `prose-start-failure-because-${topic.slice('topic-'.length)}`,
  when: { all: [signal(topic), status(...START_FAILURES)] },
  supports: { [cause]: 0.7 },
  note: "Described: the writer names why the app does not start next to the ASP.NET Core Module's start-failure status, which leaves the reason open.",
}));

export const PROSE_RULES: readonly ContextRule[] = [...RULES, ...START_FAILURE_REASON_RULES].map((r) =>
  TRIGGER_RULES.has(r.id) ? { ...r, when: { all: [r.when, { not: NAMED_CAUSE }] } } : r,
);
