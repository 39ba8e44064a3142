/**
 * Redaction of a paste before anything leaves the page (Copy as Markdown, Copy share link, the
 * CLI's --redact): IP addresses, host and domain names, machine names, user, domain and app-pool
 * identities, user folders in paths, cookies, bearer tokens, JWTs and secrets in query strings and
 * connection strings are replaced by stable placeholders. The same value always gets the same
 * placeholder within one call (`host-1`, `10.0.0.1`, `user-1`), so the redacted text still tells
 * "the same server" from "another server".
 *
 * What it keeps on purpose, because diagnosis depends on it and it identifies nobody: loopback and
 * unspecified addresses (127.0.0.1, ::1, 0.0.0.0, localhost), ports, status codes, error codes,
 * paths outside user folders, product and namespace names (ASP.NET, System.Net.Http), file names
 * (web.config, aspnetcorev2.dll), well-known public hosts (microsoft.com, nginx.org ...) and the
 * platform suffix of a cloud host name (`contoso.azurewebsites.net` -> `host-1.azurewebsites.net`,
 * since "this is App Service" is evidence).
 *
 * Placeholders contain no blanks, so a redacted log line keeps its fields and diagnoses the same.
 * Every detector is one linear regular-expression pass over the original text; matches are merged
 * (earlier detectors win on overlap) and the output is built once.
 */

export type RedactionKind = 'ipv4' | 'ipv6' | 'host' | 'machine' | 'user' | 'domain' | 'pool' | 'email' | 'cookie' | 'token' | 'secret';

export interface Redaction {
  kind: RedactionKind;
  /** The text that was replaced. */
  original: string;
  /** What replaced it. */
  placeholder: string;
  /** How many times it occurred. */
  count: number;
}

export interface RedactResult {
  text: string;
  /** One entry per distinct value, in order of first appearance. */
  redactions: Redaction[];
}

interface Hit {
  start: number;
  end: number;
  kind: RedactionKind;
  /** The sensitive value (the part of [start, end) that is replaced). */
  value: string;
  /** Builds the replacement of [start, end) from the placeholder of `value`. */
  render?: (placeholder: string) => string;
}

// Public names that identify nobody: kept as they are.
const PUBLIC_DOMAINS = [
  'microsoft.com', 'aka.ms', 'windows.net', 'azure.com', 'nginx.org', 'nginx.com', 'apache.org', 'github.com', 'githubusercontent.com',
  'stackoverflow.com', 'iis.net', 'asp.net', 'dot.net', 'dotnet.microsoft.com', 'w3.org', 'mozilla.org', 'example.com', 'example.org', 'example.net',
  'contoso.com', 'fabrikam.com', 'traefik.io', 'haproxy.org', 'caddyserver.com', 'kubernetes.io', 'envoyproxy.io', 'amazon.com', 'aws.amazon.com',
  'nuget.org', 'docker.com', 'docker.io', 'mcr.microsoft.com', 'schemas.microsoft.com', 'go.microsoft.com', 'learn.microsoft.com', 'bad-gateway.guide',
];
// Cloud suffixes whose first label is the customer's: the customer part is replaced, the suffix kept.
const PLATFORM_SUFFIXES = [
  'azurewebsites.net', 'scm.azurewebsites.net', 'cloudapp.azure.com', 'cloudapp.net', 'azurefd.net', 'trafficmanager.net', 'azure-api.net',
  'database.windows.net', 'blob.core.windows.net', 'vault.azure.net', 'servicebus.windows.net', 'elb.amazonaws.com', 'amazonaws.com',
  'cloudfront.net', 'herokuapp.com', 'svc.cluster.local', 'cluster.local', 'appspot.com', 'run.app', 'azurecontainerapps.io', 'azurestaticapps.net',
];
const TLDS = new Set(
  ('com net org io dev app cloud co uk de fr es it nl be ch at se no dk fi cz ru ua jp cn kr au nz ca us br mx za tr gr pt ie hu ro sk ' +
    'eu info biz tv xyz site online tech local internal corp lan home intra arpa gov edu mil int ms gg').split(' '),
);
// Identities that are the same on every Windows machine.
const WELL_KNOWN_DOMAINS = new Set(['NT AUTHORITY', 'BUILTIN', 'NT SERVICE', 'IIS APPPOOL', 'WINDOW MANAGER', 'FONT DRIVER HOST', 'NT VIRTUAL MACHINE']);
const WELL_KNOWN_USERS = new Set(['public', 'default', 'all users', 'default user', 'administrator']);
// Names whose value is a secret wherever a key=value pair stands (URLs, connection strings) ...
const SECRET_NAMES = 'sig|token|access_token|id_token|refresh_token|api[_-]?key|apikey|password|passwd|pwd|secret|client_secret|signature|AccountKey|SharedAccessKey|SharedAccessSignature|jwt';
// ... and names that are secrets only inside a query string (after ? or &): "ErrorCode = 0x..." is evidence.
const QUERY_NAMES = 'code|key|auth|session|sessionid|state|sas';

const PREFIX: Record<RedactionKind, string> = {
  ipv4: '', ipv6: '', host: 'host', machine: 'machine', user: 'user', domain: 'DOMAIN', pool: 'pool', email: 'user', cookie: 'cookie', token: 'token', secret: 'secret',
};

function isPublicDomain(name: string): boolean {
  const n = name.toLowerCase();
  return PUBLIC_DOMAINS.some((d) => n === d || n.endsWith('.' + d));
}

function platformSuffix(name: string): string | undefined {
  const n = name.toLowerCase();
  let best: string | undefined;
  for (const s of PLATFORM_SUFFIXES) if (n.endsWith('.' + s) && (!best || s.length > best.length)) best = s;
  return best;
}

function ipv4Kept(ip: string): boolean {
  return ip.startsWith('127.') || ip === '0.0.0.0' || ip === '255.255.255.255';
}

function* ipv4Hits(text: string): Generator<Hit> {
  const re = /(?<![\d.])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?![\d]|\.\d)/g;
  for (const m of text.matchAll(re)) {
    // A version number such as 10.0.17763.1 is preceded by "version", "v" or "/": keep those.
    const before = text.slice(Math.max(0, m.index - 9), m.index).toLowerCase();
    if (/(?:version[: ]|\bv|[a-z]\/)$/.test(before)) continue;
    if (!ipv4Kept(m[0])) yield { start: m.index, end: m.index + m[0].length, kind: 'ipv4', value: m[0] };
  }
}

function* ipv6Hits(text: string): Generator<Hit> {
  // Full, compressed and bracketed forms with at least two colons and one hex group of 1-4 digits.
  const re = /(?<![\w:.])(?:[0-9a-f]{1,4}:){1,7}(?::|(?::[0-9a-f]{1,4}){1,7}|[0-9a-f]{1,4})(?:%\w+)?(?![\w:])/gi;
  for (const m of text.matchAll(re)) {
    const v = m[0];
    if ((v.match(/:/g) ?? []).length < 2) continue;
    if (/^(?:::1|::|0:0:0:0:0:0:0:1)$/i.test(v)) continue;
    // Times like 10:14:22 are not addresses: an address has a hex letter or a '::' or 4+ groups.
    if (!/[a-f]/i.test(v) && !v.includes('::') && v.split(':').length < 5) continue;
    yield { start: m.index, end: m.index + v.length, kind: 'ipv6', value: v.toLowerCase() };
  }
}

function looksLikeNamespace(name: string): boolean {
  // ASP.NET, System.Net.Http, Microsoft.AspNetCore.Hosting: capitalised labels are code, not hosts.
  const labels = name.split('.');
  const last = labels[labels.length - 1] ?? '';
  if (last !== last.toLowerCase() && last !== last.toUpperCase()) return true; // .Net, .Http
  if (last === 'NET') return true; // ASP.NET, VB.NET
  return labels.some((l) => /^[A-Z][a-z]+[A-Z]/.test(l)); // AspNetCore, HttpClient
}

function* hostHits(text: string): Generator<Hit> {
  // Not inside a word, an e-mail address, a Windows path or a URL path ("//host" is allowed).
  const re = /(?<![\w.@\\-])(?<![^/]\/)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,12}[a-z]{2,24}(?![\w-]|\.[a-z0-9])/gi;
  for (const m of text.matchAll(re)) {
    const name = m[0];
    const tld = (name.split('.').pop() ?? '').toLowerCase();
    if (!TLDS.has(tld)) continue;
    const suffix = platformSuffix(name);
    if (!suffix && isPublicDomain(name)) continue;
    // A file name such as web.config or app.dll has no TLD we know; code names are capitalised.
    if (!suffix && looksLikeNamespace(name)) continue;
    if (suffix) {
      const customer = name.slice(0, name.length - suffix.length - 1);
      yield { start: m.index, end: m.index + name.length, kind: 'host', value: customer.toLowerCase(), render: (p) => `${p}.${suffix}` };
    } else {
      yield { start: m.index, end: m.index + name.length, kind: 'host', value: name.toLowerCase() };
    }
  }
}

function* emailHits(text: string): Generator<Hit> {
  const re = /(?<![\w.+-])[\w.+-]{1,64}@(?:[a-z0-9-]{1,63}\.){1,12}[a-z]{2,24}(?![\w-])/gi;
  for (const m of text.matchAll(re)) yield { start: m.index, end: m.index + m[0].length, kind: 'email', value: m[0].toLowerCase() };
}

function* identityHits(text: string): Generator<Hit> {
  // IIS APPPOOL\name: the pool name is replaced, the well-known prefix kept.
  for (const m of text.matchAll(/IIS APPPOOL\\([\w .$-]{1,64}?)(?=["'\s,;)\]]|$)/gi)) {
    const name = m[1] ?? '';
    const start = m.index + m[0].length - name.length;
    yield { start, end: start + name.length, kind: 'pool', value: name };
  }
  // DOMAIN\user (NetBIOS domain or machine name, then a user name).
  for (const m of text.matchAll(/(?<![\w\\:.])([A-Za-z][\w-]{0,14})\\([A-Za-z][\w.$-]{0,63})(?![\w\\])/g)) {
    const domain = m[1] ?? '';
    const user = m[2] ?? '';
    const word = /(\w+) $/.exec(text.slice(Math.max(0, m.index - 16), m.index))?.[1] ?? '';
    if (WELL_KNOWN_DOMAINS.has(domain.toUpperCase()) || WELL_KNOWN_DOMAINS.has(`${word} ${domain}`.toUpperCase()) || /^[a-z]$/i.test(domain)) continue;
    // Paths such as Windows\System32 or inetpub\wwwroot are folders, not identities.
    if (/^(?:windows|system32|syswow64|inetpub|wwwroot|logs?|program|users|temp|app|bin|src|home|var|etc|usr|dotnet|iis|host|shared|microsoft)$/i.test(domain)) continue;
    if (/\.(?:dll|exe|log|config|json|xml|txt|htm|html|cs|pdb)$/i.test(user)) continue;
    const domStart = m.index;
    yield { start: domStart, end: domStart + domain.length, kind: 'domain', value: domain.toUpperCase() };
    if (!WELL_KNOWN_USERS.has(user.toLowerCase())) {
      const userStart = domStart + domain.length + 1;
      yield { start: userStart, end: userStart + user.length, kind: 'user', value: user.toLowerCase() };
    }
  }
  // User folders: C:\Users\name\..., /home/name/..., /Users/name/...
  for (const m of text.matchAll(/(?:\b[A-Za-z]:\\Users\\|\/home\/|\/Users\/)([^\\/\s"'<>|:*?]{1,64})/g)) {
    const name = m[1] ?? '';
    if (WELL_KNOWN_USERS.has(name.toLowerCase())) continue;
    const start = m.index + m[0].length - name.length;
    yield { start, end: start + name.length, kind: 'user', value: name.toLowerCase() };
  }
  // Machine names written after their label (event logs, FREB, stack dumps) or in UNC paths.
  for (const m of text.matchAll(/(?:\b(?:Computer(?:Name)?|Machine ?Name|MachineName|Host ?Name|Server ?Name|s-computername)\s*[:=]\s*"?|<Computer>|computerName="|\\\\)([A-Za-z][\w-]{1,62})/gi)) {
    const name = m[1] ?? '';
    if (/^(?:localhost|\.|127)$/i.test(name)) continue;
    const start = m.index + m[0].length - name.length;
    // An FQDN here is handled by the host detector.
    if (text[start + name.length] === '.' && /[a-z]/i.test(text[start + name.length + 1] ?? '')) continue;
    yield { start, end: start + name.length, kind: 'machine', value: name.toUpperCase() };
  }
  // Azure App Service instance names (RD + 12 hex digits).
  for (const m of text.matchAll(/\bRD[0-9A-F]{12}\b/g)) yield { start: m.index, end: m.index + m[0].length, kind: 'machine', value: m[0] };
}

function* secretHits(text: string): Generator<Hit> {
  // JWTs anywhere (three base64url parts, the first two starting with a JSON object).
  for (const m of text.matchAll(/\beyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]{0,1000}/g)) yield { start: m.index, end: m.index + m[0].length, kind: 'token', value: m[0] };
  // Authorization: Bearer / Basic values.
  for (const m of text.matchAll(/\b(?:Bearer|Basic)\s+([\w.~+/=-]{8,})/g)) {
    const v = m[1] ?? '';
    const start = m.index + m[0].length - v.length;
    yield { start, end: start + v.length, kind: 'token', value: v };
  }
  // Secrets in query strings and key=value lists (URLs, connection strings).
  const pairs = new RegExp(`(?:(?<=[?&;\\s"]|^)(?:${SECRET_NAMES})|(?<=[?&])(?:${QUERY_NAMES}))=([^&\\s;"'<>]{1,2000})`, 'gi');
  for (const m of text.matchAll(pairs)) {
    const v = m[1] ?? '';
    const start = m.index + m[0].length - v.length;
    yield { start, end: start + v.length, kind: 'secret', value: v };
  }
  // Cookie headers (and the cs(Cookie) field of IIS logs, which joins pairs with ';+'): values only.
  for (const m of text.matchAll(/\b(?:Set-Cookie|Cookie)\s*:\s*([^\r\n]{1,8000})/gi)) {
    yield* cookieValues(m[1] ?? '', m.index + m[0].length - (m[1] ?? '').length);
  }
  for (const m of text.matchAll(/(?<=\s|^)((?:[\w.%-]{1,128}=[^;\s]{1,4000};\+?){1,64}[\w.%-]{1,128}=[^;\s]{1,4000})(?=\s|$)/gm)) {
    if (!/;\+/.test(m[0])) continue;
    yield* cookieValues(m[1] ?? '', m.index);
  }
}

function* cookieValues(header: string, offset: number): Generator<Hit> {
  for (const p of header.matchAll(/(?:^|;\+?\s*)([\w.%!#$&'*+^`|~-]{1,128})=([^;\s,]{1,4000})/g)) {
    const name = p[1] ?? '';
    const value = p[2] ?? '';
    if (/^(?:path|domain|expires|max-age|samesite|secure|httponly)$/i.test(name) || value.length < 4) continue;
    const start = offset + p.index + p[0].length - value.length;
    yield { start, end: start + value.length, kind: 'cookie', value };
  }
}

/** Redacts `text`; see the module comment for what is replaced and what is kept. */
export function redact(text: string): RedactResult {
  const groups = [secretHits(text), emailHits(text), identityHits(text), hostHits(text), ipv4Hits(text), ipv6Hits(text)];
  const hits: Hit[] = [];
  groups.forEach((g, priority) => {
    for (const h of g) hits.push(Object.assign(h, { priority }));
  });
  hits.sort((a, b) => a.start - b.start || (a as Hit & { priority: number }).priority - (b as Hit & { priority: number }).priority || b.end - a.end);

  const byValue = new Map<string, Redaction>();
  const counters = new Map<string, number>();
  const placeholderFor = (h: Hit): string => {
    const family = h.kind === 'email' ? 'user' : h.kind;
    const key = `${family}\u0000${h.value}`;
    let r = byValue.get(key);
    if (!r) {
      const n = (counters.get(family) ?? 0) + 1;
      counters.set(family, n);
      const placeholder = h.kind === 'ipv4' ? `10.0.0.${n}` : h.kind === 'ipv6' ? `2001:db8::${n.toString(16)}` : h.kind === 'email' ? `user-${n}@example.com` : `${PREFIX[h.kind]}-${n}`;
      r = { kind: h.kind, original: h.value, placeholder, count: 0 };
      byValue.set(key, r);
    }
    r.count++;
    return r.placeholder;
  };

  let out = '';
  let at = 0;
  for (const h of hits) {
    if (h.start < at) continue; // overlaps an earlier (or higher-priority) hit
    const placeholder = placeholderFor(h);
    out += text.slice(at, h.start) + (h.render ? h.render(placeholder) : placeholder);
    at = h.end;
  }
  out += text.slice(at);
  return { text: out, redactions: [...byValue.values()] };
}
