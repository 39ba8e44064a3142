import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from './static-server.mjs';

describe('static server (npm start and the browser tests)', () => {
  let root = '';
  let server: Awaited<ReturnType<typeof startStaticServer>>;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'bgg-static-'));
    mkdirSync(join(root, '_astro'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>home</title>');
    writeFileSync(join(root, '404.html'), '<!doctype html><title>not found</title>');
    writeFileSync(join(root, '_astro', 'client.Ab12Cd34.js'), 'export {};');
    writeFileSync(join(root, '_headers'), "/*\n  X-Frame-Options: DENY\n/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n");
    server = await startStaticServer({ root, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("lets the browser keep Astro's hashed bundles and asks again for pages", async () => {
    const bundle = await fetch(new URL('/_astro/client.Ab12Cd34.js', server.url));
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await fetch(new URL('/', server.url));
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const missing = await fetch(new URL('/_astro/gone.js', server.url));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-cache');
  });
});
