/**
 * A light stemmer for English words, for the word model (tokens.ts): the forms a writer bends a
 * word into ("timeouts", "timed", "restarting", "restarted", "restarts", "proxies") share a stem
 * ("timeout", "tim", "restart", "proxy"), so a form the training texts never held still counts.
 *
 * Only the endings English inflects with are taken off (-ies, -ing, -ed, -es, -s, -ly), never
 * leaving fewer than four letters; then a doubled last consonant is undone ("stopp" -> "stop", but
 * "ll", "ss" and "zz" stay) and a final "e" is dropped (again not below four letters), so "close", "closed" and "closes" meet at
 * "clos". Words of fewer than five letters, and anything but plain lower-case ASCII letters
 * (numbers, codes, identifiers, other scripts), are their own stem. The stems need not be words:
 * they are only compared with each other.
 */

const ENDINGS: readonly (readonly [string, string])[] = [
  ['ies', 'y'],
  ['ing', ''],
  ['ed', ''],
  ['es', ''],
  ['s', ''],
  ['ly', ''],
];
const PLAIN = /^[a-z]{5,}$/;
/** A doubled consonant other than l, s or z at the end ("stopp", "plann"). */
const DOUBLED = /([b-df-hj-km-rtv-y])\1$/;
const MIN_STEM = 4;

/** The stem of a lower-case word (the word itself when no ending comes off). */
export function stem(word: string): string {
  if (!PLAIN.test(word)) return word;
  let base = word;
  for (const [ending, replacement] of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM) {
      base = word.slice(0, -ending.length) + replacement;
      if (DOUBLED.test(base)) base = base.slice(0, -1);
      break;
    }
  }
  return base.endsWith('e') && base.length > MIN_STEM ? base.slice(0, -1) : base;
}
