/**
 * The import rules of docs/architecture.md, as a test. Each violation prints as
 * "from -> to (why)", so whoever breaks a rule learns where the code belongs.
 *
 * - src/lib/ runs in islands, workers, the build and the CLI: no Node, Astro or Preact imports,
 *   nothing from the site (components, pages, layouts, site, cli).
 * - A recogniser kind (src/lib/recognisers/<kind>/) imports only the engine's types and lines,
 *   codes/, recognisers/shared/ and its own folder: kinds share code only through shared/.
 * - recognisers/shared/ knows no kind: the same list, minus any kind folder.
 * - A widget (src/components/<widget>/) imports another widget only through components/shared/,
 *   and components/shared/ imports no widget.
 * Test files are not checked (a test may drive any module).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Edge {
  from: string;
  /** Project-relative path of the target, or the bare package specifier. */
  to: string;
}

const SPEC = /(?:^|[\s;])(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Import targets of one source text, resolved against the importing file (project-relative). */
export function importsOf(from: string, text: string): Edge[] {
  const out: Edge[] = [];
  SPEC.lastIndex = 0;
  for (let m = SPEC.exec(text); m; m = SPEC.exec(text)) {
    const spec = (m[1] ?? m[2]) as string;
    const bare = spec.split('?')[0] as string;
    out.push({ from, to: bare.startsWith('.') ? normalize(join(dirname(from), bare)) : bare });
  }
  return out;
}

const NODE_BUILTINS = /^(node:|fs$|fs\/|path$|url$|os$|child_process$|crypto$|stream$|util$|worker_threads$|http$|https$|zlib$)/;
const KIND_DIR = /^src\/lib\/recognisers\/([^/]+)\//;

/** The rule an edge breaks, or undefined. */
export function broken(e: Edge): string | undefined {
  const { from, to } = e;
  if (from.startsWith('src/lib/')) {
    if (NODE_BUILTINS.test(to)) return 'lib runs in the browser too: Node APIs belong in src/cli/ or scripts/';
    if (/^(astro|@astrojs\/|preact)/.test(to)) return 'lib is plain TypeScript: Astro and Preact belong in src/components/ and src/pages/';
    if (/^src\/(components|pages|layouts|site|cli)\//.test(to)) return 'lib does not depend on the site or the CLI';
  }
  const kind = KIND_DIR.exec(from)?.[1];
  if (kind !== undefined && to.startsWith('src/')) {
    const allowed =
      to === 'src/lib/engine/types.ts' ||
      to === 'src/lib/engine/lines.ts' ||
      to.startsWith('src/lib/codes/') ||
      to.startsWith('src/lib/recognisers/shared/') ||
      (kind !== 'shared' && to.startsWith(`src/lib/recognisers/${kind}/`));
    if (!allowed) {
      return kind === 'shared'
        ? 'recognisers/shared/ knows no kind: it imports only engine/types.ts, engine/lines.ts, codes/ and shared/'
        : 'a kind imports only engine/types.ts, engine/lines.ts, codes/, recognisers/shared/ and its own folder; code two kinds need goes to recognisers/shared/';
    }
  }
  const widget = /^src\/components\/([^/]+)\//.exec(from)?.[1];
  const target = /^src\/components\/([^/]+)\//.exec(to)?.[1];
  if (widget !== undefined && target !== undefined && widget !== target) {
    if (widget === 'shared') return 'components/shared/ is used by widgets and imports none of them';
    if (target !== 'shared') return 'widgets share code only through components/shared/';
  }
  return undefined;
}

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(join(ROOT, dir))) {
    const p = join(dir, name);
    if (statSync(join(ROOT, p)).isDirectory()) sources(p, out);
    else if (/\.(ts|tsx|astro)$/.test(name) && !/\.test\.ts$/.test(name)) out.push(p);
  }
  return out;
}

describe('import rules', () => {
  it('holds for every source file in src/lib and src/components', () => {
    const files = [...sources('src/lib'), ...sources('src/components')];
    expect(files.length).toBeGreaterThan(100);
    const violations: string[] = [];
    for (const file of files) {
      for (const e of importsOf(file, readFileSync(join(ROOT, file), 'utf8'))) {
        const why = broken(e);
        if (why) violations.push(`${e.from} -> ${e.to} (${why})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('reports each kind of violation as "from -> to (why)"', () => {
    const edges = (from: string, text: string): string[] =>
      importsOf(from, text).flatMap((e) => {
        const why = broken(e);
        return why ? [`${e.from} -> ${e.to} (${why})`] : [];
      });
    expect(edges('src/lib/recognisers/apache/messages.ts', "import { x } from '../nginx/messages.ts';")).toEqual([
      'src/lib/recognisers/apache/messages.ts -> src/lib/recognisers/nginx/messages.ts (a kind imports only engine/types.ts, engine/lines.ts, codes/, recognisers/shared/ and its own folder; code two kinds need goes to recognisers/shared/)',
    ]);
    expect(edges('src/lib/recognisers/shared/errno.ts', "import type { Fact } from '../nginx/recogniser.ts';")).toHaveLength(1);
    expect(edges('src/lib/recognisers/nginx/recogniser.ts', "import { diagnose } from '../../engine/diagnose.ts';")).toHaveLength(1);
    expect(edges('src/lib/codes/forms.ts', "import { readFileSync } from 'node:fs';")).toHaveLength(1);
    expect(edges('src/lib/report/view.ts', "import { h } from 'preact';")).toHaveLength(1);
    expect(edges('src/components/analyze/LogAnalyzer.tsx', "import { FrebReport } from '../freb/FrebReport.tsx';")).toEqual([
      'src/components/analyze/LogAnalyzer.tsx -> src/components/freb/FrebReport.tsx (widgets share code only through components/shared/)',
    ]);
    // Allowed: own folder, shared/, codes/, engine types and lines, npm packages, widgets through shared/.
    expect(edges('src/lib/recognisers/nginx/recogniser.ts', "import { a } from './messages.ts';\nimport { b } from '../shared/proxy-lines.ts';\nimport type { Fact } from '../../engine/types.ts';\nimport { parseCode } from '../../codes/forms.ts';\nimport { XMLParser } from 'fast-xml-parser';")).toEqual([]);
    expect(edges('src/components/analyze/LogAnalyzer.tsx', "import { FrebReport } from '../shared/FrebReport.tsx';")).toEqual([]);
  });
});
