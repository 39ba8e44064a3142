/**
 * The shipped word model (content/data/word-model.json, src/lib/words/): what it was trained on.
 * It must be exactly what `npm run train-words` makes from the articles, the message catalogue,
 * the word examples and the LEARNING part of the real corpus, so no held-out case ever shaped it.
 */
import { describe, expect, it } from 'vitest';
import shipped from '../../content/data/word-model.json' with { type: 'json' };
import causes from '../../content/data/causes.json' with { type: 'json' };
import { articleTexts, catalogueTexts, corpusCases, exampleTexts, trainingTexts } from '../../scripts/word-training.mjs';
import { trainWordModel } from '../../src/lib/words/train.ts';

describe('the shipped word model', () => {
  it('is what `npm run train-words` makes from today’s articles, catalogue, word examples and learning cases', async () => {
    const fresh = trainWordModel(await trainingTexts());
    // A mismatch means the model is stale: run `npm run train-words` (then `npm run calibrate`).
    expect(shipped.causes).toEqual(fresh.causes);
    expect(shipped.bias).toEqual(fresh.bias);
    expect(Object.keys(shipped.tokens).length).toBe(Object.keys(fresh.tokens).length);
    expect(shipped).toEqual(fresh);
  }, 60_000);

  it('learns from every cause’s article and from no held-out case', async () => {
    const ids = (causes as { id: string }[]).map((c) => c.id);
    expect([...new Set(articleTexts().map((t: { cause: string }) => t.cause))].sort()).toEqual([...ids].sort());
    expect(shipped.causes.every((c) => ids.includes(c))).toBe(true);
    expect(catalogueTexts().length).toBeGreaterThan(400);
    // The word examples: each for an agreed cause, every cause has some, none repeated, none a corpus paste.
    const examples = exampleTexts() as { cause: string; text: string }[];
    expect(examples.length).toBeGreaterThan(500);
    expect(examples.filter((e) => !ids.includes(e.cause)).map((e) => e.cause)).toEqual([]);
    expect([...new Set(examples.map((e) => e.cause))].sort()).toEqual([...ids].sort());
    expect(new Set(examples.map((e) => e.text)).size).toBe(examples.length);
    const texts = new Set((await trainingTexts()).map((t: { text: string }) => t.text));
    const all = await corpusCases();
    const heldOut = all.filter((c: { part: string }) => c.part === 'held-out');
    const learning = all.filter((c: { part: string }) => c.part === 'learning');
    expect(heldOut.length).toBeGreaterThan(0);
    // A held-out paste is never a training text (unless the very same text is also a learning case).
    const learned = new Set(learning.map((c: { text: string }) => c.text));
    expect(heldOut.filter((c: { text: string }) => texts.has(c.text) && !learned.has(c.text)).map((c: { file: string }) => c.file)).toEqual([]);
    expect(learning.every((c: { text: string }) => texts.has(c.text))).toBe(true);
    const pasted = new Set(all.map((c: { text: string }) => c.text.trim()));
    expect(examples.filter((e) => pasted.has(e.text)).map((e) => e.text)).toEqual([]);
  }, 60_000);
});
