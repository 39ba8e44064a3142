/**
 * Signals of the stdout-log recogniser: what an ASP.NET Core app and the .NET host print to
 * stdout/stderr (the ANCM stdout log, Kudu console, journalctl output of a Kestrel service).
 * The event-log and ancm-debug-log recognisers reuse these ids for stdout they find embedded in
 * event messages ("captured stdout and stderr logs"), so one piece of output counts once.
 */
import type { SignalDef } from '../engine/types.ts';

function def(what: string, label: string, causes: Record<string, number>): SignalDef {
  return { id: `stdout-log.${what}`, kind: 'stdout-log', label, causes };
}

export const signals: SignalDef[] = [
  def('framework-not-found', '.NET host: the shared framework version the app targets is not installed', {
    'framework-not-found': 0.9,
    'azure-runtime-missing': 0.25,
  }),
  def('framework-x86-missing', '.NET host: the 32-bit (x86) shared framework is missing, the worker runs as 32-bit', {
    'framework-not-found': 0.6,
    'bitness-mismatch': 0.45,
  }),
  def('framework-missing-app-service', '.NET host: required framework missing on Azure App Service', {
    'azure-runtime-missing': 0.9,
    'framework-not-found': 0.5,
  }),
  def('frameworks-found-list', '.NET host lists the frameworks it found instead of the requested one', {
    'framework-not-found': 0.5,
  }),
  def('host-fxr-missing', '.NET host: no hostfxr (the .NET runtime is not installed where dotnet looked)', {
    'framework-not-found': 0.7,
    'process-path-not-found': 0.2,
  }),
  def('hostpolicy-missing', ".NET host: hostpolicy not found next to the app (runtimeconfig.json missing or incomplete publish)", {
    'runtimeconfig-invalid': 0.5,
    'incomplete-publish': 0.45,
    'app-dll-not-found': 0.3,
    'stale-deployment-files': 0.2,
    'framework-not-found': 0.2,
  }),
  def('runtimeconfig-missing', ".NET host: the app's runtimeconfig.json was not found, so it was run as self-contained", {
    'runtimeconfig-invalid': 0.9,
    'incomplete-publish': 0.3,
  }),
  def('runtimeconfig-invalid-json', '.NET host: "Invalid runtimeconfig.json" (the file is empty, truncated or not valid JSON)', {
    'runtimeconfig-invalid': 0.97,
  }),
  def('deps-asset-missing', '.NET host: an assembly listed in the app\'s deps.json is not on disk (incomplete or mixed publish)', {
    'incomplete-publish': 0.95,
    'stale-deployment-files': 0.2,
  }),
  def('hostfxr-load-failed', '.NET host: hostfxr.dll was found but could not be loaded', {
    'bitness-mismatch': 0.5,
    'vc-redist-missing': 0.3,
  }),
  def('vc-runtime-missing', 'Windows: the Visual C++ / Universal C runtime DLLs (api-ms-win-crt-*, vcruntime140) are missing', {
    'vc-redist-missing': 0.9,
  }),
  def('sdk-command', '.NET host treated the arguments as an SDK command: the app DLL named in arguments does not exist', {
    'wrong-arguments': 0.9,
    'app-dll-not-found': 0.3,
  }),
  def('unhandled-exception', 'The app died with an unhandled .NET exception', {
    'inprocess-start-failure': 0.45,
    'process-start-failure': 0.45,
    'app-crash-runtime': 0.35,
  }),
  def('server-loop-frame', "A stack frame of Kestrel's own connection loop (libuv or socket transport): the exception came while serving", {
    'app-crash-runtime': 0.15,
  }),
  def('threadpool-frame', 'A stack frame of work the runtime ran on its own thread (thread-pool item, timer, async void)', {
    'app-crash-runtime': 0.1,
  }),
  def('startup-frame', 'A stack frame of the start-up path (Main, Startup, building or starting the host, binding)', {
    'inprocess-start-failure': 0.1,
    'process-start-failure': 0.1,
  }),
  def('crashed-after-start', 'The unhandled exception came after the app had started or served requests ("Application started.", "Request finished")', {
    'app-crash-runtime': 0.3,
  }),
  def('bind-frame', 'A stack frame of binding a listening socket (Socket.Bind, the transport\'s BindAsync): the app was opening its own endpoint', {
    'kestrel-bind-denied': 0.1,
    'port-binding-failure': 0.1,
  }),
  def('connect-frame', 'A stack frame of connecting out (Socket.Connect, HttpConnectionPool.ConnectAsync): the failing socket was a call the app made', {
    'snat-port-exhaustion': 0.1,
  }),
  def('startup-exception', 'ASP.NET Core logged "Application startup exception"', {
    'inprocess-start-failure': 0.7,
    'process-start-failure': 0.6,
  }),
  def('hosting-failed', 'The generic host logged "Hosting failed to start"', {
    'inprocess-start-failure': 0.6,
    'process-start-failure': 0.55,
  }),
  def('kestrel-start-failed', 'Kestrel logged "Unable to start Kestrel"', {
    'process-start-failure': 0.4,
    'proxy-upstream-refused': 0.3,
  }),
  def('hosted-service-stopped-host', 'A BackgroundService failed and the host stopped the application', {
    'app-initiated-shutdown': 0.9,
  }),
  def('application-shutting-down', 'The app logged "Application is shutting down..."', {
    'app-initiated-shutdown': 0.55,
    'app-pool-recycle': 0.2,
  }),
  def('kestrel-address-in-use', 'Kestrel could not bind: the address is already in use', {
    'port-binding-failure': 0.6,
    'proxy-upstream-refused': 0.3,
  }),
  def('kestrel-bind-denied', 'Kestrel was not allowed to bind its port (permission denied / socket access forbidden)', {
    'kestrel-bind-denied': 0.9,
    'access-denied': 0.15,
  }),
  def('kestrel-bind-failed', 'Kestrel failed to bind to its address', {
    'port-binding-failure': 0.35,
    'kestrel-bind-denied': 0.3,
    'proxy-upstream-refused': 0.3,
  }),
  def('listening-fixed-port', 'Kestrel listens on a fixed port (5000, 80, 8080 ...), not one handed over by a host', {
    'port-binding-failure': 0.3,
  }),
  def('listening-container-default', 'Kestrel listens on port 8080 on every interface, the default of ASP.NET Core 8 and later container images (no longer 80)', {
    'proxy-upstream-refused': 0.4,
    'port-binding-failure': 0.25,
  }),
  def('container-memory-at-limit', 'docker stats: a container uses 95 % or more of its memory limit', {
    'resource-exhaustion': 0.6,
  }),
  def('listening-loopback-in-container', 'Kestrel listens on localhost inside a container: the proxy in another container cannot reach it', {
    'proxy-upstream-refused': 0.6,
  }),
  // Loopback only is no fault on one host; behind a proxy in another container, on another host,
  // or connecting over the other IP family (127.0.0.1 to a port bound on [::1]), it is refused.
  def('socket-listening-loopback', 'A socket listing (ss, netstat, lsof) shows the port bound to a loopback address only', {
    'proxy-upstream-refused': 0.35,
  }),
  def('urls-overridden', 'Kestrel ignored the address it was given ("Overriding address(es)") and bound its own endpoints', {
    'port-binding-failure': 0.7,
  }),
  def('stack-overflow', 'The process died of a stack overflow', { 'app-crash-runtime': 0.95 }),
  // The process died of it (app-crash-runtime); what it ran out of is memory (resource-exhaustion).
  def('out-of-memory', 'The app ran out of memory (OutOfMemoryException)', { 'app-crash-runtime': 0.7, 'resource-exhaustion': 0.5 }),
  def('fail-fast', 'The runtime terminated the process (Environment.FailFast / "Process terminated.")', {
    'app-crash-runtime': 0.7,
  }),
  def('bad-image-format', 'BadImageFormatException: a DLL for another platform or a damaged assembly', {
    'bitness-mismatch': 0.55,
    'stale-deployment-files': 0.45,
  }),
  def('assembly-load-failed', '"Could not load file or assembly": a dependency is missing or the wrong version', {
    'stale-deployment-files': 0.6,
    'app-dll-not-found': 0.2,
  }),
  def('assembly-file-missing', '"Could not load file or assembly ... The system cannot find the file specified": an assembly the app needs is not in its folder', {
    'incomplete-publish': 0.6,
    'stale-deployment-files': 0.35,
  }),
  def('assembly-version-mismatch', "The located assembly's manifest definition does not match the assembly reference", {
    'stale-deployment-files': 0.85,
  }),
  def('missing-member', 'MissingMethodException / TypeLoadException: assemblies from different builds are mixed', {
    'stale-deployment-files': 0.7,
  }),
  def('certificate-file-not-found', 'Loading a certificate failed with "The system cannot find the file specified"', {
    'user-profile-not-loaded': 0.7,
    'access-denied': 0.2,
  }),
  def('certificate-import-frame', "The stack shows .NET importing a certificate (CertificatePal, the X509Certificate constructor)", {
    'user-profile-not-loaded': 0.2,
  }),
  def('certificate-key-access', "A certificate's private key could not be used (Keyset does not exist / access denied)", {
    'access-denied': 0.55,
    'user-profile-not-loaded': 0.45,
  }),
  def('data-protection-ephemeral', 'Data Protection keys are kept in memory only: no user profile for the app pool', {
    'user-profile-not-loaded': 0.8,
  }),
  def('data-protection-key-missing', 'A Data Protection key is missing from the key ring (tokens or cookies cannot be decrypted)', {
    'user-profile-not-loaded': 0.55,
  }),
  def('dpapi-key-invalid', 'DPAPI: "Key not valid for use in specified state"', { 'user-profile-not-loaded': 0.5 }),
  def('path-access-denied', 'Access to a file or folder was denied (UnauthorizedAccessException)', {
    'access-denied': 0.7,
  }),
  def('sql-startup-failure', 'The app could not reach or log in to SQL Server', {
    'inprocess-start-failure': 0.4,
    'process-start-failure': 0.35,
  }),
  def('sql-login-app-pool', 'SQL Server refused the application pool identity (Login failed for user IIS APPPOOL\\...)', {
    'access-denied': 0.45,
    'inprocess-start-failure': 0.3,
  }),
  def('key-vault-failure', 'Azure Key Vault or Azure identity failed while the app started', {
    'inprocess-start-failure': 0.4,
    'process-start-failure': 0.35,
    'access-denied': 0.2,
  }),
  def('redis-workers-over-minimum', 'StackExchange.Redis timeout with more busy worker threads than the thread pool minimum (WORKER: Busy > Min): the pool was starved', {
    'thread-pool-starvation': 0.9,
  }),
  def('thread-pool-starvation', 'Kestrel heartbeat warning: "This could be caused by thread pool starvation"', {
    'thread-pool-starvation': 0.9,
  }),
  def('https-certificate-missing', 'Kestrel has no certificate for its HTTPS endpoint', {
    'process-start-failure': 0.4,
    'inprocess-start-failure': 0.3,
    'user-profile-not-loaded': 0.3,
  }),
  def('http2-only-endpoint', 'Kestrel: "An HTTP/1.x request was sent to an HTTP/2 only endpoint."', {
    'proxy-protocol-mismatch': 0.85,
  }),
  def('https-handshake-failed', 'Kestrel: a TLS handshake failed (plain HTTP sent to an HTTPS endpoint, or a client/proxy TLS problem)', {
    'proxy-protocol-mismatch': 0.5,
  }),
  def('https-unexpected-packet', 'TLS handshake: the other side did not speak TLS (plain HTTP to an HTTPS endpoint, or TLS to a plain port)', {
    'proxy-protocol-mismatch': 0.75,
    'backend-tls-failure': 0.2,
  }),
  // The host or the cgroup ran out of memory and the kernel chose the app: memory at a limit, as
  // for a container killed at its limit (container-oom-killed), more than a crash of the app.
  def('systemd-oom-killed', 'The kernel OOM killer ended the app process', { 'resource-exhaustion': 0.9, 'app-crash-runtime': 0.5 }),
  def('outbound-connect-timeout', 'An outbound connection from the app timed out (SocketException 10060 / 110)', {
    'snat-port-exhaustion': 0.35,
    'thread-pool-starvation': 0.1,
  }),
  def('container-oom-killed', 'The container was killed at its memory limit (OOMKilled, exit code 137)', {
    'resource-exhaustion': 0.95,
    'app-crash-runtime': 0.3,
  }),
  def('systemd-process-crashed', 'systemd: the app process died on a signal (abort, segfault, core dump)', {
    'app-crash-runtime': 0.8,
    'proxy-upstream-refused': 0.3,
  }),
  def('process-died-on-signal', 'The process died on a signal (segmentation fault, abort, bus error: exit code 139, 134 or 135)', {
    'app-crash-runtime': 0.75,
    'proxy-upstream-refused': 0.25,
  }),
  def('systemd-process-killed', 'systemd: the app process was killed (SIGKILL)', {
    'app-crash-runtime': 0.45,
    'proxy-upstream-refused': 0.3,
  }),
  def('systemd-exit-failure', 'systemd: the app service exited with a failure status', {
    'proxy-upstream-refused': 0.5,
    'process-start-failure': 0.3,
    'app-crash-runtime': 0.3,
  }),
  def('systemd-exit-framework-missing', 'systemd: exit status 150, the .NET host code for a missing framework', {
    'framework-not-found': 0.6,
  }),
  def('systemd-restart-loop', 'systemd keeps restarting the app service (crash loop)', {
    'proxy-upstream-refused': 0.55,
    'app-crash-runtime': 0.3,
  }),
];
