// Astro writes its one-line island style (`astro-island{display:contents}`) in the body, next
// to the first island; <style> is only valid in <head>. Move it there after the build (the
// CSP hash of the text stays valid: the bytes do not change).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ISLAND_STYLE = /<style>astro-island,astro-slot,astro-static-slot\{display:contents\}<\/style>/;

/** The page with the island style moved to the end of <head>; unchanged when there is none. */
export function moveIslandStyle(html) {
  const m = ISLAND_STYLE.exec(html);
  const head = html.indexOf('</head>');
  if (!m || head < 0 || m.index < head) return html;
  const without = html.slice(0, m.index) + html.slice(m.index + m[0].length);
  return without.slice(0, head) + m[0] + without.slice(head);
}

async function* htmlFiles(dir) {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(p);
    else if (e.name.endsWith('.html')) yield p;
  }
}

/** @returns {import('astro').AstroIntegration} */
export function islandStyleToHead() {
  return {
    name: 'bad-gateway-guide:island-style',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        for await (const file of htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          const moved = moveIslandStyle(html);
          if (moved !== html) await writeFile(file, moved);
        }
      },
    },
  };
}
