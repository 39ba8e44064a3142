/**
 * One table test for the message catalogue's end-to-end files (src/lib/recognisers/message/*.test.ts):
 * each pasted text goes through diagnose() and must come out with its cause first, read by the
 * message recogniser.
 */
import { expect, it } from 'vitest';
import { diagnose } from '../../src/lib/engine/diagnose.ts';

/** One test per [pasted text, cause expected first]. */
export function topCauseTests(rows: readonly (readonly [string, string])[]): void {
  it.each(rows)('%s -> %s', (input, cause) => {
    const d = diagnose(input);
    expect(d.findings[0]?.cause).toBe(cause);
    expect(d.kinds).toContain('message');
  });
}
