// `npm start` / `npm run preview`: serve the built site from dist/ on 127.0.0.1:4321.
// HOST and PORT override the address.
import { existsSync } from 'node:fs';
import { startStaticServer } from './static-server.mjs';

const root = new URL('../dist/', import.meta.url).pathname;
if (!existsSync(root + 'index.html')) {
  console.error('dist/ has no built site. Run `npm run build` (or `npm start`, which builds first).');
  process.exit(1);
}
const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 4321);
try {
  const { url } = await startStaticServer({ root, host, port });
  console.log(`Bad Gateway Guide is being served at ${url}/  (Ctrl+C to stop)`);
} catch (err) {
  const e = /** @type {NodeJS.ErrnoException} */ (err);
  console.error(e.code === 'EADDRINUSE' ? `Port ${port} on ${host} is in use. Set PORT to another port, e.g. PORT=4322 npm start.` : `Could not start the server: ${e.message}`);
  process.exit(1);
}
