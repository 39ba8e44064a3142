import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findHandWritten, withoutFences } from './single-source.ts';

const ROOT = new URL('../../content/', import.meta.url).pathname;
const PAGES = ['causes', 'codes', 'guides'].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => `${dir}/${f}`),
);
const DATA = ['data/next-steps.json', 'data/curated-codes.json', 'data/statuses.json', 'data/decision-tree.json'];

describe('single source for shared facts', () => {
  it('finds a default written by hand next to its setting in prose, tables and lists', () => {
    const page = [
      'ANCM waits for the response; requestTimeout',
      'defaults to 120 seconds.',
      '',
      '| Setting | Default |',
      '|---|---|',
      '| `proxy_read_timeout` | 60 s |',
      '',
      '- Kestrel closes idle connections after 130 seconds (KeepAliveTimeout).',
      '- ANCM picks a random port between 1025 and 48000.',
    ].join('\n');
    const found = findHandWritten(page).map((h) => `${h.line} ${h.factId}`);
    expect(found).toContain('2 ancm.requestTimeout');
    expect(found).toContain('6 nginx.proxy_read_timeout');
    expect(found).toContain('8 kestrel.KeepAliveTimeout');
    expect(found).toContain('9 ancm.port-range.random.before-8');
  });

  it('allows configuration in fenced code blocks, other values, far-away numbers and <Fact>', () => {
    const page = [
      '```nginx',
      'proxy_read_timeout 60s;',
      '```',
      'Set requestTimeout="00:10:00" for the export endpoint.',
      'The default is <Fact id="ancm.requestTimeout" />, which fits most requests: requestTimeout.',
      `requestTimeout ${'x'.repeat(120)} 120 seconds later`,
    ].join('\n');
    expect(findHandWritten(page)).toEqual([]);
  });

  it('keeps line numbers when it blanks code blocks', () => {
    expect(withoutFences('a\n```\nb\n```\nc').split('\n')).toEqual(['a', '', '', '', 'c']);
  });

  it('no page or data file writes a shared fact by hand next to its setting', () => {
    const problems: string[] = [];
    for (const file of [...PAGES, ...DATA]) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const h of findHandWritten(text)) {
        problems.push(`content/${file}:${h.line}: "${h.text}" is fact ${h.factId}: write <Fact id="${h.factId}" /> (or {fact:${h.factId}} in JSON)`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
