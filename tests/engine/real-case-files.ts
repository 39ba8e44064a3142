/**
 * Real evidence people posted in public threads, one file per case, each with the cause the
 * thread confirmed. A file starts with a header block, then the evidence exactly as posted
 * (wrapping, spacing, translation and line ends kept):
 *
 *   # source: <URL of the thread>
 *   # expect: <cause-id>          the cause that must come out on top
 *   # expect-top2: <cause-id>     (instead of expect) the evidence alone is ambiguous; the cause
 *                                 must be one of the first two findings
 *   # pending: <reason>           optional: the case needs an engine change; listed and skipped
 *
 * Only the leading block of `# ` lines is the header; later `#` lines are evidence (IIS logs
 * start with `#Fields:` and `#Software:`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { diagnose } from '../../src/lib/engine/diagnose.ts';
import { isCauseId } from '../../src/lib/engine/catalogue.ts';

export interface RealCase {
  file: string;
  source: string;
  expect: string;
  top: 1 | 2;
  pending?: string;
  text: string;
}

const HEADER = /^# (source|expect|expect-top2|pending):[ \t]?(.*)$/;

export function parseCase(file: string, raw: string): RealCase {
  const lines = raw.split('\n');
  const c: RealCase = { file, source: '', expect: '', top: 1, text: '' };
  let i = 0;
  for (; i < lines.length; i++) {
    const m = HEADER.exec((lines[i] ?? '').replace(/\r$/, ''));
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

export function readCases(dir: string): RealCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseCase(f, readFileSync(join(dir, f), 'utf8')));
}

/** Checks that every file names its thread, a known cause and carries evidence. */
export function checkCaseFiles(cases: RealCase[], atLeast: number): void {
  expect(cases.length).toBeGreaterThanOrEqual(atLeast);
  for (const c of cases) {
    expect(c.source, `${c.file}: # source`).toMatch(/^https?:\/\/\S+$/);
    expect(isCauseId(c.expect), `${c.file}: expect ${c.expect}`).toBe(true);
    expect(c.text.trim().length, `${c.file}: no evidence`).toBeGreaterThan(0);
  }
}

/** One test per case: the confirmed cause comes first (or in the top two), with real evidence spans. */
export function caseTests(cases: RealCase[]): void {
  for (const c of cases) {
    const name = `${c.file} -> ${c.expect}${c.top === 2 ? ' (top two)' : ''}`;
    if (c.pending !== undefined) {
      it.skip(`${name} [pending: ${c.pending}]`, () => {});
      continue;
    }
    it(name, () => {
      const d = diagnose(c.text);
      const summary = d.findings
        .slice(0, 4)
        .map((f) => `${f.cause} ${f.confidence.toFixed(2)}`)
        .join(', ');
      expect(d.findings.slice(0, c.top).map((f) => f.cause), `findings: ${summary}`).toContain(c.expect);
      const found = d.findings.find((f) => f.cause === c.expect);
      expect(found?.evidence.length ?? 0, 'evidence for the expected cause').toBeGreaterThan(0);
      for (const e of found?.evidence ?? []) expect(c.text.slice(e.span.start, e.span.start + e.text.length)).toBe(e.text);
    });
  }
}
