import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { executablePath } from './launch.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const root = new URL('../../dist/', import.meta.url).pathname;
  if (!existsSync(root + 'index.html')) {
    throw new Error('dist/ has no built site: run `npm run build` before the browser tests (npm test does).');
  }
  // Unpack the bundled Chromium here, once, before any worker launches it (see chromium-unpack.ts).
  await executablePath();
  const server = await startStaticServer({ root, host: '127.0.0.1', port: 0 });
  project.provide('baseUrl', server.url);
  return async () => {
    await server.close();
  };
}
