/**
 * Evidence from another stack. This site covers ASP.NET Core behind IIS/ANCM, App Service and
 * reverse proxies. When a paste clearly comes from classic ASP.NET (System.Web), PHP or another
 * FastCGI app, a static-file or URL Rewrite failure in IIS, or is a client-side 4xx error, the
 * honest answer is to say so and point at the nearest useful page instead of forcing one of our
 * causes. Each marker is a product string those stacks print and ASP.NET Core never does.
 *
 * One linear pass per marker (plain regular expressions without nested quantifiers).
 */
import { mentionsHealthChecker } from '../recognisers/shared/health-checkers.ts';

export type OtherStack = 'classic-aspnet' | 'php-fastcgi' | 'static-file' | 'url-rewrite' | 'client-error';

export interface OutOfScope {
  stack: OtherStack;
  /** What the evidence is, in one sentence. */
  what: string;
  /** What the reader can do here. */
  advice: string;
  /** The nearest useful page on this site. */
  link: { href: string; label: string };
  /** The marker text found, as it appears in the paste. */
  evidence: string[];
}

interface Marker {
  stack: OtherStack;
  re: RegExp;
  /** Markers whose weight adds up to 2 decide; a weak marker (1) needs a second one. */
  weight: 1 | 2;
}

const MARKERS: readonly Marker[] = [
  { stack: 'classic-aspnet', re: /\bAspNetInitializationExceptionModule\b/g, weight: 2 },
  { stack: 'classic-aspnet', re: /\bSystem\.Web\.(?:HttpException|HttpUnhandledException|Hosting\.HostingEnvironment|Mvc\.|UI\.|HttpApplication)/g, weight: 2 },
  { stack: 'classic-aspnet', re: /Server Error in '[^'\n]{0,200}' Application\./g, weight: 2 },
  { stack: 'classic-aspnet', re: /\b(?:ManagedPipelineHandler|PageHandlerFactory-Integrated|System\.Web\.UI\.PageHandlerFactory)\b/g, weight: 2 },
  { stack: 'classic-aspnet', re: /\/[\w./-]{1,200}\.(?:aspx|asmx|ashx|axd|svc)\b/gi, weight: 1 },
  { stack: 'classic-aspnet', re: /\bClr[24](?:Integrated|Classic)AppPool\b/g, weight: 1 },
  { stack: 'classic-aspnet', re: /\bASP\.NET (?:4\.\d|2\.0)\.\d+/g, weight: 1 },
  { stack: 'php-fastcgi', re: /\bFastCgiModule\b/g, weight: 2 },
  { stack: 'php-fastcgi', re: /\bphp-cgi\.exe\b/gi, weight: 2 },
  { stack: 'php-fastcgi', re: /\bPHP (?:Fatal error|Parse error|Warning):/g, weight: 2 },
  { stack: 'php-fastcgi', re: /The FastCGI process (?:exited unexpectedly|exceeded configured request timeout)/gi, weight: 2 },
  { stack: 'php-fastcgi', re: /\/[\w./-]{1,200}\.php\b/gi, weight: 1 },
  { stack: 'static-file', re: /\bStaticFileModule\b/g, weight: 1 },
  { stack: 'url-rewrite', re: /\bRewriteModule\b/g, weight: 1 },
];

// What ASP.NET Core evidence looks like: when any of it is present, the paste is ours.
const OURS = /\b(?:AspNetCoreModule(?:V2)?|aspnetcorev2(?:_inprocess|_outofprocess)?\.dll|ANCM|Microsoft\.AspNetCore|Kestrel|hostfxr|ASP\.NET Core|dotnet(?:\.exe)? [^\s]*\.dll)\b/i;
// Statuses a client causes: 4xx other than those our causes explain (403.14 and 404 can be a wrong
// physical path; 499 is a client abort we cover).
const CLIENT_STATUS = /(?:^|[\s"'(])(?:HTTP\/\d(?:\.\d)? |status[:= ]+|HTTP Error )?(400|401|405|407|411|413|414|415|429|431)(?:\.\d{1,3})?\b/gim;
const SERVER_STATUS = /\b(?:50[0-4]|499)\b/;

const ADVICE: Record<OtherStack, Omit<OutOfScope, 'stack' | 'evidence'>> = {
  'classic-aspnet': {
    what: 'This is a classic ASP.NET (System.Web, .NET Framework) application, not ASP.NET Core.',
    advice: 'This site covers ASP.NET Core. For a System.Web app, read the exception and the module that failed in the Failed Request Tracing log; the same tracing steps apply.',
    link: { href: '/guides/failed-request-tracing/', label: 'Failed Request Tracing for 502 and 500.3x errors' },
  },
  'php-fastcgi': {
    what: 'This comes from PHP or another FastCGI application in IIS, not from ASP.NET Core.',
    advice: 'This site covers ASP.NET Core. For FastCGI, look at the FastCGI settings (activity and request timeouts) and at the PHP error log; Failed Request Tracing shows which module failed.',
    link: { href: '/guides/failed-request-tracing/', label: 'Failed Request Tracing for 502 and 500.3x errors' },
  },
  'static-file': {
    what: 'IIS served (or failed to serve) a static file: the request never reached an ASP.NET Core app.',
    advice: 'If this URL should have reached your app, the ASP.NET Core handler is not mapped for it: check that the site points at the published folder and that its web.config registers the aspNetCore handler.',
    link: { href: '/causes/physical-path-wrong/', label: 'The site\u2019s physical path does not hold the app' },
  },
  'url-rewrite': {
    what: 'The IIS URL Rewrite module set this status, before any ASP.NET Core app was involved.',
    advice: 'Check the rewrite rule that matched (Failed Request Tracing lists it); if the rule proxies with Application Request Routing, the backend server is where to look next.',
    link: { href: '/guides/failed-request-tracing/', label: 'Failed Request Tracing for 502 and 500.3x errors' },
  },
  'client-error': {
    what: 'This is a client-side error (4xx): the server refused the request as sent, so no gateway failed.',
    advice: 'A 4xx status means the request itself was rejected (bad syntax, authentication, size limits). This site covers 502, 503, 504 and the 500.3x family; the guide explains which hop answers which status.',
    link: { href: '/guides/how-a-502-happens/', label: 'How a 502 happens: gateways, upstreams and the hop that gave up' },
  },
};

/**
 * The other stack this paste comes from, or undefined when it may be ours. A paste that also
 * holds ASP.NET Core evidence is always ours.
 */
export function detectOtherStack(text: string): OutOfScope | undefined {
  if (OURS.test(text)) return undefined;
  const score = new Map<OtherStack, { weight: number; evidence: string[] }>();
  for (const m of MARKERS) {
    for (const hit of text.matchAll(m.re)) {
      const s = score.get(m.stack) ?? { weight: 0, evidence: [] };
      if (!s.evidence.includes(hit[0])) {
        s.weight += m.weight;
        s.evidence.push(hit[0]);
      }
      score.set(m.stack, s);
      break; // one hit per marker is enough
    }
  }
  let best: [OtherStack, { weight: number; evidence: string[] }] | undefined;
  for (const entry of score) if (entry[1].weight >= 2 && (!best || entry[1].weight > best[1].weight)) best = entry;
  if (best) return { stack: best[0], ...ADVICE[best[0]], evidence: best[1].evidence };

  // A 4xx given to a load balancer's or kubelet's health check is no client's error: it takes the
  // instance out of the pool.
  if (!SERVER_STATUS.test(text) && !mentionsHealthChecker(text)) {
    const client = [...text.matchAll(CLIENT_STATUS)].map((m) => m[0].trim());
    if (client.length) return { stack: 'client-error', ...ADVICE['client-error'], evidence: [...new Set(client)].slice(0, 3) };
  }
  return undefined;
}
