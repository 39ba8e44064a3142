/** Real IIS, FREB, error-page, web.config, code and proxy evidence (tests/fixtures/real/). */
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { caseTests, checkCaseFiles, readCases } from './real-case-files.ts';

const cases = readCases(fileURLToPath(new URL('../fixtures/real/', import.meta.url)));

describe('real case files', () => {
  it('are there, with a source, a known cause and some evidence', () => checkCaseFiles(cases, 40));
});

describe('real cases', () => caseTests(cases));
