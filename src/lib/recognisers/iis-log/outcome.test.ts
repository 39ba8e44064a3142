import { describe, expect, it } from 'vitest';
import { readOutcome } from './outcome.ts';
import { diagnose } from '../../engine/diagnose.ts';

const fields = (text: string, at = 0) => {
  const o = readOutcome(text, at);
  if (!o) return undefined;
  const slice = (t?: { start: number; end: number }) => (t ? text.slice(t.start - at, t.end - at) : undefined);
  return { status: slice(o.status), sub: slice(o.sub), win32: slice(o.win32), taken: slice(o.taken), url: slice(o.url) };
};

describe('readOutcome: the outcome fields of an IIS log record without its start', () => {
  it('reads the fields alone on a line, padded or with the sub-status after a dot', () => {
    expect(fields('502 3 12002')).toEqual({ status: '502', sub: '3', win32: '12002', taken: undefined, url: undefined });
    expect(fields('502 3 12002 120012', 40)).toEqual({ status: '502', sub: '3', win32: '12002', taken: '120012', url: undefined });
    expect(fields('  502    3     64    15')).toMatchObject({ status: '502', sub: '3', win32: '64', taken: '15' });
    expect(fields('502.3 12030')).toMatchObject({ status: '502', sub: '3', win32: '12030' });
  });

  it('reads the fields by name, anywhere in the line', () => {
    expect(fields('sc-status 502 sc-substatus 3 sc-win32-status 12002')).toMatchObject({ status: '502', sub: '3', win32: '12002' });
    expect(fields('seen: sc-status=502, sc-substatus=3, sc-win32-status=64, time-taken=31')).toMatchObject({ win32: '64', taken: '31' });
  });

  it('reads a record cut before its date: method, path, and the outcome at the end', () => {
    expect(fields('GET /api/orders - 443 - 10.0.0.1 Mozilla/5.0 - 502 3 12002 120012')).toEqual({
      status: '502',
      sub: '3',
      win32: '12002',
      taken: '120012',
      url: '/api/orders',
    });
  });

  it('leaves what is no error outcome, or another format, alone', () => {
    expect(readOutcome('200 0 0 15', 0)).toBeUndefined();
    expect(readOutcome('503 0 0', 0)).toBeUndefined();
    expect(readOutcome('"GET / HTTP/1.1" 502 157 "-" "curl/8.4"', 0)).toBeUndefined();
    expect(readOutcome('we get 502 3 12002 every time', 0)).toBeUndefined();
    expect(readOutcome('sc-status 502 and nothing else', 0)).toBeUndefined();
  });
});

describe('diagnose() with an IIS outcome fragment', () => {
  it('reads 502.3 with WinHTTP 12002 as the ANCM request timeout, and 12030 as a reset', () => {
    expect(diagnose('502 3 12002').findings[0]?.cause).toBe('request-timeout');
    expect(diagnose('sc-status=502, sc-substatus=3, sc-win32-status=12030').findings[0]?.cause).toBe('backend-connection-reset');
    const d = diagnose('GET /api - 443 - 10.0.0.1 Mozilla/5.0 - 502 3 12002 120012');
    expect(d.facts.find((f) => f.name === 'time-taken-ms')?.value).toBe(120012);
  });
});
