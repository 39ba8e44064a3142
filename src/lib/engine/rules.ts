/**
 * Contextual ranking rules: evidence that only means something in combination (a code together
 * with a duration, a status from a particular proxy). Written as data; `ruleContributions`
 * evaluates them. Weights follow SignalDef: 1 decisive, 0.5 strong hint, 0.2 weak hint.
 * `weakens` multiplies a cause's final confidence by (1 - factor) and is shown as evidence too.
 */
import type { FactTest } from './fact-test.ts';
import { fact, factMs, factText } from '../facts/facts.ts';
import { PROSE_RULES } from './prose-rules.ts';
import hostfxrMessages from '../../../content/data/messages/hostfxr.json' with { type: 'json' };

export interface ContextRule {
  id: string;
  when: FactTest;
  /** Causes the combination points to, with a weight in (0, 1]. */
  supports?: Record<string, number>;
  /** Causes the combination argues against: confidence x (1 - factor). */
  weakens?: Record<string, number>;
  /** What the combination means, in words, shown on each matched piece of evidence. */
  note: string;
}

// Defaults come from content/data/facts.json, so the rules and the pages cannot drift apart.
const REQUEST_TIMEOUT_NEAR = { setting: 'requestTimeout', default: factMs('ancm.requestTimeout'), tolerance: 0.1 };
const FRONTEND_MS = factMs('app-service.frontend-timeout');
const FRONTEND_LIMIT: [number, number] = [FRONTEND_MS - 15_000, FRONTEND_MS + 20_000];
const PROXY_DEFAULT_MS = factMs('nginx.proxy_read_timeout');
const APP_GATEWAY_MS = factMs('azure-app-gateway.RequestTimeout');
const REQUEST_TIMEOUT_SHORT = factText('ancm.requestTimeout', 'short');
const FRONTEND_SAYS = fact('app-service.frontend-timeout').says;
const WINHTTP_TIMEOUT = [12002];
/** Signals of the .NET host's own messages (content/data/messages/hostfxr.json). */
const HOSTFXR_SIGNALS: string[] = (hostfxrMessages as { id: string }[]).map((m) => `message.${m.id}`);
const CRASH_EXCEPTIONS = [
  'StackOverflowException',
  'OutOfMemoryException',
  'AccessViolationException',
  'ExecutionEngineException',
  'InvalidProgramException',
];

/** Signals that say the proxy could not connect to the app (refused, no route). */
const PROXY_REFUSED = [
  'nginx.upstream-refused',
  'nginx.upstream-no-route',
  'apache.connect-refused',
  'apache.connect-no-route',
  'yarp.connection-refused',
  'yarp.no-route',
  'cloud-lb.envoy-uf',
  'traefik.upstream-refused',
  'traefik.upstream-unreachable',
  'haproxy.server-refused',
  'caddy.upstream-refused',
  'caddy.upstream-unreachable',
];
/** Signals that say the app closed or reset a connection the proxy was using. */
const PROXY_CLOSED = [
  'nginx.upstream-closed',
  'nginx.upstream-reset',
  'apache.status-line-reset',
  'apache.status-line-eof',
  'apache.status-line-error',
  'yarp.response-ended',
  'yarp.connection-reset',
  'cloud-lb.envoy-uc',
  'cloud-lb.envoy-ur',
  'traefik.upstream-reset',
  'traefik.upstream-eof',
  'haproxy.server-aborted-headers',
  'haproxy.server-aborted-data',
  'caddy.upstream-reset',
  'caddy.upstream-eof',
];
const NO_ROUTE = ['nginx.upstream-no-route', 'apache.connect-no-route', 'yarp.no-route', 'traefik.upstream-unreachable', 'caddy.upstream-unreachable'];
const CONNECT_REFUSED = [
  'nginx.upstream-refused',
  'apache.connect-refused',
  'yarp.connection-refused',
  'cloud-lb.envoy-uf',
  'traefik.upstream-refused',
  'haproxy.server-refused',
  'caddy.upstream-refused',
];
/** Signals that say the app failed while starting (in-process or out-of-process). */
const STARTUP_FAILURE = [
  'event-log.ancm-load-clr-failed',
  'event-log.ancm-inprocess-start-failed',
  'event-log.ancm-main-exited',
  'event-log.ancm-clr-thread-exited',
  'event-log.ancm-process-start-failed',
  'event-log.ancm-exited-before-listening',
  'event-log.ancm-start-retries-exhausted',
  'stdout-log.startup-exception',
  'stdout-log.hosting-failed',
  // exceptions only the start-up path throws: configuration files, the middleware pipeline, DI validation
  'message.kestrel.startup-exception',
  'message.kestrel.config-file-not-found',
  'message.kestrel.config-file-load-failed',
  'message.kestrel.config-json-parse',
  'message.kestrel.routing-middleware-order',
  'message.kestrel.required-services-missing',
  'message.kestrel.di-services-not-constructed',
];
/** Signals that say the .NET host could not find the runtime (or a piece of it) the app asks for. */
const FRAMEWORK_SIGNALS = [
  'stdout-log.framework-not-found',
  'stdout-log.framework-x86-missing',
  'stdout-log.framework-missing-app-service',
  'event-log.ancm-framework-missing',
  'event-log.ancm-dependencies-not-found',
  'event-log.ancm-host-lib-missing',
  'event-log.ancm-v1-deps-resolve-failed',
  'message.hostfxr.runtime-store',
  'message.hostfxr.specified-framework-not-found',
  'message.hostfxr.framework-version-not-found',
  'message.hostfxr.framework-not-found-old',
  'message.hostfxr.no-compatible-framework',
];

/** The in-process request handler could not be loaded (500.0 / 500.33, event text). */
const IN_PROCESS_HANDLER_SIGNALS = [
  'error-page.ancm-500-0-inprocess',
  'error-page.ancm-500-33',
  'message.ancm.title-500-0-inprocess-old',
  'message.ancm.title-500-33-old',
  'message.ancm.event-2-2-handler-not-found',
];

/** Kestrel's warning that the IPv6 loopback is missing (Linux errno texts): it bound localhost on IPv4 only. */
const IPV6_LOOPBACK_MISSING = ['message.kestrel.ipv6-loopback-unavailable-linux', 'message.kestrel.ipv6-loopback-unavailable-libuv'];
/** Kestrel could not bind at all (it did not go on listening). */
const KESTREL_BIND_FAILED = [
  'stdout-log.kestrel-address-in-use',
  'stdout-log.kestrel-bind-denied',
  'stdout-log.kestrel-bind-failed',
  'message.kestrel.address-in-use',
  'message.kestrel.bind-failed',
  'message.kestrel.unable-to-start',
];

export const CONTEXT_RULES: readonly ContextRule[] = [
  {
    id: 'listening-on-loopback-without-ipv6',
    when: {
      all: [
        { fact: 'signal', in: IPV6_LOOPBACK_MISSING },
        { fact: 'setting', in: ['listeningOn='] },
        { not: { fact: 'signal', in: KESTREL_BIND_FAILED } },
      ],
    },
    supports: { 'proxy-upstream-refused': 0.55 },
    note: 'Kestrel went on listening on localhost, IPv4 only: a host without an IPv6 loopback is typically a container, and a proxy outside it cannot reach its loopback.',
  },
  ...PROSE_RULES,
  {
    id: 'winhttp-timeout-at-request-timeout',
    when: {
      all: [
        { fact: 'code', in: WINHTTP_TIMEOUT },
        { fact: 'time-taken-ms', near: REQUEST_TIMEOUT_NEAR },
      ],
    },
    supports: { 'request-timeout': 0.85 },
    note: `WinHTTP timeout (12002) after a time-taken within 10 % of requestTimeout (the value in web.config, or the ${REQUEST_TIMEOUT_SHORT} default when it sets none): ANCM stopped waiting for the app.`,
  },
  {
    // ANCM's requestTimeout is 2 minutes by default; a WinHTTP timeout at about 30 s on a server
    // whose web.config sets no requestTimeout is the proxy time-out people quote for ARR.
    id: 'winhttp-timeout-at-arr-default',
    when: {
      all: [
        { fact: 'code', in: WINHTTP_TIMEOUT },
        { fact: 'time-taken-ms', near: { default: factMs('arr.proxy-timeout'), tolerance: 0.05 } },
        { not: { fact: 'setting', in: ['requestTimeout='] } },
      ],
    },
    supports: { 'arr-proxy-timeout': 0.6 },
    weakens: { 'request-timeout': 0.3 },
    note: `WinHTTP timeout (12002) after about ${factText('arr.proxy-timeout', 'says')}, the time-out commonly quoted as ARR's default: far from ANCM's ${REQUEST_TIMEOUT_SHORT}, so the proxy that gave up is more likely ARR than the ASP.NET Core Module.`,
  },
  {
    id: 'bad-gateway-at-request-timeout',
    when: {
      all: [
        { fact: 'status', in: ['502.3'] },
        { fact: 'time-taken-ms', near: REQUEST_TIMEOUT_NEAR },
        { not: { fact: 'code', in: WINHTTP_TIMEOUT } },
      ],
    },
    supports: { 'request-timeout': 0.6 },
    note: `502.3 after a time-taken close to requestTimeout (${REQUEST_TIMEOUT_SHORT} by default): the forwarder gave up at its timeout.`,
  },
  {
    id: 'winhttp-timeout-elsewhere',
    when: {
      all: [
        { fact: 'code', in: WINHTTP_TIMEOUT },
        { fact: 'time-taken-ms' },
        { not: { fact: 'time-taken-ms', near: REQUEST_TIMEOUT_NEAR } },
        { not: { fact: 'time-taken-ms', between: FRONTEND_LIMIT } },
      ],
    },
    weakens: { 'request-timeout': 0.15 },
    note: `WinHTTP timeout (12002) whose time-taken is not close to the ${REQUEST_TIMEOUT_SHORT} default: still ANCM's requestTimeout, probably set to another value in web.config (or the time went into connecting), so the match is less certain.`,
  },
  {
    id: 'timeout-at-frontend-limit',
    when: {
      all: [
        { fact: 'time-taken-ms', between: FRONTEND_LIMIT },
        {
          any: [
            { fact: 'code', in: [12002, 64, 1236] },
            { fact: 'status', in: ['502', '504', '500'] },
          ],
        },
        { not: { fact: 'time-taken-ms', near: { setting: 'requestTimeout', default: 0, tolerance: 0.05 } } },
      ],
    },
    supports: { 'azure-frontend-timeout': 0.7 },
    weakens: { 'request-timeout': 0.6 },
    note: `A failure after ${FRONTEND_SAYS}: the Azure App Service front end gives up at that point whatever requestTimeout says.`,
  },
  {
    id: 'long-request-on-app-service',
    when: {
      all: [
        { fact: 'server', in: ['azure-app-service'] },
        { fact: 'time-taken-ms', between: [FRONTEND_MS - 30_000, Number.MAX_SAFE_INTEGER] },
      ],
    },
    supports: { 'azure-frontend-timeout': 0.6 },
    note: `A request running longer than ${(FRONTEND_MS - 30_000) / 1000} s on App Service: the platform front end ends requests at ${FRONTEND_SAYS}.`,
  },
  {
    id: 'winhttp-timeout-on-app-service',
    when: {
      all: [
        { fact: 'code', in: WINHTTP_TIMEOUT },
        { fact: 'server', in: ['azure-app-service'] },
        { not: { fact: 'time-taken-ms', near: REQUEST_TIMEOUT_NEAR } },
      ],
    },
    supports: { 'azure-frontend-timeout': 0.3 },
    note: `A timeout on App Service without a time-taken at requestTimeout: the front end (${FRONTEND_SAYS}) may be the limit that fired.`,
  },
  {
    // ANCM could not load its in-process handler because hostfxr failed, and the event carries
    // hostfxr's own words for why: that reason is the cause, the missing handler its consequence.
    id: 'inprocess-handler-missing-with-hostfxr-reason',
    when: {
      all: [
        { fact: 'signal', in: ['event-log.ancm-inprocess-handler-missing'] },
        { fact: 'signal', in: HOSTFXR_SIGNALS },
      ],
    },
    weakens: { 'inprocess-handler-load-failure': 0.6 },
    note: "The in-process handler was not found because hostfxr stopped first, and its captured output says why (the app's DLL, a framework, runtimeconfig.json): that is the cause to fix.",
  },
  {
    id: 'host-found-framework-but-not-app-files',
    when: { fact: 'signal', in: ['stdout-log.runtimeconfig-missing', 'stdout-log.runtimeconfig-invalid-json', 'stdout-log.deps-asset-missing'] },
    weakens: { 'framework-not-found': 0.6, 'azure-runtime-missing': 0.6, 'app-dll-not-found': 0.4 },
    note: 'The .NET host names a file of the published app (runtimeconfig.json, an asset listed in deps.json): the runtime is there, the app\'s own files are not right.',
  },
  {
    // V1 writes "Warning: Could not create stdoutLogFile ..." and starts the process anyway,
    // without redirection; the host's own exit code then says why the process stopped.
    id: 'stdout-log-warning-beside-host-failure',
    when: {
      all: [
        { fact: 'signal', in: ['event-log.ancm-stdout-log-unwritable'] },
        {
          fact: 'signal',
          in: [
            'event-log.ancm-v1-deps-resolve-failed',
            'event-log.ancm-deps-resolve-failed',
            'event-log.ancm-framework-missing',
            'event-log.ancm-host-lib-missing',
            'event-log.ancm-host-invalid-args',
            'event-log.ancm-app-dll-missing',
            'event-log.ancm-bad-exe-format',
          ],
        },
      ],
    },
    weakens: { 'stdout-log-unwritable': 0.5 },
    note: 'The stdout log could not be created, but the module starts the app without it: the .NET host\'s own failure code in the same log says why the app stopped.',
  },
  {
    // The 1.x/2.x muxer adds "This may be because the targeted framework [...] was not found."
    // only when the folder it failed to load hostpolicy from is the framework's; alone, the
    // folder was the app's: no runtimeconfig.json was found next to what dotnet was asked to run.
    id: 'hostpolicy-missing-in-app-folder',
    when: {
      all: [
        { fact: 'signal', in: ['message.hostfxr.hostpolicy-load-failed-1x'] },
        { not: { fact: 'signal', in: ['message.hostfxr.targeted-framework-not-found-1x'] } },
      ],
    },
    weakens: { 'framework-not-found': 0.6 },
    note: 'The host looked for hostpolicy in the app\'s folder, not in a framework folder: dotnet ran a path without a runtimeconfig.json beside it (a wrong file name in the arguments, or a missing runtimeconfig.json).',
  },
  {
    id: 'worker-faults-in-the-module',
    when: { fact: 'signal', in: ['event-log.app-error-ancm-module-fault'] },
    weakens: { 'app-crash-runtime': 0.6 },
    note: 'The worker process crashed inside the ASP.NET Core Module, not in the app\'s code: the app never ran, so this is not an app crash at run time.',
  },
  {
    id: 'arr-winhttp-timeout',
    when: {
      all: [
        { fact: 'setting', in: ['module=ApplicationRequestRouting'] },
        { fact: 'code', in: WINHTTP_TIMEOUT },
      ],
    },
    supports: { 'arr-proxy-timeout': 0.9 },
    weakens: { 'request-timeout': 0.8, 'azure-frontend-timeout': 0.6, 'thread-pool-starvation': 0.4 },
    note: 'A WinHTTP time-out reported by Application Request Routing: IIS is a plain reverse proxy here and its proxy time-out fired, not the ASP.NET Core Module\'s requestTimeout.',
  },
  {
    id: 'outbound-timeouts-on-app-service',
    when: {
      all: [
        { fact: 'server', in: ['azure-app-service'] },
        { fact: 'signal', in: ['stdout-log.outbound-connect-timeout'] },
      ],
    },
    supports: { 'snat-port-exhaustion': 0.8 },
    note: 'Outbound connections from an App Service app that time out: the instance may have run out of SNAT ports or TCP connections.',
  },
  {
    id: 'shutdown-on-app-service',
    when: {
      all: [
        { fact: 'server', in: ['azure-app-service'] },
        { fact: 'signal', in: ['event-log.ancm-app-shutdown', 'stdout-log.application-shutting-down', 'message.kestrel.shutting-down'] },
      ],
    },
    supports: { 'app-service-restart': 0.85 },
    weakens: { 'app-pool-recycle': 0.4 },
    note: 'The app was shut down and started again on App Service: the platform restarts apps (Auto-Heal, swaps, setting changes, maintenance), not an IIS recycle you configured.',
  },
  {
    id: 'crash-exception',
    when: { fact: 'exception', in: CRASH_EXCEPTIONS },
    supports: { 'app-crash-runtime': 0.55 },
    note: 'An exception that tears the process down (stack overflow, out of memory, access violation): the app crashed while serving requests.',
  },
  {
    id: 'reset-and-crash',
    when: {
      all: [
        { fact: 'code', in: [12030] },
        { fact: 'exception', in: CRASH_EXCEPTIONS },
      ],
    },
    supports: { 'app-crash-runtime': 0.5 },
    weakens: { 'backend-connection-reset': 0.3 },
    note: 'The connection reset (12030) lines up with a process-killing exception: the reset is the crash seen from IIS.',
  },
  {
    id: 'unhandled-while-serving',
    when: {
      all: [
        {
          any: [
            { fact: 'code', in: ['0xE0434352'] },
            { fact: 'signal', in: ['stdout-log.unhandled-exception', 'event-log.dotnet-runtime-unhandled-exception'] },
          ],
        },
        { fact: 'signal', in: ['stdout-log.server-loop-frame', 'stdout-log.threadpool-frame', 'stdout-log.crashed-after-start'] },
        { not: { fact: 'signal', in: ['stdout-log.startup-frame', ...STARTUP_FAILURE] } },
      ],
    },
    supports: { 'app-crash-runtime': 0.6 },
    weakens: { 'inprocess-start-failure': 0.4, 'process-start-failure': 0.4 },
    note: "The unhandled exception was thrown in the server's connection loop or on a thread-pool thread, or after the app had started and served requests, with no start-up frame: the app was running, then died.",
  },
  {
    id: 'bug-in-server-loop',
    when: {
      all: [
        { fact: 'signal', in: ['stdout-log.server-loop-frame'] },
        { fact: 'exception', in: ['NullReferenceException', 'ObjectDisposedException', 'AccessViolationException', 'IndexOutOfRangeException', 'ArgumentOutOfRangeException'] },
      ],
    },
    supports: { 'app-crash-runtime': 0.45 },
    note: "A programming error (null reference, disposed object, bad index) thrown inside Kestrel's own connection loop: nothing catches it there, so the server process goes down while serving.",
  },
  {
    id: 'crash-during-startup',
    when: {
      all: [
        {
          any: [
            { fact: 'code', in: ['0xE0434352'] },
            { fact: 'signal', in: ['event-log.ancm-managed-exception', 'event-log.dotnet-runtime-unhandled-exception', 'event-log.crash-clr-exception'] },
          ],
        },
        {
          any: [
            { fact: 'status', in: ['500.30', '502.5'] },
            { fact: 'signal', in: STARTUP_FAILURE },
          ],
        },
        { not: { fact: 'exception', in: CRASH_EXCEPTIONS } },
      ],
    },
    weakens: { 'app-crash-runtime': 0.6 },
    note: 'The unhandled exception came while the app was starting (a start failure is logged with it), so it is a startup failure rather than a crash while serving requests.',
  },
  {
    id: 'assembly-mismatch-exception',
    when: { fact: 'exception', in: ['FileLoadException', 'MissingMethodException', 'TypeLoadException'] },
    supports: { 'stale-deployment-files': 0.45 },
    note: 'Assembly load and binding errors usually mean old and new DLLs are mixed in the deployment folder.',
  },
  {
    id: 'bad-image-exception',
    when: { fact: 'exception', in: ['BadImageFormatException'] },
    supports: { 'bitness-mismatch': 0.35, 'stale-deployment-files': 0.3 },
    note: 'BadImageFormatException: a DLL built for another platform (32/64-bit) or a leftover assembly from an earlier build.',
  },
  {
    // A TLS failure inside a database client's exception is the app's own connection to its
    // database (SqlClient 4+ encrypts by default), not the proxy's connection to the app.
    id: 'tls-in-the-database-client',
    when: {
      any: [
        { fact: 'exception', in: ['SqlException', 'NpgsqlException', 'MySqlException'] },
        { fact: 'signal', in: ['stdout-log.sql-startup-failure'] },
      ],
    },
    weakens: { 'backend-tls-failure': 0.6 },
    note: "The certificate or TLS error comes from the app's database client: the app cannot reach its database (at start-up it fails to start), which is not the proxy's TLS connection to the app.",
  },
  {
    // HttpClient's "The SSL connection could not be established" is a TLS failure in general; its
    // inner "unexpected packet format" says the other side did not answer in TLS at all: the
    // proxy or client sent https:// to a plain-HTTP port, not a certificate or version problem.
    id: 'tls-to-a-plain-port',
    when: {
      all: [
        { fact: 'signal', in: ['message.dotnet-net.ssl-connection-failed'] },
        { fact: 'signal', in: ['stdout-log.https-unexpected-packet', 'message.kestrel.handshake-unexpected-format'] },
      ],
    },
    supports: { 'proxy-protocol-mismatch': 0.8 },
    weakens: { 'backend-tls-failure': 0.5 },
    note: 'The TLS connection failed because the other side did not answer in TLS ("unexpected packet format"): https:// was sent to a plain-HTTP port.',
  },
  {
    id: 'keys-without-profile',
    when: {
      all: [
        { fact: 'exception', in: ['CryptographicException'] },
        { any: [{ fact: 'status', in: ['500.30'] }, { fact: 'kind', in: ['iis-log', 'freb', 'event-log', 'error-page', 'stdout-log'] }] },
        // a container has no IIS pool and no user profile to load
        { not: { fact: 'server', in: ['docker', 'kubernetes'] } },
      ],
    },
    supports: { 'user-profile-not-loaded': 0.5 },
    note: 'A cryptography error while the app runs under IIS: key and certificate stores need the pool\'s user profile loaded.',
  },
  {
    id: 'certificate-import-file-not-found',
    when: {
      all: [
        { fact: 'signal', in: ['stdout-log.certificate-import-frame'] },
        { fact: 'code', in: [2, '0x80070002'] },
      ],
    },
    supports: { 'user-profile-not-loaded': 0.75 },
    weakens: { 'process-path-not-found': 0.7, 'app-dll-not-found': 0.7, 'framework-not-found': 0.7 },
    note: 'Importing a certificate failed with "The system cannot find the file specified": Windows keeps the imported private key in the user profile, which an application pool without loadUserProfile does not have.',
  },
  {
    id: 'socket-forbidden-on-app-service',
    when: {
      all: [
        { fact: 'server', in: ['azure-app-service'] },
        // Windows' WSAEACCES text or number (App Service on Linux prints errno 13 instead)
        { fact: 'code', in: [10013] },
        { not: { fact: 'signal', in: ['stdout-log.kestrel-bind-failed', 'stdout-log.kestrel-address-in-use', 'message.kestrel.bind-failed'] } },
      ],
    },
    supports: { 'snat-port-exhaustion': 0.8 },
    weakens: { 'kestrel-bind-denied': 0.7, 'port-binding-failure': 0.6 },
    note: 'WSAEACCES ("access a socket in a way forbidden") on App Service: the sandbox refuses new outbound connections once the instance reaches its connection limit; the app does not bind ports of its own there.',
  },
  {
    // http-proxy-middleware answers 504 for every connection error it meets (ECONNREFUSED,
    // ECONNRESET, ENOTFOUND, ETIMEDOUT): the status says nothing of a timeout there.
    id: 'dev-proxy-504-is-any-error',
    when: { fact: 'signal', in: ['message.node-proxy.hpm-error-body'] },
    weakens: { 'proxy-upstream-timeout': 0.6, 'azure-frontend-timeout': 0.6 },
    note: "http-proxy-middleware's error page (\"Error occurred while trying to proxy\") carries 504 whatever the connection error was: a refused or reset connection as much as a timeout.",
  },
  {
    id: 'fastcgi-connection-not-reused',
    when: { fact: 'signal', in: ['nginx.fastcgi-worker-gone'] },
    weakens: { 'keepalive-race': 0.6 },
    note: 'nginx opens a new FastCGI connection for each request unless fastcgi_keep_conn is on: a reset there is not an idle connection reused after the backend closed it.',
  },
  {
    id: 'socket-forbidden-while-connecting',
    when: {
      all: [
        { any: [{ fact: 'signal', in: ['stdout-log.kestrel-bind-denied'] }, { fact: 'code', in: [10013] }] },
        { fact: 'signal', in: ['stdout-log.connect-frame'] },
        { not: { fact: 'signal', in: ['stdout-log.bind-frame', 'stdout-log.kestrel-bind-failed', 'stdout-log.kestrel-address-in-use', 'message.kestrel.bind-failed'] } },
      ],
    },
    supports: { 'snat-port-exhaustion': 0.6 },
    weakens: { 'kestrel-bind-denied': 0.7, 'port-binding-failure': 0.6 },
    note: 'The socket was refused ("forbidden by its access permissions", WSAEACCES) while the app connected out, not while it bound its own port: on App Service that is the sandbox refusing new outbound connections at the instance\'s limit; elsewhere a firewall or security product blocking the outbound call.',
  },
  {
    id: 'address-in-use-while-connecting',
    when: {
      all: [
        { any: [{ fact: 'signal', in: ['stdout-log.kestrel-address-in-use', 'message.windows-socket.wsaeaddrinuse'] }, { fact: 'code', in: [10048] }] },
        { any: [{ fact: 'signal', in: ['stdout-log.connect-frame'] }, { fact: 'exception', in: ['HttpRequestException'] }] },
        { not: { fact: 'signal', in: ['stdout-log.bind-frame', 'stdout-log.kestrel-bind-failed', 'message.kestrel.bind-failed', 'message.kestrel.address-in-use'] } },
      ],
    },
    supports: { 'snat-port-exhaustion': 0.7 },
    weakens: { 'port-binding-failure': 0.6, 'kestrel-bind-denied': 0.6 },
    note: 'WSAEADDRINUSE ("Only one usage of each socket address") raised while the app connected out, from HttpClient, not while Kestrel bound its port: no local port was left for a new outbound connection, the mark of connections opened faster than they are reused or closed (a new HttpClient per request, or an instance\'s outbound limit).',
  },
  {
    // Out of process, ANCM starts the app with ASPNETCORE_PORT and UseIISIntegration makes Kestrel
    // listen there; a Kestrel bind failure under ANCM therefore means the app bound an address of
    // its own (hard-coded URLs or endpoints, UseUrls after UseIISIntegration), not ANCM's port.
    id: 'kestrel-bind-under-ancm-out-of-process',
    when: {
      all: [
        {
          fact: 'signal',
          in: ['stdout-log.kestrel-bind-denied', 'stdout-log.kestrel-address-in-use', 'stdout-log.kestrel-bind-failed', 'message.kestrel.bind-failed', 'message.kestrel.address-in-use'],
        },
        {
          any: [
            { fact: 'hosting-model', in: ['out-of-process'] },
            { fact: 'status', in: ['502.5'] },
            { fact: 'signal', in: ['event-log.ancm-process-start-failed', 'event-log.ancm-start-retries-exhausted', 'event-log.ancm-process-no-response'] },
          ],
        },
        { not: { fact: 'server', in: ['docker', 'kubernetes'] } },
      ],
    },
    supports: { 'port-binding-failure': 0.75 },
    weakens: { 'kestrel-bind-denied': 0.4 },
    note: 'Kestrel failed to bind while the ASP.NET Core Module started the app out of process: ANCM hands the app a port through ASPNETCORE_PORT, so an app that binds its own URL instead does not listen where ANCM forwards.',
  },
  {
    id: 'loopback-listener-in-a-container',
    when: {
      all: [
        { fact: 'server', in: ['docker', 'kubernetes'] },
        { fact: 'setting', in: ['listeningScope=loopback'] },
        { not: { fact: 'signal', in: ['stdout-log.listening-loopback-in-container'] } },
        { not: { fact: 'server', in: ['iis', 'azure-app-service'] } },
      ],
    },
    supports: { 'proxy-upstream-refused': 0.55 },
    note: 'Kestrel listens on localhost inside a container or pod: a proxy in another container, or the pod network, reaches the container by its own address, where nothing listens.',
  },
  {
    // Kestrel gives up draining an unread request body and closes the connection; out of process
    // the ASP.NET Core Module is the client it closes on, and IIS answers 502.3 (12030).
    id: 'kestrel-drain-close-behind-ancm',
    when: {
      all: [
        { fact: 'signal', in: ['message.kestrel.request-body-drain-timed-out', 'message.kestrel.request-body-not-entirely-read'] },
        { any: [{ fact: 'server', in: ['iis'] }, { fact: 'hosting-model', in: ['out-of-process'] }, { fact: 'status', in: ['502.3'] }] },
      ],
    },
    supports: { 'backend-connection-reset': 0.5 },
    note: 'Kestrel stopped draining a request body it had not read and closed the connection; behind IIS out of process, the module on the other end sees the connection reset and IIS answers 502.3.',
  },
  {
    id: 'fixed-port-in-a-container',
    when: {
      all: [
        { fact: 'server', in: ['docker', 'kubernetes'] },
        { fact: 'signal', in: ['stdout-log.listening-fixed-port', 'stdout-log.listening-container-default'] },
        { not: { fact: 'server', in: ['iis', 'azure-app-service'] } },
        { not: { fact: 'signal', in: ['stdout-log.kestrel-address-in-use', 'message.kestrel.address-in-use', 'stdout-log.urls-overridden'] } },
      ],
    },
    weakens: { 'port-binding-failure': 0.6 },
    note: 'In a container the app listens on a port of its own on purpose; a fixed port is a fault only under IIS, where the ASP.NET Core Module hands the app the port to use.',
  },
  {
    id: 'load-user-profile-off',
    when: { fact: 'setting', in: ['loadUserProfile=false'] },
    supports: { 'user-profile-not-loaded': 0.35 },
    note: 'loadUserProfile is false: Data Protection keys and certificate stores are not available to the app.',
  },
  {
    id: 'oop-startup-timeout',
    when: {
      all: [
        { fact: 'code', in: ['0x800705B4'] },
        { any: [{ fact: 'status', in: ['502.5'] }, { fact: 'kind', in: ['event-log'] }] },
      ],
    },
    supports: { 'startup-time-limit': 0.45 },
    note: `ERROR_TIMEOUT while starting the process (ANCM V1 and early V2 modules): the app did not listen within startupTimeLimit (${factText('ancm.startupTimeLimit', 'short')} by default).`,
  },
  {
    id: 'rollout-mixed-failures',
    when: {
      all: [
        { fact: 'server', in: ['kubernetes'] },
        { fact: 'signal', in: PROXY_REFUSED },
        { fact: 'signal', in: PROXY_CLOSED },
      ],
    },
    supports: { 'pod-shutdown-race': 0.5 },
    note: 'On Kubernetes, refused and reset connections to the same app together: pods stopping or starting while still in the endpoints, as during a rollout.',
  },
  {
    // The same closed connection now and then, with no rollout, upload or long request around it:
    // the proxy reused a kept-alive connection the app had just closed (the app's idle timeout is
    // the shorter one). Envoy's UC flag, nginx's "prematurely closed", Apache's reset status line.
    id: 'closed-now-and-then',
    when: {
      all: [
        { fact: 'signal', in: PROXY_CLOSED },
        { fact: 'signal', in: ['prose.intermittent'] },
        { not: { fact: 'signal', in: ['prose.after-deploy', 'prose.during-deploy', 'prose.topic-rolling', 'prose.after-restart', 'prose.scale-in', 'prose.large-upload', 'prose.long-request', 'prose.every-request'] } },
      ],
    },
    supports: { 'keepalive-race': 0.3 },
    note: 'The backend closed a connection now and then, with nothing else in common: the proxy reused a kept-alive connection the app had just closed, because the app\'s idle timeout is shorter than the proxy\'s.',
  },
  {
    // The app's own crash in the same paste as the proxy's closed connection: the crash is the
    // cause, the closed connection what the proxy saw of it (a PHP-FPM or .NET worker that dies
    // on SIGSEGV mid-request resets the proxy's connection).
    id: 'closed-by-a-crash',
    when: {
      all: [
        { fact: 'signal', in: PROXY_CLOSED },
        { fact: 'signal', in: ['stdout-log.process-died-on-signal', 'stdout-log.systemd-process-crashed'] },
      ],
    },
    supports: { 'app-crash-runtime': 0.9 },
    note: 'The backend closed the connection, and the paste shows the backend process dying on a signal (a segmentation fault or an abort): the crash is why the proxy saw the connection close.',
  },
  {
    // gRPC needs HTTP/2 end to end: a backend that speaks only HTTP/2 (an Http2-only Kestrel
    // endpoint, a gRPC server) closes a connection that starts in HTTP/1.1, or in plain text when
    // it expects TLS, and the proxy reports a closed connection or EOF.
    id: 'closed-on-grpc-or-http2',
    when: {
      all: [
        { fact: 'signal', in: PROXY_CLOSED },
        { fact: 'signal', in: ['prose.topic-http2'] },
      ],
    },
    supports: { 'proxy-protocol-mismatch': 0.5 },
    note: 'The backend closed the connection, in a paste about gRPC or HTTP/2 to the backend: an HTTP/2-only endpoint drops a connection that starts in HTTP/1.1 (or in plain text where it expects TLS), so the proxy and the app disagree on the protocol.',
  },
  {
    id: 'no-route-and-refused',
    when: {
      all: [
        { fact: 'signal', in: NO_ROUTE },
        { fact: 'signal', in: CONNECT_REFUSED },
      ],
    },
    supports: { 'pod-shutdown-race': 0.4 },
    note: 'Backends that both refuse connections and have no route at all: the addresses belong to instances that were going away, as pods do during a rollout.',
  },
  {
    id: 'runtime-missing-on-app-service',
    when: {
      all: [
        { fact: 'server', in: ['azure-app-service'] },
        {
          any: [
            { fact: 'status', in: ['500.31'] },
            // FrameworkMissingFailure, and ResolverResolveFailure: a package expected in the
            // runtime store (ASP.NET Core 2.0) that the platform's store does not have yet
            { fact: 'code', in: ['0x80008096', '0x8000808C'] },
            { fact: 'signal', in: FRAMEWORK_SIGNALS },
            // The in-process handler ships in the ASP.NET Core shared framework: on App Service it
            // fails to load when the platform lacks the runtime the app targets.
            { fact: 'signal', in: IN_PROCESS_HANDLER_SIGNALS },
          ],
        },
      ],
    },
    supports: { 'azure-runtime-missing': 0.8 },
    weakens: { 'framework-not-found': 0.3 },
    note: 'A runtime that is not found on Azure App Service: the platform, not you, installs runtimes there, so the app targets one the worker does not offer.',
  },
  {
    id: 'apache-cannot-connect',
    when: {
      all: [
        { fact: 'kind', in: ['apache'] },
        { fact: 'status', in: ['503'] },
      ],
    },
    supports: { 'proxy-upstream-refused': 0.35 },
    note: 'Apache answers 503 (not 502) when it cannot connect to the backend.',
  },
  {
    id: 'proxy-gateway-timeout-status',
    when: {
      all: [
        { fact: 'status', in: ['504'] },
        {
          any: [
            { fact: 'kind', in: ['nginx', 'yarp', 'cloud-lb', 'traefik', 'haproxy', 'caddy'] },
            { fact: 'server', in: ['nginx', 'yarp', 'traefik', 'haproxy', 'caddy', 'aws-alb', 'kubernetes'] },
          ],
        },
      ],
    },
    supports: { 'proxy-upstream-timeout': 0.4 },
    note: 'A proxy 504 means it stopped waiting for the app to answer.',
  },
  {
    id: 'proxy-default-timeout',
    when: {
      all: [
        { fact: 'status', in: ['502', '504'] },
        { fact: 'time-taken-ms', between: [PROXY_DEFAULT_MS - 2_000, PROXY_DEFAULT_MS + 2_500] },
        { any: [{ fact: 'kind', in: ['nginx', 'apache', 'cloud-lb'] }, { fact: 'server', in: ['nginx', 'apache', 'aws-alb', 'kubernetes'] }] },
      ],
    },
    supports: { 'proxy-upstream-timeout': 0.55 },
    note: `The failure came after about ${PROXY_DEFAULT_MS / 1000} s: nginx's default proxy_read_timeout, the AWS ALB's default idle timeout and Apache's compiled-in Timeout (the Debian and Ubuntu packages set ${fact('apache.Timeout.debian').says}).`,
  },
  {
    id: 'app-gateway-default-timeout',
    when: {
      all: [
        { fact: 'server', in: ['azure-app-gateway'] },
        { fact: 'status', in: ['502', '504'] },
        { fact: 'time-taken-ms', between: [APP_GATEWAY_MS - 1_000, APP_GATEWAY_MS + 2_000] },
      ],
    },
    supports: { 'proxy-upstream-timeout': 0.55 },
    note: `About ${APP_GATEWAY_MS / 1000} s is Application Gateway's default backend request timeout (v1 answers 502, v2 retries another member first, then 504).`,
  },
];
