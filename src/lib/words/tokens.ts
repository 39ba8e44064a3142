/**
 * Word tokens of a paste, for the word model (model.ts): the words people write around a failure,
 * read in any script.
 *
 * - A word is a run of letters and digits, in any script, that may hold inner `.`, `_`, `-` or `'`
 *   ("system.net.http", "keep-alive", "don't"); it is compared lower-cased.
 * - Chinese, Japanese and Korean text has no spaces between words, so a run of those characters
 *   gives its overlapping two-character pairs (a lone character gives itself).
 * - Numbers of more than five digits (timestamps, ids) and one-letter words are left out; codes
 *   such as 502, 12002 and 0x80072ee2 stay.
 * - Each pair of neighbouring words is a token too ("connection refused"), so word order counts a
 *   little.
 * - A compound word also gives its parts: the pieces between `.`, `_` and `-`, and the humps of a
 *   CamelCase name ("RedisTimeoutException" gives "redis", "timeout", "exception";
 *   "System.Net.Sockets" gives "system", "net", "sockets"; "HTTPRequest" gives "http", "request"),
 *   so a word a paste fuses into an identifier counts as the same word written alone. (Learning
 *   pastes read by models that never saw them: right cause first 45.8 -> 48.7 % on thin evidence,
 *   in the top three 64.4 -> 67.7 %.)
 * - An English word of five letters or more that bends ("timeouts", "restarted", "proxies") also
 *   gives its stem (stem.ts), marked `~` ("~restart"), so a form of a word the training texts never
 *   held still counts. (The 2,439 learning pastes of 2026-12-07 read by models that never saw
 *   them, with four seeds: thin top three +0.4 to +1.0 points, strong right first -0.1 to +0.3;
 *   the shipped model grows by 6 %.)
 * - Stop words (stopwords.ts: "the", "we", "please") are no token alone, nor a pair of two of them.
 * - The name of an HTML tag (`<title>`, `</center>`) and a JSON key (`"log":`) are markup, not words.
 *
 * Each token is kept once, with the span of its first appearance (for the evidence shown to the
 * reader). One pass over the text, linear in its length.
 */

import { STOPWORDS } from './stopwords.ts';
import { stem } from './stem.ts';

/** How a stem token starts, so that it never meets a word of the same letters. */
export const STEM_MARK = '~';

export interface Token {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['._-][\p{L}\p{N}]+)*/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const LONG_NUMBER = /^\d{6,}$/;
/** Where a compound word splits: at `.`, `_`, `-`, and at a CamelCase hump (aB, or ABc before the last capital). */
const PART_EDGE = /[._-]+|(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/gu;

/** The distinct tokens of `text`, in order of first appearance; at most `max` of them. */
export function tokens(text: string, max = 20_000): Token[] {
  const out: Token[] = [];
  const seen = new Set<string>();
  const add = (t: string, start: number, end: number): void => {
    if (seen.has(t) || out.length >= max) return;
    seen.add(t);
    out.push({ text: t, start, end });
  };
  let prev: Token | undefined;
  for (const m of text.matchAll(WORD)) {
    if (out.length >= max) break;
    const raw = m[0];
    const at = m.index;
    // An HTML tag's name (<title>, </center>) and a JSON key ("log":) are markup, not words of the message.
    if (text.charCodeAt(at - 1) === 60 || (text.charCodeAt(at - 1) === 47 && text.charCodeAt(at - 2) === 60) || isJsonKey(text, at, raw.length)) {
      prev = undefined;
      continue;
    }
    if (CJK.test(raw)) {
      prev = undefined;
      for (const run of raw.matchAll(CJK_RUN)) {
        const s = run[0];
        const base = at + run.index;
        const chars = [...s];
        if (chars.length === 1) add(s, base, base + s.length);
        let offset = 0;
        for (let i = 0; i + 1 < chars.length; i++) {
          const pair = chars[i]! + chars[i + 1]!;
          add(pair, base + offset, base + offset + pair.length);
          offset += chars[i]!.length;
        }
      }
      continue;
    }
    const word = raw.toLowerCase();
    if (word.length < 2 || LONG_NUMBER.test(word)) {
      prev = undefined;
      continue;
    }
    const token: Token = { text: word, start: at, end: at + raw.length };
    const stop = STOPWORDS.has(word);
    if (!stop) {
      add(word, token.start, token.end);
      const base = stem(word);
      if (base !== word) add(STEM_MARK + base, token.start, token.end);
    }
    addParts(raw, at, add);
    if (prev && !(stop && STOPWORDS.has(prev.text))) add(`${prev.text} ${word}`, prev.start, token.end);
    prev = token;
  }
  return out;
}

/** The parts of a compound word (PART_EDGE) as tokens, each with its own span; nothing for a simple word. */
function addParts(raw: string, at: number, add: (t: string, start: number, end: number) => void): void {
  let from = 0;
  const take = (end: number): void => {
    const part = raw.slice(from, end).toLowerCase();
    if (part.length >= 2 && !STOPWORDS.has(part) && !LONG_NUMBER.test(part)) add(part, at + from, at + end);
  };
  for (const m of raw.matchAll(PART_EDGE)) {
    take(m.index);
    from = m.index + m[0].length;
  }
  // No edge (a word never starts with one): a simple word, which is no part of itself.
  if (from > 0) take(raw.length);
}

/** Whether the word at `at` is a whole JSON key: `"` before it, `"` and then `:` (after blanks) after it. */
function isJsonKey(text: string, at: number, length: number): boolean {
  if (text.charCodeAt(at - 1) !== 34 || text.charCodeAt(at + length) !== 34) return false;
  let i = at + length + 1;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return text.charCodeAt(i) === 58;
}
