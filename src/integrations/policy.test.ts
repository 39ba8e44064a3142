import { describe, expect, it } from 'vitest';
import { formatPolicy, mergePolicies, parsePolicy } from './policy.mjs';
import { headersFile, iisWebConfig } from './security-headers.mjs';

describe('CSP helpers', () => {
  it('parses and unions policies directive by directive', () => {
    const merged = mergePolicies(["default-src 'self'; script-src 'self' 'sha256-a'", "script-src 'self' 'sha256-b'; object-src 'none'"]);
    expect(formatPolicy(merged)).toBe("default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; object-src 'none'");
    expect(parsePolicy('  ; a b ;').get('a')).toEqual(['b']);
  });

  it('writes the same policy to _headers and web.config', () => {
    const csp = "default-src 'self'; frame-ancestors 'none'";
    expect(headersFile(csp)).toContain(`  Content-Security-Policy: ${csp}\n`);
    expect(iisWebConfig(csp)).toContain(`<add name="Content-Security-Policy" value="default-src 'self'; frame-ancestors 'none'" />`);
    expect(iisWebConfig('a "quoted" <b>')).toContain('value="a &quot;quoted&quot; &lt;b>"');
  });

  it("keeps Astro's hashed bundles a year on static hosts, and only those", () => {
    const lines = headersFile("default-src 'self'").split('\n');
    const at = lines.indexOf('/_astro/*');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('  Cache-Control: public, max-age=31536000, immutable');
    expect(lines.slice(0, at).some((l) => l.includes('Cache-Control'))).toBe(false);
    // The same for IIS, in the site's own web.config, for that folder only.
    const config = iisWebConfig("default-src 'self'");
    expect(config).toMatch(/<location path="_astro">\s*<system\.webServer>\s*<staticContent>\s*<clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="365\.00:00:00" cacheControlCustom="immutable" \/>/);
    expect(config.indexOf('<clientCache')).toBeGreaterThan(config.indexOf('<location path="_astro">'));
  });
});
