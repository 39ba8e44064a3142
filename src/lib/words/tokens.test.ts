import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokens } from './tokens.ts';
import { STOPWORDS } from './stopwords.ts';
import { stem } from './stem.ts';

const texts = (t: string): string[] => tokens(t).map((x) => x.text);

describe('tokens', () => {
  it('reads words lower-cased, with their neighbour pairs, each once, and spans into the input', () => {
    const input = 'Connection REFUSED, connection refused again';
    const out = tokens(input);
    expect(out.map((t) => t.text)).toEqual(['connection', 'refused', '~refus', 'connection refused', 'refused connection', 'refused again']);
    for (const t of out) if (!t.text.startsWith('~')) expect(input.slice(t.start, t.end).toLowerCase().replace(/[^a-z]+/g, ' ')).toBe(t.text);
  });

  it('keeps inner dots, dashes and underscores, codes and short numbers; drops long numbers and one-letter words', () => {
    expect(texts('System.Net.Http keep-alive 0x80072EE2 502 12002 1718028394 a x')).toEqual([
      'system.net.http',
      'system',
      'net',
      'http',
      'keep-alive',
      'keep',
      'alive',
      'system.net.http keep-alive',
      '0x80072ee2',
      'keep-alive 0x80072ee2',
      '502',
      '0x80072ee2 502',
      '12002',
      '502 12002',
    ]);
  });

  it('gives the parts of a compound word too, each with its own span: CamelCase humps and pieces between . _ -', () => {
    const input = 'RedisTimeoutException at HTTPRequest in aspnetcorev2_inprocess.dll';
    const out = tokens(input);
    const parts = (whole: string): string[] => out.filter((t) => input.slice(t.start, t.end) !== whole && whole.includes(input.slice(t.start, t.end))).map((t) => t.text);
    expect(parts('RedisTimeoutException')).toEqual(['redis', 'timeout', 'exception']);
    expect(texts('HTTPRequest')).toEqual(['httprequest', 'http', 'request']);
    expect(texts('aspnetcorev2_inprocess.dll')).toEqual(['aspnetcorev2_inprocess.dll', 'aspnetcorev2', 'inprocess', 'dll']);
    for (const t of out) if (!t.text.includes(' ')) expect(input.slice(t.start, t.end).toLowerCase()).toBe(t.text);
    // A simple word, an apostrophe, a long number or a one-letter piece gives no part.
    expect(texts('timeout')).toEqual(['timeout']);
    expect(texts("o'reilly")).toEqual(["o'reilly"]);
    expect(texts('build-1718028394-x')).toEqual(['build-1718028394-x', 'build']);
    // A part that is a stop word is none.
    expect(texts('TheService')).toEqual(['theservice', '~theservic', 'service']);
  });

  it('leaves out the keys of a JSON record, not its values', () => {
    expect(texts('{"log":"nginx timeout","stream" : "stderr"}')).toEqual(['nginx', 'timeout', 'nginx timeout', 'stderr']);
    // A quoted word without a colon after it is a word.
    expect(texts('it said "refused" twice')).toEqual(['said', 'it said', 'refused', '~refus', 'said refused', 'twice', '~twic', 'refused twice']);
  });

  it('reads any script: Cyrillic and German words whole, Chinese, Japanese and Korean as character pairs', () => {
    expect(texts('Шлюз недоступен')).toEqual(['шлюз', 'недоступен', 'шлюз недоступен']);
    expect(texts('Zeitüberschreitung')).toEqual(['zeitüberschreitung']);
    expect(texts('网关超时')).toEqual(['网关', '关超', '超时']);
    expect(texts('タイムアウト')).toContain('タイ');
    expect(texts('게이트웨이')).toContain('게이');
    expect(texts('超')).toEqual(['超']);
    // A character outside the basic plane counts as one character.
    const withSurrogate = tokens('𠀋超');
    expect(withSurrogate.map((t) => t.text)).toEqual(['𠀋超']);
    expect(withSurrogate[0]).toMatchObject({ start: 0, end: 3 });
  });

  it('gives a bent English word its stem too, marked ~, with the span of the word', () => {
    const input = 'Restarting the pods: every restart timeouts';
    const out = tokens(input);
    expect(out.map((t) => t.text)).toEqual(['restarting', '~restart', 'restarting the', 'pods', 'the pods', 'pods every', 'restart', 'every restart', 'timeouts', '~timeout', 'restart timeouts']);
    const stemOf = out.find((t) => t.text === '~restart')!;
    expect(input.slice(stemOf.start, stemOf.end)).toBe('Restarting');
    // A word that is its own stem, a stop word, a code or another script gives none.
    expect(texts('restart')).toEqual(['restart']);
    expect(texts('these 502s')).toEqual(['502s', 'these 502s']);
    expect(texts('Zeitüberschreitungen')).toEqual(['zeitüberschreitungen']);
  });

  it('leaves out stop words alone and pairs of two stop words, keeps a pair with one content word', () => {
    expect(texts('we get it from the proxy')).toEqual(['proxy', 'the proxy']);
    expect(texts('it is what it is')).toEqual([]);
    expect(STOPWORDS.has('the')).toBe(true);
    expect(STOPWORDS.has('nginx')).toBe(false);
  });

  it('skips the names of HTML tags but reads the text between them', () => {
    expect(texts('<html><head><title>502 Bad Gateway</title></head>')).toEqual(['502', '502 bad', 'gateway', 'bad gateway']);
  });

  it('stops at the token limit, and is empty for text without words', () => {
    expect(tokens('alpha beta gamma delta', 3)).toHaveLength(3);
    expect(tokens('')).toEqual([]);
    expect(tokens('--- ... ###')).toEqual([]);
  });
});

describe('tokens on any text', () => {
  it("keeps every span inside the input, each token once, a word equal to its text lower-cased, a stem to its word's", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 300 }),
          // Words that bend, and pieces of them, so that stems come up often.
          fc.array(fc.constantFrom('Restarted', 'timeouts', 'PROXIES', 'stopped', 'closes', 'ing', 'ed', 'aaaae', 'x', '502s', '-', '.', ' ', ', ', '\n'), { maxLength: 40 }).map((a) => a.join('')),
        ),
        (text) => {
          const out = tokens(text);
          expect(new Set(out.map((t) => t.text)).size).toBe(out.length);
          for (const t of out) {
            expect(t.start).toBeGreaterThanOrEqual(0);
            expect(t.end).toBeLessThanOrEqual(text.length);
            expect(t.start).toBeLessThan(t.end);
            if (t.text.startsWith('~')) {
              expect(t.text.slice(1)).toBe(stem(text.slice(t.start, t.end).toLowerCase()));
            } else if (!t.text.includes(' ') && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(t.text)) {
              expect(text.slice(t.start, t.end).toLowerCase()).toBe(t.text);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
