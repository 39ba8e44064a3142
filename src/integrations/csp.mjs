// Content-Security-Policy settings for Astro's built-in `security.csp`.
// Astro hashes the scripts and styles it bundles, but not `is:inline` scripts: those are
// hashed here from the exact bytes of the files the layout inlines.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The inline scripts the layout embeds verbatim (read with ?raw there). */
export const INLINE_SCRIPTS = [new URL('../scripts/theme-init.js', import.meta.url)];

export function sha256(text) {
  return 'sha256-' + createHash('sha256').update(text, 'utf8').digest('base64');
}

export function inlineScriptHashes() {
  return INLINE_SCRIPTS.map((url) => sha256(readFileSync(url, 'utf8')));
}

/** @returns {NonNullable<NonNullable<import('astro').AstroUserConfig['security']>['csp']>} */
export function cspConfig() {
  return {
    algorithm: 'SHA-256',
    directives: [
      "default-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "worker-src 'self' blob:",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ],
    scriptDirective: {
      // Pagefind compiles its search core from WebAssembly.
      resources: ["'self'", "'wasm-unsafe-eval'"],
      hashes: inlineScriptHashes(),
    },
    styleDirective: {
      // Shiki colours tokens with style attributes; no inline <style> elements are allowed.
      resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }],
    },
  };
}
