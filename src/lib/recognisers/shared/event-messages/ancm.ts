/**
 * Message specs for the ASP.NET Core Module's event log entries (V1 `IIS AspNetCore Module`,
 * V2 `IIS AspNetCore Module V2`, and their IIS Express sources). Phrases are written without
 * spaces because they are matched in a compact view (see recognisers/shared/event-messages/text.ts); the message
 * templates they come from are in the comments.
 */
import type { SpecContext, Spec } from './messages.ts';
import { CRASH_CODES } from './messages.ts';
import { decimalAsCode, decimalAt, hexAt } from './text.ts';
import type { NumberAt } from './text.ts';

/** Where a code was seen decides what it adds. */
export type CodeContext = 'oop-start' | 'ip-start' | 'add-app' | 'stdout';

const E = (what: string): string => `event-log.${what}`;

/** Extra signals for an error code seen in an ANCM message of the given context. */
export function codeContextSignals(code: number, context: CodeContext): string[] {
  const start = context !== 'stdout';
  switch (code) {
    case 0x80070002:
    case 0x80070003:
      return start ? [E('ancm-file-not-found')] : [];
    case 0x80070005:
      return [E('ancm-access-denied')];
    case 0x800700c1:
      return start ? [E('ancm-bad-exe-format')] : [];
    case 0x8000ffff:
      return context === 'add-app' ? [E('ancm-hostfxr-failed')] : [];
    case 0x80008096:
      return start ? [E('ancm-framework-missing')] : [];
    case 0x80008083:
      return start ? [E('ancm-host-lib-missing')] : [];
    case 0x8027025b:
      return context === 'oop-start' ? [E('ancm-exited-before-listening')] : [];
    case 0x8027025a:
    case 0x800705b4:
      return context === 'oop-start' ? [E('ancm-start-timeout')] : [];
    case 0x8007007e:
    case 0x80070485:
      return start ? [E('ancm-module-not-found')] : [];
    case 0xe0434352:
      return context === 'oop-start' ? [E('ancm-app-exited-clr-exception')] : [];
    case 0x80008081: // InvalidArgFailure
    case 0x80008091: // LibHostSdkFindFailure: the arguments were taken for an SDK command
      return start ? [E('ancm-host-invalid-args')] : [];
    case 0x8000809a: // AppPathFindFailure
      return start ? [E('ancm-app-dll-missing')] : [];
    case 0x8000808b: // ResolverInitFailure: deps.json missing or invalid
    case 0x8000808c: // ResolverResolveFailure: an asset listed in deps.json is missing
      return start ? [E('ancm-deps-resolve-failed')] : [];
    case 0x80070057: // E_INVALIDARG from CreateProcess: an empty or malformed command line
      return context === 'oop-start' ? [E('ancm-invalid-commandline')] : [];
    case 0x80070102: // WAIT_TIMEOUT while waiting for the in-process app to start
      return context === 'ip-start' ? [E('ancm-startup-time-limit')] : [];
    default: {
      // A process that died on a stack overflow or a native fault while starting.
      const crash = CRASH_CODES.get(code);
      return context === 'oop-start' && crash ? [crash] : [];
    }
  }
}

function emitCode(ctx: SpecContext, n: NumberAt, context: CodeContext | undefined): void {
  ctx.fact('code', n.value, n.start, n.end);
  if (!context) return;
  for (const s of codeContextSignals(n.value, context)) ctx.fact('signal', s, ctx.hit.start, ctx.hit.end);
}

/** Read the hex code that follows `prefix` (a RegExp over the compact view) after the phrase. */
function hexAfter(ctx: SpecContext, prefix: RegExp, context?: CodeContext): NumberAt | undefined {
  const m = ctx.after(prefix);
  if (!m) return undefined;
  const n = hexAt(ctx.input, ctx.at(m.end));
  if (n) emitCode(ctx, n, context);
  return n;
}

/** Read a decimal exit code after `prefix`; HRESULT-like values become codes. */
function decimalAfter(ctx: SpecContext, prefix: RegExp, context?: CodeContext): NumberAt | undefined {
  const m = ctx.after(prefix);
  if (!m) return undefined;
  const n = decimalAt(ctx.input, ctx.at(m.end));
  if (!n) return undefined;
  const code = decimalAsCode(n.value);
  if (code !== undefined) emitCode(ctx, { value: code, start: n.start, end: n.end }, context);
  return n;
}

/**
 * V1 start failures write "ErrorCode = '0x80004005 : ff." — the second value is the process exit
 * code in hex. A wrapped paste may break the line on either side of the colon.
 */
const V1_EXIT = /[ \t]{0,4}(?:\r?\n[ \t>]{0,8})?:[ \t]{0,4}(?:\r?\n[ \t>]{0,8})?([0-9a-fA-F]{1,8})(?![0-9a-zA-Z])/y;

function v1ExitCode(ctx: SpecContext, after: NumberAt): void {
  V1_EXIT.lastIndex = after.end;
  const m = V1_EXIT.exec(ctx.input);
  if (!m) return;
  const value = parseInt(m[1] as string, 16) >>> 0;
  if (value < 0x80000000) return; // small exit codes (0, ff) do not name an error
  const end = after.end + m[0].length;
  if (value === 0x8000808c) {
    // ResolverResolveFailure under the V1 module (ASP.NET Core 1.x to 2.1): besides a partial
    // publish, the era of the runtime store, where an app published against a newer store
    // manifest (aspnetcore-store-2.0.x.xml) than the server's fails the same way.
    ctx.fact('code', value, end - (m[1] as string).length, end);
    ctx.fact('signal', E('ancm-v1-deps-resolve-failed'), ctx.hit.start, ctx.hit.end);
    return;
  }
  emitCode(ctx, { value, start: end - (m[1] as string).length, end }, 'oop-start');
}

const ERROR_CODE = /errorcode=?'?/i;
/** The command line starting with the 32-bit dotnet host, in the compact view (no spaces). */
const X86_DOTNET_COMMAND = /^'"?[a-z]:\\programfiles\(x86\)\\dotnet\\dotnet(?:\.exe)?"?/i;

export const ANCM_SPECS: readonly Spec[] = [
  // 1000 (V2): "... failed to start process with commandline '%s' at stage '%s', ErrorCode = '0x%x', assigned port %d, retryCounter '%d'."
  // 1000 (V1): "... failed to start process with commandline '%s', ErrorCode = '0x%x : %x."
  // 1020: "... failed to start process with commandline '%s' with multiple retries. Failed to bind to port '%d'. First 30KB ..."
  {
    signal: E('ancm-process-start-failed'),
    phrases: ['failed to start process with commandline'],
    lead: true,
    hosting: 'out-of-process',
    server: 'iis',
    extract(ctx) {
      if (ctx.after(/withmultipleretries/i)) ctx.hit.signal = E('ancm-start-retries-exhausted');
      // An empty command line ('' or '""'): the module found no processPath / arguments for this
      // application, typically an app folder that is a virtual directory under another application.
      const empty = ctx.after(/^'(?:"")?'/);
      if (empty) ctx.fact('signal', E('ancm-empty-commandline'), ctx.hit.start, ctx.hit.end);
      // The 32-bit dotnet host (Program Files (x86)) as the command: it runs only x86 runtimes.
      if (ctx.after(X86_DOTNET_COMMAND)) ctx.fact('signal', E('ancm-dotnet-x86'), ctx.hit.start, ctx.hit.end);
      const code = hexAfter(ctx, ERROR_CODE, 'oop-start');
      if (code) v1ExitCode(ctx, code);
    },
  },
  // V1: "... created process with commandline '%s'but failed to get its status, ErrorCode = '0x%x'."
  {
    signal: E('ancm-process-start-failed'),
    phrases: ['but failed to get its status'],
    lead: true,
    hosting: 'out-of-process',
    server: 'iis',
    extract: (ctx) => void hexAfter(ctx, ERROR_CODE, 'oop-start'),
  },
  // V1 (and HttpPlatformHandler, its ancestor): "Process '%d' failed to start. Port = %d, Error Code = '%d'."
  // The code is a signed decimal HRESULT (-2147024894 = 0x80070002, -2147023829 = 0x8007042B).
  {
    signal: E('ancm-process-start-failed'),
    phrases: ['failed to start. Port ='],
    lead: true,
    hosting: 'out-of-process',
    server: 'iis',
    extract: (ctx) => void decimalAfter(ctx, ERROR_CODE, 'oop-start'),
  },
  // V1: "Application '%s' failed to parse processPath and arguments due to internal error, ErrorCode = '0x%x'."
  {
    signal: E('ancm-invalid-commandline'),
    phrases: ['failed to parse processPath and arguments'],
    lead: true,
    hosting: 'out-of-process',
    server: 'iis',
    extract: (ctx) => void hexAfter(ctx, ERROR_CODE),
  },
  // "... created process with commandline '%s' but failed to listen on the given port '%d'"
  {
    signal: E('ancm-port-bind-failed'),
    phrases: ['but failed to listen on the given port'],
    lead: true,
    hosting: 'out-of-process',
    server: 'iis',
  },
  // V2 "... but either crashed, did not respond, or did not listen on the given port '%d', ErrorCode = '0x%x'"
  // V1 "... but either crashed or did not respond or did not listen ..." (2017: "did not reponse")
  {
    signal: E('ancm-process-no-response'),
    phrases: ['but either crashed'],
    lead: true,
    hosting: 'out-of-process',
    server: 'iis',
    extract: (ctx) => void hexAfter(ctx, ERROR_CODE, 'oop-start'),
  },
  // "... failed to choose listen port '%d' given port range '%d - %d', ErrorCode = '0x%x'. ..."
  {
    signal: E('ancm-choose-port-failed'),
    phrases: ['failed to choose listen port'],
    lead: true,
    hosting: 'out-of-process',
    server: 'iis',
    extract: (ctx) => void hexAfter(ctx, ERROR_CODE),
  },
  // 1003: "Maximum rapid fail count per minute of '%d' exceeded."
  {
    signal: E('ancm-rapid-fail'),
    phrases: ['Maximum rapid fail count per minute of'],
    lead: true,
    hosting: 'out-of-process',
    server: 'iis',
    extract(ctx) {
      const m = ctx.after(/^'?/);
      if (!m) return;
      const n = decimalAt(ctx.input, ctx.at(m.end));
      if (n && n.value >= 0) ctx.fact('setting', `rapidFailsPerMinute=${n.value}`, n.start, n.end);
    },
  },
  // 1004 V2: "Could not create stdoutLogFile %s, ErrorCode = '0x%x'."  V1: "Warning: Could not create stdoutLogFile %s, ErrorCode = %d."
  {
    signal: E('ancm-stdout-log-unwritable'),
    phrases: ['Could not create stdoutLogFile'],
    lead: true,
    server: 'iis',
    extract(ctx) {
      const m = ctx.after(ERROR_CODE);
      if (!m) return;
      const at = ctx.at(m.end);
      const hex = hexAt(ctx.input, at, true);
      if (hex) return emitCode(ctx, hex, 'stdout');
      const dec = decimalAt(ctx.input, at);
      if (!dec) return;
      const code = dec.value > 0 && dec.value < 0x10000 ? dec.value : decimalAsCode(dec.value);
      if (code !== undefined) emitCode(ctx, { value: code, start: dec.start, end: dec.end }, 'stdout');
    },
  },
  // "Could not start stdout redirection in %s. Exception message: HRESULT 0x%x returned at %s:%d."
  // "Could not start stdout file redirection to '%s' with application base '%s'."
  {
    signal: E('ancm-stdout-log-unwritable'),
    phrases: ['Could not start stdout'],
    lead: true,
    hosting: 'in-process',
    server: 'iis',
    extract: (ctx) => void hexAfter(ctx, /hresult/i, 'stdout'),
  },
  // 1007: "... failed to load coreclr. Exception message:\r\n%s"; 2.2: "... failed to load clr and managed application. %s",
  // "Application '%s' wasn't able to start. %s"
  // Early in-process builds: "... failed to load clr and managed application, ErrorCode = '0x80070102."
  {
    signal: E('ancm-load-clr-failed'),
    phrases: ['failed to load coreclr', 'failed to load clr and managed application', "wasn't able to start"],
    lead: true,
    hosting: 'in-process',
    server: 'iis',
    extract: (ctx) => void hexAfter(ctx, /^[.,]?errorcode=?'?/i, 'ip-start'),
  },
  // 1031: "Application '%s' failed to start. Exception message:\r\n%s"
  { signal: E('ancm-inprocess-start-failed'), phrases: ['failed to start. Exception message'], lead: true, hosting: 'in-process', server: 'iis' },
  // 1010: "Failed to start application '%s', ErrorCode '0x%x'."
  {
    signal: E('ancm-add-application-failed'),
    phrases: ["Failed to start application '"],
    lead: true,
    server: 'iis',
    extract: (ctx) => void hexAfter(ctx, ERROR_CODE, 'add-app'),
  },
  // 1011 / 1035: "... has exited from Program.Main with exit code = '%d'. ..."
  {
    signal: E('ancm-main-exited'),
    phrases: ['has exited from Program.Main with exit code'],
    lead: true,
    hosting: 'in-process',
    server: 'iis',
    extract(ctx) {
      const n = decimalAfter(ctx, /^=?'?/, 'ip-start');
      if (n && n.value === 0) ctx.hit.signal = E('ancm-main-exited-zero');
    },
  },
  // 1018: "... hit unexpected managed exception, exception code = '0x%x'. ..."; 3.0 previews:
  // "... hit unexpected managed background thread exit, exit code = '%d'. Last 4KB characters ..."
  {
    signal: E('ancm-managed-exception'),
    phrases: ['hit unexpected managed exception'],
    lead: true,
    hosting: 'in-process',
    server: 'iis',
    extract: (ctx) => void hexAfter(ctx, /exceptioncode=?'?/i),
  },
  {
    signal: E('ancm-managed-exception'),
    phrases: ['hit unexpected managed background thread exit'],
    lead: true,
    hosting: 'in-process',
    server: 'iis',
    extract: (ctx) => void decimalAfter(ctx, /exitcode=?'?/i),
  },
  // 1008 / 2.2: "Only one in-process application is allowed per IIS application pool. ..."
  {
    signal: E('ancm-duplicate-inprocess-app'),
    phrases: ['Only one in-process application is allowed per IIS application pool', 'Only one inprocess application is allowed per IIS application pool'],
    lead: true,
    hosting: 'in-process',
    server: 'iis',
  },
  // 1009: "Mixed hosting model is not supported. Application '%s' configured with different hostingModel value '%d' ..."
  { signal: E('ancm-mixed-hosting-models'), phrases: ['Mixed hosting model is not supported'], lead: true, server: 'iis' },
  // 1034: "Could not load configuration. Exception message:\r\n%s"
  { signal: E('ancm-config-load-failed'), phrases: ['Could not load configuration. Exception message'], lead: true, server: 'iis' },
  // "Unknown hosting model '%s'. Please specify either hostingModel="inprocess" or hostingModel="outofprocess" ..."
  {
    signal: E('ancm-unknown-hosting-model'),
    phrases: ["Unknown hosting model '"],
    lead: false,
    extract(ctx) {
      const from = ctx.hit.phraseEnd;
      const close = ctx.input.indexOf("'", from);
      if (close < 0 || close - from > 40) return;
      ctx.fact('setting', `hostingModel=${ctx.input.slice(from, close)}`, from, close);
    },
  },
  // 1027 / 2.2: "Could not find 'aspnetcorev2_inprocess.dll'. Exception message: ..."; "Could not find the assembly
  // '%s' referenced for the in-process application. ..."; "Could not find inprocess request handler. Captured output ..."
  {
    signal: E('ancm-inprocess-handler-missing'),
    phrases: [
      "Could not find 'aspnetcorev2_inprocess.dll'",
      "Could not find the assembly 'aspnetcorev2_inprocess.dll'",
      'referenced for the in-process application',
      'Could not find inprocess request handler',
    ],
    lead: true,
    hosting: 'in-process',
    server: 'iis',
  },
  // 1029: "Could not find the assembly '%s' for out-of-process application. Please confirm the assembly is installed correctly ..."
  {
    signal: E('ancm-outofprocess-handler-missing'),
    phrases: ['for out-of-process application. Please confirm the assembly'],
    lead: true,
    hosting: 'out-of-process',
    server: 'iis',
  },
  // 1027: "Unable to locate application dependencies. Ensure that the versions of Microsoft.NetCore.App and ..."
  // 2.2: "Invoking hostfxr to find the inprocess request handler failed without finding any native dependencies. ..."
  {
    signal: E('ancm-dependencies-not-found'),
    phrases: ['Unable to locate application dependencies', 'failed without finding any native dependencies'],
    lead: true,
    hosting: 'in-process',
    server: 'iis',
  },
  // 1027: "Unable to load '%s'. This might be caused by a bitness mismatch between IIS application pool and published application."
  { signal: E('ancm-bitness-load-failed'), phrases: ['This might be caused by a bitness mismatch'], lead: true, hosting: 'in-process', server: 'iis' },
  // 1027: "Hostfxr version used does not support 'hostfxr_get_native_search_directories', update the version of hostfxr ..."
  { signal: E('ancm-hostfxr-too-old'), phrases: ["does not support 'hostfxr_get_native_search_directories'"], lead: true, server: 'iis' },
  // 1027: "Provided application path does not exist, or isn't a .dll or .exe."
  { signal: E('ancm-app-path-invalid'), phrases: ["Provided application path does not exist, or isn't a .dll or .exe"], lead: true, server: 'iis' },
  // 1034: "Failed to copy files from %s to shadow copy directory %s. Error: %s"
  { signal: E('ancm-shadow-copy-failed'), phrases: ['to shadow copy directory'], lead: true, hosting: 'in-process', server: 'iis' },
  // 1005: "Failed to gracefully shutdown process with Id '%d'." (OOP) / "Failed to gracefully shutdown application '%s'." (IP)
  { signal: E('ancm-graceful-shutdown-failed'), phrases: ['Failed to gracefully shutdown'], lead: true, server: 'iis' },
  // 1012: "Application '%s' was recycled after detecting app_offline.htm."  V1: "App_offline file '%s' was detected."
  {
    signal: E('ancm-app-offline-recycle'),
    phrases: ['was recycled after detecting app_offline.htm', /app_offlinefile'[^']{0,400}'wasdetected/i],
    lead: true,
    server: 'iis',
  },
  // 1021: "Application '%s' was recycled due to configuration change"; shadow copy: "... after detecting file change in
  // application directory."; 1022: "Failed to recycle application after a configuration change at '%s'. ..."
  {
    signal: E('ancm-config-change-recycle'),
    phrases: [
      'was recycled due to configuration change',
      'was recycled after detecting file change',
      'Failed to recycle application after a configuration change',
    ],
    lead: true,
    server: 'iis',
  },
  // Exception texts inside 1007 / 1031 / 1010 (and in the debug log): they refine the start failure.
  { signal: E('ancm-clr-thread-exited'), phrases: ['CLR worker thread exited prematurely'], lead: false, hosting: 'in-process' },
  {
    signal: E('ancm-startup-time-limit'),
    phrases: ["Managed server didn't initialize after"],
    lead: false,
    hosting: 'in-process',
    extract(ctx) {
      const m = ctx.after(/^\d{1,9}ms/i);
      if (!m) return;
      const n = decimalAt(ctx.input, ctx.at(m.start));
      if (n && n.value > 0 && n.value % 1000 === 0) ctx.fact('setting', `startupTimeLimit=${n.value / 1000}`, n.start, n.end);
    },
  },
  {
    signal: E('ancm-initialization-failed'),
    phrases: ['Error occurred when initializing in-process application'],
    lead: false,
    hosting: 'in-process',
    extract: (ctx) => void hexAfter(ctx, /returncode:?/i, 'ip-start'),
  },
  { signal: E('ancm-executable-not-found'), phrases: ["Executable was not found at '"], lead: false },
  { signal: E('ancm-dotnet-not-found'), phrases: ['Could not find dotnet.exe at'], lead: false },
  { signal: E('ancm-process-path-not-exe'), phrases: ["doesn't have '.exe' extension"], lead: false },
  { signal: E('ancm-arguments-empty'), phrases: ['Application arguments are empty'], lead: false },
  { signal: E('ancm-arguments-unparsable'), phrases: ['Unable parse command line arguments', 'Unable to parse command line arguments'], lead: false },
  // current: "The app couldn't be found at %s. Confirm the app's main DLL is present. ..."; older: "Application .dll was
  // not found at %s. Confirm the application dll is present and is not published as a single executable."
  {
    signal: E('ancm-app-dll-missing'),
    phrases: ["Confirm the app's main DLL is present", 'Application .dll was not found at', 'Confirm the application dll is present'],
    lead: false,
  },
  // get_hostfxr_path (newer builds) or the module's own search under <dotnet>\host\fxr (older builds)
  {
    signal: E('ancm-hostfxr-path-failed'),
    phrases: ['get_hostfxr_path failed', 'Unable to find hostfxr directory at', "doesn't contain any version subdirectories", "hostfxr.dll not found at '"],
    lead: false,
  },
  // Success messages carry no signal but tell the hosting model; a shutdown counts as a restart hint.
  { phrases: [/startedprocess'\d{1,10}'successfully/i], lead: true, hosting: 'out-of-process', server: 'iis' }, // 1001
  { phrases: ["' started successfully."], lead: true, hosting: 'in-process', server: 'iis' }, // 1032
  { signal: E('ancm-app-shutdown'), phrases: ["' has shutdown."], lead: true, hosting: 'in-process', server: 'iis' }, // 1033
  { signal: E('ancm-app-shutdown'), phrases: ["' shut down process with Id"], lead: true, hosting: 'out-of-process', server: 'iis' }, // 1030 (not 1005's "shutdown process")
  { phrases: ['Sent shutdown HTTP message to process'], lead: true, hosting: 'out-of-process', server: 'iis' }, // 1006
  // Output captured from the app or hostfxr follows these.
  {
    phrases: ['captured stdout and stderr logs', 'Captured output from invoking hostfxr', 'Exception message:'],
    lead: false,
    marker: true,
  },
];

/** Every signal id these specs can emit (for registry checks). */
export const ANCM_SIGNAL_IDS: readonly string[] = [
  ...new Set([
    ...ANCM_SPECS.flatMap((s) => (s.signal ? [s.signal] : [])),
    E('ancm-start-retries-exhausted'),
    E('ancm-main-exited-zero'),
    E('ancm-v1-deps-resolve-failed'),
    E('ancm-dotnet-x86'),
    ...[
      0x80070002, 0x80070005, 0x800700c1, 0x8000ffff, 0x80008096, 0x80008083, 0x8027025b, 0x800705b4, 0x8007007e, 0xe0434352, 0xc00000fd,
      0x80008081, 0x8000809a, 0x8000808c, 0x80070057, 0x80070102,
    ].flatMap(
      (c) => [...codeContextSignals(c, 'oop-start'), ...codeContextSignals(c, 'add-app'), ...codeContextSignals(c, 'ip-start')],
    ),
  ]),
];
