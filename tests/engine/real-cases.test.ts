/**
 * Real evidence people posted in public threads (tests/fixtures/real/*.txt), each with the cause
 * the thread confirmed. A file starts with a header block, then the evidence as it was posted:
 *
 *   # source: <URL of the thread>
 *   # expect: <cause-id>          the cause that must come out on top
 *   # expect-top2: <cause-id>     (instead of expect) the evidence alone is ambiguous; the cause
 *                                 must be one of the first two findings
 *   # pending: <reason>           optional: the case needs an engine change outside the
 *                                 recognisers covered here; it is listed and skipped
 *
 * Only the leading block of `# ` lines is the header; later `#` lines are evidence (IIS logs
 * start with `#Fields:` and `#Software:`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/lib/engine/diagnose.ts';
import { isCauseId } from '../../src/lib/engine/catalogue.ts';

const DIR = fileURLToPath(new URL('../fixtures/real/', import.meta.url));
const HEADER = /^# (source|expect|expect-top2|pending):[ \t]?(.*)$/;

interface RealCase {
  file: string;
  source: string;
  expect: string;
  top: 1 | 2;
  pending?: string;
  text: string;
}

function parse(file: string, raw: string): RealCase {
  const lines = raw.replace(/\r\n/g, '\n').split('\n');
  const c: RealCase = { file, source: '', expect: '', top: 1, text: '' };
  let i = 0;
  for (; i < lines.length; i++) {
    const m = HEADER.exec(lines[i] ?? '');
    if (!m) break;
    const value = (m[2] ?? '').trim();
    if (m[1] === 'source') c.source = value;
    else if (m[1] === 'pending') c.pending = value;
    else {
      c.expect = value;
      c.top = m[1] === 'expect' ? 1 : 2;
    }
  }
  c.text = lines.slice(i).join('\n');
  return c;
}

const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => parse(f, readFileSync(join(DIR, f), 'utf8')));

describe('real case files', () => {
  it('are there, with a source, a known cause and some evidence', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const c of cases) {
      expect(c.source, `${c.file}: # source`).toMatch(/^https?:\/\/\S+$/);
      expect(isCauseId(c.expect), `${c.file}: expect ${c.expect}`).toBe(true);
      expect(c.text.trim().length, `${c.file}: no evidence`).toBeGreaterThan(0);
    }
  });
});

describe('real cases', () => {
  for (const c of cases) {
    const name = `${c.file} -> ${c.expect}${c.top === 2 ? ' (top 2)' : ''}`;
    if (c.pending !== undefined) {
      it.skip(`${name} [pending: ${c.pending}]`, () => {});
      continue;
    }
    it(name, () => {
      const d = diagnose(c.text);
      const summary = d.findings
        .slice(0, 3)
        .map((f) => `${f.cause} ${f.confidence}`)
        .join(', ');
      const causes = d.findings.slice(0, c.top).map((f) => f.cause);
      expect(causes, `top findings: ${summary}`).toContain(c.expect);
      const found = d.findings.find((f) => f.cause === c.expect);
      expect(found?.evidence.length, 'evidence for the expected cause').toBeGreaterThan(0);
      for (const e of found?.evidence ?? []) expect(c.text.slice(e.span.start, e.span.start + e.text.length)).toBe(e.text);
    });
  }
});
