/**
 * Does a line read as a sentence or a title a person wrote, rather than a log record, markup or a
 * stack frame? The prose reader only reads such lines, so the numbers and names inside log
 * records stay with the recognisers that know those formats.
 *
 * A sentence here: 6 to 1,000 characters; at least three words of two or more letters (or two
 * and a 4xx/5xx number in a line of at most 60 characters: "nginx 499 error"); letters
 * make up at least 60 % of its non-blank characters outside inline code in backticks; it does not start like a log record
 * (a date, a bracketed time, `info:`-style level headers, a stack frame, markup, JSON, `#Fields`)
 * and carries no request line (`HTTP/1.1"`). One pass over the line's characters.
 */

/** Lines shorter or longer than these are never prose (the reader does not even cut them out). */
export const MIN_LINE = 6;
export const MAX_LINE = 1000;
const SHORT_TITLE = 60;
const SHORT_STATUS = /(?<![\d.])[45]\d\d(?![\d.])/;
const STATUS_PHRASE = /bad[ -]?gateway|gateway[ -]?time[ -]?out|gateway errors?|service unavailable/i;
/**
 * A status with a few words around it and nothing else: "Getting 503", "503 error", "Got a 504!",
 * "still 502s". Too few words or letters for a sentence, yet plainly someone telling the status
 * they see. (A status with its reason phrase alone is the status recogniser's.)
 */
const WORDS_AND_STATUS = /^[ \t]*(?![^\n]*\bports?[ \t]+[45]\d\d)(?:[A-Za-z][A-Za-z'-]*[ \t]+){0,3}[45]\d\d(?:\.\d{1,2})?s?(?:[ \t]+[A-Za-z][A-Za-z'-]*){0,3}[ \t]*[.!?:]*[ \t]*$/;
const MAX_WORDS_AND_STATUS = 40;
const STATUS_DIGITS = /[45]\d\d/;
const LOG_START =
  /^(?:\d{4}[-/.]\d\d[-/.]\d\d|\d\d?\/\w{3}\/\d{4}|\[\d|\[[A-Z][a-z]{2} [A-Z][a-z]{2}|at [\w.`<>$|]+[.(]|--->|(?:trce|dbug|info|warn|fail|crit|error|warning|debug|fatal):\s|[<{#]|\w+=\S|"\w+":)/i;
const REQUEST_LINE = /"(?:GET|POST|PUT|DELETE|HEAD|PATCH|OPTIONS) \S|\bHTTP\/\d(?:\.\d)?"/;

function isLetter(c: number): boolean {
  // Latin, Greek, Cyrillic and the rest below U+2000; kana and CJK ideographs; Hangul syllables.
  return (
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000) ||
    (c >= 0x3040 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7a3)
  );
}

/** Whether a line is a sentence or title of its own. */
export function looksLikeProse(line: string): boolean {
  return proseKind(line) === 'sentence';
}

/**
 * What a line is, in one pass: a sentence or title of its own; a `continuation`, the rest of a
 * sentence the line before began (a hard-wrapped paragraph), for which one word of two letters, or
 * two wide characters, is enough ("policy applied."); or neither (undefined).
 */
export function proseKind(line: string): 'sentence' | 'continuation' | undefined {
  if (line.length < MIN_LINE || line.length > MAX_LINE) return undefined;
  // Most lines of a log paste start like a record: one anchored test settles them before the
  // pass over the characters (the answer is the same in either order).
  let lead = 0;
  while (lead < line.length && (line.charCodeAt(lead) === 32 || line.charCodeAt(lead) === 9 || line.charCodeAt(lead) === 0xa0)) lead++;
  if (LOG_START.test(lead > 0 ? line.slice(lead) : line)) return undefined;
  let letters = 0;
  let other = 0;
  let words = 0;
  let run = 0;
  let first = -1;
  /** Kana, CJK ideographs and Hangul: scripts whose sentences need few spaces. */
  let wide = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // Inline code in single backticks (`reverse_proxy localhost:8765`) counts for neither side:
    // the words around it decide. An unmatched backtick, or a run of them (a ``` fence around a
    // message), is an ordinary character.
    if (c === 96 && line.charCodeAt(i + 1) !== 96 && line.charCodeAt(i - 1) !== 96) {
      const close = line.indexOf('`', i + 1);
      if (close > i) {
        if (run >= 2) words++;
        run = 0;
        if (first < 0) first = i;
        i = close;
        continue;
      }
    }
    if (c === 32 || c === 9 || c === 0xa0) {
      if (run >= 2) words++;
      run = 0;
      continue;
    }
    if (first < 0) first = i;
    if (isLetter(c)) {
      letters++;
      run++;
      if (c >= 0x3040) wide++;
    } else {
      other++;
      if (run >= 2) words++;
      run = 0;
    }
  }
  if (run >= 2) words++;
  // A short title of two words and a status ("nginx 499 error", "IIS 503 errors") also counts.
  // A bare status with its reason phrase ("502 Bad Gateway") is the status recogniser's: the
  // short title must start with a word.
  // So does a status phrase alone as a title ("Bad Gateway", "gateway timeout").
  // Chinese and Japanese need no spaces between words (Korean puts them between phrases): eight
  // such characters make a sentence on their own.
  // Both exceptions below need three status-like digits in a short line: one cheap test first.
  const shortWithDigits = line.length <= SHORT_TITLE && STATUS_DIGITS.test(line);
  // A short title that names a status may carry more digits than letters ("The One 502 in 20,000").
  const shortStatusTitle = shortWithDigits && isLetter(line.charCodeAt(first)) && SHORT_STATUS.test(line);
  const enough =
    words >= 3 ||
    wide >= 8 ||
    (words === 2 && line.length <= SHORT_TITLE && isLetter(line.charCodeAt(first)) && (SHORT_STATUS.test(line) || STATUS_PHRASE.test(line))) ||
    // A status in a few Chinese or Japanese words ("他已经502了", "nginx报502"): no spaces to count words by.
    (shortStatusTitle && wide >= 1 && letters >= 3);
  if (shortWithDigits && words >= 1 && line.length <= MAX_WORDS_AND_STATUS && WORDS_AND_STATUS.test(line) && !STATUS_PHRASE.test(line)) return 'sentence';
  const continues = words >= 1 || wide >= 2;
  if (!(enough || continues) || (letters < 0.6 * (letters + other) && !shortStatusTitle)) return undefined;
  // (LOG_START was tested above, from the same first character.)
  if (REQUEST_LINE.test(first > 0 ? line.slice(first) : line)) return undefined;
  return enough ? 'sentence' : 'continuation';
}
