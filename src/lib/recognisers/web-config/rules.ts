/**
 * What is wrong with an `<aspNetCore>` configuration, and what it means once defaults are
 * applied. Works on a neutral RawConfig so the recogniser (offset scanner) and
 * readAspNetCoreSettings (XML parser) share one set of rules.
 *
 * Defaults and limits: the ANCM V2 schema (aspnetcore_schema_v2.xml) as summarised in the
 * project's fact sheet: requestTimeout 00:02:00 (max 360:00:00), startupTimeLimit 120 s
 * (0-3600), shutdownTimeLimit 10 s (0-600), rapidFailsPerMinute 10, processesPerApplication 1
 * (1-100), stdoutLogEnabled false, stdoutLogFile .\aspnetcore-stdout, forwardWindowsAuthToken
 * true, disableStartUpErrorPage false, hostingModel absent or empty = out of process.
 */

export interface NameValue {
  name: string;
  value: string;
}

export interface RawElement {
  /** Element name as written ("aspNetCore"; anything else is a spelling problem). */
  elementName: string;
  attrs: NameValue[];
  env: NameValue[];
  handlerSettings: NameValue[];
  /** The start tag was read to its end (so a missing attribute is really missing). */
  complete: boolean;
}

export interface RawConfig {
  element?: RawElement;
  /** `<add>` handler entries for the ASP.NET Core Module. */
  handlers: { name?: string; modules?: string }[];
  removesAspNetCore: number;
  /** Value of `inheritInChildApplications` on a `<location>`, when present. */
  inheritInChildApplications?: string;
  /** A `<configuration>` root was seen (a whole file, not a fragment). */
  wholeFile: boolean;
  /** Why the XML is not well-formed, when it is not. */
  xmlError?: string;
}

export interface Problem {
  /** Signal id (signals/web-config.ts). */
  signal: string;
  message: string;
  /** The attribute the problem is about, when there is one. */
  attribute?: string;
  /** What else it is about: the handler entries or the document as a whole. */
  on?: 'handler' | 'document';
}

export const MAX_REQUEST_TIMEOUT_S = 1_296_000;

export const DEFAULTS = {
  arguments: '',
  requestTimeout: '00:02:00',
  startupTimeLimit: 120,
  shutdownTimeLimit: 10,
  rapidFailsPerMinute: 10,
  processesPerApplication: 1,
  stdoutLogEnabled: false,
  stdoutLogFile: '.\\aspnetcore-stdout',
  forwardWindowsAuthToken: true,
  disableStartUpErrorPage: false,
} as const;

const RANGES: Readonly<Record<string, [number, number]>> = {
  startuptimelimit: [0, 3600],
  shutdowntimelimit: [0, 600],
  processesperapplication: [1, 100],
  rapidfailsperminute: [0, 4294967295],
};
const BOOLEANS = new Set(['stdoutlogenabled', 'forwardwindowsauthtoken', 'disablestartuperrorpage']);

/**
 * Seconds in an IIS timeSpan ("00:02:00", "360:00:00", "1.00:00:00"); undefined when it is not
 * one, or when minutes or seconds are 60 or more (IIS rejects those).
 */
/**
 * dotnet SDK commands: "dotnet run", "dotnet watch" ... in arguments make dotnet start the SDK
 * (absent on a server with the runtime or Hosting Bundle only) instead of the app. "exec" is not
 * one of them: "dotnet exec App.dll" runs the app.
 */
const SDK_COMMANDS: ReadonlySet<string> = new Set(['run', 'watch', 'build', 'publish', 'test', 'restore', 'new', 'pack', 'clean']);

export function timeSpanSeconds(text: string): number | undefined {
  const m = /^(?:(\d{1,4})\.)?(\d{1,4}):(\d{1,2}):(\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const [d, h, mi, s] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3]), Number(m[4])];
  if (mi >= 60 || s >= 60) return undefined;
  return ((d * 24 + h) * 60 + mi) * 60 + s;
}

export function get(list: readonly NameValue[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return list.find((a) => a.name.toLowerCase() === lower)?.value;
}

const isPlaceholder = (v: string): boolean => /^%[A-Z_]+%$/i.test(v.trim());
/** Visual Studio's arguments placeholder, left in a deployed file. */
const LAUNCHER_ARGS = /%LAUNCHER_ARGS%/i;
/** Extensions Windows starts a process from (a name without one gets .exe). */
const RUNNABLE = new Set(['exe', 'com', 'bat', 'cmd']);

/** Is processPath the dotnet host ("dotnet", "dotnet.exe", "C:\Program Files\dotnet\dotnet.exe")? */
export function isDotnet(processPath: string): boolean {
  const base = processPath.trim().replace(/^"|"$/g, '').split(/[\\/]/).pop() ?? '';
  return /^dotnet(?:\.exe)?$/i.test(base);
}

/** The 32-bit dotnet host's install folder on 64-bit Windows ("C:\Program Files (x86)\dotnet\"). */
const X86_DOTNET = /(?:Program Files \(x86\)|ProgramFiles\(x86\)|PROGRAMFILES\(X86\))[%\\/]{1,3}dotnet[\\/]/i;

/** Effective hosting model: explicit value, or out of process when absent/empty. */
export function hostingModelOf(raw: RawConfig): 'inprocess' | 'outofprocess' | 'invalid' {
  const v = raw.element ? get(raw.element.attrs, 'hostingModel') : undefined;
  if (v === undefined || v.trim() === '') return 'outofprocess';
  const l = v.trim().toLowerCase();
  return l === 'inprocess' || l === 'outofprocess' ? l : 'invalid';
}

export function checkConfig(raw: RawConfig): Problem[] {
  const out: Problem[] = [];
  if (raw.xmlError) out.push({ signal: 'web-config.invalid-xml', message: raw.xmlError, on: 'document' });
  const el = raw.element;
  const modules = raw.handlers.map((h) => (h.modules ?? '').trim());
  const v1 = modules.some((m) => m.toLowerCase() === 'aspnetcoremodule');
  const handlerCount = raw.handlers.filter((h) => (h.name ?? '').toLowerCase() === 'aspnetcore' || h.modules).length;

  if (el) {
    const a = (n: string): string | undefined => get(el.attrs, n);
    if (el.elementName !== 'aspNetCore') {
      out.push({ signal: 'web-config.element-case', message: `The element is written "${el.elementName}"; IIS only knows "aspNetCore".` });
    }
    const model = hostingModelOf(raw);
    if (model === 'invalid') {
      out.push({
        signal: 'web-config.unknown-hosting-model',
        attribute: 'hostingModel',
        message: `hostingModel="${a('hostingModel') ?? ''}" is not "inprocess" or "outofprocess".`,
      });
    }
    const rt = a('requestTimeout');
    if (rt !== undefined && !isPlaceholder(rt)) {
      const s = timeSpanSeconds(rt);
      if (s === undefined || s > MAX_REQUEST_TIMEOUT_S) {
        out.push({
          signal: 'web-config.invalid-value',
          attribute: 'requestTimeout',
          message: `requestTimeout="${rt}" is not a timeSpan between 00:00:00 and 360:00:00 with minutes and seconds below 60.`,
        });
      }
    }
    for (const { name, value } of el.attrs) {
      const l = name.toLowerCase();
      const range = RANGES[l];
      if (range && !isPlaceholder(value)) {
        const ok = /^\d{1,10}$/.test(value.trim()) && Number(value) >= range[0] && Number(value) <= range[1];
        if (!ok) {
          out.push({
            signal: 'web-config.invalid-value',
            attribute: name,
            message: `${name}="${value}" is not a whole number from ${range[0]} to ${range[1]}.`,
          });
        }
      }
      if (BOOLEANS.has(l) && !/^(?:true|false)$/i.test(value.trim()) && !isPlaceholder(value)) {
        out.push({ signal: 'web-config.invalid-value', attribute: name, message: `${name}="${value}" is not true or false.` });
      }
    }
    const pp = a('processPath');
    if (pp === undefined || pp.trim() === '') {
      if (el.complete) out.push({ signal: 'web-config.process-path-missing', message: 'No processPath: ANCM has nothing to start.' });
    } else if (!isPlaceholder(pp)) {
      const args = (a('arguments') ?? '').trim();
      if (isDotnet(pp) && X86_DOTNET.test(pp)) {
        out.push({
          signal: 'web-config.dotnet-x86-host',
          attribute: 'processPath',
          message: `processPath="${pp}" is the 32-bit dotnet host: it runs only x86 runtimes, in a 32-bit worker process.`,
        });
      }
      if (isDotnet(pp)) {
        if (args === '') {
          if (el.complete || a('arguments') !== undefined)
            out.push({
              signal: 'web-config.dotnet-arguments-empty',
              attribute: 'arguments',
              message: 'processPath is dotnet but arguments is empty, so dotnet is not told which app to run.',
            });
        } else if (!isPlaceholder(args) && SDK_COMMANDS.has((args.split(/\s+/)[0] ?? '').toLowerCase())) {
          out.push({
            signal: 'web-config.dotnet-arguments-sdk-command',
            attribute: 'arguments',
            message: `arguments="${args}" starts with the SDK command "${args.split(/\s+/)[0]}", so dotnet looks for the SDK and a project instead of running the app.`,
          });
        } else if (!isPlaceholder(args) && !args.split(/\s+/).some((t) => /\.dll$/i.test(t.replace(/^["']|["']$/g, '')))) {
          out.push({
            signal: 'web-config.dotnet-arguments-not-dll',
            attribute: 'arguments',
            message: `processPath is dotnet but arguments="${args}" names no .dll, so dotnet reads it as an SDK command.`,
          });
        }
      } else {
        const base = pp.trim().replace(/^"|"$/g, '').split(/[\\/]/).pop() ?? '';
        const ext = /\.([^.]{1,10})$/.exec(base)?.[1]?.toLowerCase();
        if (model === 'inprocess' && ext !== undefined && ext !== 'exe') {
          out.push({
            signal: 'web-config.process-path-not-exe-inprocess',
            attribute: 'processPath',
            message: `In-process hosting needs dotnet or an .exe as processPath, not "${pp}".`,
          });
        } else if (model !== 'inprocess' && ext !== undefined && !RUNNABLE.has(ext)) {
          // Windows adds .exe only to a name without an extension: "MyApp.Api" or "MyApp.dll" is not started.
          out.push({
            signal: 'web-config.process-path-not-executable',
            attribute: 'processPath',
            message: `processPath="${pp}" ends in .${ext}, which Windows does not run: a self-contained app is ".\\<App>.exe", a framework-dependent one "dotnet" with the .dll in arguments.`,
          });
        }
      }
      if (LAUNCHER_ARGS.test(a('arguments') ?? '')) {
        out.push({
          signal: 'web-config.launcher-args-placeholder',
          attribute: 'arguments',
          message: `arguments still hold %LAUNCHER_ARGS%, which only Visual Studio fills in.`,
        });
      }
    }
    if (rt !== undefined && model === 'inprocess') {
      out.push({
        signal: 'web-config.request-timeout-inprocess',
        attribute: 'requestTimeout',
        message: 'requestTimeout only applies out of process; in process ANCM sets no request time limit.',
      });
    }
    if (v1 && model === 'inprocess' && a('hostingModel') !== undefined) {
      out.push({
        signal: 'web-config.v1-module-inprocess',
        attribute: 'hostingModel',
        message: 'hostingModel="inprocess" needs AspNetCoreModuleV2; the V1 module AspNetCoreModule runs apps out of process only.',
      });
    }
    const stdout = a('stdoutLogEnabled');
    if (stdout !== undefined && stdout.trim().toLowerCase() === 'true') {
      out.push({
        signal: 'web-config.stdout-log-enabled',
        attribute: 'stdoutLogEnabled',
        message: 'stdout logging is on: its folder must exist and be writable by the app pool identity.',
      });
    }
    const stl = a('startupTimeLimit');
    if (stl !== undefined && /^\d{1,4}$/.test(stl.trim()) && Number(stl) < 10) {
      out.push({
        signal: 'web-config.startup-time-limit-low',
        attribute: 'startupTimeLimit',
        message: `startupTimeLimit="${stl}" leaves the app under 10 seconds to start.`,
      });
    }
  }
  if (v1 && !out.some((p) => p.signal === 'web-config.v1-module-inprocess')) {
    out.push({ signal: 'web-config.v1-module', on: 'handler', message: 'The handler uses the V1 module AspNetCoreModule.' });
  }
  if (handlerCount >= 2 && raw.removesAspNetCore === 0) {
    out.push({
      signal: 'web-config.duplicate-handler',
      on: 'handler',
      message: 'The aspNetCore handler is added more than once without a <remove name="aspNetCore" /> before it.',
    });
  }
  if (raw.wholeFile && handlerCount >= 1 && (raw.inheritInChildApplications ?? '').trim().toLowerCase() !== 'false') {
    out.push({
      signal: 'web-config.no-inherit-guard',
      on: 'handler',
      message: 'No <location path="." inheritInChildApplications="false">: child applications inherit this handler.',
    });
  }
  return out;
}
