/**
 * checkWebConfig(text): what the web.config checker shows for a pasted web.config or
 * `<aspNetCore>` element: each aspNetCore attribute with its value in effect and its default,
 * the hosting model and handler module, and the problems found, each with a short explanation
 * and the cause article it points to.
 *
 * The reading is readAspNetCoreSettings (recognisers/web-config/settings.ts: fast-xml-parser for well-formed
 * XML, the offset scanner otherwise) and the problems are recognisers/web-config/rules.ts's, so the checker
 * and the engine agree. On top, the checker adds what matters when reading a whole element
 * rather than evidence of a failure: attribute names IIS does not know (it refuses the file),
 * an .exe run in process (single-file publish), the debug log and a Development environment.
 *
 * Pure and total: any input gives a result, never an exception.
 */
import { CAUSES } from '../content/vocabulary.ts';
import { signals } from '../signals/web-config.ts';
import { DEFAULTS, isDotnet } from '../recognisers/web-config/rules.ts';
import type { Problem } from '../recognisers/web-config/rules.ts';
import type { AspNetCoreSettings } from '../recognisers/web-config/settings.ts';
import { rawFromXml, readAspNetCoreSettings } from '../recognisers/web-config/settings.ts';

export type Severity = 'error' | 'warning' | 'note';
export type AppliesTo = 'both' | 'out-of-process' | 'in-process';

export interface ConfigProblem {
  /** A web-config signal id, or `web-config-check.<what>` for the checker's own findings. */
  id: string;
  severity: Severity;
  /** A few words. */
  title: string;
  /** What exactly is wrong here, with the values involved. */
  detail: string;
  /** Why it matters, in a sentence or two. */
  explanation: string;
  /** The cause article this points to. */
  cause: string;
  causeTitle: string;
  /** "/causes/<id>/" */
  article: string;
  attribute?: string;
}

export interface SettingRow {
  /** Attribute name as the schema spells it. */
  name: string;
  /** As written, when written. */
  written?: string;
  /** Value in effect, in words when it helps ("00:20:00 (20 min)"). */
  effective: string;
  defaultValue: string;
  /**
   * set: written and used; default: not written; invalid: written but IIS rejects it;
   * ignored: written but has no effect with this hosting model.
   */
  state: 'set' | 'default' | 'invalid' | 'ignored';
  appliesTo: AppliesTo;
}

export interface XmlErrorView {
  message: string;
  /** 1-based line of the pasted text, when the parser said. */
  line?: number;
  column?: number;
  /** The text of that line. */
  text?: string;
}

export interface WebConfigCheck {
  /** An `<aspNetCore>` element was found. */
  found: boolean;
  /** A handler entry for the ASP.NET Core Module was found. */
  handlerFound: boolean;
  wellFormed: boolean;
  xmlError?: XmlErrorView;
  hostingModel: {
    value: 'in-process' | 'out-of-process' | 'invalid';
    /** attribute: written; default: not written; v1-module: the V1 module only runs out of process. */
    source: 'attribute' | 'default' | 'v1-module';
    written?: string;
  };
  module: { name?: string; version?: 'V1' | 'V2' };
  settings: SettingRow[];
  environmentVariables: { name: string; value: string }[];
  handlerSettings: { name: string; value: string }[];
  /** Errors first, then warnings, then notes; in document order within each. */
  problems: ConfigProblem[];
  notes: string[];
}

interface Attribute {
  name: string;
  appliesTo: AppliesTo;
  defaultValue: string;
}

/** The attributes of the V2 schema (aspnetcore_schema_v2.xml), in the order the table shows them. */
export const ATTRIBUTES: readonly Attribute[] = [
  { name: 'processPath', appliesTo: 'both', defaultValue: '(none: required)' },
  { name: 'arguments', appliesTo: 'both', defaultValue: '(empty)' },
  { name: 'hostingModel', appliesTo: 'both', defaultValue: 'outofprocess (when absent or empty)' },
  { name: 'requestTimeout', appliesTo: 'out-of-process', defaultValue: `${DEFAULTS.requestTimeout} (2 min)` },
  { name: 'startupTimeLimit', appliesTo: 'both', defaultValue: `${DEFAULTS.startupTimeLimit} s` },
  { name: 'shutdownTimeLimit', appliesTo: 'both', defaultValue: `${DEFAULTS.shutdownTimeLimit} s` },
  { name: 'rapidFailsPerMinute', appliesTo: 'out-of-process', defaultValue: String(DEFAULTS.rapidFailsPerMinute) },
  { name: 'processesPerApplication', appliesTo: 'out-of-process', defaultValue: String(DEFAULTS.processesPerApplication) },
  { name: 'stdoutLogEnabled', appliesTo: 'both', defaultValue: String(DEFAULTS.stdoutLogEnabled) },
  { name: 'stdoutLogFile', appliesTo: 'both', defaultValue: DEFAULTS.stdoutLogFile },
  { name: 'forwardWindowsAuthToken', appliesTo: 'out-of-process', defaultValue: String(DEFAULTS.forwardWindowsAuthToken) },
  { name: 'disableStartUpErrorPage', appliesTo: 'both', defaultValue: String(DEFAULTS.disableStartUpErrorPage) },
];

/** ANCM uses at most this many rapid fails per minute, whatever is written. */
const RAPID_FAILS_CAP = 100;

interface Explained {
  severity: Severity;
  title: string;
  explanation: string;
  /** Overrides the signal's strongest cause when the checker's reader is better served by another article. */
  cause?: string;
}

const EXPLAINED: Readonly<Record<string, Explained>> = {
  'web-config.invalid-xml': {
    severity: 'error',
    title: 'The XML is not well-formed',
    explanation: 'IIS cannot read a web.config that does not parse, so it answers every request of the site with 500.19 before the ASP.NET Core Module is even loaded.',
  },
  'web-config.unknown-hosting-model': {
    severity: 'error',
    title: 'Unknown hosting model',
    explanation: 'The module accepts only "inprocess" or "outofprocess" (in any letter case). Anything else stops the app from starting: a 500.0 or 500.30 page and event 1034 in the Application log.',
  },
  'web-config.invalid-value': {
    severity: 'error',
    title: 'A value outside what the schema allows',
    explanation: 'IIS checks each attribute against the module schema when it reads the file. A value of the wrong type or out of range makes it reject the whole section with a 500.19.',
  },
  'web-config.element-case': {
    severity: 'error',
    title: 'The element name is misspelt',
    explanation: 'IIS configuration names are case-sensitive; only <aspNetCore> is the module section. Another spelling is an unknown section, and IIS answers 500.19.',
  },
  'web-config.process-path-missing': {
    severity: 'error',
    title: 'No processPath',
    explanation: 'processPath is required: without it the module has no program to start or load.',
  },
  'web-config.launcher-placeholder': {
    severity: 'error',
    title: 'processPath is still the Visual Studio placeholder',
    explanation: 'Visual Studio replaces %LAUNCHER_PATH% and %LAUNCHER_ARGS% when it runs the app in IIS Express; a published site needs the real command ("dotnet" and ".\\<App>.dll", or ".\\<App>.exe"). Left as it is, the module cannot find the program: 502.5 or 500.0, and an event with 0x80070002.',
  },
  'web-config.vs-launcher-arguments': {
    severity: 'error',
    title: 'arguments still hold the Visual Studio launcher file',
    explanation: 'Visual Studio expands %LAUNCHER_ARGS% to "-argFile IISExeLauncherArgs.txt" while it runs the app under IIS. Published that way, dotnet is handed an argument file that exists only in the project folder and the app does not start (502.5 or 500.30). A deployed site needs ".\\<App>.dll" alone.',
  },
  'web-config.dotnet-arguments-not-dll': {
    severity: 'error',
    title: 'dotnet is not given the app .dll',
    explanation: 'A framework-dependent app starts as "dotnet <App>.dll". With anything else dotnet thinks it was asked for an SDK command ("Did you mean to run dotnet SDK commands?") and the app never starts: 500.0 in process, 502.5 out of process.',
  },
  'web-config.dotnet-arguments-sdk-command': {
    severity: 'error',
    title: 'arguments run a dotnet SDK command',
    explanation: 'With "run", "watch" or another SDK command first, dotnet starts the .NET SDK, which builds and runs a project from source. A server with the runtime or Hosting Bundle has no SDK and no project, so the app never starts (502.5 or 500.30). A published app starts as "dotnet .\\<App>.dll".',
  },
  'web-config.dotnet-arguments-empty': {
    severity: 'error',
    title: 'dotnet is started without arguments',
    explanation: 'With processPath dotnet, arguments must name the app, usually ".\\<App>.dll". Empty arguments leave dotnet with nothing to run.',
  },
  'web-config.dotnet-x86-host': {
    severity: 'warning',
    title: 'processPath is the 32-bit dotnet',
    explanation: 'The dotnet under Program Files (x86) is the 32-bit host: it finds only x86 runtimes, and in process it needs a 32-bit application pool (Enable 32-Bit Applications). With only x64 runtimes installed, or a 64-bit pool, the app does not start (500.31, 500.32 or 502.5). Usually processPath="dotnet" or the Program Files\\dotnet path is what is meant.',
  },
  'web-config.process-path-not-exe-inprocess': {
    severity: 'error',
    title: 'In process, processPath must be dotnet or an .exe',
    explanation: 'In-process hosting loads the app through its apphost (.exe) or through dotnet; a path with another extension is refused and the app does not start.',
  },
  'web-config.process-path-not-executable': {
    severity: 'error',
    title: 'processPath is not a program Windows can start',
    explanation: 'Out of process the module starts processPath as a process. Windows adds .exe only to a name that has no extension, so ".\\MyApp.Api" or ".\\MyApp.dll" is never found and the app does not start (502.5, event 1000 with 0x80070002). A self-contained app is ".\\<App>.exe"; a framework-dependent one is "dotnet" with ".\\<App>.dll" in arguments.',
  },
  'web-config.launcher-args-placeholder': {
    severity: 'error',
    title: 'arguments are still the Visual Studio placeholder',
    explanation: 'Visual Studio replaces %LAUNCHER_ARGS% while it runs the app; publishing normally writes the real arguments. Left as it is, the literal text is passed on: with processPath dotnet it is taken for an SDK command and the app does not start (502.5 or 500.30); a self-contained app is handed an argument it does not expect. A published framework-dependent app needs ".\\<App>.dll"; a self-contained one needs no arguments.',
  },
  'web-config.request-timeout-inprocess': {
    severity: 'warning',
    title: 'requestTimeout has no effect in process',
    explanation: 'requestTimeout is how long the module waits for an out-of-process app to answer. In process there is no such wait, so the value is ignored: long requests are only limited by other timeouts (the client, a load balancer, the App Service front end at about 230 seconds).',
    cause: 'request-timeout',
  },
  'web-config.v1-module-inprocess': {
    severity: 'error',
    title: 'In-process hosting with the V1 module',
    explanation: 'AspNetCoreModule (V1) only runs apps out of process and does not know hostingModel. In-process hosting needs modules="AspNetCoreModuleV2", which the Hosting Bundle for ASP.NET Core 2.2 or later installs.',
  },
  'web-config.v1-module': {
    severity: 'note',
    title: 'The handler uses the V1 module',
    explanation: 'AspNetCoreModule is the module of ASP.NET Core 1.x to 2.2: only the Hosting Bundles up to 2.2 install it, bundles from 3.0 on install only AspNetCoreModuleV2. If V1 is not installed on the server IIS answers 500.21 for a handler that names it.',
  },
  'web-config.stdout-log-enabled': {
    severity: 'warning',
    title: 'stdout logging is on',
    explanation: 'Good for finding out why an app does not start, not for production: the files are never rotated or trimmed. The app pool identity must be able to write to the folder (V2 creates the folder when it can, V1 needs it to exist); if it cannot, nothing is logged.',
  },
  'web-config.startup-time-limit-low': {
    severity: 'warning',
    title: 'Very short startup time limit',
    explanation: 'An app that needs longer than this to start is killed (502.5 out of process) or gets a 500.37 page in process. 0 does not mean "no limit".',
  },
  'web-config.duplicate-handler': {
    severity: 'error',
    title: 'The aspNetCore handler is added twice',
    explanation: 'Handler names must be unique in the merged configuration. A second <add name="aspNetCore"> without a <remove name="aspNetCore" /> before it makes IIS answer 500.19 ("Cannot add duplicate collection entry"), typically in a sub-application that inherits the parent\'s handler.',
  },
  'web-config.no-inherit-guard': {
    severity: 'note',
    title: 'Child applications inherit this handler',
    explanation: 'Without <location path="." inheritInChildApplications="false"> around <system.webServer>, applications below this one inherit the aspNetCore handler and settings. That only matters when the site has sub-applications, where it often causes a 500.19; published web.config files include the wrapper.',
  },
  'web-config-check.unknown-attribute': {
    severity: 'error',
    title: 'An attribute IIS does not know',
    explanation: 'IIS reads attribute names against the module schema, and names are case-sensitive. An unknown or differently cased name makes it reject the section with 500.19 ("Unrecognized attribute ... Note that attribute names are case-sensitive").',
    cause: 'web-config-invalid',
  },
  'web-config-check.exe-inprocess': {
    severity: 'note',
    title: 'An .exe hosted in process',
    explanation: 'In process, the module loads <App>.dll from the folder of the .exe. A single-file publish has no such .dll and gets 500.38; publish without PublishSingleFile or host out of process.',
    cause: 'app-dll-not-found',
  },
};

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, note: 2 };

function strongestCause(signalId: string): string | undefined {
  const def = signals.find((s) => s.id === signalId);
  if (!def) return undefined;
  let best: string | undefined;
  let weight = -1;
  for (const [cause, w] of Object.entries(def.causes)) {
    if (w > weight) {
      best = cause;
      weight = w;
    }
  }
  return best;
}

function causeTitle(id: string): string {
  return CAUSES.find((c) => c.id === id)?.title ?? id;
}

/** A problem by its id, with its severity, title, explanation and cause. */
export function explainProblem(id: string, detail: string, attribute?: string): ConfigProblem {
  const e = EXPLAINED[id];
  const cause = e?.cause ?? strongestCause(id) ?? 'web-config-invalid';
  const label = signals.find((s) => s.id === id)?.label;
  const p: ConfigProblem = {
    id,
    severity: e?.severity ?? 'warning',
    title: e?.title ?? (label ? label.replace(/^web\.config: /, '') : id),
    detail,
    explanation: e?.explanation ?? '',
    cause,
    causeTitle: causeTitle(cause),
    article: `/causes/${cause}/`,
  };
  if (attribute) p.attribute = attribute;
  return p;
}

/** "1 h 30 min", "20 min", "15 days", "45 s". */
export function duration(seconds: number): string {
  if (seconds === 0) return '0 s';
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const parts: string[] = [];
  if (d) parts.push(`${d} day${d === 1 ? '' : 's'}`);
  if (h) parts.push(`${h} h`);
  if (m) parts.push(`${m} min`);
  if (s) parts.push(`${s} s`);
  return parts.join(' ');
}

/** The XML prolog readAspNetCoreSettings strips before it wraps the text in a root element. */
const PROLOG = /^\uFEFF?\s{0,1000}<\?xml[^>]{0,500}\?>/;
const WRAPPER = '<root>'.length;
const POSITION = /\(line (\d{1,9}), column (\d{1,9})\)\s*$/;
const OPENED = /\(opened in line (\d{1,9}), col (\d{1,9})\)/g;

/**
 * Offset in the pasted text of a parser position (1-based line and column) in the text the
 * settings reader parsed: the paste without its prolog, inside a wrapper element.
 */
function pastedOffset(text: string, prolog: number, line: number, column: number): number | undefined {
  let at = prolog;
  if (line === 1) at += Math.max(0, column - 1 - WRAPPER);
  else {
    for (let n = 1; n < line; n++) {
      const next = text.indexOf('\n', at);
      if (next < 0) return undefined;
      at = next + 1;
    }
    at += column - 1;
  }
  return Math.min(Math.max(0, at), text.length);
}

function lineAndColumn(text: string, offset: number): { line: number; column: number; start: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1, start };
}

/** The parser's complaint with its positions mapped back to the pasted text, and the line it is about. */
export function xmlErrorView(text: string, message: string): XmlErrorView {
  const prolog = (PROLOG.exec(text)?.[0] ?? '').length;
  const inner = message.replace(OPENED, (all, l: string, c: string) => {
    const at = pastedOffset(text, prolog, Number(l), Number(c));
    if (at === undefined) return all;
    const p = lineAndColumn(text, at);
    return `(opened in line ${p.line}, col ${p.column})`;
  });
  const m = POSITION.exec(inner);
  const at = m ? pastedOffset(text, prolog, Number(m[1]), Number(m[2])) : undefined;
  if (!m || at === undefined) return { message: inner.replace(POSITION, '').trim() };
  const p = lineAndColumn(text, at);
  const lineEnd = text.indexOf('\n', p.start);
  const lineText = text.slice(p.start, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
  return {
    message: inner.replace(POSITION, '').trim(),
    line: p.line,
    column: p.column,
    text: lineText.length > 300 ? `${lineText.slice(0, 300)}…` : lineText,
  };
}

function rows(
  s: AspNetCoreSettings,
  model: WebConfigCheck['hostingModel'],
  problems: ConfigProblem[],
  written: Map<string, string>,
): SettingRow[] {
  const v1 = model.source === 'v1-module';
  const rejected = new Set(['web-config.invalid-value', 'web-config.unknown-hosting-model', 'web-config-check.unknown-attribute']);
  const invalid = new Set(problems.filter((p) => rejected.has(p.id)).map((p) => (p.attribute ?? '').toLowerCase()));
  const effective: Record<string, string> = {
    processPath: s.processPath ?? '(none)',
    arguments: s.arguments === '' ? '(empty)' : s.arguments,
    hostingModel: model.value === 'in-process' ? 'inprocess' : model.value === 'out-of-process' ? 'outofprocess' : '(invalid)',
    requestTimeout: s.requestTimeoutMs === undefined ? s.requestTimeout : `${s.requestTimeout} (${duration(s.requestTimeoutMs / 1000)})`,
    startupTimeLimit: `${s.startupTimeLimit} s`,
    shutdownTimeLimit: `${s.shutdownTimeLimit} s`,
    rapidFailsPerMinute:
      s.rapidFailsPerMinute > RAPID_FAILS_CAP ? `${RAPID_FAILS_CAP} (the module caps it at ${RAPID_FAILS_CAP})` : String(s.rapidFailsPerMinute),
    processesPerApplication: String(s.processesPerApplication),
    stdoutLogEnabled: String(s.stdoutLogEnabled),
    stdoutLogFile: s.stdoutLogFile,
    forwardWindowsAuthToken: String(s.forwardWindowsAuthToken),
    disableStartUpErrorPage: String(s.disableStartUpErrorPage),
  };
  return ATTRIBUTES.map((a) => {
    const w = written.get(a.name.toLowerCase());
    const row: SettingRow = { name: a.name, effective: effective[a.name] ?? '', defaultValue: a.defaultValue, state: 'default', appliesTo: a.appliesTo };
    if (w === undefined) return row;
    row.written = w;
    if (invalid.has(a.name.toLowerCase())) {
      row.state = 'invalid';
      row.effective = a.name === 'hostingModel' ? '(the app does not start)' : '(IIS rejects the section)';
    } else if (a.name === 'hostingModel' && v1) {
      row.state = 'ignored';
      row.effective = 'outofprocess (the V1 module only runs out of process)';
    } else if (a.appliesTo === 'out-of-process' && model.value === 'in-process') {
      row.state = 'ignored';
      row.effective = `(not used in process)`;
    } else row.state = 'set';
    return row;
  });
}

export function checkWebConfig(text: string): WebConfigCheck {
  const input = typeof text === 'string' ? text : '';
  let s: AspNetCoreSettings;
  try {
    s = readAspNetCoreSettings(input);
  } catch {
    s = readAspNetCoreSettings('');
  }
  const v1 = (s.module ?? '').toLowerCase() === 'aspnetcoremodule';
  const writtenModel = s.hostingModelSource === 'attribute' ? s.explicit.find((n) => n.toLowerCase() === 'hostingmodel') : undefined;
  const model: WebConfigCheck['hostingModel'] =
    s.hostingModel === 'invalid'
      ? { value: 'invalid', source: 'attribute' }
      : v1 && s.hostingModel === 'inprocess'
        ? { value: 'out-of-process', source: 'v1-module' }
        : { value: s.hostingModel === 'inprocess' ? 'in-process' : 'out-of-process', source: s.hostingModelSource };
  const attrs = attributeValues(input);
  if (writtenModel !== undefined) model.written = attrs.get('hostingmodel');

  const xmlError = s.xmlError === undefined ? undefined : xmlErrorView(input, s.xmlError);
  const problems: ConfigProblem[] = [];
  const add = (p: ConfigProblem): void => {
    if (!problems.some((q) => q.id === p.id && q.detail === p.detail)) problems.push(p);
  };
  for (const p of s.problems as Problem[]) {
    // The parser's complaint, with the line and column of the pasted text.
    const detail =
      p.signal === 'web-config.invalid-xml' && xmlError && p.message === s.xmlError
        ? `${xmlError.message}${xmlError.line === undefined ? '' : ` (line ${xmlError.line}, column ${xmlError.column ?? 1})`}`
        : p.message;
    add(explainProblem(p.signal, detail, p.attribute));
  }

  if (s.found) {
    const known = new Map(ATTRIBUTES.map((a) => [a.name.toLowerCase(), a.name]));
    for (const name of s.explicit) {
      if (name.includes(':')) continue; // xmlns:*, xdt:Transform and other namespaced attributes
      const proper = known.get(name.toLowerCase());
      if (proper === name) continue;
      add(
        explainProblem(
          'web-config-check.unknown-attribute',
          proper ? `"${name}" is written with different letter case; the schema name is "${proper}".` : `"${name}" is not an attribute of <aspNetCore>.`,
          name,
        ),
      );
    }
    const pp = (s.processPath ?? '').trim().replace(/^"|"$/g, '');
    if (model.value === 'in-process' && /\.exe$/i.test(pp) && !isDotnet(pp)) {
      add(explainProblem('web-config-check.exe-inprocess', `processPath="${s.processPath ?? ''}" with hostingModel="inprocess".`, 'processPath'));
    }
  }
  problems.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);

  const notes: string[] = [];
  if (s.found && s.hostingModelSource === 'default' && s.hostingModel !== 'invalid') {
    notes.push('No hostingModel attribute, so the app runs out of process. Since ASP.NET Core 3.0 a publish writes hostingModel="inprocess" unless the project sets AspNetCoreHostingModel to OutOfProcess.');
  }
  if (s.found && !s.module) notes.push('No handler entry for the ASP.NET Core Module in this text. It may come from a parent configuration; without one IIS never hands requests to the module.');
  const env = Object.entries(s.environmentVariables).map(([name, value]) => ({ name, value }));
  const development = env.find((e) => /^(?:ASPNETCORE|DOTNET)_ENVIRONMENT$/i.test(e.name) && e.value.trim().toLowerCase() === 'development');
  if (development) notes.push(`${development.name} is Development: the module's error pages include the app's startup output, and the app shows developer exception pages. Fine while diagnosing, not on a public site.`);
  const handlerSettings = Object.entries(s.handlerSettings).map(([name, value]) => ({ name, value }));
  const debugLevel = handlerSettings.find((h) => h.name.toLowerCase() === 'debuglevel');
  if (debugLevel) {
    const file = handlerSettings.find((h) => h.name.toLowerCase() === 'debugfile');
    notes.push(`The module's debug log is on (debugLevel "${debugLevel.value}")${file ? `, written to ${file.value}` : ''}. Turn it off once the problem is found: it grows with every request.`);
  }
  const timeoutRejected = problems.some((p) => (p.attribute ?? '').toLowerCase() === 'requesttimeout' && p.severity === 'error');
  if (
    s.requestTimeoutMs !== undefined &&
    s.requestTimeoutMs > 230_000 &&
    !timeoutRejected &&
    model.value === 'out-of-process' &&
    s.explicit.some((n) => n.toLowerCase() === 'requesttimeout')
  ) {
    notes.push('On Azure App Service the front end ends any request after about 230 seconds, whatever requestTimeout says.');
  }

  const check: WebConfigCheck = {
    found: s.found,
    handlerFound: s.module !== undefined,
    wellFormed: s.wellFormed,
    hostingModel: model,
    module: s.module ? { name: s.module, version: v1 ? 'V1' : /^AspNetCoreModuleV2$/i.test(s.module) ? 'V2' : undefined } : {},
    settings: s.found ? rows(s, model, problems, attrs) : [],
    environmentVariables: env,
    handlerSettings,
    problems,
    notes,
  };
  if (xmlError) check.xmlError = xmlError;
  return check;
}

/** Written attribute values by lower-case name, as the settings reader's parser read them. */
function attributeValues(input: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const { name, value } of rawFromXml(input).element?.attrs ?? []) {
    const lower = name.toLowerCase();
    if (!out.has(lower)) out.set(lower, value);
  }
  return out;
}
