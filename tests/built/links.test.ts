import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileFor, htmlFiles, idsOf, linksOf, read, urlOf } from './site-files.ts';

describe('links in the built site', () => {
  const files = htmlFiles();
  const idCache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    let s = idCache.get(file);
    if (!s) idCache.set(file, (s = idsOf(read(file))));
    return s;
  };

  it('has pages to check', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('has no broken internal link or #anchor, and lists external links in a report', () => {
    const broken: string[] = [];
    const external = new Map<string, Set<string>>();
    for (const file of files) {
      const page = urlOf(file);
      for (const raw of linksOf(read(file))) {
        if (/^(mailto:|tel:|data:|javascript:)/i.test(raw)) continue;
        if (/^(https?:)?\/\//i.test(raw)) {
          if (!external.has(raw)) external.set(raw, new Set());
          external.get(raw)!.add(page);
          continue;
        }
        const url = new URL(raw, 'http://site' + page);
        const target = url.pathname === new URL('http://site' + page).pathname && raw.startsWith('#') ? file : fileFor(url.pathname);
        if (!target) {
          broken.push(`${page} -> ${raw} (no such page)`);
          continue;
        }
        const hash = decodeURIComponent(url.hash.slice(1));
        // Fragments that are application state (the decoder's code, the troubleshooter's path) are not anchors.
        if (hash && target.endsWith('.html') && !/\/(decode|troubleshoot)\/index\.html$/.test(target) && !ids(target).has(hash)) {
          broken.push(`${page} -> ${raw} (no element with id "${hash}")`);
        }
      }
    }
    mkdirSync('test-results', { recursive: true });
    writeFileSync(
      'test-results/external-links.txt',
      [...external].sort().map(([u, pages]) => `${u}\n  from ${[...pages].sort().slice(0, 5).join(', ')}${pages.size > 5 ? ` and ${pages.size - 5} more` : ''}`).join('\n') + '\n',
    );
    console.log(`external links (not fetched): ${external.size}, listed in test-results/external-links.txt`);
    expect(broken).toEqual([]);
  });
});

describe('social preview', () => {
  it('points every page at an image that exists in the build', () => {
    const missing: string[] = [];
    for (const file of htmlFiles()) {
      const m = /<meta property="og:image" content="([^"]+)"/.exec(read(file));
      if (!m || !fileFor(new URL(m[1]!).pathname)) missing.push(urlOf(file));
    }
    expect(missing).toEqual([]);
  });
});
