/**
 * The `status` recogniser: a bare HTTP status with an optional sub-status, alone on a line or as
 * the whole paste — `502`, `502.3`, `500.30`, `503.2`, `HTTP 502.3`, `502.3 Bad Gateway`,
 * `HTTP/1.1 502 Bad Gateway`, `Status code: 504`, `HTTP Error 503. The service is unavailable.`
 *
 * Only 4xx and 5xx statuses count. Anything after the status must be its standard reason phrase
 * (optionally after a dash or in brackets), so a sentence that merely starts with a number, an
 * ANCM page title ("HTTP Error 500.30 - ASP.NET Core app failed to start", the error-page
 * recogniser's job) or an IIS log line ("502 3 12002 120016") is not read. An unlabelled
 * three-digit status right after a long line is taken for that line's wrapped tail and skipped.
 *
 * Emits `status` facts with the status as text ("502.3").
 */
import type { Fact, LineIndex, Recogniser } from '../../engine/types.ts';
import { lineSpan } from '../../engine/lines.ts';
import { linesMatching } from '../shared/proxy-lines.ts';
import { formatStatus, parseStatus } from '../../codes/forms.ts';
import { splitBareLine } from '../../codes/bare-line.ts';
import { STATUSES } from '../../codes/status-causes.ts';

const KIND = 'status' as const;

const LABELS = [
  // Browser consoles and HTTP clients reporting the status the reader got back.
  'failed to load resource: the server responded with a status of',
  'request failed with status code',
  'http status code',
  'http status',
  'http error',
  'http/1.1',
  'http/1.0',
  'http/2.0',
  'http/2',
  'http/3',
  'http',
  'status code',
  'statuscode',
  'status',
  'response status',
  'response code',
  'error code',
  'error',
].sort((a, b) => b.length - a.length);

/** Standard reason phrases of 4xx/5xx, plus the wordings IIS, HTTP.sys and nginx use. */
const REASONS = new Set(
  [
    'bad request',
    'unauthorized',
    'payment required',
    'forbidden',
    'not found',
    'method not allowed',
    'not acceptable',
    'proxy authentication required',
    'request timeout',
    'request time out',
    'conflict',
    'gone',
    'length required',
    'precondition failed',
    'payload too large',
    'request entity too large',
    'content too large',
    'uri too long',
    'request uri too long',
    'url too long',
    'unsupported media type',
    'range not satisfiable',
    'requested range not satisfiable',
    'expectation failed',
    'misdirected request',
    'unprocessable entity',
    'unprocessable content',
    'too many requests',
    'request header fields too large',
    'request header too large',
    'client closed request',
    'internal server error',
    'not implemented',
    'bad gateway',
    'proxy error',
    'service unavailable',
    'service is unavailable',
    'service temporarily unavailable',
    'gateway timeout',
    'gateway time out',
    'http version not supported',
    // Cloudflare's origin errors (520-526) as its error pages title them.
    'web server returned an unknown error',
    'web server is returning an unknown error',
    'web server is down',
    'connection timed out',
    'origin is unreachable',
    'a timeout occurred',
    'ssl handshake failed',
    'invalid ssl certificate',
    // The AWS ALB's 460 and nginx's 499 have no reason phrase of their own in the RFCs.
  ],
);

const WRAP_WIDTH = 60;

/**
 * A status named inside a sentence: `shows \`HTTP Error 500.19\`.` (the HTTP.sys/IIS label), or
 * a sub-status the guide knows next to the word error (`throws 500.19 error`, `error 502.5`).
 * A bare `502` in prose stays unread: too many numbers look like it. A title (`HTTP Error
 * 500.30 - ASP.NET Core app failed to start`) is the error-page recogniser's.
 */
const INLINE_LABELLED = /\bHTTP[ \t]?Error[ \t]{1,3}([45]\d\d(?:\.\d{1,2})?)(?![\d.]\d|\d)/gi;
const INLINE_BEFORE =
  /(?<![\w.])([45]\d\d\.\d{1,2})(?![\w]|\.\d)(?:[ \t]{0,2}\([ \t]{0,2}0x[0-9a-fA-F]{1,8}[ \t]{0,2}\))?[ \t]{0,3}[`'"”’]?[ \t]{0,3}(?:errors?|fehler|erreur)\b/gi;
const INLINE_AFTER = /\berror[ \t]{1,3}(?:code[ \t]{1,3})?[`'"“‘]?([45]\d\d\.\d{1,2})(?![\w]|\.\d)/gi;
/** What every status this recogniser reports holds (parseStatus: 4xx or 5xx). */
const STATUS_DIGITS = /[45]\d\d/g;
/** error, fehler or erreur in any case (only ASCII letters lower-case to these). */
const ERROR_WORD = /error|fehler|erreur/i;
const TITLE_DASH = /^[`'"”’]?[ \t]{0,4}[-–—][ \t]{0,4}\S/;
const KNOWN_SUB = new Set(STATUSES.map((s) => s.status).filter((s) => s.includes('.')));

function inlineStatuses(text: string): { token: string; at: number }[] {
  // The same test as looking in the lower-cased line, without building it.
  if (!ERROR_WORD.test(text)) return [];
  const out: { token: string; at: number }[] = [];
  const seen = new Set<number>();
  const take = (re: RegExp, known: boolean): void => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const token = m[1] as string;
      const at = m.index + m[0].indexOf(token);
      if (seen.has(at)) continue;
      if (TITLE_DASH.test(text.slice(at + token.length, at + token.length + 12))) continue;
      const parsed = parseStatus(token);
      if (!parsed) continue;
      if (known && !KNOWN_SUB.has(formatStatus(parsed))) continue;
      seen.add(at);
      out.push({ token, at });
    }
  };
  take(INLINE_LABELLED, false);
  take(INLINE_BEFORE, true);
  take(INLINE_AFTER, true);
  return out.sort((a, b) => a.at - b.at);
}

function normaliseReason(text: string): string {
  return text
    .toLowerCase()
    .replace(/[-_]/g, ' ')
    .replace(/[.!]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Empty, or the reason phrase, optionally after a dash or in brackets. */
function tailFits(tail: string): boolean {
  if (tail === '') return true;
  if (tail.length > 60) return false;
  let t = tail;
  if (t.startsWith('(') && (t.endsWith(')') || t.endsWith(').'))) t = t.slice(1, t.lastIndexOf(')'));
  else t = t.replace(/^[-–—:]\s*/, '');
  return REASONS.has(normaliseReason(t));
}

/**
 * A reason phrase that starts the tail and is followed by more (`502.3 Bad Gateway The operation
 * timed out`, `502.4 Bad Gateway No server is available ...`): taken only after a sub-status,
 * which no sentence starts with by chance. Up to four words, each tried as a reason.
 */
function tailStartsWithReason(tail: string): boolean {
  if (tail.length > 300) return false;
  const t = tail.replace(/^[-–—:]\s*/, '');
  const words = t.split(/\s+/, 5);
  for (let n = Math.min(4, words.length - 1); n >= 1; n--) {
    if (REASONS.has(normaliseReason(words.slice(0, n).join(' ')))) return true;
  }
  return false;
}

function prevLineIsLong(input: string, lines: LineIndex, lineNumber: number): boolean {
  if (lineNumber < 2) return false;
  const start = lines.starts[lineNumber - 2] as number;
  let end = lines.starts[lineNumber - 1] as number;
  while (end > start && (input.charCodeAt(end - 1) === 10 || input.charCodeAt(end - 1) === 13)) end--;
  return end - start > WRAP_WIDTH && input.slice(start, end).trim().length > WRAP_WIDTH;
}

export const recogniser: Recogniser = {
  kind: KIND,
  recognise(input: string, lines: LineIndex, out: Fact[] = []): Fact[] {
    const facts = out;
    const read = (text: string, start: number, lineNumber: number): void => {
      if (text.length < 3) return;
      const bare = text.length > 400 ? null : splitBareLine(text, LABELS);
      const inline = (): void => {
        if (text.length > 2000) return;
        for (const s of inlineStatuses(text)) {
          const parsed = parseStatus(s.token);
          if (!parsed) continue;
          facts.push({
            kind: KIND,
            name: 'status',
            value: formatStatus(parsed),
            span: { start: start + s.at, end: start + s.at + s.token.length },
          });
        }
      };
      if (!bare) return inline();
      // An XML or HTML attribute (statusCode="502.3") belongs to that format's recogniser.
      if (text.slice(Math.max(0, bare.tokenStart - 2), bare.tokenStart) === '="') return;
      const parsed = parseStatus(bare.token);
      if (!parsed || !(tailFits(bare.tail) || (parsed.sub !== undefined && tailStartsWithReason(bare.tail)))) return inline();
      if (bare.label === undefined && parsed.sub === undefined && bare.tail === '' && prevLineIsLong(input, lines, lineNumber)) return;
      facts.push({
        kind: KIND,
        name: 'status',
        value: formatStatus(parsed),
        span: { start: start + bare.tokenStart, end: start + bare.tokenStart + bare.token.length },
      });
    };
    // Every status either way is read by parseStatus, which needs 4xx or 5xx digits: only the lines
    // holding three such digits are read (one search over the paste finds them).
    const holding = linesMatching(input, lines, STATUS_DIGITS);
    for (let n = 1; n <= lines.starts.length; n++) {
      if (holding[n] !== 1) continue;
      const { start, end } = lineSpan(input, lines, n);
      read(input.slice(start, end), start, n);
    }
    return facts;
  },
};
