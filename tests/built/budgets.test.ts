/**
 * Performance budgets, checked on the built output (sizes are gzip sizes of what a page loads
 * before any interaction, following static imports).
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fileFor, read } from './site-files.ts';

const KB = 1024;

/** Every JS file a script URL pulls in through static imports (dynamic imports are lazy). */
function staticGraph(url: string, seen = new Set<string>()): Set<string> {
  if (seen.has(url)) return seen;
  seen.add(url);
  const file = fileFor(url);
  if (!file) throw new Error(`missing script ${url}`);
  const code = read(file);
  for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
    staticGraph(new URL(m[1]!, 'http://site' + url).pathname, seen);
  }
  return seen;
}

function gz(urls: Iterable<string>): number {
  let total = 0;
  for (const u of urls) total += gzipSync(read(fileFor(u)!)).length;
  return total;
}

/** Scripts a page loads at once: module scripts and load-time islands (component + renderer). */
function initialScripts(path: string): { scripts: Set<string>; inlineBytes: number; islands: { component: string; renderer: string; client: string }[] } {
  const html = read(fileFor(path)!);
  const scripts = new Set<string>();
  let inlineBytes = 0;
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) staticGraph(m[1]!, scripts);
  for (const m of html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)) {
    inlineBytes += gzipSync(m[1]!).length;
    for (const i of m[1]!.matchAll(/import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) staticGraph(i[1]!, scripts);
  }
  const islands = [...html.matchAll(/<astro-island[^>]*component-url="([^"]+)"[^>]*renderer-url="([^"]+)"[^>]*client="(\w+)"/g)].map((m) => ({ component: m[1]!, renderer: m[2]!, client: m[3]! }));
  return { scripts, inlineBytes, islands };
}

describe('performance budgets', () => {
  it('a page without widgets loads only the small site script and no island', () => {
    for (const path of ['/guides/reading-iis-logs/', '/causes/', '/about/']) {
      const { scripts, inlineBytes, islands } = initialScripts(path);
      expect(islands, path).toEqual([]);
      const size = gz(scripts) + inlineBytes;
      console.log(`${path}: ${scripts.size} script file(s) + inline, ${(size / KB).toFixed(1)} KB gzipped`);
      expect(size, `${path} JavaScript`).toBeLessThanOrEqual(4 * KB);
    }
  });

  it('the paste-and-diagnose island is at most 30 KB gzipped, Preact included', () => {
    const { islands } = initialScripts('/diagnose/');
    const island = islands.find((i) => i.component.includes('PasteDiagnose'));
    expect(island).toBeDefined();
    const graph = staticGraph(island!.component, staticGraph(island!.renderer));
    const size = gz(graph);
    console.log(`paste-and-diagnose island: ${graph.size} files, ${(size / KB).toFixed(1)} KB gzipped`);
    expect(size).toBeLessThanOrEqual(30 * KB);
  });

  it('the full code table is never part of a page’s initial load', () => {
    for (const path of ['/', '/diagnose/', '/decode/', '/codes/', '/codes/0x80072ee2/', '/troubleshoot/']) {
      const { scripts, islands } = initialScripts(path);
      const all = new Set(scripts);
      for (const i of islands) if (i.client === 'load') staticGraph(i.component, staticGraph(i.renderer, all));
      const withTable = [...all].filter((u) => /table\.generated/.test(u) || read(fileFor(u)!).includes('ERROR_SXS_'));
      expect(withTable, path).toEqual([]);
    }
  });

  it('loads nothing render-blocking from another origin and no web fonts', () => {
    for (const path of ['/', '/causes/request-timeout/', '/codes/0x80072ee2/', '/diagnose/']) {
      const html = read(fileFor(path)!);
      expect(html, path).not.toMatch(/<link[^>]+rel="(?:stylesheet|preload|modulepreload)"[^>]+href="(?:https?:)?\/\//);
      expect(html, path).not.toMatch(/<script[^>]+src="(?:https?:)?\/\//);
      expect(html, path).not.toMatch(/@font-face|\.woff2?"/);
    }
  });
});
