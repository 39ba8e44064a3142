// A small static file server for dist/: used by `npm start` and by the browser tests.
// Serves index.html for directories, redirects /path to /path/ when that is a directory,
// redirects an upper-case path to its lower-case page, answers 404 with dist/404.html (whose
// script finds codes typed in other forms), and never lists directories or leaves the root.
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

async function fileAt(path) {
  try {
    const s = await stat(path);
    return s.isFile() ? s : s.isDirectory() ? 'dir' : null;
  } catch {
    return null;
  }
}

/**
 * @param {{ root: string, host?: string, port?: number }} options
 * @returns {Promise<{ url: string, close: () => Promise<void>, server: import('node:http').Server }>}
 */
export async function startStaticServer({ root, host = '127.0.0.1', port = 4321 }) {
  const base = resolve(root);
  const extra = siteHeaders(join(base, '_headers'));
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let pathname = decodeURIComponent(url.pathname);
      const target = normalize(join(base, pathname));
      if (target !== base && !target.startsWith(base + sep)) return send(res, 403, 'Forbidden');
      let file = target;
      let info = await fileAt(file);
      if (info === 'dir') {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { Location: pathname + '/' + url.search });
          return res.end();
        }
        file = join(file, 'index.html');
        info = await fileAt(file);
      }
      if ((!info || info === 'dir') && pathname !== pathname.toLowerCase()) {
        // Paths are lower case; a link or a typed address in upper case is sent to the page meant.
        const lower = pathname.toLowerCase();
        const li = await fileAt(normalize(join(base, lower)));
        if (li === 'dir' || (li && lower.endsWith('.html'))) {
          res.writeHead(301, { Location: encodeURI(lower.endsWith('/') || li !== 'dir' ? lower : lower + '/') + url.search });
          return res.end();
        }
      }
      if (!info || info === 'dir') {
        const notFound = join(base, '404.html');
        const nf = await fileAt(notFound);
        if (nf && nf !== 'dir') return stream(res, 404, notFound, nf.size, req.method, extra);
        return send(res, 404, 'Not found');
      }
      return stream(res, 200, file, info.size, req.method, extra, cacheFor(pathname));
    } catch {
      return send(res, 400, 'Bad request');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}`,
    server,
    close: () => new Promise((ok) => server.close(() => ok(undefined))),
  };
}

/** The headers the build wrote for static hosts (dist/_headers, block "/*"), served here too. */
export function siteHeaders(file) {
  if (!existsSync(file)) return {};
  const out = {};
  let inGlobal = false;
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) {
      inGlobal = line.trim() === '/*';
      continue;
    }
    const i = line.indexOf(':');
    if (inGlobal && i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

/**
 * Astro names the files under /_astro/ after a hash of their content, so a new build never reuses a
 * name: they are kept for a year, as static hosts keep them (dist/_headers says the same). Pages
 * and everything else are asked for again each time.
 */
export function cacheFor(pathname) {
  return pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

function stream(res, status, file, size, method, extra = {}, cache = 'no-cache') {
  res.writeHead(status, {
    ...extra,
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': size,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': cache,
  });
  if (method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
}

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
