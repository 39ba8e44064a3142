/**
 * Render-blocking resources, read from the built HTML of every page (Lighthouse's own
 * render-blocking audit cannot run here: Lighthouse 12.2.3 fails on the trace of this Chromium
 * with "Cannot read properties of undefined (reading 'frame_sequence')"). What blocks the first
 * paint is fixed by the markup, so this is the same on any machine:
 * - no external classic script without `async` or `defer` (module scripts are deferred);
 * - stylesheets: the site's shared one plus at most one for a tool page, hashed files under
 *   /_astro/ that browsers may cache for good.
 */
import { describe, expect, it } from 'vitest';
import { htmlFiles, read, urlOf } from './site-files.ts';

const MAX_STYLESHEETS = 2;

describe('render-blocking resources', () => {
  it('no page loads a blocking script, and each loads at most two cacheable stylesheets', () => {
    const pages = htmlFiles();
    expect(pages.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const file of pages) {
      const html = read(file);
      const path = urlOf(file);
      for (const [tag] of html.matchAll(/<script\b[^>]*\bsrc=[^>]*>/g)) {
        if (!/\b(async|defer)\b|type="module"/.test(tag)) problems.push(`${path}: blocking script ${tag}`);
      }
      const sheets = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)].map(([tag]) => /href="([^"]+)"/.exec(tag)?.[1] ?? tag);
      if (sheets.length > MAX_STYLESHEETS) problems.push(`${path}: ${sheets.length} stylesheets (${sheets.join(', ')})`);
      for (const href of sheets) if (!/^\/_astro\/[\w.-]+\.[\w-]{8}\.css$/.test(href)) problems.push(`${path}: stylesheet ${href} is not a hashed /_astro/ file`);
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
