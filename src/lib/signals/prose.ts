/**
 * Signals of the `prose` recogniser (src/lib/recognisers/prose/): triggers and a generic "load
 * balancer" written in a sentence. A sentence is weaker evidence than a log line, so every weight
 * here is low (at most 0.3); the contextual rules in src/lib/engine/prose-rules.ts give the
 * combinations that do mean something (after a deploy on Kubernetes, a duration at a component's
 * default timeout) their strength.
 */
import type { SignalDef } from '../engine/types.ts';

const kind = 'prose' as const;

export const signals: SignalDef[] = [
  {
    id: 'prose.load-balancer',
    kind,
    label: 'Described: a load balancer in front of the app',
    causes: { 'proxy-upstream-timeout': 0.05, 'keepalive-race': 0.05, 'backend-unhealthy': 0.05 },
  },
  {
    // Weak (status-priors.json): API Gateway alone says little; with a time-out or 29 seconds
    // prose-rules.ts reads its integration timeout.
    id: 'prose.api-gateway',
    kind,
    label: 'Named: Amazon API Gateway in front of the app',
    causes: { 'proxy-upstream-timeout': 0.02 },
  },
  {
    // Weak (status-priors.json): a Lambda function behind an ALB or API Gateway; with a 502 or
    // either front named, prose-rules.ts reads the function's answer as the usual fault.
    id: 'prose.lambda-target',
    kind,
    label: 'Named: an AWS Lambda function as the target of a load balancer or API Gateway',
    causes: { 'invalid-backend-response': 0.02 },
  },
  {
    // Weak (status-priors.json): the word alone, which is also a C# lambda; prose-rules.ts reads it
    // as a Lambda function only beside an ALB or API Gateway.
    id: 'prose.lambda-word',
    kind,
    label: 'Named: "Lambda" (an AWS Lambda function when an ALB or API Gateway is named too)',
    causes: { 'invalid-backend-response': 0.01 },
  },
  {
    // Weak (status-priors.json): a reverse proxy not named says which hop may answer, not why;
    // prose-rules.ts reads it with a sign-in. The token weight stays far under the findings' floor
    // and leaves the ranking of the proxy's usual causes to the other evidence.
    id: 'prose.reverse-proxy',
    kind,
    label: 'Named: a reverse proxy in front of the app',
    causes: { 'proxy-header-too-big': 0.01 },
  },
  {
    // Weak (status-priors.json): alone it points nowhere; with a failure in words and nothing
    // else, priors.ts answers with the usual causes of an ASP.NET Core app that fails (row
    // `aspnetcore`). The tiny weight stays under the findings' floor on its own.
    id: 'prose.stack-aspnetcore',
    kind,
    label: 'Named: the app is ASP.NET Core or .NET',
    causes: { 'framework-not-found': 0.03 },
  },
  {
    id: 'prose.failing',
    kind,
    label: 'Described: it fails, is down or does not start or load (no status, no message)',
    causes: { 'process-start-failure': 0.01 },
  },
  {
    id: 'prose.during-deploy',
    kind,
    label: 'Described: it fails during deployments, briefly, every time one runs',
    causes: { 'pod-shutdown-race': 0.15, 'app-pool-recycle': 0.1, 'app-offline': 0.1 },
  },
  {
    id: 'prose.after-os-upgrade',
    kind,
    label: 'Described: it started after a Windows or OS update',
    causes: { 'module-missing-after-os-upgrade': 0.3, 'vc-redist-missing': 0.1 },
  },
  {
    // The deployment as the setting ("after publishing to IIS", "deployed to Azure"): weak
    // (status-priors.json), so the named component's short list answers; the rules read it with
    // a component. A deployment as the moment of a brief failure is prose.during-deploy.
    id: 'prose.after-deploy',
    kind,
    label: 'Described: it happens after a deployment or publish',
    causes: { 'stale-deployment-files': 0.1, 'app-offline': 0.1, 'pod-shutdown-race': 0.05 },
  },
  {
    id: 'prose.after-upgrade',
    kind,
    label: 'Described: it started after an upgrade or update',
    causes: { 'framework-not-found': 0.1, 'hosting-bundle-missing': 0.1, 'stale-deployment-files': 0.1 },
  },
  {
    id: 'prose.framework-upgrade',
    kind,
    label: 'Described: it started after upgrading .NET or ASP.NET Core (or the SDK), or went away with a roll back to an older version',
    causes: { 'framework-not-found': 0.2, 'stale-deployment-files': 0.05 },
  },
  {
    id: 'prose.after-login',
    kind,
    label: 'Described: it happens after signing in',
    causes: { 'proxy-header-too-big': 0.2 },
  },
  {
    id: 'prose.after-restart',
    kind,
    label: 'Described: it happens around restarts or recycles',
    causes: { 'app-pool-recycle': 0.2, 'pod-shutdown-race': 0.1 },
  },
  {
    id: 'prose.no-deploy',
    kind,
    label: 'Described: it happened with no deployment (told as such, so no deployment is read)',
    causes: { 'app-service-restart': 0.03, 'app-pool-recycle': 0.03 },
  },
  {
    id: 'prose.app-restart',
    kind,
    label: 'Described: it happens while the application restarts (itself or from its admin page)',
    causes: { 'app-initiated-shutdown': 0.1, 'app-pool-recycle': 0.1 },
  },
  {
    id: 'prose.settings-change',
    kind,
    label: 'Described: it happened when settings were changed or logging was turned on',
    causes: { 'app-service-restart': 0.15, 'app-pool-recycle': 0.05 },
  },
  {
    id: 'prose.port-change',
    kind,
    label: 'Described: it started when a port was changed or a non-standard port was chosen',
    // The proxy still forwards to the old port; SELinux lets a proxy connect only to ports labelled
    // http_port_t (80, 81, 443, 488, 8008, 8009, 8443, 9000); a port below 1024 needs root to bind.
    causes: { 'proxy-permission-denied': 0.2, 'kestrel-bind-denied': 0.15, 'proxy-upstream-refused': 0.1 },
  },
  {
    id: 'prose.scale-in',
    kind,
    label: 'Described: it happens when instances scale down or in',
    causes: { 'pod-shutdown-race': 0.2, 'backend-unhealthy': 0.05 },
  },
  {
    id: 'prose.under-load',
    kind,
    label: 'Described: it happens under load or high traffic',
    causes: { 'thread-pool-starvation': 0.2, 'proxy-upstream-timeout': 0.05 },
  },
  {
    id: 'prose.large-upload',
    kind,
    label: 'Described: it happens with large uploads or request bodies',
    causes: { 'backend-connection-reset': 0.15, 'proxy-upstream-closed': 0.15, 'request-timeout': 0.05, 'proxy-upstream-timeout': 0.05 },
  },
  {
    id: 'prose.long-request',
    kind,
    label: 'Described: it happens on long-running requests (reports, exports)',
    causes: { 'request-timeout': 0.1, 'proxy-upstream-timeout': 0.1, 'azure-frontend-timeout': 0.1 },
  },
  {
    id: 'prose.idle',
    kind,
    label: 'Described: it happens after the connection or app was idle for a while',
    causes: { 'keepalive-race': 0.15 },
  },
  {
    id: 'prose.intermittent',
    kind,
    label: 'Described: it happens now and then, not on every request',
    causes: { 'keepalive-race': 0.1, 'pod-shutdown-race': 0.05, 'proxy-upstream-closed': 0.05 },
  },
  {
    id: 'prose.every-request',
    kind,
    label: 'Described: every request fails',
    causes: { 'proxy-upstream-refused': 0.1, 'process-start-failure': 0.1 },
  },
  {
    id: 'prose.first-request',
    kind,
    label: 'Described: it happens on the first request or while the app starts',
    causes: { 'startup-time-limit': 0.15, 'process-start-failure': 0.05 },
  },
  {
    id: 'prose.topic-thread-pool',
    kind,
    label: 'Named: thread pool starvation',
    causes: { 'thread-pool-starvation': 0.45 },
  },
  {
    id: 'prose.topic-keepalive',
    kind,
    label: 'Named: keep-alive connections or their time-outs',
    causes: { 'keepalive-race': 0.4 },
  },
  {
    id: 'prose.topic-app-offline',
    kind,
    label: 'Named: app_offline.htm',
    causes: { 'app-offline': 0.45 },
  },
  {
    id: 'prose.topic-hosting-bundle',
    kind,
    label: 'Named: the Hosting Bundle or a module that is not installed',
    causes: { 'hosting-bundle-missing': 0.35, 'vc-redist-missing': 0.1 },
  },
  {
    id: 'prose.topic-single-file',
    kind,
    label: 'Named: a single-file publish',
    causes: { 'app-dll-not-found': 0.35 },
  },
  {
    id: 'prose.topic-proxy-permission',
    kind,
    label: 'Named: SELinux or a permission denied while connecting',
    causes: { 'proxy-permission-denied': 0.5 },
  },
  {
    id: 'prose.topic-snat',
    kind,
    label: 'Named: SNAT ports or outbound connection limits',
    causes: { 'snat-port-exhaustion': 0.55 },
  },
  {
    id: 'prose.topic-resources',
    kind,
    label: 'Named: memory or CPU at a limit (out of memory, OOMKilled, maxed out)',
    causes: { 'resource-exhaustion': 0.5 },
  },
  {
    id: 'prose.topic-backend-tls',
    kind,
    label: 'Named: certificates or the TLS handshake between proxy and backend',
    causes: { 'backend-tls-failure': 0.45, 'proxy-protocol-mismatch': 0.1 },
  },
  {
    id: 'prose.topic-unhealthy',
    kind,
    label: 'Named: unhealthy backends or failing health probes',
    causes: { 'backend-unhealthy': 0.4 },
  },
  {
    id: 'prose.topic-server-farm',
    kind,
    label: 'Named: an IIS web or server farm (Application Request Routing)',
    causes: { 'arr-no-server': 0.25, 'arr-proxy-timeout': 0.15 },
  },
  {
    id: 'prose.topic-virtual-directory',
    kind,
    label: 'Named: a virtual directory',
    causes: { 'virtual-directory-not-application': 0.35 },
  },
  {
    id: 'prose.topic-subapp',
    kind,
    label: 'Named: a sub-application (a child app under another site or app)',
    causes: { 'subapp-inherits-handlers': 0.3, 'virtual-directory-not-application': 0.05 },
  },
  {
    id: 'prose.topic-runtimeconfig',
    kind,
    label: 'Named: the runtimeconfig.json file',
    causes: { 'runtimeconfig-invalid': 0.4 },
  },
  {
    id: 'prose.topic-deps-json',
    kind,
    label: 'Named: the deps.json file',
    causes: { 'incomplete-publish': 0.35 },
  },
  {
    id: 'prose.topic-wrong-arguments',
    kind,
    label: "Named: the aspNetCore element's arguments are wrong (the app's dll, a placeholder left in)",
    causes: { 'wrong-arguments': 0.45 },
  },
  {
    id: 'prose.topic-space-in-path',
    kind,
    label: "Named: a space in the app's path or name",
    causes: { 'wrong-arguments': 0.35, 'process-path-not-found': 0.1 },
  },
  {
    id: 'prose.topic-crash',
    kind,
    label: 'Named: the app crashes (an unhandled exception, a stack overflow, the process exits)',
    causes: { 'app-crash-runtime': 0.3, 'backend-connection-reset': 0.05, 'proxy-upstream-closed': 0.05 },
  },
  {
    id: 'prose.topic-hang',
    kind,
    label: 'Named: the app hangs or stops responding',
    causes: { 'thread-pool-starvation': 0.3, 'request-timeout': 0.05, 'proxy-upstream-timeout': 0.05 },
  },
  {
    id: 'prose.topic-reset',
    kind,
    label: 'Named: the connection was reset or closed without an answer',
    causes: { 'proxy-upstream-closed': 0.2, 'backend-connection-reset': 0.15, 'keepalive-race': 0.1 },
  },
  {
    id: 'prose.topic-pool-stopped',
    kind,
    label: 'Named: the IIS application pool stops (rapid-fail protection)',
    causes: { 'app-pool-stopped': 0.4, 'vc-redist-missing': 0.05 },
  },
  {
    id: 'prose.topic-arr',
    kind,
    label: 'Named: Application Request Routing (IIS as a proxy to other servers)',
    causes: { 'arr-proxy-timeout': 0.1, 'arr-no-server': 0.1 },
  },
  {
    id: 'prose.topic-websocket',
    kind,
    label: 'Named: WebSockets or SignalR through a proxy',
    causes: { 'proxy-protocol-mismatch': 0.2, 'proxy-upstream-timeout': 0.05 },
  },
  {
    id: 'prose.topic-http2',
    kind,
    label: 'Named: gRPC (HTTP/2 to the app) through a proxy',
    causes: { 'proxy-protocol-mismatch': 0.3 },
  },
  {
    id: 'prose.topic-vc-redist',
    kind,
    label: 'Named: the Visual C++ runtime',
    causes: { 'vc-redist-missing': 0.45 },
  },
  {
    id: 'prose.topic-client-aborted',
    kind,
    label: 'Named: a client that closed or cancelled the request',
    causes: { 'client-aborted': 0.4 },
  },
  {
    id: 'prose.topic-refused',
    kind,
    label: 'Named: a refused connection',
    causes: { 'proxy-upstream-refused': 0.2, 'backend-connection-refused': 0.1 },
  },
  {
    id: 'prose.topic-timeout',
    kind,
    label: 'Named: a time-out',
    causes: { 'proxy-upstream-timeout': 0.1, 'request-timeout': 0.05 },
  },
  {
    id: 'prose.topic-header-size',
    kind,
    label: 'Named: headers or cookies that are too large',
    causes: { 'proxy-header-too-big': 0.5 },
  },
  {
    id: 'prose.topic-port-in-use',
    kind,
    label: 'Named: a port or address already in use',
    // Kestrel cannot bind what another process holds; behind IIS that is ANCM's port
    // (prose-rules.ts gives that case its own rule).
    causes: { 'kestrel-bind-denied': 0.25, 'port-binding-failure': 0.15 },
  },
  {
    id: 'prose.topic-shared-pool',
    kind,
    label: 'Named: several apps in one IIS application pool',
    causes: { 'multiple-inprocess-apps': 0.4 },
  },
  {
    id: 'prose.topic-bitness',
    kind,
    label: 'Named: 32-bit against 64-bit (the worker process or the build)',
    causes: { 'bitness-mismatch': 0.4 },
  },
  {
    id: 'prose.topic-user-profile',
    kind,
    label: "Named: the application pool's Load User Profile setting",
    causes: { 'user-profile-not-loaded': 0.45 },
  },
  {
    id: 'prose.topic-proxy-protocol',
    kind,
    label: 'Named: the PROXY protocol between a load balancer and the proxy',
    causes: { 'proxy-protocol-mismatch': 0.35 },
  },
  {
    id: 'prose.topic-bad-request',
    kind,
    label: 'Named: a request the server refuses to parse (a request line too long, a malformed request)',
    causes: { 'malformed-client-request': 0.45 },
  },
  {
    id: 'prose.topic-invalid-response',
    kind,
    label: 'Named: a response the proxy cannot parse (duplicate Transfer-Encoding, invalid chunked encoding, a malformed status line)',
    causes: { 'invalid-backend-response': 0.45, 'proxy-protocol-mismatch': 0.1 },
  },
  {
    id: 'prose.topic-rolling',
    kind,
    label: 'Described: it happens during a rollout (a rolling update or restart replaces instances one by one)',
    causes: { 'pod-shutdown-race': 0.4, 'proxy-upstream-refused': 0.05 },
  },
  {
    id: 'prose.topic-host-stopped',
    kind,
    label: 'Named: the app stops its own host (StopApplication, a background service, a second host built and disposed)',
    causes: { 'app-initiated-shutdown': 0.4 },
  },
  {
    id: 'prose.topic-shutdown',
    kind,
    label: 'Named: targets shutting down, or what lets them drain (preStop, deregistration delay)',
    causes: { 'pod-shutdown-race': 0.45 },
  },
  {
    id: 'prose.topic-stdout-log',
    kind,
    label: "Named: the path of the ASP.NET Core Module's stdout log",
    causes: { 'stdout-log-unwritable': 0.35 },
  },
  {
    id: 'prose.topic-access-denied',
    kind,
    label: "Named: access denied to the app's files for the pool identity",
    causes: { 'access-denied': 0.35 },
  },
  {
    id: 'prose.topic-iis-features',
    kind,
    label: 'Named: IIS features that are not installed',
    causes: { 'iis-features-missing': 0.35 },
  },
  {
    id: 'prose.topic-physical-path',
    kind,
    label: "Named: the site's physical path (or the folder listing it shows)",
    causes: { 'physical-path-wrong': 0.35 },
  },
  {
    id: 'prose.topic-azure-runtime',
    kind,
    label: 'Named: a runtime App Service does not have (or its site extension)',
    causes: { 'azure-runtime-missing': 0.35 },
  },
  {
    id: 'prose.topic-app-service-restart',
    kind,
    label: "Named: App Service restarting the app (Auto-Heal, a slot swap, a platform upgrade, app settings saved)",
    causes: { 'app-service-restart': 0.4 },
  },
  {
    id: 'prose.topic-inprocess-handler',
    kind,
    label: "Named: the module's in-process request handler (aspnetcorev2_inprocess.dll) or its failure to load",
    causes: { 'inprocess-handler-load-failure': 0.45 },
  },
  {
    id: 'prose.topic-outofprocess-handler',
    kind,
    label: "Named: the module's out-of-process request handler (aspnetcorev2_outofprocess.dll) or its failure to load",
    causes: { 'outofprocess-handler-load-failure': 0.45 },
  },
  {
    id: 'prose.topic-pool-config',
    kind,
    label: "Named: the application pool's configuration file WAS writes (event 5189, the appPools folder)",
    causes: { 'app-pool-config-failure': 0.45 },
  },
  {
    id: 'prose.topic-site-stopped',
    kind,
    label: 'Named: the IIS site stopped or its bindings',
    causes: { 'iis-site-stopped': 0.35 },
  },
  {
    id: 'prose.topic-web-config-invalid',
    kind,
    label: 'Named: a web.config IIS cannot read',
    causes: { 'web-config-invalid': 0.35 },
  },
  {
    id: 'prose.topic-docker-network',
    kind,
    label: 'Named: a container on several (or the wrong) Docker networks',
    causes: { 'proxy-upstream-refused': 0.3 },
  },
  {
    id: 'prose.topic-runtime-missing',
    kind,
    label: 'Named: the .NET runtime the app needs is missing or another version is installed',
    causes: { 'framework-not-found': 0.4, 'azure-runtime-missing': 0.1 },
  },
  {
    id: 'prose.topic-dotnet-missing',
    kind,
    label: 'Named: the dotnet host cannot be found where the app is started',
    causes: { 'process-path-not-found': 0.35, 'hosting-bundle-missing': 0.1 },
  },
  {
    id: 'prose.topic-scheme-mismatch',
    kind,
    label: 'Named: HTTP sent to a TLS port or an HTTPS backend (the wrong scheme)',
    causes: { 'proxy-protocol-mismatch': 0.3, 'backend-tls-failure': 0.15 },
  },
  {
    id: 'prose.topic-missing-files',
    kind,
    label: 'Named: files or assemblies missing from what was published',
    causes: { 'incomplete-publish': 0.35, 'app-dll-not-found': 0.1 },
  },
  {
    id: 'prose.topic-stale-files',
    kind,
    label: 'Named: old or locked files left in the app folder by a deployment',
    causes: { 'stale-deployment-files': 0.35 },
  },
  {
    id: 'prose.topic-startup-exception',
    kind,
    label: 'Named: the app throws while it starts (Program.cs, Startup, a missing settings file)',
    causes: { 'inprocess-start-failure': 0.3, 'process-start-failure': 0.1 },
  },
  {
    id: 'prose.topic-crypto-keys',
    kind,
    label: 'Named: a CryptographicException or a private key the app cannot open',
    causes: { 'access-denied': 0.25, 'user-profile-not-loaded': 0.25 },
  },
  {
    id: 'prose.topic-mixed-hosting',
    kind,
    label: 'Named: in-process and out-of-process apps mixed in one application pool',
    causes: { 'mixed-hosting-models': 0.4 },
  },
  {
    id: 'prose.topic-not-listening',
    kind,
    label: 'Named: nothing listening where the proxy connects (the app on another port, or not listening at all)',
    causes: { 'proxy-upstream-refused': 0.3, 'port-binding-failure': 0.1 },
  },
  {
    id: 'prose.topic-app-port',
    kind,
    label: "Named: the port the app is told to listen on (ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, a platform's $PORT)",
    causes: { 'port-binding-failure': 0.25, 'proxy-upstream-refused': 0.15 },
  },
  {
    id: 'prose.topic-app-error',
    kind,
    label: 'Named: the "Application Error" page of App Service on Linux or Heroku (the container or dyno did not start or answer)',
    // App Service pings the container on its port (WEBSITES_PORT) and Heroku routes to $PORT: an
    // app listening elsewhere never answers; otherwise the app crashed while starting.
    causes: { 'port-binding-failure': 0.2, 'app-crash-runtime': 0.15, 'process-start-failure': 0.05 },
  },
  {
    id: 'prose.topic-privileged-port',
    kind,
    label: 'Named: a port Kestrel may not bind (below 1024, or in a range Windows reserves)',
    causes: { 'kestrel-bind-denied': 0.35 },
  },
];
