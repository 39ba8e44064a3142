/**
 * Training the word model (model.ts) from texts whose cause is known. Deterministic: the same
 * texts in any order give the same model (tokens and causes are sorted).
 */
import { tokens } from './tokens.ts';
import type { WordModel } from './model.ts';

export interface TrainingText {
  cause: string;
  text: string;
}

export interface TrainOptions {
  alpha?: number;
  /** A token is kept only when at least this many training texts hold it. */
  minDocs?: number;
}

export const DEFAULT_ALPHA = 0.003;
export const DEFAULT_MIN_DOCS = 2;

export function trainWordModel(texts: readonly TrainingText[], options: TrainOptions = {}): WordModel {
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const minDocs = options.minDocs ?? DEFAULT_MIN_DOCS;
  const causes = [...new Set(texts.map((t) => t.cause))].sort();
  const position = new Map(causes.map((c, i) => [c, i]));
  const docs = causes.map(() => 0);
  const counts = new Map<string, Map<number, number>>();
  for (const t of texts) {
    const c = position.get(t.cause)!;
    docs[c]!++;
    for (const tok of tokens(t.text)) {
      let m = counts.get(tok.text);
      if (!m) counts.set(tok.text, (m = new Map()));
      m.set(c, (m.get(c) ?? 0) + 1);
    }
  }
  const kept: Record<string, number[]> = {};
  for (const word of [...counts.keys()].sort()) {
    const m = counts.get(word)!;
    let held = 0;
    for (const n of m.values()) held += n;
    if (held < minDocs) continue;
    kept[word] = [...m.entries()].sort((a, b) => a[0] - b[0]).flat();
  }
  return { alpha, causes, docs, tokens: kept };
}
