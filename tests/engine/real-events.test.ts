/**
 * Real Windows event, stdout and ANCM debug-log evidence people posted in public threads
 * (tests/fixtures/real-events/*.txt), each with the cause the thread confirmed. A file starts
 * with a header block, then the evidence as it was posted (wrapping, spacing and translation
 * kept):
 *
 *   # source: <URL of the thread>
 *   # expect: <cause-id>          the cause that must come out on top
 *   # expect-top2: <cause-id>     (instead of expect) the evidence alone is ambiguous; the cause
 *                                 must be one of the first two findings
 *
 * Only the leading block of `# ` header lines is removed; everything after it is diagnosed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/lib/engine/diagnose.ts';
import { isCauseId } from '../../src/lib/engine/catalogue.ts';

const DIR = fileURLToPath(new URL('../fixtures/real-events/', import.meta.url));
const HEADER = /^# (source|expect|expect-top2):[ \t]?(.*)$/;

interface RealCase {
  file: string;
  source: string;
  expect: string;
  top: 1 | 2;
  text: string;
}

function parse(file: string, raw: string): RealCase {
  const lines = raw.split('\n');
  const c: RealCase = { file, source: '', expect: '', top: 1, text: '' };
  let i = 0;
  for (; i < lines.length; i++) {
    const m = HEADER.exec((lines[i] ?? '').replace(/\r$/, ''));
    if (!m) break;
    const value = (m[2] ?? '').trim();
    if (m[1] === 'source') c.source = value;
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

describe('real event / stdout / debug-log case files', () => {
  it('are there, each with a source, a known cause and evidence', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const c of cases) {
      expect(c.source, `${c.file}: # source`).toMatch(/^https?:\/\/\S+$/);
      expect(isCauseId(c.expect), `${c.file}: cause ${c.expect}`).toBe(true);
      expect(c.text.trim().length, `${c.file}: empty evidence`).toBeGreaterThan(0);
    }
  });

  it('come from distinct threads', () => {
    const seen = new Map<string, string>();
    for (const c of cases) {
      const other = seen.get(c.source);
      expect(other, `${c.file} and ${other} cite the same thread`).toBeUndefined();
      seen.set(c.source, c.file);
    }
  });
});

describe('real event / stdout / debug-log evidence', () => {
  for (const c of cases) {
    it(`${c.file} -> ${c.expect}${c.top === 2 ? ' (top two)' : ''}`, () => {
      const d = diagnose(c.text);
      const summary = d.findings
        .slice(0, 4)
        .map((f) => `${f.cause} ${f.confidence.toFixed(2)}`)
        .join(', ');
      const top = d.findings.slice(0, c.top).map((f) => f.cause);
      expect(top, `findings: ${summary}`).toContain(c.expect);
      const found = d.findings.find((f) => f.cause === c.expect);
      expect(found?.evidence.length ?? 0).toBeGreaterThan(0);
      for (const e of found?.evidence ?? []) expect(c.text.slice(e.span.start, e.span.start + e.text.length)).toBe(e.text);
    });
  }
});
