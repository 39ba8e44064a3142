/**
 * Every sample block in a cause article, run through the engine, must name that article's cause
 * first (or in the top two when the block is marked `ambiguous`). This keeps the words and the
 * engine honest with each other: when they disagree, fix whichever is wrong.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/lib/engine/diagnose.ts';
import { extractSamples } from '../../src/lib/content/samples.ts';
import { readArticles } from './load.ts';

for (const a of readArticles('causes')) {
  const samples = extractSamples(a.body);
  describe(a.file, () => {
    it('has at least one sample block', () => {
      expect(samples.length).toBeGreaterThan(0);
    });
    samples.forEach((s, i) => {
      it(`sample ${i + 1} (line ${s.line}, ${s.lang}${s.ambiguous ? ', ambiguous' : ''}) points to ${a.id}`, () => {
        const ranked = diagnose(s.text).findings.map((f) => f.cause);
        const allowed = s.ambiguous ? ranked.slice(0, 2) : ranked.slice(0, 1);
        expect(allowed, `top findings: ${ranked.slice(0, 3).join(', ') || '(none)'}`).toContain(a.id);
      });
    });
  });
}
