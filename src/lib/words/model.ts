/**
 * The word model: which causes the words of a paste point to, learned from text whose cause is
 * known (the cause articles, the message catalogue and the learning part of the real corpus; see
 * train.ts and `npm run train-words`). It reads what the recognisers cannot: a title, a sentence,
 * a line of a product we have no format for.
 *
 * A linear model over the presence of tokens (tokens.ts; trained as a multinomial logistic
 * regression with a naive Bayes term added, train.ts): a cause's score is its
 * bias plus the weights of the paste's known tokens for it, scaled by one over the square root of
 * how many known tokens the paste holds (so a long paste is not more certain for being long);
 * scores become probabilities with a softmax over the causes. Tokens seen in fewer than two
 * training texts are not in the model.
 *
 * Pure data in, ranked causes out; linear in the paste's length (each distinct token is looked up
 * once and touches only the causes it has a weight for).
 */
import { STEM_MARK, tokens } from './tokens.ts';
import type { Token } from './tokens.ts';

export interface WordModel {
  /** Weights are stored as integers: weight x quantum. */
  quantum: number;
  /** Cause ids; the model refers to causes by their position here. */
  causes: string[];
  /** Per cause, in the order of `causes`. */
  bias: number[];
  /** Token -> flat pairs [cause position, weight x quantum, ...]; [] for a token with no weight left. */
  tokens: Record<string, number[]>;
}

export interface WordClue {
  /** The token as read (lower-cased; two words joined by a space for a pair). */
  text: string;
  start: number;
  end: number;
  /** The token's weight for the cause. */
  weight: number;
}

export interface WordScore {
  cause: string;
  /** Probability over the model's causes (sums to 1 over all of them). */
  probability: number;
  /** The paste's tokens that weigh most for this cause, strongest first. */
  clues: WordClue[];
}

export interface WordReading {
  /** Distinct tokens of the paste the model knows. */
  known: number;
  /** Causes, most probable first. */
  ranked: WordScore[];
}

/** A token is a clue for a cause when its weight for that cause is at least this. */
export const CLUE_WEIGHT = 0.5;
const STATUS = /^[1-5]\d\d$/;
/** A number of one or two digits (an IP address octet, a count, a time) is no clue either. */
const SHORT_NUMBER = /^\d{1,2}$/;

/**
 * A token's clue for a cause. A stem ("~restart") is shown as the word the paste wrote; when that
 * word is a clue for the cause too (it comes just before its stem), the stronger of the two stays.
 */
function addClue(list: WordClue[], t: Token, weight: number, text: string): void {
  if (!t.text.startsWith(STEM_MARK)) {
    list.push({ text: t.text, start: t.start, end: t.end, weight });
    return;
  }
  const last = list[list.length - 1];
  if (last && last.start === t.start && last.end === t.end) {
    if (weight > last.weight) last.weight = weight;
    return;
  }
  list.push({ text: text.slice(t.start, t.end).toLowerCase(), start: t.start, end: t.end, weight });
}

/** Read a paste with the model: its known tokens and every cause's probability, best first. */
export function readWords(model: WordModel, text: string): WordReading {
  const n = model.causes.length;
  const sums = new Float64Array(n);
  const clues: WordClue[][] = model.causes.map(() => []);
  let known = 0;
  for (const t of tokens(text)) {
    const pairs = Object.prototype.hasOwnProperty.call(model.tokens, t.text) ? model.tokens[t.text] : undefined;
    if (!pairs) continue;
    known++;
    // An HTTP status weighs in the score, but is no clue: the recognisers read it as a status. A
    // one- or two-digit number (an octet of "10.0.0.4", a count) weighs too, but shown as a clue it
    // would say nothing to the reader.
    const noClue = STATUS.test(t.text) || SHORT_NUMBER.test(t.text);
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const c = pairs[i]!;
      const w = pairs[i + 1]! / model.quantum;
      sums[c]! += w;
      if (w >= CLUE_WEIGHT && !noClue) addClue(clues[c]!, t, w, text);
    }
  }
  const scale = 1 / Math.sqrt(known || 1);
  const z = new Float64Array(n);
  let max = -Infinity;
  for (let c = 0; c < n; c++) {
    z[c] = (model.bias[c] ?? 0) + sums[c]! * scale;
    if (z[c]! > max) max = z[c]!;
  }
  let sum = 0;
  for (let c = 0; c < n; c++) sum += z[c] = Math.exp(z[c]! - max);
  const order = [...model.causes.keys()].sort((a, b) => z[b]! - z[a]! || a - b);
  return {
    known,
    ranked: order.map((c) => ({
      cause: model.causes[c]!,
      probability: z[c]! / sum,
      clues: clues[c]!.sort((a, b) => b.weight - a.weight || a.start - b.start),
    })),
  };
}
