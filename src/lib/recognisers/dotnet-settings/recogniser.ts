/**
 * Recogniser for where an ASP.NET Core app listens, as people paste it: the address settings the
 * host reads (ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS / HTTP_PORTS and their HTTPS and DOTNET_
 * forms, `--urls`, `UseUrls("...")`, an endpoint `Url` in Kestrel's configuration, `ListenLocalhost`)
 * in a `docker run`, a Dockerfile, a manifest, appsettings.json, code or a sentence,
 * and the facts around them that a paste carries whatever its wording:
 * - a loopback address (localhost, 127.x, [::1]) in a paste about a container: a proxy or a port
 *   mapping outside the container cannot reach it;
 * - ASP.NET Core 8 and later (.NET 8, net8.0, the aspnet:8.0 image) together with port 8080, port
 *   80 or "the default port": since .NET 8 the container images listen on 8080, no longer 80, so a
 *   proxy, a service's targetPort or a load balancer still aimed at 80 finds nothing there;
 * - an address setting said to be ignored (no effect, not recognised, overridden): the app binds
 *   somewhere else than it was told (Kestrel endpoints in appsettings.json win over URLS, the old
 *   WebHost does not read HTTP_PORTS);
 * - a platform that hands the port over in a variable ($PORT: Heroku, Cloud Run, Render) while the
 *   app listens on a port of its own;
 * - the ports a proxy or a port mapping sends to (nginx `proxy_pass`, an upstream's `server`, the logged `upstream:`,
 *   Apache `ProxyPass`, a YARP destination `Address`, the container side of `-p 8080:80` or a
 *   compose `"8080:80"`, a Service's `targetPort`) when none of them is a port the app listens on
 *   (Kestrel's "Now listening on:" line, the address settings above): the proxy knocks on a door
 *   nobody opens.
 * Each fact is reported once per paste, at its first place.
 */
import type { Fact, LineIndex, Recogniser } from '../../engine/types.ts';

export const KIND = 'dotnet-settings' as const;

/** The address settings ASP.NET Core reads, with the value when one is assigned. */
const SETTING =
  /\b(ASPNETCORE_URLS|ASPNETCORE_HTTPS?_PORTS|DOTNET_URLS|DOTNET_HTTPS?_PORTS|HTTPS?_PORTS)\b(?:["']?[ \t]{0,3}[=:][ \t]{0,3}["']?([^\s"'`,)\]}]{1,300}))?/gi;
/** `dotnet app.dll --urls http://...` (also as a JSON/YAML argument list) and `.UseUrls("http://...")`. */
const URLS_ARG = /(?:--urls(?:["'],[ \t]{0,3}|[= \t])|\.UseUrls\([ \t]{0,20}@?)["']?([^\s"'`,)]{1,300})/gi;
/** An endpoint URL in Kestrel's configuration ("Kestrel": { "Endpoints": { "Http": { "Url": ... } } }). */
const ENDPOINT_URL = /"Url"[ \t]{0,3}:[ \t]{0,3}"([^"\s]{1,300})"/g;
/** Kestrel told in code to listen on the loopback only. */
const LOOPBACK_CODE = /\bListenLocalhost\([ \t]{0,3}\d{1,5}|\bIPAddress\.(?:IPv6)?Loopback\b/g;
/** Kestrel's start-up line. */
const LISTENING = /Now listening on:[ \t]{0,5}(\S{1,300})/g;
/** ASP.NET Core 8 or later named: ".NET 8", "ASP.NET Core 9", "net8.0", "dotnet/aspnet:8.0". */
const NET8 = /(?:\.net(?:[ \t]?core)?|\bdotnet|\bnet)[ \t]?(?:8|9|10)(?!\d)|aspnet:(?:8|9|10)\.0/gi;
/** A port that the .NET 8 change is about, or the default port named as such. */
const PORT_WORDS = /\b(?:port|expose)[ \t]{1,3}(?:80|8080)\b|:(?:80|8080)\b|\b8080\b|\bdefault[ \t]{1,3}(?:http[ \t]{1,3})?port/gi;
/** "the default port has changed": the .NET 8 change in words, even without the version. */
const DEFAULT_PORT_CHANGED = /\bdefault[ \t]{1,3}(?:http[ \t]{1,3})?port[ \t]{1,3}(?:has[ \t]{1,3}|was[ \t]{1,3})?changed/gi;
/** An upgrade to a version, and an app that then no longer answers. */
const UPGRADE = /\b(?:updated|upgraded|upgrading|migrated|migrating|moved|moving|bumped)\b/gi;
const NO_ANSWER =
  /\bno longer (?:respond|answer|reachable|work)|\bstopped (?:responding|working)|\bnot responding\b|\b50[234]\b|\bbad gateway\b|\bconnection refused\b/gi;
/** Words that say an address setting did not take. */
const IGNORED =
  /\b(?:ignored|ignores|ignoring|has no effect|no effect|not (?:recogni[sz]ed|respected|honou?red|picked up|applied|used|read)|does(?:n't| not) (?:work|apply|take effect)|overrid(?:e|es|den|ing)|pins?|pinned)\b/gi;
/** A container, an orchestrator or a port mapping. */
const CONTAINER = /\b(?:docker|dockerfile|container|containers|compose|kubernetes|k8s|kubectl|podman|pod|pods)\b|(?:^|\s)-p[ \t]{1,3}\d{2,5}:\d{2,5}\b/gim;
/** A port handed over in a variable by the platform. */
/** Exported for a test (firstPortVariable finds its first match). */
export const PORT_VARIABLE = /\$\{?PORT\b|process\.env\.PORT\b|%PORT%|GetEnvironmentVariable\(\s{0,3}"PORT"\s{0,3}\)|environ(?:\.get\(|\[)\s{0,3}["']PORT["']/g;
const BIND_WORDS = /\b(?:bind|binds|binding|bound|listen|listens|listening)\b/gi;
/** Where a proxy or a port mapping sends: the port is the last group that matched. */
const PROXY_TARGET =
  /\b(?:proxy_pass|grpc_pass|ProxyPass(?:Match)?[ \t]{1,10}\S{1,200})[ \t]{1,10}(?:https?|grpcs?|h2c):\/\/(?:\[[0-9a-fA-F:.]{2,45}\]|[A-Za-z0-9_.-]{1,253}):(\d{1,5})\b|\bupstream: "https?:\/\/(?:\[[0-9a-fA-F:.]{2,45}\]|[A-Za-z0-9_.-]{1,253}):(\d{1,5})\b|(?:^|[ \t])-p[ \t]{1,3}(?:\d{1,3}(?:\.\d{1,3}){3}:)?\d{1,5}:(\d{1,5})\b|^[ \t]{0,40}-[ \t]{1,5}["']?(?:\d{1,3}(?:\.\d{1,3}){3}:)?\d{1,5}:(\d{1,5})["']?[ \t]*$|\btargetPort:[ \t]{0,5}(\d{1,5})\b|^[ \t]{0,40}server[ \t]{1,10}(?:\[[0-9a-fA-F:.]{2,45}\]|[A-Za-z0-9_.-]{1,253}):(\d{1,5})\b/gm;
/** A YARP destination's address (only inside a Destinations section). */
const DESTINATION_ADDRESS = /"Address"[ \t]{0,3}:[ \t]{0,3}"https?:\/\/(?:\[[0-9a-fA-F:.]{2,45}\]|[A-Za-z0-9_.-]{1,253}):(\d{1,5})\b/g;
/** The port of one listening URL ("http://+:5000", "https://localhost"). */
const URL_PORT = /^(https?):\/\/(?:\[[^\]]{1,60}\]|[^/:\s]{1,255})(?::(\d{1,5}))?/i;
const LOOPBACK_HOST = /^(?:https?:\/\/)?(?:localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(?::\d{1,5})?(?:\/|;|$)/i;

interface Hit {
  start: number;
  end: number;
  text: string;
}

/** The first match of `re` (global) in `input` from `from`, or undefined. */
function first(re: RegExp, input: string, from = 0): Hit | undefined {
  re.lastIndex = from;
  const m = re.exec(input);
  return m ? { start: m.index, end: m.index + m[0].length, text: m[0] } : undefined;
}

/**
 * `first(PORT_VARIABLE, input)` without a scan of the whole paste: every match holds "PORT", its
 * first "PORT" at most 27 characters after its start and its end at most 36 after it (no part
 * before that "PORT" holds another one). So the first match is the first one found, among the
 * occurrences of "PORT" in order, in a window around the occurrence that starts at or before it.
 */
export function firstPortVariable(input: string): Hit | undefined {
  for (let q = input.indexOf('PORT'); q >= 0; q = input.indexOf('PORT', q + 1)) {
    const from = Math.max(0, q - 40);
    const hit = first(PORT_VARIABLE, input.slice(from, Math.min(input.length, q + 60)));
    if (hit && from + hit.start <= q) return { start: from + hit.start, end: from + hit.end, text: hit.text };
  }
  return undefined;
}

/** Whether `re` matches within `radius` characters of [start, end). */
function near(re: RegExp, input: string, start: number, end: number, radius: number): boolean {
  re.lastIndex = 0;
  return re.test(input.slice(Math.max(0, start - radius), Math.min(input.length, end + radius)));
}

/** The loopback address among `;`-separated URLs, or undefined. */
function loopbackOf(value: string): string | undefined {
  for (const part of value.split(';')) if (LOOPBACK_HOST.test(part.trim())) return part.trim();
  return undefined;
}

/** The ports a value of an address setting or a listening line names (URLs or bare port lists). */
function portsOf(name: string, value: string, into: Set<number>): void {
  for (const raw of value.split(/[;,]/)) {
    const part = raw.trim();
    if (/^\d{1,5}$/.test(part)) {
      if (name.includes('PORTS')) into.add(Number(part));
      continue;
    }
    const u = URL_PORT.exec(part);
    if (u) into.add(u[2] ? Number(u[2]) : (u[1] as string).toLowerCase() === 'https' ? 443 : 80);
  }
}

function recognise(input: string, _lines: LineIndex, out: Fact[] = []): Fact[] {
  const signal = (what: string, at: Hit): void => {
    out.push({ kind: KIND, name: 'signal', value: `${KIND}.${what}`, span: { start: at.start, end: at.end } });
  };
  let loopback: Hit | undefined;
  let ignored: Hit | undefined;
  const settings = new Set<string>();
  let sawSetting = false;
  /** Ports the app is told to listen on or says it listens on, and where that was first said. */
  const appPorts = new Set<number>();
  let appAt: Hit | undefined;

  // Address settings with their values.
  const readValue = (name: string, value: string | undefined, at: Hit, valueStart: number): void => {
    sawSetting = true;
    if (value) {
      const v = value.replace(/[.;]+$/, '');
      const before = appPorts.size;
      portsOf(name, v, appPorts);
      if (!appAt && appPorts.size > before) appAt = at;
      const key = `${name}=${v}`;
      if (!settings.has(key)) {
        settings.add(key);
        out.push({ kind: KIND, name: 'setting', value: key, span: { start: at.start, end: valueStart + v.length } });
      }
      const lb = loopbackOf(v);
      if (lb && !loopback) loopback = { start: valueStart, end: valueStart + v.length, text: lb };
    }
    if (!ignored && near(IGNORED, input, at.start, at.end, 120)) ignored = at;
  };
  SETTING.lastIndex = 0;
  for (let m = SETTING.exec(input); m; m = SETTING.exec(input)) {
    const name = (m[1] as string).toUpperCase();
    const value = m[2];
    const valueStart = value ? m.index + m[0].length - value.length : m.index + m[0].length;
    readValue(name, value, { start: m.index, end: m.index + m[0].length, text: m[0] }, valueStart);
  }
  URLS_ARG.lastIndex = 0;
  for (let m = URLS_ARG.exec(input); m; m = URLS_ARG.exec(input)) {
    const value = m[1] as string;
    readValue('urls', value, { start: m.index, end: m.index + m[0].length, text: m[0] }, m.index + m[0].length - value.length);
  }
  ENDPOINT_URL.lastIndex = 0;
  for (let m = ENDPOINT_URL.exec(input); m; m = ENDPOINT_URL.exec(input)) {
    // Only inside an Endpoints section: "Url" alone is any JSON's key.
    if (!input.slice(Math.max(0, m.index - 300), m.index).includes('Endpoints')) continue;
    const value = m[1] as string;
    readValue('Kestrel:Endpoints:Url', value, { start: m.index, end: m.index + m[0].length, text: m[0] }, m.index + m[0].length - 1 - value.length);
  }
  // Every match holds one of these words: without them, no scan.
  if (!loopback && (input.includes('ListenLocalhost(') || input.includes('IPAddress.'))) loopback = first(LOOPBACK_CODE, input);
  LISTENING.lastIndex = 0;
  for (let m = LISTENING.exec(input); m; m = LISTENING.exec(input)) {
    const value = (m[1] as string).replace(/[.,;]+$/, '');
    const s = m.index + m[0].length - (m[1] as string).length;
    const at = { start: s, end: s + value.length, text: value };
    const before = appPorts.size;
    portsOf('listening', value, appPorts);
    if (!appAt && appPorts.size > before) appAt = at;
    if (!loopback && loopbackOf(value)) loopback = at;
  }
  if (appAt) {
    // Where a proxy or a port mapping sends, compared with where the app listens.
    // Only two things count: is there a target, and is one of them a port the app listens on?
    // The first target the app listens on settles it, so the scans stop there.
    let targets = 0;
    let shared = false;
    PROXY_TARGET.lastIndex = 0;
    for (let m = PROXY_TARGET.exec(input); m && !shared; m = PROXY_TARGET.exec(input)) {
      const port = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6];
      if (!port) continue;
      targets++;
      if (appPorts.has(Number(port))) shared = true;
    }
    DESTINATION_ADDRESS.lastIndex = 0;
    for (let m = shared ? null : DESTINATION_ADDRESS.exec(input); m && !shared; m = DESTINATION_ADDRESS.exec(input)) {
      if (!input.slice(Math.max(0, m.index - 300), m.index).includes('Destinations')) continue;
      targets++;
      if (appPorts.has(Number(m[1]))) shared = true;
    }
    if (targets > 0 && !shared) signal('port-mismatch', appAt);
  }
  if (loopback && first(CONTAINER, input)) signal('loopback-in-container', loopback);
  if (ignored) signal('address-setting-ignored', ignored);

  const portVariable = firstPortVariable(input);
  if (portVariable) {
    // "failed to bind to $PORT", "never bound to it": the platform's own words for the failure.
    signal(near(BIND_WORDS, input, portVariable.start, portVariable.end, 150) ? 'platform-port-not-bound' : 'platform-port-variable', portVariable);
  }

  // ASP.NET Core 8 and later with the ports of its changed default.
  // (Each scan only when the ones before it found something.)
  if (!portVariable && !ignored) {
    const net8 = first(NET8, input);
    const port = net8 ? first(PORT_WORDS, input) : undefined;
    const changed = port || !sawSetting ? undefined : first(DEFAULT_PORT_CHANGED, input);
    if (net8 && port) signal('net8-default-port', port);
    else if (changed) signal('net8-default-port', changed);
    else if (net8 && first(UPGRADE, input) && first(NO_ANSWER, input)) signal('net8-upgrade-no-answer', net8);
  }
  return out;
}

export const recogniser: Recogniser = { kind: KIND, recognise };
