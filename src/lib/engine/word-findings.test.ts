import { describe, expect, it } from 'vitest';
import type { Fact, Finding } from './types.ts';
import { CLUE_PLACES, NOTHING_READ, ONE_PLACE_FACTOR, WORD_NOTE, WORD_ONLY_CAUSES, WORD_WEIGHT, masked, wordHints } from './word-findings.ts';
import { diagnose } from './diagnose.ts';
import { thinEvidenceAdvice } from '../report/collect-next.ts';
import { trainWordModel } from '../words/train.ts';
import { MIN_CONFIDENCE } from './rank.ts';

const fact = (kind: Fact['kind'], name: Fact['name'], value: Fact['value'], start: number, end: number): Fact => ({ kind, name, value, span: { start, end } });
const finding = (cause: string, confidence: number): Finding => ({ cause, title: cause, confidence, evidence: [], article: `/causes/${cause}/`, nextSteps: [] });

// Invented training texts for real cause ids, so the hints can be ranked by the real ranking.
const model = trainWordModel([
  ...['uploading a large file fails', 'large file upload gives 502', 'upload of a large file', 'body too large when uploading'].map((text) => ({ cause: 'request-body-too-large', text })),
  ...['login cookie too big', 'after login the header is too big', 'big cookie after login'].map((text) => ({ cause: 'proxy-header-too-big', text })),
  ...['slow report times out', 'long report request times out', 'the report is slow'].map((text) => ({ cause: 'request-timeout', text })),
  ...['deploy restarts the pod', 'pod terminating during deploy', 'rolling deploy drops pod'].map((text) => ({ cause: 'pod-shutdown-race', text })),
]);

describe('masked', () => {
  it('blanks what a recogniser other than the prose reader read, keeping the length', () => {
    const input = 'GET /x 502 then a sentence';
    const out = masked(input, [fact('iis-log', 'status', '502', 7, 10), fact('prose', 'signal', 'prose.failing', 18, 26)]);
    expect(out).toBe('GET /x     then a sentence');
    expect(out).toHaveLength(input.length);
    expect(masked(input, [])).toBe(input);
    // Overlapping spans are blanked once.
    expect(masked('abcdef', [fact('nginx', 'placed', 'x', 0, 4), fact('nginx', 'status', '502', 2, 5)])).toBe('     f');
  });

  it('keeps an exception name for the words, and blanks a message read over it', () => {
    const input = 'io.netty.handler.timeout.ReadTimeoutException at x';
    expect(masked(input, [fact('stdout-log', 'exception', 'io.netty.handler.timeout.ReadTimeoutException', 0, 45)])).toBe(input);
    const both = masked(input, [fact('stdout-log', 'exception', 'x', 0, 45), fact('message', 'signal', 'message.x', 0, 45)]);
    expect(both).toBe(' '.repeat(45) + ' at x');
  });
});

describe('wordHints', () => {
  it('adds weight to a cause the evidence named, in proportion to its probability', () => {
    const text = 'upload of a large file';
    const h = wordHints(text, [finding('request-body-too-large', 0.2)], [], model);
    const c = h.contributions.find((x) => x.cause === 'request-body-too-large');
    expect(c).toBeDefined();
    expect(c!.weight).toBeGreaterThan(0);
    expect(c!.weight).toBeLessThanOrEqual(WORD_WEIGHT);
    expect(c!.source).toBe('words');
    expect(c!.note).toMatch(/^Words often seen in reports of this cause: .*“(large file|upload|large|file)”/);
    for (const f of h.facts) expect(f).toMatchObject({ kind: 'prose', name: 'word' });
    for (const f of h.facts) expect(text.slice(f.span.start, f.span.end).toLowerCase()).toBe(f.value);
  });

  it('names a cause the evidence did not, at most WORD_WEIGHT, and at most WORD_ONLY_CAUSES of them', () => {
    const h = wordHints('large file upload after login with a big cookie, slow report', [finding('backend-unhealthy', 0.3)], [], model);
    const only = h.contributions.filter((c) => c.cause !== 'backend-unhealthy');
    expect(only.length).toBeGreaterThan(0);
    expect(only.length).toBeLessThanOrEqual(WORD_ONLY_CAUSES);
    for (const c of only) {
      expect(c.weight).toBeLessThanOrEqual(WORD_WEIGHT);
      expect(c.weight).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
    }
  });

  it('asks for clues at two places when the evidence named nothing, and keeps a paste nothing read "Possible"', () => {
    expect(CLUE_PLACES).toEqual({ named: 1, read: 2, nothing: 2 });
    const status = [fact('prose', 'status', '502', 100, 103)];
    // One place ("large file" holds "large" and "file"; they overlap it).
    const one = 'a large file';
    expect(wordHints(one, [finding('backend-unhealthy', 0.3)], [], model).contributions.length).toBeGreaterThan(0);
    expect(wordHints(one, [], status, model).contributions).toEqual([]);
    // Two places: enough when nothing was named.
    const two = 'upload, then a large file';
    const read = wordHints(two, [], status, model).contributions;
    expect(read.length).toBeGreaterThan(0);
    const nothing = wordHints(two, [], [], model).contributions;
    expect(nothing.map((c) => c.cause)).toEqual(read.map((c) => c.cause));
    for (const c of nothing) {
      expect(c.weight).toBeGreaterThanOrEqual(NOTHING_READ.min);
      expect(c.weight).toBeLessThanOrEqual(NOTHING_READ.max);
    }
    expect(Math.max(...read.map((c) => c.weight))).toBeGreaterThan(NOTHING_READ.max);
  });

  it('gives clues at one place half the weight of clues at two', () => {
    const one = wordHints('a large file', [finding('request-body-too-large', 0.2)], [], model).contributions[0]!;
    const two = wordHints('upload, then a large file', [finding('request-body-too-large', 0.2)], [], model).contributions[0]!;
    expect(one.cause).toBe('request-body-too-large');
    expect(two.cause).toBe('request-body-too-large');
    expect(one.weight).toBeLessThanOrEqual(WORD_WEIGHT * ONE_PLACE_FACTOR);
    expect(two.weight).toBeGreaterThan(WORD_WEIGHT * ONE_PLACE_FACTOR);
  });

  it('reads no clue in text a recogniser read as a format', () => {
    const text = 'large file upload';
    expect(wordHints(text, [], [fact('nginx', 'placed', 'x', 0, text.length)], model).contributions).toEqual([]);
  });
});

describe('the word model in diagnose()', () => {
  it('gives a sentence that names nothing a recogniser knows word-backed findings, as thin evidence', () => {
    const d = diagnose('since the upgrade the big excel export takes forever and then we get the gateway error page');
    const words = d.facts.filter((f) => f.name === 'word');
    expect(words.length).toBeGreaterThan(0);
    expect(d.findings.length).toBeGreaterThan(0);
    expect(d.findings.some((f) => f.evidence.some((e) => e.note.startsWith(WORD_NOTE)))).toBe(true);
    expect(thinEvidenceAdvice(d)).toBeDefined();
  });

  it('stays out of specific evidence: a full nginx error line gets no word facts', () => {
    const line =
      '2025/01/20 09:31:45 [error] 2211#2211: *17 connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.113.80, server: shop.example.com, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:5000/", host: "shop.example.com"';
    const d = diagnose(line);
    expect(d.findings[0]?.cause).toBe('proxy-upstream-refused');
    expect(d.facts.some((f) => f.name === 'word')).toBe(false);
  });

  it('says nothing of words alone that are chance ("hello world") and of another stack', () => {
    expect(diagnose('hello world\nnothing here').findings).toEqual([]);
    const php = diagnose('PHP Fatal error: Allowed memory size exhausted in /var/www/index.php, php-fpm returned 502 upload large file');
    expect(php.outOfScope).toBeDefined();
    expect(php.facts.some((f) => f.name === 'word')).toBe(false);
  });

  it('can be turned off', () => {
    const text = 'since the upgrade the big excel export takes forever and then we get the gateway error page';
    expect(diagnose(text, { words: false }).facts.some((f) => f.name === 'word')).toBe(false);
  });
});

describe('small talk', () => {
  it('names no cause for a help request that says nothing about the failure', () => {
    for (const text of ['hello everyone, any ideas? thanks in advance', 'Hi all, any idea? Any help appreciated, kindly advise', 'thanks everybody for the help']) {
      const d = diagnose(text);
      expect(d.findings.map((f) => f.cause), text).toEqual([]);
      expect(d.pasteHint, text).toBeDefined();
    }
  });
});
