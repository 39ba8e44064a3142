/** Reads the MDX content files for the content tests (front matter kept as raw text). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { factText, type FactShow } from '../../src/lib/facts/facts.ts';

export interface Article {
  id: string;
  file: string;
  frontMatter: string;
  body: string;
}

const ROOT = new URL('../../content/', import.meta.url).pathname;

export function readArticles(section: 'causes' | 'codes' | 'guides'): Article[] {
  const dir = join(ROOT, section);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx') && !f.startsWith('_'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
      return { id: f.slice(0, -4), file: `content/${section}/${f}`, frontMatter: m?.[1] ?? '', body: m?.[2] ?? text };
    });
}

const FACT_TAG = /<Fact\s+id="([^"]+)"(?:\s+show="(says|setting|value|short)")?\s*\/>/g;

/** The body with each `<Fact id="..." />` replaced by the text it renders. */
export function expandFactTags(body: string): string {
  return body.replace(FACT_TAG, (_m, id: string, show?: FactShow) => factText(id, show ?? 'says'));
}

/** Words of prose: code blocks, inline code, link targets, HTML and Markdown punctuation removed. */
export function proseWords(body: string): number {
  const text = expandFactTags(body)
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, ' ')
    .replace(/`[^`\n]*`/g, ' x ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\|?[\s:|-]+\|?$/gm, ' ')
    .replace(/[#>*_|[\]]/g, ' ');
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

/** The `##` headings in order. */
export function h2s(body: string): string[] {
  const withoutCode = body.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
  return [...withoutCode.matchAll(/^##\s+(.+?)\s*$/gm)].map((m) => m[1]!);
}
