/**
 * Line matchers for what an ASP.NET Core app and the .NET host write to stdout/stderr.
 * `matchStdoutLine` looks at one line (optionally prefixed by journalctl) and returns the facts it
 * shows, with offsets relative to the line. It is shared: the stdout-log recogniser runs it over
 * every line, the event-log and ancm-debug-log recognisers over stdout captured in event messages.
 *
 * Every check is a plain substring test first; the few regexes run only after one passed and
 * have no nested or overlapping quantifiers.
 */
import type { FactName } from '../../../engine/types.ts';
import { exceptionNames } from './exceptions.ts';
import { buildAhoCorasick } from '../aho-corasick.ts';
import type { AhoCorasick } from '../aho-corasick.ts';

/** The .NET install App Service workers (Windows) carry: D:\Program Files (x86)\dotnet, D:\Program Files\dotnet. */
const APP_SERVICE_DOTNET = /\bD:\\Program Files(?: \(x86\))?\\dotnet\b/i;

export interface LineHit {
  name: FactName;
  value: string | number;
  /** Offsets relative to the start of the line. */
  start: number;
  end: number;
}

export interface StdoutContext {
  /** The paste shows Azure App Service paths (D:\home\site\wwwroot, \home\LogFiles). */
  appService: boolean;
}

interface Rule {
  signal: string;
  /** Any of these substrings (exact case). */
  any?: readonly string[];
  /** Any of these substrings, compared with the lower-cased line. */
  anyLower?: readonly string[];
  /** The message (after any journal prefix and indentation) starts with one of these. */
  starts?: readonly string[];
  /** Not when the lower-cased line holds one of these (what says the line means something else). */
  unlessLower?: readonly string[];
}

const RULES: readonly Rule[] = [
  {
    signal: 'framework-not-found',
    any: [
      'It was not possible to find any compatible framework version',
      'You must install or update .NET to run this application',
      'You must install .NET to run this application',
      'Unable to locate application dependencies',
    ],
  },
  { signal: 'frameworks-found-list', any: ['The following frameworks were found:', 'No frameworks were found.'] },
  {
    signal: 'host-fxr-missing',
    any: ['fxr] does not exist', 'required library hostfxr.dll could not be found', 'required library libhostfxr.so could not be found'],
  },
  { signal: 'hostpolicy-missing', any: ['required to execute the application was not found'] },
  { signal: 'runtimeconfig-missing', any: ["runtimeconfig.json' was not found", "runtimeconfig.json' file or update the found one"] },
  { signal: 'runtimeconfig-invalid-json', any: ['Invalid runtimeconfig.json'] },
  { signal: 'deps-asset-missing', any: ['An assembly specified in the application dependencies manifest'] },
  { signal: 'hostfxr-load-failed', any: ['The library hostfxr.dll was found, but loading it from'] },
  // Windows loader messages for the C runtime the host and the module link against
  {
    signal: 'vc-runtime-missing',
    anyLower: ['api-ms-win-crt-runtime-l1-1-0.dll is missing', 'vcruntime140.dll is missing', 'vcruntime140.dll was not found', 'msvcp140.dll is missing'],
  },
  {
    signal: 'sdk-command',
    any: [
      'Did you mean to run dotnet SDK commands?',
      'Could not execute because the application was not found or a compatible .NET SDK is not installed',
      // the SDK's muxer, when what follows `dotnet` is neither a DLL nor a command it knows
      'Could not execute because the specified command or file was not found',
      'You intended to execute a .NET program, but dotnet-',
      'No executable found matching command',
    ],
  },
  { signal: 'unhandled-exception', any: ['Unhandled exception.', 'Unhandled Exception:'] },
  // Stack frames that say what a socket error was doing: binding a listening socket (the app's own
  // endpoint) or connecting out (a call the app made). A "forbidden by its access permissions"
  // (WSAEACCES) while connecting is not Kestrel's bind: on App Service it is the sandbox refusing
  // more outbound connections.
  {
    signal: 'bind-frame',
    any: ['Socket.Bind(', 'Socket.DoBind(', 'Transport.BindAsync(', 'g__OnBind|', 'ListenOptions.BindAsync(', 'LibuvTransport.BindAsync(', 'TransportFactory.BindAsync('],
  },
  {
    signal: 'connect-frame',
    any: [
      'Socket.DoConnect(',
      'Socket.Connect(',
      'Socket.ConnectAsync(',
      'Socket.EndConnect(',
      'Socket.InternalConnect(',
      'ServicePoint.ConnectSocketInternal(',
      'HttpConnectionPool.ConnectAsync(',
      'HttpConnectionPool.ConnectToTcpHostAsync(',
      'ConnectHelper.ConnectAsync(',
      'TcpClient.Connect(',
    ],
  },
  { signal: 'startup-exception', any: ['Application startup exception'] },
  // Stack frames of the server's own loop: Kestrel's libuv and socket transports and its
  // connection code (ASP.NET 5 `Microsoft.AspNet.Server.Kestrel` to ASP.NET Core 2.x and later).
  // An exception thrown there happened while the app was serving, not while it was starting.
  {
    signal: 'server-loop-frame',
    any: [
      // frames, not the transport's UvException type (a client's reset is reported with it)
      'UvWriteReq.',
      'UvShutdownReq.',
      'UvTcpHandle.',
      'UvStreamHandle.',
      'UvConnectRequest.',
      'UvAsyncHandle.',
      'Networking.Libuv.',
      'Libuv.NativeMethods.uv_',
      'KestrelThread.',
      'Kestrel.Http.SocketOutput',
      'Kestrel.Http.Connection.',
      'Internal.LibuvConnection.',
      'Internal.LibuvThread.',
      'Internal.LibuvOutputConsumer.',
      'Transport.Sockets.Internal.Socket',
    ],
  },
  // Frames of work the runtime runs on its own threads: thread-pool items, timers, the rethrow of
  // an async void method's exception. An unhandled exception there ends a running process.
  {
    signal: 'threadpool-frame',
    any: ['ThreadPoolWorkQueue.Dispatch', 'TimerQueueTimer.CallCallback', '<ThrowAsync>b__', 'AsyncVoidMethodBuilder.'],
  },
  // Frames only the start-up path has: Main, Startup, building and starting the host, binding.
  {
    signal: 'startup-frame',
    any: [
      'Program.Main',
      'Program.<Main>',
      '.Startup.ConfigureServices',
      '.Startup.Configure(',
      '.Startup.Configure (',
      '.Startup..ctor',
      'KestrelServer.StartAsync',
      'KestrelServerImpl.StartAsync',
      'AddressBinder.',
      'GenericWebHostService.StartAsync',
      'WebHostExtensions.Run',
      'HostingAbstractionsHostExtensions.Run',
      'Internal.Host.StartAsync',
      'WebHost.StartAsync',
      'WebHost.BuildApplication',
      'WebHost.Initialize',
      'WebHostBuilder.Build',
      'HostBuilder.Build',
      'WebApplicationBuilder.Build',
    ],
  },
  { signal: 'hosting-failed', any: ['Hosting failed to start'] },
  { signal: 'kestrel-start-failed', any: ['Unable to start Kestrel'] },
  {
    signal: 'hosted-service-stopped-host',
    any: ['BackgroundServiceExceptionBehavior is configured to StopHost', 'BackgroundService failed'],
  },
  { signal: 'application-shutting-down', any: ['Application is shutting down...'] },
  {
    signal: 'kestrel-address-in-use',
    anyLower: [
      'address already in use',
      'only one usage of each socket address',
      'eaddrinuse',
      'socketexception (10048)',
      'socketexception (98)',
      // WSAEADDRINUSE (10048) as translated Windows prints it: zh-CN, de, fr, ru, ja
      '通常每个套接字地址',
      'jede socketadresse',
      'chaque adresse de socket',
      'одно использование адреса сокета',
      '各ソケット アドレスに対して',
    ],
  },
  {
    signal: 'kestrel-bind-denied',
    any: [
      'An attempt was made to access a socket in a way forbidden by its access permissions',
      'SocketException (13): Permission denied',
      'SocketException (10013)',
      // .NET Core 2.x-3.x on Linux print the exception without its error number
      'SocketException: Permission denied',
    ],
    // Kestrel's libuv transport (ASP.NET Core 1.x-2.x): UvException "Error -13 EACCES permission denied"
    anyLower: ['eacces permission denied'],
  },
  { signal: 'urls-overridden', any: ['Overriding address(es)', 'Overriding HTTP_PORTS'] },
  { signal: 'stack-overflow', any: ['Process is terminating due to StackOverflowException'], starts: ['Stack overflow.'] },
  {
    signal: 'out-of-memory',
    any: ['System.OutOfMemoryException', 'Insufficient memory to continue the execution of the program'],
  },
  // "Process terminated." is Environment.FailFast; the runtime also says it when the ICU library is
  // missing at start-up, a start failure the message catalogue reads (hostfxr.icu-missing).
  { signal: 'fail-fast', starts: ['Process terminated. '], unlessLower: ["couldn't find a valid icu package"] },
  {
    signal: 'bad-image-format',
    any: ['System.BadImageFormatException', 'An attempt was made to load a program with an incorrect format'],
  },
  { signal: 'assembly-version-mismatch', any: ['manifest definition does not match the assembly reference'] },
  { signal: 'assembly-load-failed', any: ['Could not load file or assembly', 'System.IO.FileLoadException'] },
  {
    signal: 'missing-member',
    any: ['System.MissingMethodException', 'System.TypeLoadException', 'System.MissingFieldException', 'Method not found: '],
  },
  {
    signal: 'data-protection-ephemeral',
    any: [
      'Using an in-memory repository. Keys will not be persisted to storage',
      'Neither user profile nor HKLM registry available',
      'Using an ephemeral key repository',
    ],
  },
  {
    signal: 'data-protection-key-missing',
    any: ['was not found in the key ring', 'Error unprotecting the session cookie', 'The antiforgery token could not be decrypted'],
  },
  { signal: 'dpapi-key-invalid', any: ['Key not valid for use in specified state'] },
  { signal: 'path-access-denied', any: ['System.UnauthorizedAccessException'] },
  {
    signal: 'sql-startup-failure',
    any: [
      'SqlException',
      'A network-related or instance-specific error occurred while establishing a connection to SQL Server',
      'NpgsqlException',
      'MySqlException',
    ],
    // A client's exception whose message says its connection pool (its own or the server's) ran
    // dry (Npgsql's "The connection pool has been exhausted", MySqlConnector's "All pooled
    // connections are in use", a server's "too many clients") is load, not an app that cannot
    // reach its database at start-up: the catalogue reads the message (product `database`).
    unlessLower: [
      'connection pool has been exhausted',
      'pooled connections are in use',
      'too many clients already',
      'too many connections',
      'remaining connection slots are reserved',
    ],
  },
  // An outbound connect from the app that got no answer (WSAETIMEDOUT 10060, Linux ETIMEDOUT 110)
  {
    signal: 'outbound-connect-timeout',
    any: [
      'A connection attempt failed because the connected party did not properly respond after a period of time',
      'SocketException (10060)',
      'SocketException (110): Connection timed out',
    ],
  },
  { signal: 'sql-login-app-pool', anyLower: ["login failed for user 'iis apppool\\"] },
  {
    signal: 'key-vault-failure',
    any: [
      'Azure.RequestFailedException',
      'Azure.Identity.CredentialUnavailableException',
      'Azure.Identity.AuthenticationFailedException',
      'DefaultAzureCredential failed to retrieve a token',
      'ManagedIdentityCredential authentication unavailable',
    ],
  },
  {
    signal: 'thread-pool-starvation',
    anyLower: ['thread pool starvation', 'threadpool starvation', 'the heartbeat has been running for', 'heartbeat took longer than'],
  },
  { signal: 'https-certificate-missing', any: ['Unable to configure HTTPS endpoint. No server certificate was specified'] },
  { signal: 'http2-only-endpoint', any: ['HTTP/1.x request sent to HTTP/2 only endpoint', 'Invalid HTTP/2 connection preface'] },
  // Bytes that are not TLS where a TLS handshake was expected: plain HTTP sent to an HTTPS
  // endpoint (Kestrel's log), or a client's TLS sent to a plain port (HttpClient's inner exception).
  { signal: 'https-unexpected-packet', any: ['The handshake failed due to an unexpected packet format'] },
  { signal: 'https-handshake-failed', any: ['Failed to authenticate HTTPS connection'] },
  // kubectl describe pod ("Reason: OOMKilled"), docker inspect ("OOMKilled": true) and platforms' JSON events ({"oomKilled": ...})
  { signal: 'container-oom-killed', any: ['OOMKilled', 'oomKilled'] },
  {
    signal: 'systemd-oom-killed',
    // The kernel's own line names the victim's memory: "Killed process 3673 (dotnet) total-vm:...kB".
    anyLower: ['out of memory: kill', 'killed by the oom killer', ') total-vm:', "failed with result 'oom-kill'", 'invoked oom-killer', 'oom-kill:constraint='],
  },
  { signal: 'systemd-process-crashed', any: ['code=dumped', 'status=6/ABRT', 'status=11/SEGV', 'status=134/'] },
  // What a shell prints when the process it ran died on SIGSEGV, SIGABRT or SIGBUS
  { signal: 'process-died-on-signal', starts: ['Segmentation fault', 'Aborted (core dumped)', 'Bus error (core dumped)'] },
  // PHP-FPM's master on a worker that died ("child 279 exited on signal 11 (SIGSEGV ...)") and the
  // kernel's own record of a segfault ("php-fpm[37887]: segfault at 2c ip ...").
  { signal: 'process-died-on-signal', any: ['exited on signal 11 (SIGSEGV', 'exited on signal 6 (SIGABRT', 'exited on signal 7 (SIGBUS', ']: segfault at '] },
  { signal: 'systemd-process-killed', any: ['code=killed, status=9/KILL'] },
  { signal: 'systemd-exit-framework-missing', any: ['code=exited, status=150'] },
  { signal: 'systemd-restart-loop', any: ['Start request repeated too quickly', 'Scheduled restart job, restart counter is at'] },
];

/** Every stdout-log signal id the matchers can emit (for registry checks). */
export const STDOUT_SIGNAL_IDS: readonly string[] = [
  ...new Set([
    ...RULES.map((r) => `stdout-log.${r.signal}`),
    'stdout-log.framework-x86-missing',
    'stdout-log.redis-workers-over-minimum',
    'stdout-log.framework-missing-app-service',
    'stdout-log.kestrel-bind-failed',
    'stdout-log.listening-fixed-port',
    'stdout-log.listening-container-default',
    'stdout-log.listening-loopback-in-container',
    'stdout-log.socket-listening-loopback',
    'stdout-log.certificate-file-not-found',
    'stdout-log.certificate-key-access',
    'stdout-log.certificate-import-frame',
    'stdout-log.assembly-file-missing',
    'stdout-log.systemd-exit-failure',
    'stdout-log.process-died-on-signal',
    'stdout-log.crashed-after-start',
  ]),
];

const JOURNAL =
  /^(?:([A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2})|(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?)) [^\s]{1,100} ([^\s[:]{1,100})(?:\[\d{1,10}\])?: /;

export interface JournalPrefix {
  /** Where the message starts. */
  end: number;
  /** The syslog identifier (dotnet, kernel, systemd, the service's name). */
  process: string;
  /** ISO timestamp when journalctl printed one (-o short-iso). */
  iso?: string;
}

/** The journalctl prefix of a line ("Mar 05 10:14:22 web1 dotnet[1234]: "), if any. */
export function journalPrefix(line: string): JournalPrefix | undefined {
  const c = line.charCodeAt(0);
  if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return undefined;
  const m = JOURNAL.exec(line);
  if (!m) return undefined;
  const out: JournalPrefix = { end: m[0].length, process: m[3] as string };
  if (m[2]) out.iso = (m[2] as string).replace(',', '.');
  return out;
}

const FRAMEWORK_NOT_FOUND = /The (?:specified )?framework '[^']{1,120}', version '[^']{1,60}'(?: \([A-Za-z0-9]{2,8}\))? was not found/;
const APP_DOES_NOT_EXIST = /The application '[^']{0,400}' does not exist/;
const ACCESS_TO_PATH = /Access to the path '[^']{0,400}' is denied/;
const LISTENING = /Now listening on: (\S{1,300})/;
/**
 * A listening socket as `ss -tlnp`, `netstat -tlnp` / `netstat -ano` and `lsof -i` list it: the
 * state word, and the first address:port on the line (the local one; the peer comes after it).
 */
const SOCKET_STATE = /(?:^|[\s(])LISTEN(?:ING)?(?:[\s)]|$)/;
const SOCKET_LOCAL = /(?:^|[\s(])(\[[0-9A-Fa-f:.%\w]{2,60}\]|[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}|localhost|\*):(\d{1,5})(?=[\s)]|$)/;
/** A loopback host as an address or URL names it (lower-case): localhost, 127.x.x.x, [::1]. */
const isLoopbackHost = (host: string): boolean => host === 'localhost' || host.startsWith('127.') || host === '[::1]';
const URL_PORT = /^(https?):\/\/(\[[^\]]{1,60}\]|[^/:\s]{1,255})(?::(\d{1,5}))?/i;
const COMPOSE_PREFIX = /^[A-Za-z0-9][\w.-]{0,60}[-_]\d{1,3}\s{1,20}\|\s/;
const HOST_DLL_HRESULT = /HRESULT: 0x([0-9a-fA-F]{8})\b/;
const EXIT_STATUS = /code=exited, status=(\d{1,3})(?:\/([A-Z_]{1,20}))?/;
const STDOUT_NEW = /stdout_(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})_\d{1,10}\.log/;
const STDOUT_OLD = /stdout_\d{1,10}_\d{9,14}\.log/;
/** A process exit as debuggers and hosts print it: "has exited with code -1073741819 (0xc0000005)". */
const EXITED_WITH = /exited with code -?\d{1,10} \(0x([0-9a-fA-F]{1,8})\)/;
/**
 * A container's exit as docker compose and Docker print it: "web_1 exited with code 139", and as
 * dockerd logs a restart: "restarting container ... exitCode=139".
 */
const EXITED_WITH_STATUS = /(?:exited with code |exitCode=)(\d{1,3})(?![\d.]| \(0x)/;
/** 128 + the signal that killed the process: SIGABRT (6), SIGBUS (7), SIGSEGV (11). */
const CRASH_EXIT_STATUSES: ReadonlySet<number> = new Set([134, 135, 139]);
/** StackExchange.Redis's thread pool counts: "WORKER: (Busy=810,Free=31957,Min=16,Max=32767)". */
const REDIS_WORKERS = /WORKER: \(Busy=(\d{1,6}),Free=\d{1,6},Min=(\d{1,6}),/;
/** "Unhandled exception. System.IO.IOException:" (also "Unhandled Exception:"), up to the type's colon. */
const UNHANDLED_FRAME = /Unhandled [Ee]xception[.:](?: {1,4}[\w.`+]{1,200}(?:Exception|Error)(?: \(0x[0-9A-Fa-f]{1,8}\)| \(\d{1,10}\))?:?)?/;
/** Stack frames of .NET's certificate import (PFX blobs and files), where a missing user profile surfaces. */
const CERTIFICATE_IMPORT_FRAMES: readonly string[] = ['CertificatePal.', 'X509Certificate2..ctor', 'X509Certificate..ctor', 'X509CertificateLoader.'];

/**
 * App Service's own resource-log categories (Azure Monitor diagnostic settings of Microsoft.Web/sites):
 * a record that carries one comes from App Service.
 */
const APP_SERVICE_LOG_CATEGORIES: readonly string[] = ['AppServiceAppLogs', 'AppServiceConsoleLogs', 'AppServiceHTTPLogs', 'AppServicePlatformLogs'];

/** Ports that a hard-coded UseUrls / Kestrel endpoint usually names. */
const FIXED_PORTS: ReadonlySet<number> = new Set([80, 443, 5000, 5001, 8080, 8443]);
/** Hosts that mean every interface in a listening address. */
const WILDCARD_HOSTS: ReadonlySet<string> = new Set(['[::]', '+', '*', '0.0.0.0']);

/**
 * Lines the host and MVC print once the app is up and serving: "Application started. Press
 * Ctrl+C to shut down.", "Request starting HTTP/1.1 GET ...", "Request finished in 1.8ms 200",
 * "Executed action ...". An unhandled exception printed after one came from a running app (the
 * stdout-log recogniser reads them in order: `crashed-after-start`).
 */
export const STARTED_MARKERS: readonly string[] = ['Application started.', 'Request starting HTTP', 'Request finished ', 'Executed action '];

/** Does this line say the app had started (or was serving requests)? */
export function showsAppStarted(line: string): boolean {
  return includesAny(line, STARTED_MARKERS);
}

/** docker stats' MEM USAGE / LIMIT and MEM %: `1023MiB / 1GiB  (99.94%)`, `511.8MiB / 512MiB   99.96%`. */
const MEMORY_AT_LIMIT = /\d(?:\.\d+)?\s?[KMGT]iB\s{0,3}\/\s{0,3}\d+(?:\.\d+)?\s?[KMGT]iB\s{1,12}\(?(\d{1,3}(?:\.\d{1,2})?)\s?%/;

/**
 * Substrings the checks in `matchStdoutLine` look for besides RULES. A line that contains none
 * of these words (in any case) nor a RULES needle cannot produce a fact, so one scan for them
 * decides which lines are read at all. Keep this list in step with the checks below.
 */
const OTHER_TRIGGERS: readonly string[] = [
  'was not found', // framework-not-found (FRAMEWORK_NOT_FOUND)
  '(x86)',
  'Program Files\\dotnet', // App Service's own .NET install on D: (server fact)
  'Architecture: x86',
  "' does not exist",
  'Access to the path',
  'iB / ', // docker stats: memory usage / limit (MEMORY_AT_LIMIT)
  'LISTEN', // ss, netstat, lsof: a listening socket (SOCKET_STATE)
  'Failed to bind to address',
  'CryptographicException',
  'Keyset does not exist',
  ...CERTIFICATE_IMPORT_FRAMES,
  'exited with code',
  'exitCode=',
  'WORKER: (Busy=',
  'Failed to load the dll from',
  'code=exited, status=',
  "Failed with result 'exit-code'",
  'Now listening on:',
  ...STARTED_MARKERS,
  'Microsoft.AspNetCore.Server.Kestrel',
  'Microsoft.AspNetCore.Server.IIS.',
  ' dotnet[', // a journal line of the dotnet process: the server is Kestrel
  ' dotnet: ',
  '\\home\\',
  'stdout_',
  'Exception',
  ...APP_SERVICE_LOG_CATEGORIES,
  'Trying to find the startup', // App Service on Linux: Oryx's startup script
];

function escapeWord(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One case-insensitive alternation of every word that can make a line report something.
 * Literal alternatives only, so it runs in one linear pass; the stdout-log recogniser and the
 * captured-output reader scan with it (global: set lastIndex to 0 first; `matchStdoutLine`
 * uses its own copy, so calling it inside such a scan is safe).
 */
export const STDOUT_TRIGGER: RegExp = new RegExp(
  [...new Set([...RULES.flatMap((r) => [...(r.any ?? []), ...(r.anyLower ?? []), ...(r.starts ?? [])]), ...OTHER_TRIGGERS])]
    .map((w) => escapeWord(w.trim()))
    .join('|'),
  'gi',
);

const TRIGGER_ONE = new RegExp(STDOUT_TRIGGER.source, 'i');

/** Could this line report anything? (The cheap test `matchStdoutLine` starts with.) */
export function mayMatchStdoutLine(line: string): boolean {
  return TRIGGER_ONE.test(line);
}

/**
 * Which RULES can fire on a line, from one pass of an automaton over its lower-cased message
 * (`lower` in readStdoutLine): a rule none of whose needles is in it cannot match, and its
 * substring tests are skipped. A needle of `any` or `starts` found in the message is found
 * lower-cased in `lower` when it is ASCII without a tab or two blanks in a row (lower-casing
 * keeps each ASCII character in place, and a run of blanks shrinks to one around it, never inside
 * it); an `anyLower` needle is looked for in `lower` itself. A rule with another needle is always
 * tested.
 */
interface RuleFilter {
  automaton: AhoCorasick;
  /** The rule of each pattern. */
  ruleOf: Int32Array;
  /** Rules tested on every line. */
  always: Uint8Array;
}

let ruleFilter: RuleFilter | undefined;
/** Per rule, 1 when the current line may match it (readStdoutLine fills it for each line). */
let possibleRules = new Uint8Array(0);

function buildRuleFilter(): RuleFilter {
  const patterns: string[] = [];
  const rules: number[] = [];
  const always = new Uint8Array(RULES.length);
  const plain = (n: string): boolean => /^[\x00-\x7f]*$/.test(n) && !n.includes('\t') && !/[ \t]{2}/.test(n);
  RULES.forEach((r, k) => {
    for (const n of [...(r.any ?? []), ...(r.starts ?? [])]) {
      if (!plain(n) || n.length === 0) always[k] = 1;
      else {
        patterns.push(n.toLowerCase());
        rules.push(k);
      }
    }
    for (const n of r.anyLower ?? []) {
      if (n.length === 0) always[k] = 1;
      else {
        patterns.push(n);
        rules.push(k);
      }
    }
  });
  return { automaton: buildAhoCorasick(patterns), ruleOf: Int32Array.from(rules), always };
}

/** Mark in `possibleRules` the RULES that may match a line whose lower-cased message is `lower`. */
function markPossibleRules(lower: string): Uint8Array {
  const f = (ruleFilter ??= buildRuleFilter());
  if (possibleRules.length !== RULES.length) possibleRules = new Uint8Array(RULES.length);
  const possible = possibleRules;
  possible.set(f.always);
  f.automaton.search(lower, (pattern) => {
    possible[f.ruleOf[pattern]!] = 1;
  });
  return possible;
}

function includesAny(s: string, needles: readonly string[] | undefined): boolean {
  if (!needles) return false;
  for (const n of needles) if (s.includes(n)) return true;
  return false;
}

/**
 * The facts one line of stdout shows. `line` has no line terminator. Never throws; linear in
 * the line length.
 */
export function matchStdoutLine(line: string, ctx: StdoutContext = { appService: false }): LineHit[] {
  if (line.length === 0 || !mayMatchStdoutLine(line)) return [];
  return readStdoutLine(line, ctx);
}

/**
 * `matchStdoutLine` without the pre-check: every check run on the line. Exported so a test can
 * show the pre-check never drops a fact. `filter: false` tests every rule, skipping none the
 * automaton rules out (for a test to show that filter drops nothing either).
 */
export function readStdoutLine(line: string, ctx: StdoutContext = { appService: false }, filter = true): LineHit[] {
  const out: LineHit[] = [];
  if (line.length === 0) return out;
  const journal = journalPrefix(line);
  let ms = journal ? journal.end : 0;
  while (ms < line.length && (line.charCodeAt(ms) === 32 || line.charCodeAt(ms) === 9)) ms++;
  let me = line.length;
  while (me > ms && (line.charCodeAt(me - 1) === 32 || line.charCodeAt(me - 1) === 9)) me--;
  if (me <= ms) return out;
  const msg = line.slice(ms, me);
  // runs of blanks read as one: a terminal or a quote block may pad a wrapped message with spaces
  const lower = msg.toLowerCase().replace(/[ \t]{2,}/g, ' ');
  const emitted = new Set<string>();
  const signal = (what: string): void => {
    if (emitted.has(what)) return;
    emitted.add(what);
    out.push({ name: 'signal', value: `stdout-log.${what}`, start: ms, end: me });
  };

  const possible = filter ? markPossibleRules(lower) : undefined;
  for (let k = 0; k < RULES.length; k++) {
    if (possible && possible[k] === 0) continue;
    const r = RULES[k]!;
    if (includesAny(lower, r.unlessLower)) continue;
    if (includesAny(msg, r.any) || includesAny(lower, r.anyLower)) signal(r.signal);
    else if (r.starts) for (const s of r.starts) if (msg.startsWith(s)) signal(r.signal);
  }

  // StackExchange.Redis's timeout report counts the thread pool's busy workers against its
  // minimum: more busy than the minimum means the pool had to grow slowly, i.e. it was starved.
  if (msg.includes('WORKER: (Busy=')) {
    const w = REDIS_WORKERS.exec(msg);
    if (w && Number(w[1]) > Number(w[2])) signal('redis-workers-over-minimum');
  }

  // "Unhandled exception." names the frame, not what went wrong: its span stops after the
  // exception's type, so the message that follows stays free for the catalogue's reading.
  if (emitted.has('unhandled-exception')) {
    const hit = out.find((h) => h.value === 'stdout-log.unhandled-exception');
    const m = hit ? UNHANDLED_FRAME.exec(msg) : null;
    if (hit && m) hit.end = ms + m.index + m[0].length;
  }

  // FileNotFoundException's "Could not load file or assembly '<name>'. The system cannot find the
  // file specified." (or the type named before a message cut short): the assembly is not there
  // at all (not a wrong version of it).
  if (emitted.has('assembly-load-failed') && !emitted.has('assembly-version-mismatch') && (msg.includes('cannot find the file specified') || msg.includes('FileNotFoundException'))) {
    const hit = out.find((h) => h.value === 'stdout-log.assembly-load-failed');
    if (hit) hit.value = 'stdout-log.assembly-file-missing';
  }
  if (msg.includes('was not found') && msg.includes('ramework') && FRAMEWORK_NOT_FOUND.test(msg)) signal('framework-not-found');
  if (msg.includes('(x86)') && (msg.includes("ramework '") || msg.includes("Framework: '"))) signal('framework-x86-missing');
  if (msg.startsWith('Architecture: x86')) signal('framework-x86-missing');
  if (ctx.appService && emitted.has('framework-not-found')) signal('framework-missing-app-service');
  if (msg.includes("' does not exist") && APP_DOES_NOT_EXIST.test(msg)) signal('sdk-command');
  if (msg.includes('Access to the path') && ACCESS_TO_PATH.test(msg)) signal('path-access-denied');
  if (msg.includes('iB / ')) {
    // docker stats: a container at its memory limit (usage / limit and a share of 95 % or more).
    const m = MEMORY_AT_LIMIT.exec(msg);
    if (m && Number(m[1]) >= 95) signal('container-memory-at-limit');
  }

  if (msg.includes('Failed to bind to address')) {
    if (lower.includes('permission denied') || lower.includes('eacces') || lower.includes('access permissions')) signal('kestrel-bind-denied');
    else if (!emitted.has('kestrel-address-in-use')) signal('kestrel-bind-failed');
  }

  if (msg.includes('CryptographicException')) {
    if (msg.includes('cannot find the file specified')) signal('certificate-file-not-found');
    if (msg.includes('Access is denied')) signal('certificate-key-access');
  }
  if (msg.includes('Keyset does not exist')) signal('certificate-key-access');
  if (includesAny(msg, CERTIFICATE_IMPORT_FRAMES)) signal('certificate-import-frame');

  // An NTSTATUS failure as a process's exit code (0xC0000005 access violation, 0xC00000FD stack
  // overflow, 0xE0434352 unhandled .NET exception): the process died, it did not exit on purpose.
  if (msg.includes('exited with code')) {
    const m = EXITED_WITH.exec(msg);
    if (m) {
      const value = parseInt(m[1] as string, 16) >>> 0;
      const at = ms + m.index + m[0].length - (m[1] as string).length - 3;
      // NTSTATUS errors (0xC...) and the CLR's exception code; -1 (0xffffffff) and the like are plain exit codes
      if ((value >= 0xc0000000 && value < 0xd0000000) || value === 0xe0434352) out.push({ name: 'code', value, start: at, end: at + 2 + (m[1] as string).length });
    }
  }
  if (msg.includes('exited with code') || msg.includes('exitCode=')) {
    const st = EXITED_WITH_STATUS.exec(msg);
    if (st && CRASH_EXIT_STATUSES.has(Number(st[1]))) signal('process-died-on-signal');
  }

  // The host's own load failure: "Failed to load the dll from [C:\...\hostfxr.dll], HRESULT: 0x800700C1"
  if (msg.includes('Failed to load the dll from') && msg.includes('HRESULT: 0x')) {
    const m = HOST_DLL_HRESULT.exec(msg);
    if (m) {
      const at = ms + m.index + m[0].length - (m[1] as string).length - 2;
      out.push({ name: 'code', value: parseInt(m[1] as string, 16) >>> 0, start: at, end: at + 2 + (m[1] as string).length });
    }
  }

  if (msg.includes('code=exited, status=')) {
    const m = EXIT_STATUS.exec(msg);
    const status = m ? Number(m[1]) : 0;
    if (status !== 0 && status !== 150 && status !== 134) signal('systemd-exit-failure');
  }
  if (msg.includes("Failed with result 'exit-code'")) signal('systemd-exit-failure');

  if (msg.includes('Now listening on:')) {
    const m = LISTENING.exec(msg);
    if (m) {
      const url = (m[1] as string).replace(/[.,;]+$/, '');
      const at = ms + msg.indexOf(m[1] as string);
      out.push({ name: 'setting', value: `listeningOn=${url}`, start: at, end: at + url.length });
      out.push({ name: 'server', value: 'kestrel', start: ms, end: me });
      const u = URL_PORT.exec(url);
      if (u) {
        const port = u[3] ? Number(u[3]) : (u[1] as string).toLowerCase() === 'https' ? 443 : 80;
        const host = (u[2] as string).toLowerCase();
        // 8080 on every interface is what ASP.NET Core 8 and later container images listen on
        // (ASPNETCORE_HTTP_PORTS=8080, no longer 80): a proxy or port mapping still aimed at 80
        // finds nothing there.
        if (port === 8080 && WILDCARD_HOSTS.has(host)) signal('listening-container-default');
        else if (FIXED_PORTS.has(port)) signal('listening-fixed-port');
        // In a container (docker compose prefixes each line with the service), a loopback
        // address cannot be reached from the proxy's container.
        if (isLoopbackHost(host)) {
          // Loopback only: no fault by itself (a proxy on the same host reaches it). In a
          // container it is one; read in the engine the compose prefix is gone
          // (engine/prefixes.ts), and the prefix's server fact meets this setting in a rule.
          out.push({ name: 'setting', value: 'listeningScope=loopback', start: at, end: at + url.length });
          if (COMPOSE_PREFIX.test(line)) signal('listening-loopback-in-container');
        }
      }
    }
  } else if (msg.includes('Microsoft.AspNetCore.Server.Kestrel') || (journal && journal.process === 'dotnet')) {
    out.push({ name: 'server', value: 'kestrel', start: ms, end: me });
  }

  // A socket listing (ss, netstat, lsof) that shows a port bound to loopback only: reachable from
  // the same host, from nowhere else, and over IPv6 only when the address is [::1].
  if (msg.includes('LISTEN') && SOCKET_STATE.test(msg)) {
    const m = SOCKET_LOCAL.exec(msg);
    if (m) {
      const host = (m[1] as string).toLowerCase();
      // (ss and lsof also write IPv6 loopback unbracketed, and IPv4 loopback mapped into IPv6.)
      if (isLoopbackHost(host) || host === '::1' || host.startsWith('[::ffff:127.')) {
        const at = ms + m.index + m[0].length - (m[1] as string).length - 1 - (m[2] as string).length;
        const end = ms + m.index + m[0].length;
        out.push({ name: 'setting', value: 'listeningScope=loopback', start: at, end });
        signal('socket-listening-loopback');
      }
    }
  }

  if (msg.includes('Microsoft.AspNetCore.Server.IIS.')) {
    out.push({ name: 'hosting-model', value: 'in-process', start: ms, end: me });
  }

  // App Service, when the output itself shows it: a Kudu console prompt in the site root, the
  // host's "App:" line, Kestrel's content root, or a stdout file under \home\LogFiles.
  if (lower.includes('\\home\\')) {
    if (
      lower.includes('\\home\\site\\wwwroot>') ||
      (lower.includes('\\home\\site\\wwwroot') && (lower.startsWith('app: ') || lower.startsWith('content root path:'))) ||
      lower.includes('\\home\\logfiles\\stdout') ||
      lower.includes('\\home\\logfiles\\application')
    ) {
      out.push({ name: 'server', value: 'azure-app-service', start: ms, end: me });
    }
  }

  if (includesAny(msg, APP_SERVICE_LOG_CATEGORIES)) out.push({ name: 'server', value: 'azure-app-service', start: ms, end: me });
  // App Service on Linux: the startup script Oryx writes for a .NET app says what it runs.
  if (lower.includes('trying to find the startup dll name')) out.push({ name: 'server', value: 'azure-app-service', start: ms, end: me });

  // hostfxr naming where it looked for frameworks: App Service's own .NET install on drive D:.
  if (lower.includes('d:\\program files') && APP_SERVICE_DOTNET.test(msg)) {
    out.push({ name: 'server', value: 'azure-app-service', start: ms, end: me });
  }

  // The stdout log's own file name (a header or a path in a listing), not a message about it.
  if (msg.includes('stdout_') && msg.includes('.log') && !msg.includes('stdoutLogFile') && !msg.includes('stdout redirection')) {
    const m = STDOUT_NEW.exec(msg);
    if (m) {
      const at = ms + m.index;
      out.push({ name: 'server', value: 'iis', start: at, end: at + m[0].length });
      const isoText = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
      if (Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= 31 && Number(m[4]) <= 23 && Number(m[5]) <= 59 && Number(m[6]) <= 60) {
        out.push({ name: 'timestamp', value: isoText, start: at, end: at + m[0].length });
      }
    } else {
      const o = STDOUT_OLD.exec(msg);
      if (o) out.push({ name: 'server', value: 'iis', start: ms + o.index, end: ms + o.index + o[0].length });
    }
  }

  if (msg.includes('Exception')) {
    for (const e of exceptionNames(msg)) out.push({ name: 'exception', value: e.name, start: ms + e.start, end: ms + e.end });
  }

  if (journal?.iso && out.some((h) => h.name === 'signal')) {
    out.push({ name: 'timestamp', value: journal.iso, start: 0, end: journal.iso.length });
  }
  return out;
}
