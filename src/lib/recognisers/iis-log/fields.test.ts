import { describe, expect, it } from 'vitest';
import { findMethod, httpErrLayout, isFieldName, layoutOf, locateTail, tokenize } from './fields.ts';

const toks = (s: string) => tokenize(s, 0, s.length);
const texts = (s: string) => toks(s).map((t) => t.text);

describe('tokenize', () => {
  it('splits on runs of spaces and tabs and keeps offsets', () => {
    const s = '  a\t\tbb  c ';
    const t = toks(s);
    expect(t.map((x) => x.text)).toEqual(['a', 'bb', 'c']);
    for (const x of t) expect(s.slice(x.start, x.end)).toBe(x.text);
  });
  it('respects the start/end window', () => {
    const s = 'xx a b yy';
    expect(tokenize(s, 3, 6).map((t) => t.text)).toEqual(['a', 'b']);
  });
  it('leaves Markdown emphasis and code marks out of a token, offsets included', () => {
    const s = 'host **503 0 1255** `12002` OPTIONS * *** /files/* **/a/**';
    const t = toks(s);
    expect(t.map((x) => x.text)).toEqual(['host', '503', '0', '1255', '12002', 'OPTIONS', '*', '***', '/files/*', '**/a/**']);
    for (const x of t) expect(s.slice(x.start, x.end)).toBe(x.text);
  });
});

describe('locateTail', () => {
  it('finds the default four outcome fields', () => {
    const t = toks('2024-01-01 00:00:00 1.2.3.4 GET /a - 80 - 5.6.7.8 UA - 502 3 12002 120016');
    const r = locateTail(t, 0);
    expect(r && [t[r.status]?.text, t[r.sub]?.text, t[r.win32]?.text, t[r.timeTaken]?.text]).toEqual([
      '502',
      '3',
      '12002',
      '120016',
    ]);
  });
  it('skips sc-bytes and cs-bytes between win32 and time-taken', () => {
    const t = toks('x GET /a host 502 3 2147954402 396 1129 120062');
    const r = locateTail(t, 0);
    expect(r && t[r.status]?.text).toBe('502');
    expect(r && t[r.timeTaken]?.text).toBe('120062');
  });
  it('does not take a port before the status for the status', () => {
    const t = toks('x GET /a 443 502 3 12002 5');
    const r = locateTail(t, 0);
    expect(r && t[r.status]?.text).toBe('502');
  });
  it('steps over a non-numeric custom field at the end', () => {
    const t = toks('x GET /a - 500 30 0 2204 custom=abc');
    const r = locateTail(t, 0);
    expect(r && t[r.status]?.text).toBe('500');
    expect(r && t[r.timeTaken]?.text).toBe('2204');
  });
  it('gives up when there is no plausible tail', () => {
    expect(locateTail(toks('a b c 1 2 3'), 0)).toBeUndefined();
    expect(locateTail(toks('a 999 3 4 5'), 0)).toBeUndefined();
  });
});

describe('findMethod and httpErrLayout', () => {
  it('needs date, time and a method followed by a path', () => {
    expect(findMethod(toks('2024-01-01 00:00:00 10.0.0.1 GET /x - 80'), 0)).toBe(3);
    expect(findMethod(toks('2024-01-01 00:00:00 SITE POST /x - 80'), 0)).toBe(3);
    expect(findMethod(toks('2024-01-01 00:00:00 info: GET something else here'), 0)).toBeUndefined();
    expect(findMethod(toks('2024-01-01T00:00:00 x GET /x - 80'), 0)).toBeUndefined();
  });
  it('recognises HTTP.sys error-log lines with and without streamid', () => {
    const a = toks('2024-07-01 06:00:11 1.1.1.1 50123 10.0.0.4 443 HTTP/1.1 GET /a - 503 2 AppOffline Pool');
    expect(httpErrLayout(a, 0)?.index.get('s-reason')).toBe(12);
    const b = toks('2024-07-01 06:00:11 1.1.1.1 50123 10.0.0.4 443 HTTP/1.1 GET /a 503 2 QueueFull Pool');
    expect(httpErrLayout(b, 0)?.index.get('s-reason')).toBe(11);
    expect(httpErrLayout(toks('2024-07-01 06:00:11 a b c d e f g h i j k l'), 0)).toBeUndefined();
  });
});

describe('layouts and field names', () => {
  it('indexes fields case-insensitively', () => {
    const l = layoutOf(texts('date time cs(User-Agent) sc-status'));
    expect(l.index.get('cs(user-agent)')).toBe(2);
    expect(l.index.get('sc-status')).toBe(3);
  });
  it('accepts W3C field names and rejects values', () => {
    for (const f of ['date', 'cs-uri-stem', 'cs(User-Agent)', 'sc-win32-status', 'time-taken', 'x-forwarded-for'])
      expect(isFieldName(f)).toBe(true);
    for (const v of ['2024-01-01', '502', '/api/x', 'Mozilla/5.0']) expect(isFieldName(v)).toBe(false);
  });
});
