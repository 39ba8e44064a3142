/**
 * Message specs for the Windows events seen next to ANCM failures: WAS (application pool
 * availability and recycling), the IIS worker process (module DLL load failures), the ANCM
 * installer's IIS feature check, .NET Runtime 1026 and Application Error 1000.
 *
 * Application Error text is translated on non-English Windows; `localisedCrashes` finds it by
 * its shape instead ("<app>.exe, <label>: <version>, <label>: 0x<8 hex>" followed by a line
 * ending in a 0x<8 hex> exception code; commas and colons may be full-width).
 */
import type { LineIndex } from '../../../engine/types.ts';
import { lineOf, lineSpan } from '../../../engine/lines.ts';
import type { HitFact, MessageHit, Spec, SpecContext } from './messages.ts';
import { CRASH_CODES, addCrashCode, lineAround } from './messages.ts';
import { hexAt, typeNameAt } from './text.ts';

const E = (what: string): string => `event-log.${what}`;

/** "Application: w3wp.exe" (and "CoreCLR Version:") before a .NET Runtime description. */
function runtimeHost(ctx: SpecContext): void {
  // "Application:" as English, German ("Anwendung:") and Chinese ("应用程序:") Windows label it.
  const app = ctx.before(/(?:application|anwendung|应用程序)[:：]/i);
  if (!app) return;
  const at = ctx.at(app.end);
  const m = /^[ \t]*([A-Za-z0-9_.-]{1,100}\.exe)\b/i.exec(ctx.input.slice(at, at + 120));
  if (!m) return;
  const exe = (m[1] as string).toLowerCase();
  const start = at + (m[0].length - (m[1] as string).length);
  const end = start + (m[1] as string).length;
  const coreclr = ctx.before(/coreclrversion/i) !== undefined;
  if (exe === 'w3wp.exe') {
    ctx.fact('server', 'iis', start, end);
    if (coreclr) ctx.fact('hosting-model', 'in-process', start, end);
  } else if (exe === 'iisexpress.exe') {
    ctx.fact('server', 'iis-express', start, end);
    if (coreclr) ctx.fact('hosting-model', 'in-process', start, end);
  }
}

/**
 * "Exception Info: System.X: message" or, for native faults, "Exception Info: exception code
 * c0000005, ..." (German "Ausnahmeinformationen:", Chinese "异常信息:").
 */
function exceptionInfo(ctx: SpecContext): void {
  const info = ctx.after(/(?:exceptioninfo|ausnahmeinformationen|异常信息)[:：]/i);
  if (!info) return;
  const native = ctx.after(/^exceptioncode/i, info.end);
  if (native) {
    const n = hexAt(ctx.input, ctx.at(native.end));
    if (n) addCrashCode(ctx, n.value, n.start, n.end);
    return;
  }
  const t = typeNameAt(ctx.input, ctx.at(info.end));
  if (t) ctx.fact('exception', t.name, t.start, t.end);
}

function moduleDll(ctx: SpecContext): void {
  // "The Module DLL %s failed to load.  The data is the error."
  const fail = ctx.after(/failedtoload/i);
  if (!fail || fail.start - ctx.end > 400) {
    ctx.hit.signal = undefined;
    return;
  }
  const path = ctx.view.text.slice(ctx.end, fail.start).toLowerCase();
  if (path.includes('aspnetcorev2')) ctx.hit.signal = E('ancm-v2-module-load-failed');
  else if (path.includes('aspnetcore.dll')) ctx.hit.signal = E('ancm-v1-module-load-failed');
  else ctx.hit.signal = undefined; // another module: not an ASP.NET Core Module problem
}

/** STATUS_DLL_NOT_FOUND (ntstatus.h). */
const STATUS_DLL_NOT_FOUND = 0xc0000135;
/**
 * "Faulting module name:" naming a Visual C++ runtime or Universal CRT DLL (vcruntime140.dll,
 * msvcp140.dll, ucrtbase.dll, the api-ms-win-crt-*.dll API sets), in the compact view (no spaces).
 */
const CRT_MODULE = /faultingmodulename:[^,]{0,40}?(?:ms-win-crt-|vcruntime1\d\d|msvcp1\d\d|ucrtbase)[^,]{0,40}\.dll/i;

export const WINDOWS_SPECS: readonly Spec[] = [
  // WAS 5002: "Application pool '%1' is being automatically disabled due to a series of failures in the process(es) serving that application pool."
  { signal: E('was-rapid-fail-protection'), phrases: ['is being automatically disabled due to a series of failures'], lead: true, server: 'iis' },
  // WAS 5021 / 5057 / 5059: "Application pool %1 has been disabled. Windows Process Activation Service (WAS) ..."
  { signal: E('was-pool-disabled'), phrases: ['has been disabled. Windows Process Activation Service'], lead: true, server: 'iis' },
  // WAS 5021: "The identity of application pool %1 is invalid. The user name or password that is specified for the identity
  // may be incorrect, or the user may not have batch logon rights. ..." (IIS 6 W3SVC 1021: "The identity of application pool,
  // '%1' is invalid. If it remains invalid ..."): the pool account cannot log on, so WAS disables the pool at the first request.
  {
    signal: E('was-pool-identity-invalid'),
    phrases: ['The identity of application pool'],
    lead: true,
    server: 'iis',
    extract(ctx) {
      const invalid = ctx.after(/isinvalid/i);
      if (!invalid || invalid.start - ctx.end > 300) ctx.hit.signal = undefined;
    },
  },
  // WAS 5009: "A process serving application pool '%1' terminated unexpectedly. The process id was '%2'. The process exit code was '0x%3'."
  {
    signal: E('was-worker-terminated'),
    phrases: ['terminated unexpectedly. The process id was'],
    lead: true,
    server: 'iis',
    extract(ctx) {
      const m = ctx.after(/exitcodewas'?/i);
      if (!m) return;
      const n = hexAt(ctx.input, ctx.at(m.end));
      if (n && n.value >= 0x80000000 && n.value !== 0xffffffff) addCrashCode(ctx, n.value, n.start, n.end);
    },
  },
  // WAS 5011: "A process serving application pool '%1' suffered a fatal communication error with the Windows Process Activation Service. ..."
  { signal: E('was-worker-communication-error'), phrases: ['suffered a fatal communication error with the'], lead: true, server: 'iis' },
  // WAS 5010: "A process serving application pool '%1' failed to respond to a ping. The process id was '%2'."
  { signal: E('was-worker-ping-failed'), phrases: ['failed to respond to a ping'], lead: true, server: 'iis' },
  // WAS 5189: "The Windows Process Activation Service failed to generate an application pool config file for application pool '%1'. ..."
  { signal: E('was-pool-config-failed'), phrases: ['failed to generate an application pool config file'], lead: true, server: 'iis' },
  // IIS-W3SVC-WP 2307 with an empty file name: "... encountered an error 'Cannot read configuration file' trying to read configuration data from file '\\?\<EMPTY>' ..."
  { signal: E('wp-config-file-unreadable'), phrases: ["trying to read configuration data from file '\\\\?\\<EMPTY>'"], lead: true, server: 'iis' },
  // WAS 5117 / 5077: "... has requested a recycle because it reached its private bytes memory limit." / "... virtual memory limit."
  {
    signal: E('was-memory-limit-recycle'),
    phrases: ['reached its private bytes memory limit', 'reached its virtual memory limit'],
    lead: true,
    server: 'iis',
  },
  // WAS 5074-5080, 5117: "A worker process with process id of '%1' serving application pool '%2' has requested a recycle because ..."
  { signal: E('was-worker-recycle'), phrases: ['has requested a recycle'], lead: true, server: 'iis' },
  // WAS 5186: "A worker process with process id of '%1' serving application pool '%2' was shutdown due to inactivity. ..."
  { signal: E('was-idle-shutdown'), phrases: ['was shutdown due to inactivity'], lead: true, server: 'iis' },
  // WAS 5013: "A process serving application pool '%1' exceeded time limits during shut down. ..."
  { signal: E('was-shutdown-time-limit'), phrases: ['exceeded time limits during shut down', 'exceeded time limits during shutdown'], lead: true, server: 'iis' },
  // IIS-W3SVC-WP 2280: "The Module DLL %1 failed to load.  The data is the error."
  { signal: E('iis-module-load-failed'), phrases: ['The Module DLL'], lead: true, server: 'iis', extract: moduleDll },
  // ANCM installer / module: "The IIS 7.0 CoreWebEngine and W3SVC features must be installed to use the ASP.NET Core Module."
  { signal: E('iis-features-missing'), phrases: ['CoreWebEngine and W3SVC features must be installed'], lead: true, server: 'iis' },
  // .NET Runtime 1026: "Description: The process was terminated due to an unhandled exception." (German "Beschreibung: Der
  // Prozess wurde aufgrund einer unbehandelten Ausnahme beendet.", Chinese "说明: 由于未经处理的异常，进程终止。") / "... due to stack overflow." /
  // "The application requested process termination through System.Environment.FailFast(string message)." /
  // 1023: "The process was terminated due to an internal error in the .NET Runtime at IP ... with exit code 80131506."
  {
    signal: E('dotnet-runtime-unhandled-exception'),
    phrases: ['The process was terminated due to an unhandled exception', 'Der Prozess wurde aufgrund einer unbehandelten Ausnahme beendet', '由于未经处理的异常，进程终止'],
    lead: true,
    extract(ctx) {
      runtimeHost(ctx);
      exceptionInfo(ctx);
    },
  },
  { signal: E('dotnet-runtime-stack-overflow'), phrases: ['The process was terminated due to stack overflow'], lead: true, extract: runtimeHost },
  {
    signal: E('dotnet-runtime-fail-fast'),
    phrases: ['requested process termination through System.Environment.FailFast'],
    lead: true,
    extract: runtimeHost,
  },
  {
    signal: E('dotnet-runtime-internal-error'),
    phrases: ['The process was terminated due to an internal error in the .NET Runtime'],
    lead: true,
    extract(ctx) {
      runtimeHost(ctx);
      const m = ctx.after(/withexitcode/i);
      if (!m) return;
      const n = hexAt(ctx.input, ctx.at(m.end));
      if (n && n.value >= 0x80000000) addCrashCode(ctx, n.value, n.start, n.end);
    },
  },
  // Windows Error Reporting 1001: "Fault bucket ..., type 5\nEvent Name: CLR20r3\n...\nProblem signature:\nP1: <exe>\n...
  // \nP9: System.InvalidOperationException" (P9 is the exception type for CLR20r3).
  {
    signal: E('wer-clr-crash'),
    phrases: ['Event Name: CLR20r3'],
    lead: true,
    extract(ctx) {
      const p9 = ctx.after(/p9:/i);
      if (!p9) return;
      const t = typeNameAt(ctx.input, ctx.at(p9.end));
      if (t && t.name.endsWith('Exception')) ctx.fact('exception', t.name, t.start, t.end);
    },
  },
  { signal: E('wer-app-crash'), phrases: ['Event Name: APPCRASH', 'Event Name: BEX64', 'Event Name: BEX'], lead: true },
  // Application Error 1000: "Faulting application name: w3wp.exe, version: ..., time stamp: 0x...\nFaulting module name: coreclr.dll, ...
  // \nException code: 0xc00000fd\n..."
  {
    signal: E('app-error-crash'),
    phrases: ['Faulting application name:'],
    lead: true,
    extract(ctx) {
      const at = ctx.hit.phraseEnd;
      const m = /^[ \t]*([A-Za-z0-9_.-]{1,100}\.exe)\b/i.exec(ctx.input.slice(at, at + 120));
      const exe = m ? (m[1] as string).toLowerCase() : '';
      const code = ctx.after(/exceptioncode:/i);
      if (code) {
        const n = hexAt(ctx.input, ctx.at(code.end));
        if (n) addCrashCode(ctx, n.value, n.start, n.end);
        // 0xC0000135 STATUS_DLL_NOT_FOUND: the process never ran; the "faulting module" is the DLL
        // the loader could not find. A Visual C++ / Universal CRT DLL there is the missing runtime.
        if (n && n.value === STATUS_DLL_NOT_FOUND) {
          const mod = ctx.after(CRT_MODULE);
          if (mod && mod.start < code.start) ctx.fact('signal', E('app-error-crt-missing'), ctx.hit.start, ctx.hit.end);
        }
      }
      if (exe === 'w3wp.exe' || exe === 'iisexpress.exe') {
        const start = at + (m ? m[0].length - (m[1] as string).length : 0);
        ctx.fact('server', exe === 'w3wp.exe' ? 'iis' : 'iis-express', start, start + exe.length);
        const mod = ctx.after(/faultingmodulename:coreclr\.dll/i);
        if (mod) ctx.fact('hosting-model', 'in-process', ctx.at(mod.start), ctx.at(mod.end - 1) + 1);
        // The ASP.NET Core Module itself (the IIS module DLL, not the app) faulting in the worker.
        const ancm = ctx.after(/faultingmodulename:aspnetcore(?:v2)?\.dll/i);
        if (ancm && (!code || ancm.start < code.start)) ctx.fact('signal', E('app-error-ancm-module-fault'), ctx.hit.start, ctx.hit.end);
      }
    },
  },
];

export const WINDOWS_SIGNAL_IDS: readonly string[] = [
  ...new Set([
    ...WINDOWS_SPECS.flatMap((s) => (s.signal ? [s.signal] : [])),
    E('ancm-v1-module-load-failed'),
    E('ancm-v2-module-load-failed'),
    E('app-error-crt-missing'),
    E('app-error-ancm-module-fault'),
    ...CRASH_CODES.values(),
  ]),
];

// Commas and colons may be the full-width forms (，：) of Chinese and Japanese Windows.
const APP_LINE = /([A-Za-z0-9_.-]{1,100}\.exe)[,\uff0c] ?[^,:\uff0c\uff1a\r\n]{1,40}[:\uff1a] ?\d+(?:\.\d+){1,3}[,\uff0c] ?[^,:\uff0c\uff1a\r\n]{1,40}[:\uff1a] ?0x[0-9a-fA-F]{8}\s*$/;
const CODE_LINE = /^[^:\uff1a\r\n]{1,60}[:\uff1a] ?0x([0-9a-fA-F]{8})\s*$/;

/**
 * Application Error 1000 in any language: the first line names the faulting .exe with its version
 * and time stamp; the exception code is the first of the next four lines that holds only a label
 * and an 8-digit hex value (the fault offset has 16 digits on 64-bit, the process id fewer).
 * Lines already covered by the English phrase are skipped via `skip`.
 */
export function localisedCrashes(input: string, lines: LineIndex, skip: (offset: number) => boolean): MessageHit[] {
  const out: MessageHit[] = [];
  const n = lines.starts.length;
  // Only lines with ".exe," (or the full-width comma) can start one: find them with indexOf.
  for (let at = input.indexOf('.exe'); at >= 0; ) {
    const after = input.charCodeAt(at + 4);
    if (after !== 44 && after !== 0xff0c) {
      at = input.indexOf('.exe', at + 4);
      continue;
    }
    const ln = lineOf(lines, at);
    const next = lines.starts[ln];
    at = next === undefined ? -1 : input.indexOf('.exe', next);
    const { start, end } = lineSpan(input, lines, ln);
    if (end - start < 20 || end - start > 400) continue;
    const text = input.slice(start, end);
    if ((!text.includes('.exe, ') && !text.includes('.exe\uff0c')) || !text.includes('0x')) continue;
    const m = APP_LINE.exec(text);
    if (!m || skip(start)) continue;
    const exe = (m[1] as string).toLowerCase();
    const facts: HitFact[] = [];
    const exeStart = start + m.index;
    for (let k = ln + 1; k <= Math.min(n, ln + 4); k++) {
      const s = lineSpan(input, lines, k);
      const c = CODE_LINE.exec(input.slice(s.start, s.end));
      if (!c) continue;
      const value = parseInt(c[1] as string, 16) >>> 0;
      const cs = s.end - (c[0].length - c[0].trimEnd().length) - 8;
      facts.push({ name: 'code', value, start: cs, end: cs + 8 });
      const sig = CRASH_CODES.get(value);
      if (sig) facts.push({ name: 'signal', value: sig, start: s.start, end: s.end });
      break;
    }
    if (facts.length === 0) continue;
    if (exe === 'w3wp.exe') facts.push({ name: 'server', value: 'iis', start: exeStart, end: exeStart + exe.length });
    const line = lineAround(input, start, end);
    out.push({
      start: line.start,
      end: line.end,
      phraseStart: exeStart,
      phraseEnd: exeStart + exe.length,
      lead: true,
      signal: E('app-error-crash'),
      facts,
    });
  }
  return out;
}
