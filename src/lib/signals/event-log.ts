/**
 * Signals of the event-log recogniser: Windows Event Viewer entries from the ASP.NET Core Module
 * (V1 and V2, IIS and IIS Express), WAS, the IIS worker process, .NET Runtime and Application
 * Error. The `ancm-*` signals are also emitted by the ancm-debug-log recogniser for the event
 * messages and exception texts it finds copied into the debug log (same message, same signal).
 *
 * Ids with a code in their meaning (ancm-file-not-found, crash-stack-overflow ...) are emitted
 * next to the message signal when the event's ErrorCode / exit code / exception code says more.
 */
import type { SignalDef } from '../engine/types.ts';

function def(what: string, label: string, causes: Record<string, number>): SignalDef {
  return { id: `event-log.${what}`, kind: 'event-log', label, causes };
}

export const signals: SignalDef[] = [
  // ASP.NET Core Module: out-of-process start (events 1000, 1001, 1003, 1004, 1020)
  def('ancm-process-start-failed', 'ANCM event: failed to start the app process (out-of-process)', { 'process-start-failure': 0.75 }),
  def('ancm-dotnet-x86', 'ANCM event: the command line starts the 32-bit dotnet host (Program Files (x86)), which runs only x86 runtimes', {
    'bitness-mismatch': 0.45,
    'framework-not-found': 0.35,
  }),
  def('ancm-start-retries-exhausted', 'ANCM event 1020: the app process failed to start after all retries', {
    'process-start-failure': 0.7,
    'port-binding-failure': 0.3,
  }),
  def('ancm-port-bind-failed', 'ANCM event: the process started but did not listen on the port ANCM gave it', {
    'port-binding-failure': 0.95,
  }),
  def('ancm-process-no-response', 'ANCM event: the process crashed, did not respond or did not listen in time', {
    'process-start-failure': 0.5,
    'startup-time-limit': 0.45,
    'port-binding-failure': 0.35,
  }),
  def('ancm-choose-port-failed', 'ANCM event: no usable listen port could be chosen', { 'port-binding-failure': 0.8 }),
  def('ancm-rapid-fail', 'ANCM event 1003: the rapid-fail limit per minute was reached', {
    'process-start-failure': 0.55,
    'app-crash-runtime': 0.35,
  }),
  def('ancm-stdout-log-unwritable', 'ANCM event: the stdout log file could not be created or redirected', {
    'stdout-log-unwritable': 0.95,
  }),
  // ASP.NET Core Module: in-process start (events 1007, 1011, 1018, 1031, 1035)
  def('ancm-load-clr-failed', 'ANCM event 1007: the in-process app failed to load the CLR / start', { 'inprocess-start-failure': 0.65 }),
  def('ancm-inprocess-start-failed', 'ANCM event 1031: the in-process application failed to start', { 'inprocess-start-failure': 0.7 }),
  def('ancm-add-application-failed', 'ANCM event 1010: the module could not start the application', {
    'inprocess-start-failure': 0.35,
    'process-start-failure': 0.2,
  }),
  def('ancm-main-exited', 'ANCM event: Program.Main returned with a failure exit code (in-process)', {
    'inprocess-start-failure': 0.7,
    'app-initiated-shutdown': 0.15,
  }),
  def('ancm-main-exited-zero', 'ANCM event: Program.Main returned exit code 0, the app stopped on its own', {
    'app-initiated-shutdown': 0.6,
    'inprocess-start-failure': 0.35,
  }),
  def('ancm-managed-exception', 'ANCM event 1018: unhandled managed exception on the app thread (in-process)', {
    'inprocess-start-failure': 0.6,
    'app-crash-runtime': 0.35,
  }),
  def('ancm-clr-thread-exited', 'ANCM: "CLR worker thread exited prematurely"', {
    'inprocess-start-failure': 0.75,
    'bitness-mismatch': 0.2,
  }),
  def('ancm-startup-time-limit', 'ANCM: the managed server did not initialize within startupTimeLimit', { 'startup-time-limit': 0.95 }),
  def('ancm-initialization-failed', 'ANCM: the in-process application failed to initialize (hostfxr return code)', {
    'inprocess-start-failure': 0.5,
  }),
  // ASP.NET Core Module: host, handler and configuration problems
  def('ancm-executable-not-found', 'ANCM: the executable named by processPath was not found', {
    'process-path-not-found': 0.9,
    'app-dll-not-found': 0.2,
  }),
  def('ancm-dotnet-not-found', 'ANCM: dotnet.exe was not found (not on the PATH the worker process sees)', { 'process-path-not-found': 0.95 }),
  def('ancm-process-path-not-exe', "ANCM: processPath does not have an '.exe' extension", {
    'process-path-not-found': 0.7,
    'web-config-invalid': 0.3,
  }),
  def('ancm-arguments-empty', 'ANCM: the arguments attribute is empty for a dotnet processPath', { 'wrong-arguments': 0.9 }),
  def('ancm-arguments-unparsable', 'ANCM: the arguments attribute could not be parsed as a command line', { 'wrong-arguments': 0.8 }),
  def('ancm-app-dll-missing', "ANCM: the app's main DLL could not be found", { 'app-dll-not-found': 0.95 }),
  def('ancm-hostfxr-path-failed', 'ANCM: locating hostfxr failed (get_hostfxr_path)', {
    'framework-not-found': 0.45,
    'process-path-not-found': 0.4,
  }),
  def('ancm-app-path-invalid', "ANCM: the application path does not exist or isn't a .dll or .exe", {
    'wrong-arguments': 0.6,
    'app-dll-not-found': 0.5,
  }),
  // hostfxr failed to resolve the handler; its captured output (read by its own signals) says
  // why, and without it a host of the wrong bitness is one of the few remaining reasons
  def('ancm-inprocess-handler-missing', 'ANCM: the in-process request handler (aspnetcorev2_inprocess.dll) could not be found', {
    'inprocess-handler-load-failure': 0.9,
    'bitness-mismatch': 0.2,
  }),
  def('ancm-outofprocess-handler-missing', 'ANCM: the out-of-process handler (aspnetcorev2_outofprocess.dll) could not be found', {
    'outofprocess-handler-load-failure': 0.95,
  }),
  def('ancm-dependencies-not-found', 'ANCM: the application dependencies (shared frameworks) could not be located', {
    'framework-not-found': 0.85,
    'azure-runtime-missing': 0.2,
  }),
  def('ancm-bitness-load-failed', 'ANCM: a host DLL could not be loaded because of a 32/64-bit mismatch', { 'bitness-mismatch': 0.95 }),
  def('ancm-hostfxr-too-old', 'ANCM: the hostfxr version in use is too old for the module', { 'framework-not-found': 0.5 }),
  def('ancm-general-error', 'ANCM event 1027: the module could not resolve the in-process handler or runtime', {
    'inprocess-handler-load-failure': 0.3,
    'framework-not-found': 0.3,
    'bitness-mismatch': 0.2,
  }),
  def('ancm-duplicate-inprocess-app', 'ANCM event 1008: only one in-process app is allowed per application pool', {
    'multiple-inprocess-apps': 0.95,
  }),
  def('ancm-mixed-hosting-models', 'ANCM event 1009: in-process and out-of-process apps share one worker process', {
    'mixed-hosting-models': 0.95,
  }),
  def('ancm-config-load-failed', 'ANCM event 1034: the aspNetCore configuration could not be loaded', { 'web-config-invalid': 0.7 }),
  def('ancm-unknown-hosting-model', 'ANCM: hostingModel has a value other than inprocess or outofprocess', { 'web-config-invalid': 0.9 }),
  def('ancm-shadow-copy-failed', 'ANCM: copying the app to the shadow copy directory failed', {
    'access-denied': 0.5,
    'inprocess-start-failure': 0.4,
  }),
  def('ancm-graceful-shutdown-failed', 'ANCM event 1005: the app did not shut down within shutdownTimeLimit', { 'app-pool-recycle': 0.6 }),
  def('ancm-app-offline-recycle', 'ANCM event 1012: the app was stopped because app_offline.htm appeared', { 'app-offline': 0.85 }),
  def('ancm-config-change-recycle', 'ANCM event: the app was recycled after a configuration or file change', { 'app-pool-recycle': 0.6 }),
  // What an ErrorCode / exit code in an ANCM start message adds
  // Windows also answers "not found" when the pool identity cannot read a folder on the way to
  // the file (a PATH entry such as C:\Program Files\dotnet, or the site folder): the search skips
  // what it may not list. A missing app .dll is not this code: dotnet.exe starts and the host
  // reports it with its own code (0x8000809A, ancm-app-dll-missing).
  def('ancm-file-not-found', 'ANCM start failure with ERROR_FILE_NOT_FOUND / ERROR_PATH_NOT_FOUND', {
    'process-path-not-found': 0.85,
    'access-denied': 0.4,
  }),
  def('ancm-access-denied', 'ANCM start failure with E_ACCESSDENIED (0x80070005)', { 'access-denied': 0.85 }),
  def('ancm-bad-exe-format', 'ANCM start failure with ERROR_BAD_EXE_FORMAT (0x800700C1): 32/64-bit mismatch', { 'bitness-mismatch': 0.9 }),
  def('ancm-hostfxr-failed', 'ANCM event 1010 with E_UNEXPECTED (0x8000FFFF): hostfxr could not resolve the app', {
    'framework-not-found': 0.35,
    'wrong-arguments': 0.35,
    'inprocess-handler-load-failure': 0.2,
  }),
  def('ancm-framework-missing', 'ANCM start failure with the .NET host code for a missing framework (0x80008096)', {
    'framework-not-found': 0.9,
  }),
  def('ancm-host-lib-missing', 'ANCM start failure with the .NET host code for a missing host library (0x80008083)', {
    'framework-not-found': 0.35,
    'wrong-arguments': 0.3,
    'app-dll-not-found': 0.3,
  }),
  def('ancm-exited-before-listening', 'ANCM start failure: the process exited before it listened (0x8027025B)', {
    'process-start-failure': 0.75,
  }),
  def('ancm-start-timeout', 'ANCM start failure: the process did not listen within startupTimeLimit', {
    'startup-time-limit': 0.55,
    'port-binding-failure': 0.35,
  }),
  def('ancm-module-not-found', 'ANCM failure with ERROR_MOD_NOT_FOUND / ERROR_DLL_NOT_FOUND: a DLL or its dependency is missing', {
    'vc-redist-missing': 0.35,
    'inprocess-handler-load-failure': 0.35,
    'outofprocess-handler-load-failure': 0.25,
  }),
  def('ancm-host-invalid-args', 'ANCM start failure with a .NET host code for bad arguments (0x80008081 / 0x80008091)', {
    'wrong-arguments': 0.6,
    'app-dll-not-found': 0.35,
  }),
  // ResolverResolveFailure: an asset deps.json lists is missing, from an incomplete or mixed
  // publish, or (2.0-era apps) from a runtime package store the server does not have
  def('ancm-deps-resolve-failed', 'ANCM start failure: the .NET host could not resolve the app\'s dependencies (deps.json)', {
    'stale-deployment-files': 0.5,
    'incomplete-publish': 0.45,
    'app-dll-not-found': 0.3,
    'framework-not-found': 0.2,
  }),
  def(
    'ancm-v1-deps-resolve-failed',
    'ANCM V1 start failure with exit code 8000808C: the .NET host could not resolve a deps.json asset (with ASP.NET Core 2.0 often a package newer than the server\'s runtime store)',
    {
      'framework-not-found': 0.55,
      'incomplete-publish': 0.45,
      'stale-deployment-files': 0.3,
    },
  ),
  def('ancm-empty-commandline', "ANCM failed to start a process with an empty command line ('' or '\"\"'): no processPath for this application", {
    'virtual-directory-not-application': 0.9,
    'web-config-invalid': 0.2,
  }),
  // Weighed above the code table's own reading of E_INVALIDARG (a request header IIS would not
  // forward, seen in FREB and IIS logs): in a start event the code is CreateProcess's answer.
  def('ancm-invalid-commandline', 'ANCM start failure with E_INVALIDARG: the process command line is empty or malformed', {
    'process-path-not-found': 0.65,
    'wrong-arguments': 0.45,
    'web-config-invalid': 0.4,
  }),
  def('ancm-app-exited-clr-exception', 'ANCM: the app process exited with an unhandled .NET exception (0xE0434352) while starting', {
    'process-start-failure': 0.6,
  }),
  // IIS worker process and WAS
  def('ancm-v1-module-load-failed', 'IIS could not load the ANCM V1 module aspnetcore.dll', {
    'module-missing-after-os-upgrade': 0.8,
    'hosting-bundle-missing': 0.3,
  }),
  def('ancm-v2-module-load-failed', 'IIS could not load the ANCM V2 module aspnetcorev2.dll', {
    'vc-redist-missing': 0.75,
    'hosting-bundle-missing': 0.3,
    'module-missing-after-os-upgrade': 0.2,
  }),
  def('iis-module-load-failed', 'IIS event 2280: a module DLL failed to load', {
    'module-missing-after-os-upgrade': 0.3,
    'vc-redist-missing': 0.3,
    'hosting-bundle-missing': 0.2,
  }),
  def('iis-features-missing', 'The CoreWebEngine and W3SVC IIS features are not installed', { 'iis-features-missing': 0.95 }),
  def('was-rapid-fail-protection', 'WAS event 5002: rapid-fail protection disabled the application pool', { 'app-pool-stopped': 0.95 }),
  def('was-pool-disabled', 'WAS: the application pool has been disabled', { 'app-pool-stopped': 0.85 }),
  def('was-pool-identity-invalid', 'WAS event 5021: the application pool identity cannot log on (wrong or expired password, no batch logon right)', {
    'app-pool-stopped': 0.85,
    'access-denied': 0.2,
  }),
  def('was-worker-terminated', 'WAS event 5009: a worker process terminated unexpectedly', {
    'app-crash-runtime': 0.7,
    'app-pool-stopped': 0.2,
  }),
  def('was-worker-communication-error', 'WAS event 5011: a worker process suffered a fatal communication error', {
    'app-crash-runtime': 0.7,
  }),
  def('was-worker-ping-failed', 'WAS event 5010: a worker process failed to respond to a ping (hung)', {
    'thread-pool-starvation': 0.5,
    'app-crash-runtime': 0.2,
    'app-pool-recycle': 0.2,
  }),
  def('was-worker-recycle', 'WAS: a worker process requested a recycle', { 'app-pool-recycle': 0.7 }),
  def('ancm-app-shutdown', 'ANCM event 1033 / 1030: the app (or its Kestrel process) was shut down', {
    'app-pool-recycle': 0.25,
    'app-service-restart': 0.15,
  }),
  def('was-pool-config-failed', 'WAS event 5189: WAS could not write the application pool configuration file', {
    'app-pool-config-failure': 0.97,
  }),
  def('wp-config-file-unreadable', "W3SVC-WP 2307: the worker could not read its configuration file ('\\\\?\\<EMPTY>')", {
    'app-pool-config-failure': 0.8,
  }),
  def('wp-config-read-failed', 'W3SVC-WP 2307: the worker process could not read configuration data for its application pool', {
    'app-pool-config-failure': 0.6,
    'web-config-invalid': 0.3,
  }),
  def('was-memory-limit-recycle', 'WAS event 5117 / 5077: the worker process reached its private bytes or virtual memory limit and was recycled', {
    'resource-exhaustion': 0.95,
    'app-pool-recycle': 0.35,
  }),
  def('was-idle-shutdown', 'WAS event 5186: the worker process was shut down after the idle timeout', { 'app-pool-recycle': 0.25 }),
  def('was-shutdown-time-limit', 'WAS event 5013: a worker process exceeded its time limit while shutting down', { 'app-pool-recycle': 0.45 }),
  // .NET Runtime and Application Error
  def('dotnet-runtime-unhandled-exception', '.NET Runtime event 1026: the process was terminated by an unhandled exception', {
    'app-crash-runtime': 0.65,
    'inprocess-start-failure': 0.3,
    'process-start-failure': 0.2,
  }),
  def('dotnet-runtime-stack-overflow', '.NET Runtime event 1026: the process was terminated by a stack overflow', { 'app-crash-runtime': 0.95 }),
  def('dotnet-runtime-fail-fast', '.NET Runtime event 1026: the app requested termination through Environment.FailFast', {
    'app-crash-runtime': 0.8,
  }),
  def('dotnet-runtime-internal-error', '.NET Runtime: the process was terminated by an internal error in the runtime', { 'app-crash-runtime': 0.75 }),
  def('wer-clr-crash', 'Windows Error Reporting: the process crashed with an unhandled .NET exception (CLR20r3)', {
    'app-crash-runtime': 0.55,
    'inprocess-start-failure': 0.2,
    'process-start-failure': 0.2,
  }),
  def('wer-app-crash', 'Windows Error Reporting: the process crashed (APPCRASH / BEX)', { 'app-crash-runtime': 0.5 }),
  def('app-error-crash', 'Application Error event 1000: the process crashed', { 'app-crash-runtime': 0.7 }),
  def(
    'app-error-ancm-module-fault',
    'Application Error event 1000 in w3wp.exe with the ASP.NET Core Module (aspnetcore.dll / aspnetcorev2.dll) as the faulting module: the worker dies in the module, every start, until rapid-fail protection stops the pool',
    { 'app-pool-stopped': 0.55, 'hosting-bundle-missing': 0.35 },
  ),
  def(
    'app-error-crt-missing',
    'Application Error event 1000 with 0xC0000135 (DLL not found) and a Visual C++ / Universal CRT DLL as the faulting module: the runtime is missing',
    { 'vc-redist-missing': 0.95 },
  ),
  def('crash-stack-overflow', 'Crash code 0xC00000FD: stack overflow', { 'app-crash-runtime': 0.95 }),
  def('crash-clr-exception', 'Crash code 0xE0434352: unhandled .NET exception', {
    'app-crash-runtime': 0.6,
    'inprocess-start-failure': 0.3,
  }),
  def('crash-native', 'Native crash code (access violation, fail-fast, heap corruption, execution engine error)', {
    'app-crash-runtime': 0.8,
  }),
];
