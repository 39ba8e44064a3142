/** Real Windows event, stdout and ANCM debug-log evidence (tests/fixtures/real-events/). */
import { describe, expect, it } from 'vitest';
import { caseTests, checkCaseFiles, pendingStillMissTests, readFolder } from './real-case-files.ts';

const cases = readFolder('real-events');

describe('real event / stdout / debug-log case files', () => {
  it('are there, each well-formed: source, an agreed cause, kind, evidence strength and some text', () => checkCaseFiles(cases, 30));

  it('come from distinct threads', () => {
    const seen = new Map<string, string>();
    for (const c of cases) {
      const other = seen.get(c.source);
      expect(other, `${c.file} and ${other} cite the same thread`).toBeUndefined();
      seen.set(c.source, c.file);
    }
  });
});

describe('real event / stdout / debug-log evidence (learning part)', () => caseTests(cases));

describe('real event / stdout / debug-log evidence (learning part): pending', () => pendingStillMissTests(cases));
