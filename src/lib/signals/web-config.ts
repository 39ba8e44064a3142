/**
 * Signals of the web-config recogniser: problems visible in a pasted web.config or
 * `<aspNetCore>` element. Each is a rule in recognisers/web-config/rules.ts.
 */
import type { SignalDef } from '../engine/types.ts';

const kind = 'web-config' as const;

export const signals: SignalDef[] = [
  {
    id: 'web-config.invalid-xml',
    kind,
    label: 'web.config: the XML is not well-formed (IIS answers 500.19 for a file it cannot parse)',
    causes: { 'web-config-invalid': 1 },
  },
  {
    id: 'web-config.unknown-hosting-model',
    kind,
    label: 'web.config: hostingModel is neither "inprocess" nor "outofprocess"',
    causes: { 'web-config-invalid': 0.9 },
  },
  {
    id: 'web-config.invalid-value',
    kind,
    label: 'web.config: an aspNetCore attribute is outside its allowed range or not of its type',
    causes: { 'web-config-invalid': 0.6 },
  },
  {
    id: 'web-config.element-case',
    kind,
    label: 'web.config: the element is not spelled "aspNetCore" (IIS configuration names are case-sensitive)',
    causes: { 'web-config-invalid': 0.7 },
  },
  {
    id: 'web-config.dotnet-x86-host',
    kind,
    label: 'web.config: processPath is the 32-bit dotnet host (Program Files (x86)), which runs only x86 runtimes',
    causes: { 'bitness-mismatch': 0.45, 'framework-not-found': 0.35 },
  },
  {
    id: 'web-config.process-path-missing',
    kind,
    label: 'web.config: the aspNetCore element has no processPath',
    causes: { 'web-config-invalid': 0.6, 'process-path-not-found': 0.4 },
  },
  {
    id: 'web-config.vs-launcher-arguments',
    kind,
    label: 'web.config: arguments still hold Visual Studio\'s "-argFile IISExeLauncherArgs.txt" (a development-time expansion of %LAUNCHER_ARGS%)',
    causes: { 'wrong-arguments': 0.8 },
  },
  {
    id: 'web-config.launcher-placeholder',
    kind,
    label: 'web.config: processPath is still %LAUNCHER_PATH% (only Visual Studio fills it in; a deployed site needs the real command)',
    causes: { 'process-path-not-found': 0.6, 'wrong-arguments': 0.2 },
  },
  {
    id: 'web-config.dotnet-arguments-not-dll',
    kind,
    label: 'web.config: processPath is dotnet but arguments does not name the app .dll',
    causes: { 'wrong-arguments': 0.8 },
  },
  {
    id: 'web-config.dotnet-arguments-sdk-command',
    kind,
    label: 'web.config: arguments start with a dotnet SDK command ("run", "watch" ...) instead of the app .dll',
    causes: { 'wrong-arguments': 0.85 },
  },
  {
    id: 'web-config.dotnet-arguments-empty',
    kind,
    label: 'web.config: processPath is dotnet and arguments is empty',
    causes: { 'wrong-arguments': 0.8 },
  },
  {
    id: 'web-config.process-path-not-exe-inprocess',
    kind,
    label: 'web.config: in-process hosting with a processPath that is not dotnet or an .exe',
    causes: { 'process-path-not-found': 0.6, 'wrong-arguments': 0.3 },
  },
  {
    id: 'web-config.process-path-not-executable',
    kind,
    label: 'web.config: processPath names a file Windows does not run (an extension other than .exe, such as .dll or a name cut at its last dot)',
    causes: { 'process-path-not-found': 0.6, 'wrong-arguments': 0.25 },
  },
  {
    id: 'web-config.launcher-args-placeholder',
    kind,
    label: 'web.config: arguments are still %LAUNCHER_ARGS% (only Visual Studio fills it in)',
    causes: { 'wrong-arguments': 0.7, 'process-path-not-found': 0.15 },
  },
  {
    id: 'web-config.request-timeout-inprocess',
    kind,
    label: 'web.config: requestTimeout is set but hostingModel is inprocess, where it does not apply',
    causes: { 'azure-frontend-timeout': 0.2 },
  },
  {
    id: 'web-config.v1-module-inprocess',
    kind,
    label: 'web.config: hostingModel="inprocess" with the V1 module (AspNetCoreModule), which only runs apps out of process',
    causes: { 'web-config-invalid': 0.5, 'hosting-bundle-missing': 0.3 },
  },
  {
    id: 'web-config.v1-module',
    kind,
    label: 'web.config: the handler names the V1 module AspNetCoreModule',
    causes: { 'hosting-bundle-missing': 0.3 },
  },
  {
    id: 'web-config.stdout-log-enabled',
    kind,
    label: 'web.config: stdoutLogEnabled="true" (the log folder must exist and be writable; turn it off after troubleshooting)',
    causes: { 'stdout-log-unwritable': 0.2 },
  },
  {
    id: 'web-config.startup-time-limit-low',
    kind,
    label: 'web.config: startupTimeLimit below 10 seconds (0 is not "no limit")',
    causes: { 'startup-time-limit': 0.5 },
  },
  {
    id: 'web-config.duplicate-handler',
    kind,
    label: 'web.config: the aspNetCore handler is added twice without a <remove> first',
    causes: { 'subapp-inherits-handlers': 0.6, 'web-config-invalid': 0.4 },
  },
  {
    id: 'web-config.no-inherit-guard',
    kind,
    label: 'web.config: no <location inheritInChildApplications="false"> around the aspNetCore handler',
    causes: { 'subapp-inherits-handlers': 0.15 },
  },
];
