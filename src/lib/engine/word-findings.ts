/**
 * The word model's place in a diagnosis. It speaks only when the evidence is thin: no fact carries
 * a cause's specifics (priors.ts `isSpecific`: the paste is a title, a sentence, a status behind a
 * component) or the recognisers named no cause at all. diagnose.ts decides when.
 *
 * A paste that names its failure in a product's own words is read by the recognisers; a title, a
 * sentence or a line of a product we have no format for often gives them nothing, or only a
 * status's usual causes. The word model (src/lib/words/) has learned which words go with which
 * cause from the articles, the message catalogue and the learning part of the real corpus.
 *
 * - A cause of the model's first `CONSIDERED` counts only when words of the paste are clues for it
 *   (their learned weight for it is at least `CLUE_WEIGHT`, words/model.ts), at enough places
 *   (`CLUE_PLACES`). When the recognisers read nothing at all, its causes stay "Possible"
 *   (`NOTHING_READ`).
 * - Each such cause gains a hint of weight `WORD_WEIGHT` x its probability (x `ONE_PLACE_FACTOR`
 *   when its clues sit at one place): the words reorder a status's usual causes, and can name a
 *   cause the evidence did not, even above the evidence's own first cause (capping them below it
 *   did worse on learning pastes read by models that never saw them: 58.8 against 60.2 % right
 *   first on thin evidence). A cause only the words name is left out below `MIN_CONFIDENCE` unless
 *   the evidence named nothing (then it gets that confidence), and at most `WORD_ONLY_CAUSES` such
 *   causes are added.
 * - Each clue becomes a `word` fact (kind `prose`), shown as the hint's evidence. Evidence made of
 *   words is thin, so the report says what to collect (report/collect-next.ts).
 *
 * The model reads only what the recognisers did not read as a format or a message (`masked`), so
 * a log header or an error page's boilerplate is no clue. A paste about another stack (scope.ts)
 * gets no word hints: its words say nothing of ours.
 */
import modelData from '../../../content/data/word-model.json' with { type: 'json' };
import type { Fact, Finding } from './types.ts';
import type { Contribution } from './rank.ts';
import { MIN_CONFIDENCE } from './rank.ts';
import { readWords } from '../words/model.ts';
import type { WordClue, WordModel } from '../words/model.ts';

export const WORD_MODEL: WordModel = modelData as WordModel;
/** Causes of the word model's ranking considered at most. */
export const CONSIDERED = 5;
/**
 * A word hint for a cause weighs this much times the cause's probability under the model (the
 * model's probabilities are calibrated: of the learning pastes it gives 0.8 or more, a model that
 * never saw them is right about nine in ten). Raised from 0.5 once the model read compound words'
 * parts and had waves 9 and 10 to learn from: on the learning pastes of waves 7 to 10 (read by
 * models that never saw them) 0.7 put the confirmed cause in the top three more often (thin 62.2
 * -> 62.7 %, strong 79.8 -> 81.6 %); higher weights did a little better still but let the single
 * word "big" turn "502 only when uploading big files" into a header-size problem. Raised to 0.85
 * once a prose rule weakens header size for an upload (prose-rules.ts): on the 1,879 learning
 * pastes of 2026-12-07 thin top three 71.4 -> 72.1 %, strong unchanged (1.0: 72.3 %, strong
 * right first -0.1).
 */
export const WORD_WEIGHT = 0.85;
/**
 * Clues at one place of the paste (one word, or overlapping ones) give this share of the weight:
 * one strong word ("big" of "too big header") must not overrule what the rules read in a sentence
 * ("502 only when uploading big files"). Cost on learning pastes with thin evidence read by models
 * that never saw them: 1 of 486 fewer right first.
 */
export const ONE_PLACE_FACTOR = 0.5;
/** Causes only the words name are added at most this many times. */
export const WORD_ONLY_CAUSES = 3;
/** Clue words shown as a hint's evidence at most (the strongest). */
export const CLUES_SHOWN = 3;

/**
 * Places of the paste (clues that overlap, "website" inside "the website", count once) a cause's
 * clues must cover, by how much the recognisers made of the paste: any clue when they named a
 * cause; two when they named none. One word alone is too often chance ("hello world" would point
 * at IIS's World Wide Web Services).
 */
export const CLUE_PLACES = { named: 1, read: 2, nothing: 2 } as const;
/**
 * When the recognisers read nothing at all, the paste may not be about a failure ("How do I
 * center a div"): causes the words name then stay "Possible", between these confidences by their
 * probability.
 */
export const NOTHING_READ = { min: 0.05, max: 0.09 } as const;

export interface WordHints {
  contributions: Contribution[];
  /** The clue words behind the hints, as `word` facts. */
  facts: Fact[];
}

/**
 * The input with every span a recogniser read, except the prose reader's and exception names,
 * blanked out (same length, so spans stay true): what is left is the text the recognisers did not
 * understand, and the sentences around it. An exception's name is kept: the rules know the .NET
 * ones that decide a cause, and the words of any other ("ReadTimeoutException",
 * "ClientAbortException") are clues. Linear in the input and the facts (they come sorted by span).
 */
export function masked(input: string, facts: readonly Fact[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const f of facts) {
    if (f.kind === 'prose' || f.name === 'exception' || f.span.end <= at) continue;
    const start = Math.max(at, f.span.start);
    parts.push(input.slice(at, start), ' '.repeat(f.span.end - start));
    at = f.span.end;
  }
  if (at === 0) return input;
  parts.push(input.slice(at));
  return parts.join('');
}

/** Places of the paste the clues cover: clues that overlap, directly or through another, count once. */
function places(clues: readonly WordClue[]): number {
  let n = 0;
  let end = -1;
  for (const c of [...clues].sort((a, b) => a.start - b.start)) {
    if (c.start >= end) n++;
    end = Math.max(end, c.end);
  }
  return n;
}

/** How a word hint's evidence starts (the words follow). */
export const WORD_NOTE = 'Words often seen in reports of this cause: ';

function clueNote(clues: readonly WordClue[]): string {
  return WORD_NOTE + clues.map((c) => `“${c.text}”`).join(', ');
}

/**
 * The word model's hints for a paste with thin evidence. `findings`: what the evidence alone
 * ranked. `read`: the recognisers' facts, sorted by span (none: they read nothing at all).
 */
export function wordHints(
  input: string,
  findings: readonly Finding[],
  read: readonly Fact[],
  model: WordModel = WORD_MODEL,
): WordHints {
  const level = findings.length > 0 ? 'named' : read.length > 0 ? 'read' : 'nothing';
  const need = CLUE_PLACES[level];
  const named = new Set(findings.map((f) => f.cause));
  const contributions: Contribution[] = [];
  const facts: Fact[] = [];
  let added = 0;
  for (const score of readWords(model, masked(input, read)).ranked.slice(0, CONSIDERED)) {
    const where = places(score.clues);
    if (score.clues.length === 0 || where < need) continue;
    const known = named.has(score.cause);
    let weight =
      level === 'nothing'
        ? NOTHING_READ.min + (NOTHING_READ.max - NOTHING_READ.min) * score.probability
        : WORD_WEIGHT * score.probability * (where < 2 ? ONE_PLACE_FACTOR : 1);
    // With nothing else to say, a clue-backed cause is still worth naming, at the lowest confidence.
    if (!known && weight < MIN_CONFIDENCE && findings.length === 0) weight = MIN_CONFIDENCE;
    if (!known && (weight < MIN_CONFIDENCE || added >= WORD_ONLY_CAUSES)) continue;
    if (!known) added++;
    const shown = score.clues.slice(0, CLUES_SHOWN);
    const clueFacts: Fact[] = shown.map((c) => ({ kind: 'prose', name: 'word', value: c.text, span: { start: c.start, end: c.end } }));
    facts.push(...clueFacts);
    contributions.push({ cause: score.cause, weight, source: 'words', key: 'words', facts: clueFacts, note: clueNote(shown) });
  }
  return { contributions, facts };
}
