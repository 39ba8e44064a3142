import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/integrations/policy.mjs';
import { DIST, htmlFiles, read, urlOf } from './site-files.ts';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const ALLOWED = /^('self'|'none'|'wasm-unsafe-eval'|'sha256-[A-Za-z0-9+/=]+'|data:|blob:)$/;

describe('Content-Security-Policy of every page', () => {
  it('allows no inline script except by hash, no third-party origin, and inline styles only as attributes', () => {
    const problems: string[] = [];
    for (const file of htmlFiles()) {
      const html = read(file);
      const page = urlOf(file);
      const m = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html);
      if (!m) {
        problems.push(`${page}: no CSP`);
        continue;
      }
      const policy = parsePolicy(m[1]!.replace(/&#39;/g, "'"));
      for (const [directive, sources] of policy) {
        for (const s of sources) {
          if (directive === 'style-src-attr' && s === "'unsafe-inline'") continue;
          if (!ALLOWED.test(s)) problems.push(`${page}: ${directive} allows ${s}`);
        }
      }
      if (policy.get('default-src')?.join(' ') !== "'self'") problems.push(`${page}: default-src is not 'self'`);
      const scriptSrc = new Set(policy.get('script-src') ?? []);
      for (const s of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
        if (s[1]!.trim() && !scriptSrc.has(sha(s[1]!))) problems.push(`${page}: an inline script is not covered by a hash (${s[1]!.slice(0, 40)}…)`);
      }
    }
    expect(problems.slice(0, 20), `${problems.length} problems`).toEqual([]);
  });

  it('ships the same policy as headers for static hosts and IIS', () => {
    for (const f of ['_headers', 'web.config']) expect(existsSync(DIST + f), f).toBe(true);
    const headers = read(DIST + '_headers');
    expect(headers).toMatch(/^\/\*\n {2}Content-Security-Policy: .*frame-ancestors 'none'/m);
    expect(headers).toContain('X-Content-Type-Options: nosniff');
    expect(read(DIST + 'web.config')).toContain('<add name="Content-Security-Policy"');
  });
});
