/**
 * One entry of the message catalogue (content/data/messages/<product>.json): a message a product
 * prints, in its own words, with the causes it points to. Types and a runtime check; no I/O.
 */

/** Products the catalogue covers; each has its own data file `<product>.json`. */
export const MESSAGE_PRODUCTS = [
  'ancm',
  'iis',
  'hostfxr',
  'kestrel',
  'dotnet-net',
  'windows-socket',
  'nginx',
  'apache',
  'yarp',
  'envoy',
  'traefik',
  'haproxy',
  'caddy',
  'azure',
  'aws',
  'gcp',
  'cloudflare',
  'heroku',
  'kubernetes',
  'node-proxy',
  'openssl',
  'curl',
  'app-server',
  'paas',
  'kong',
  'varnish',
  'cdn',
  'browser',
  'http-client',
  'database',
  'api-gateway',
  'auth-proxy',
  'web-server',
] as const;
export type MessageProduct = (typeof MESSAGE_PRODUCTS)[number];

export const MESSAGE_PRODUCT_LABELS: Record<MessageProduct, string> = {
  ancm: 'ASP.NET Core Module (ANCM)',
  iis: 'IIS and HTTP.sys',
  hostfxr: '.NET host (hostfxr, hostpolicy)',
  kestrel: 'Kestrel and ASP.NET Core hosting',
  'dotnet-net': '.NET networking (System.Net)',
  'windows-socket': 'Windows sockets and WinHTTP',
  nginx: 'nginx',
  apache: 'Apache httpd',
  yarp: 'YARP',
  envoy: 'Envoy and Istio',
  traefik: 'Traefik',
  haproxy: 'HAProxy',
  caddy: 'Caddy',
  azure: 'Azure',
  aws: 'AWS',
  gcp: 'Google Cloud',
  cloudflare: 'Cloudflare',
  heroku: 'Heroku',
  kubernetes: 'Kubernetes, its service meshes (Linkerd) and Knative, and container runtimes',
  'node-proxy': 'Node.js and its proxies (runtime errors, http-proxy-middleware, Vite)',
  openssl: 'OpenSSL (TLS errors of proxies and app servers)',
  curl: 'curl (a request sent by hand to the app or the proxy)',
  'app-server': 'App servers and runtimes behind a proxy (Gunicorn, uWSGI, Uvicorn, Django, Puma, Unicorn, Passenger, PHP-FPM, PM2, Next.js, Tomcat, Jetty, Netty, Spring, the JVM)',
  paas: 'Managed app platforms (Railway, Fly.io, Render, Vercel, Netlify, DigitalOcean App Platform)',
  kong: 'Kong Gateway (also the API gateway inside Supabase)',
  varnish: 'Varnish Cache (also inside Fastly and Magento set-ups)',
  cdn: 'CDNs in front of the origin (Akamai, Fastly, Bunny.net, KeyCDN)',
  browser: "Browsers (Chromium's and Firefox's error names, as the page or the console shows them)",
  'http-client': 'HTTP and gRPC clients and load tools calling the app or the proxy (Python, Node, Go, Rust, gRPC, JMeter)',
  database: 'Databases, caches and their client libraries, as the app logs them (PostgreSQL, PgBouncer, MySQL, MongoDB, Redis, ORMs)',
  'api-gateway': 'API gateways and sidecars in front of the app (Ocelot, Dapr, APISIX, Tyk, KrakenD, Apigee)',
  'auth-proxy': 'Authentication proxies in front of the app (oauth2-proxy, Pomerium)',
  'web-server': 'Web servers that host the app or sit behind the proxy (LiteSpeed, lighttpd, H2O, NGINX Unit; CloudLinux limits)',
};

/** Fact names an entry may yield (a subset of the engine's FactName). */
export const MESSAGE_FACT_NAMES = ['status', 'server', 'code', 'hosting-model', 'exception'] as const;
export type MessageFactName = (typeof MESSAGE_FACT_NAMES)[number];

/** Languages of translated entries (BCP 47 tags as Windows writes them). */
export const MESSAGE_LANGS = ['de', 'fr', 'es', 'it', 'pt-BR', 'ja', 'ko', 'zh-CN', 'zh-TW', 'ru', 'nl', 'pl', 'tr'] as const;

export interface MessageEntry {
  /** Stable id `<product>.<what>`. */
  id: string;
  product: MessageProduct;
  /** Where it applies: "ANCM V2", "nginx >= 1.1", "all". */
  versions: string;
  /** The exact message; variable parts written `{name}`. */
  text: string;
  facts?: { name: MessageFactName; value: string }[];
  causes: { cause: string; weight: number }[];
  /** URL of the source file, resource or documentation line the text was taken from. */
  source: string;
  /** Language of a translated entry (absent = English). */
  lang?: string;
  /** Id of the English entry this one translates. */
  of?: string;
}

const ID = /^[a-z0-9-]+\.[a-z0-9][a-z0-9.-]*$/;
const PLACEHOLDER = /\{[A-Za-z0-9_-]+\}/g;

/** Literal parts of a text: the text split at its `{name}` placeholders. */
export function literalParts(text: string): string[] {
  return text.split(PLACEHOLDER);
}

/**
 * Problems with one raw entry (empty when it is well formed). `causeIds` is the full list of
 * cause ids the catalogue may name (cause-ids.md), not only those with an article yet.
 */
export function entryProblems(raw: unknown, causeIds: ReadonlySet<string>): string[] {
  const p: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return ['not an object'];
  const e = raw as Record<string, unknown>;
  const known = new Set(['id', 'product', 'versions', 'text', 'facts', 'causes', 'source', 'lang', 'of']);
  for (const k of Object.keys(e)) if (!known.has(k)) p.push(`unknown field ${k}`);
  if (typeof e.id !== 'string' || !ID.test(e.id)) p.push(`bad id ${String(e.id)}`);
  if (typeof e.product !== 'string' || !(MESSAGE_PRODUCTS as readonly string[]).includes(e.product)) p.push(`unknown product ${String(e.product)}`);
  else if (typeof e.id === 'string' && !e.id.startsWith(`${e.product}.`)) p.push(`id ${e.id} does not start with ${e.product}.`);
  if (typeof e.versions !== 'string' || e.versions.trim() === '') p.push('versions missing');
  if (typeof e.text !== 'string' || e.text.trim().length < 8) p.push('text missing or too short');
  else if (/[{}]/.test(e.text.replace(PLACEHOLDER, ''))) p.push('text has a brace outside a {name} placeholder');
  if (typeof e.source !== 'string' || !/^https:\/\/[^\s]+$/.test(e.source)) p.push('source is not an https URL');
  if (e.facts !== undefined) {
    if (!Array.isArray(e.facts)) p.push('facts is not a list');
    else
      for (const f of e.facts as unknown[]) {
        const x = f as Record<string, unknown>;
        if (typeof x !== 'object' || x === null || !(MESSAGE_FACT_NAMES as readonly string[]).includes(String(x.name)) || typeof x.value !== 'string' || x.value === '') p.push(`bad fact ${JSON.stringify(f)}`);
        else if (x.name === 'status' && !/^\d{3}(\.\d{1,3})?$/.test(x.value)) p.push(`bad status ${x.value}`);
        else if (x.name === 'code' && !/^(0x[0-9a-f]{1,8}|\d{1,10})$/i.test(x.value)) p.push(`bad code ${x.value}`);
      }
  }
  if (!Array.isArray(e.causes) || e.causes.length === 0) p.push('causes missing');
  else {
    const seen = new Set<string>();
    for (const c of e.causes as unknown[]) {
      const x = c as Record<string, unknown>;
      if (typeof x !== 'object' || x === null || typeof x.cause !== 'string' || !causeIds.has(x.cause)) p.push(`unknown cause ${JSON.stringify(c)}`);
      else if (seen.has(x.cause)) p.push(`cause ${x.cause} twice`);
      else seen.add(x.cause);
      if (typeof x.weight !== 'number' || !(x.weight > 0 && x.weight <= 1)) p.push(`weight out of (0, 1] in ${JSON.stringify(c)}`);
    }
  }
  if ((e.lang === undefined) !== (e.of === undefined)) p.push('lang and of go together');
  if (e.lang !== undefined && !(MESSAGE_LANGS as readonly string[]).includes(String(e.lang))) p.push(`unknown lang ${String(e.lang)}`);
  return p;
}

/** The cause with the highest weight (first on a tie). */
export function strongestCause(e: MessageEntry): string {
  let best = e.causes[0]!;
  for (const c of e.causes) if (c.weight > best.weight) best = c;
  return best.cause;
}
