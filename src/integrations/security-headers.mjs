// Writes the HTTP security headers for static hosts once the site is built:
//   dist/_headers   (Netlify, Cloudflare Pages and hosts that read the same format)
//   dist/web.config (hosting the site itself on IIS)
// The Content-Security-Policy is the union of the per-page policies Astro wrote into each
// page's <meta> (so every hash of every page is allowed), plus what only a header can say
// (frame-ancestors). Both the header and the meta tag are then enforced by the browser.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatPolicy, mergePolicies } from './policy.mjs';

const META = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

async function htmlFiles(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await htmlFiles(p)));
    else if (e.name.endsWith('.html')) out.push(p);
  }
  return out;
}

export const OTHER_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

export function headersFile(csp) {
  const lines = ['/*', `  Content-Security-Policy: ${csp}`, ...Object.entries(OTHER_HEADERS).map(([k, v]) => `  ${k}: ${v}`)];
  // Astro's bundled scripts and styles carry a content hash in their names: keep them a year.
  lines.push('/_astro/*', '  Cache-Control: public, max-age=31536000, immutable');
  return lines.join('\n') + '\n';
}

const xml = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function iisWebConfig(csp) {
  const headers = [['Content-Security-Policy', csp], ...Object.entries(OTHER_HEADERS)]
    .map(([k, v]) => `        <add name="${k}" value="${xml(v)}" />`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Hosting Bad Gateway Guide itself on IIS: security headers, MIME types for the search index, the 404 page, and a year's caching for Astro's content-hashed bundles. -->
<configuration>
  <system.webServer>
    <httpProtocol>
      <customHeaders>
        <remove name="X-Powered-By" />
${headers}
      </customHeaders>
    </httpProtocol>
    <staticContent>
      <remove fileExtension=".wasm" />
      <mimeMap fileExtension=".wasm" mimeType="application/wasm" />
      <remove fileExtension=".pf_meta" />
      <mimeMap fileExtension=".pf_meta" mimeType="application/octet-stream" />
      <remove fileExtension=".pf_index" />
      <mimeMap fileExtension=".pf_index" mimeType="application/octet-stream" />
      <remove fileExtension=".pf_fragment" />
      <mimeMap fileExtension=".pf_fragment" mimeType="application/octet-stream" />
      <remove fileExtension=".pf_filter" />
      <mimeMap fileExtension=".pf_filter" mimeType="application/octet-stream" />
      <remove fileExtension=".pagefind" />
      <mimeMap fileExtension=".pagefind" mimeType="application/octet-stream" />
    </staticContent>
    <httpErrors errorMode="Custom" existingResponse="Replace">
      <remove statusCode="404" />
      <error statusCode="404" path="/404.html" responseMode="ExecuteURL" />
    </httpErrors>
  </system.webServer>
  <location path="_astro">
    <system.webServer>
      <staticContent>
        <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="365.00:00:00" cacheControlCustom="immutable" />
      </staticContent>
    </system.webServer>
  </location>
</configuration>
`;
}

/** @returns {import('astro').AstroIntegration} */
export function securityHeaders() {
  return {
    name: 'bad-gateway-guide:security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const policies = [];
        for (const file of await htmlFiles(out)) {
          const m = META.exec(await readFile(file, 'utf8'));
          if (m) policies.push(m[1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
        }
        if (!policies.length) throw new Error('No page carries a Content-Security-Policy meta tag: is security.csp on?');
        const merged = mergePolicies([...policies, "frame-ancestors 'none'"]);
        const csp = formatPolicy(merged);
        await writeFile(join(out, '_headers'), headersFile(csp));
        await writeFile(join(out, 'web.config'), iisWebConfig(csp));
        logger.info(`security headers written for ${policies.length} pages (_headers, web.config)`);
      },
    },
  };
}
