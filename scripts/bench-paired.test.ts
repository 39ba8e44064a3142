import { describe, expect, it } from 'vitest';
import { pairedCounts } from './bench-paired.mjs';

describe('pairedCounts', () => {
  it('counts, per measure, the pastes only one engine has right and those both have', () => {
    const cases = [{ evidence: 'strong' }, { evidence: 'strong' }, { evidence: 'strong' }, { evidence: 'thin' }, { evidence: 'thin' }];
    const a = [0, 1, -1, 2, 0];
    const b = [0, 0, 4, -1, 1];
    const byLabel = Object.fromEntries(pairedCounts(cases, a, b).map((r) => [r.label, r]));
    expect(byLabel['strong: right cause first']).toEqual({ label: 'strong: right cause first', cases: 3, onlyA: 0, onlyB: 1, both: 1 });
    expect(byLabel['strong: right cause in the top three']).toMatchObject({ cases: 3, onlyA: 0, onlyB: 0, both: 2 });
    expect(byLabel['thin: right cause in the top three']).toMatchObject({ cases: 2, onlyA: 1, onlyB: 0, both: 1 });
    expect(byLabel['thin: right cause first']).toMatchObject({ cases: 2, onlyA: 1, onlyB: 0, both: 0 });
  });
});
