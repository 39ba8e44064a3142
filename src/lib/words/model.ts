/**
 * The word model: which causes the words of a paste point to, learned from text whose cause is
 * known (the cause articles, the message catalogue and the learning part of the real corpus; see
 * train.ts and `npm run train-words`). It reads what the recognisers cannot: a title, a sentence,
 * a line of a product we have no format for.
 *
 * A naive Bayes over the presence of tokens (tokens.ts): for each cause, the share of its
 * training texts that hold a token, smoothed by `alpha`; a paste's score for a cause is the sum of
 * the logs of those shares over the paste's known tokens, plus half the log of the cause's share
 * of texts. Only tokens seen in at least two training texts are kept, so one odd text teaches
 * nothing. Scores become probabilities with a softmax over the causes.
 *
 * Pure data in, ranked causes out; linear in the paste's length (each distinct token is looked up
 * once and touches only the causes it was seen with).
 */
import { tokens } from './tokens.ts';
import type { Token } from './tokens.ts';

export interface WordModel {
  /** Smoothing added to every count. */
  alpha: number;
  /** Cause ids; the model refers to causes by their position here. */
  causes: string[];
  /** Training texts per cause, in the order of `causes`. */
  docs: number[];
  /** Token -> flat pairs [cause position, texts holding the token, ...]. */
  tokens: Record<string, number[]>;
}

export interface WordClue {
  /** The token as read (lower-cased; two words joined by a space for a pair). */
  text: string;
  start: number;
  end: number;
  /** How many times more often texts of this cause hold the token than texts in general. */
  lift: number;
}

export interface WordScore {
  cause: string;
  /** Posterior probability over the model's causes (sums to 1 over all of them). */
  probability: number;
  /** The paste's tokens that speak for this cause, strongest first. */
  clues: WordClue[];
}

export interface WordReading {
  /** Distinct tokens of the paste the model knows. */
  known: number;
  /** Causes, most probable first. */
  ranked: WordScore[];
}

/** A token is a clue for a cause only when texts of that cause hold it this many times more often. */
const MIN_CLUE_LIFT = 3;

/** Read a paste with the model: its known tokens and every cause's probability, best first. */
export function readWords(model: WordModel, text: string): WordReading {
  const n = model.causes.length;
  const total = model.docs.reduce((a, b) => a + b, 0);
  const allDocs = total + 2 * model.alpha;
  const score = new Float64Array(n);
  const absent = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    score[c] = 0.5 * Math.log((model.docs[c]! + model.alpha) / (total + n * model.alpha));
    absent[c] = Math.log(model.alpha / (model.docs[c]! + 2 * model.alpha));
  }
  const known: { token: Token; pairs: number[]; docs: number }[] = [];
  for (const t of tokens(text)) {
    const pairs = Object.prototype.hasOwnProperty.call(model.tokens, t.text) ? model.tokens[t.text] : undefined;
    if (!pairs) continue;
    let docs = 0;
    for (let i = 1; i < pairs.length; i += 2) docs += pairs[i]!;
    known.push({ token: t, pairs, docs });
    for (let c = 0; c < n; c++) score[c]! += absent[c]!;
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const c = pairs[i]!;
      score[c]! += Math.log((pairs[i + 1]! + model.alpha) / (model.docs[c]! + 2 * model.alpha)) - absent[c]!;
    }
  }
  let max = -Infinity;
  for (let c = 0; c < n; c++) if (score[c]! > max) max = score[c]!;
  let sum = 0;
  const p = new Float64Array(n);
  for (let c = 0; c < n; c++) sum += p[c] = Math.exp(score[c]! - max);
  const order = [...model.causes.keys()].sort((a, b) => p[b]! - p[a]! || a - b);
  const ranked: WordScore[] = order.map((c) => {
    const clues: WordClue[] = [];
    for (const k of known) {
      let held = 0;
      for (let i = 0; i + 1 < k.pairs.length; i += 2) if (k.pairs[i] === c) held = k.pairs[i + 1]!;
      if (held < 2) continue;
      const lift = (held / (model.docs[c]! + 2 * model.alpha)) / ((k.docs + model.alpha) / allDocs);
      if (lift >= MIN_CLUE_LIFT) clues.push({ text: k.token.text, start: k.token.start, end: k.token.end, lift });
    }
    clues.sort((a, b) => b.lift - a.lift || a.start - b.start);
    return { cause: model.causes[c]!, probability: p[c]! / sum, clues };
  });
  return { known: known.length, ranked };
}
