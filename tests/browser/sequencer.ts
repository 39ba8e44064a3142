/**
 * File order for the browser tests: the sweep over every page (the longest file by far) starts
 * first, so the other files run beside it instead of leaving it alone at the end. Vitest's own
 * order (longest first by the last run's times, or largest file first on a fresh clone, where
 * that sweep's small file would start last) holds for the rest.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const FIRST = ['tests/browser/every-page.test.ts'];

export default class SweepFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const first = (f: TestSpecification) => FIRST.some((name) => f.moduleId.endsWith(name));
    return [...sorted.filter(first), ...sorted.filter((f) => !first(f))];
  }
}
