import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canonicalCode,
  codeForms,
  codeSlug,
  formatStatus,
  hresultFromWin32,
  isStatusLike,
  parseCode,
  parseStatus,
  searchForms,
  statusSlug,
  win32Of,
} from './forms.ts';
import { expectLinear } from '../../../tests/support/linear.ts';

const names: Record<string, number> = {
  ERROR_WINHTTP_TIMEOUT: 12002,
  E_ACCESSDENIED: 0x80070005,
  WININET_E_TIMEOUT: 0x80072ee2,
  ERROR_ACCESS_DENIED: 5,
};
const resolve = (n: string): number | undefined => names[n.toUpperCase()];

describe('codeForms on known triples from the table', () => {
  it('0x80072EE2 = 2147954402 = -2147012894 = Win32 12002', () => {
    const f = codeForms(0x80072ee2);
    expect(f.hex).toBe('0x80072EE2');
    expect(f.hexBare).toBe('80072EE2');
    expect(f.unsigned).toBe(2147954402);
    expect(f.signed).toBe(-2147012894);
    expect(f.win32).toBe(12002);
    expect(f.win32Hex).toBe('0x2EE2');
    expect(f.slug).toBe('0x80072ee2');
    expect(f.hresult).toBeUndefined();
  });

  it('accepts the signed form as input', () => {
    expect(codeForms(-2147012894).value).toBe(2147954402);
  });

  it('0x80070005 carries Win32 5 and 0x8007000D carries 13', () => {
    expect(codeForms(0x80070005)).toMatchObject({ unsigned: 2147942405, signed: -2147024891, win32: 5, win32Hex: '0x0005' });
    expect(codeForms(0x8007000d)).toMatchObject({ unsigned: 2147942413, signed: -2147024883, win32: 13 });
  });

  it('NTSTATUS, CLR and hostfxr codes have no Win32 reading', () => {
    expect(codeForms(0xc0000005)).toMatchObject({ hex: '0xC0000005', unsigned: 3221225477, signed: -1073741819 });
    expect(codeForms(0xc0000005).win32).toBeUndefined();
    expect(codeForms(0xe0434352)).toMatchObject({ unsigned: 3762504530, signed: -532462766, slug: '0xe0434352' });
    expect(codeForms(0x80008096)).toMatchObject({ signed: -2147450730, slug: '0x80008096' });
    expect(codeForms(0x80008096).win32).toBeUndefined();
  });

  it('a bare Win32 code points at its wrapped page', () => {
    const f = codeForms(12002);
    expect(f.hex).toBe('0x00002EE2');
    expect(f.win32).toBe(12002);
    expect(f.hresult).toBe(0x80072ee2);
    expect(f.slug).toBe('0x80072ee2');
    expect(codeForms(5).slug).toBe('0x80070005');
  });

  it('Winsock codes keep the bare page, and their wrapped form resolves to it', () => {
    expect(codeSlug(10061)).toBe('0x0000274d');
    expect(codeSlug(0x8007274d)).toBe('0x0000274d');
    expect(canonicalCode(0x80072746)).toBe(10054);
  });

  it('zero is its own page, and 0x80070000 (facility 7, code 0) keeps its own page with Win32 0 inside', () => {
    expect(codeSlug(0)).toBe('0x00000000');
    expect(win32Of(0x80070000)).toBe(0);
    expect(codeSlug(0x80070000)).toBe('0x80070000');
  });

  it('rejects non-codes', () => {
    expect(() => codeForms(2 ** 32)).toThrow(RangeError);
    expect(() => codeForms(1.5)).toThrow(RangeError);
    expect(() => codeForms(Number.NaN)).toThrow(RangeError);
  });
});

describe('hresultFromWin32', () => {
  it('follows the SDK macro', () => {
    expect(hresultFromWin32(12002)).toBe(0x80072ee2);
    expect(hresultFromWin32(0)).toBe(0);
    expect(hresultFromWin32(0x80070005)).toBe(0x80070005);
  });
});

describe('searchForms', () => {
  it('lists every written form of 0x80072EE2 and the names', () => {
    const s = searchForms(codeForms(0x80072ee2), ['ERROR_WINHTTP_TIMEOUT', 'WININET_E_TIMEOUT']);
    for (const want of ['0x80072EE2', '80072EE2', '2147954402', '-2147012894', '12002', '0x2EE2', 'ERROR_WINHTTP_TIMEOUT', 'WININET_E_TIMEOUT']) {
      expect(s).toContain(want);
    }
    expect(new Set(s).size).toBe(s.length);
  });

  it('a Winsock page also lists the wrapped forms that resolve to it', () => {
    const s = searchForms(codeForms(10061));
    expect(s).toContain('10061');
    expect(s).toContain('0x8007274D');
    expect(s).toContain('2147952461');
  });

  it('includes the short 0x%x form event logs print', () => {
    expect(searchForms(codeForms(5))).toContain('0x5');
  });
});

describe('parseCode', () => {
  it.each([
    ['0x80072EE2', 0x80072ee2],
    ['0x80072ee2', 0x80072ee2],
    ['0X80072EE2', 0x80072ee2],
    ['80072EE2', 0x80072ee2],
    ['80070005', 0x80070005],
    ['2147954402', 0x80072ee2],
    ['-2147012894', 0x80072ee2],
    ['12002', 12002],
    ['0x2EE2', 12002],
    ['0x5', 5],
    ['e0434352', 0xe0434352],
    ['-1073741819', 0xc0000005],
    ['2,147,954,402', 0x80072ee2],
    ['2.147.954.402', 0x80072ee2],
    ['2 147 954 402', 0x80072ee2],
    ['-2.147.012.894', 0x80072ee2],
    ["'0x80070005'", 0x80070005],
    ['(12002)', 12002],
    ['  0x8007000d  ', 0x8007000d],
    ['0x00000000C0000005', 0xc0000005],
    ['HRESULT_FROM_WIN32(12002)', 0x80072ee2],
    ['4294967295', 0xffffffff],
    ['-2147483648', 0x80000000],
    ['193', 193],
  ])('%s -> %d', (text, want) => {
    expect(parseCode(text)).toBe(want);
  });

  it('resolves names through an injected lookup', () => {
    expect(parseCode('ERROR_WINHTTP_TIMEOUT', resolve)).toBe(12002);
    expect(parseCode('E_ACCESSDENIED', { resolveName: resolve })).toBe(0x80070005);
    expect(parseCode('HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED)', resolve)).toBe(0x80070005);
    expect(parseCode('ERROR_WINHTTP_TIMEOUT')).toBeNull();
    expect(parseCode('ERROR_NOT_A_THING', resolve)).toBeNull();
  });

  it('a resolver that throws or returns junk yields null', () => {
    expect(parseCode('X_Y', () => { throw new Error('boom'); })).toBeNull();
    expect(parseCode('X_Y', () => 1.5)).toBeNull();
    expect(parseCode('X_Y', () => 2 ** 33)).toBeNull();
  });

  it.each([
    '', '   ', 'hello', '0x', '0xG', '0x123456789', '4294967296', '-2147483649', '99999999999',
    '502.3', '500.30', '503.2', '502', '500', '404', 'HTTP 502', '12002 120016',
    '2024-03-05', '10:14:22', '1,23', '2,147.954,402', '0x80072EE2h', '80072EE', '80072EE2A',
    '--5', '1e5', '0x8007 2EE2', 'x'.repeat(200),
  ])('rejects %j', (text) => {
    expect(parseCode(text)).toBeNull();
  });

  it('accepts status-like decimals only when asked', () => {
    expect(isStatusLike('502')).toBe(true);
    expect(isStatusLike('193')).toBe(false);
    expect(parseCode('433', { allowStatusLike: true })).toBe(433);
  });

  it('never throws on non-string input', () => {
    expect(parseCode(undefined as unknown as string)).toBeNull();
    expect(parseCode(12 as unknown as string)).toBeNull();
  });

  const evil = (n: number): string[] => ['9'.repeat(n), '0x' + '0'.repeat(n), '"'.repeat(n), ' 1'.repeat(n / 2)];

  it('rejects a megabyte of adversarial input', () => {
    for (const e of evil(1_000_000)) expect(parseCode(e, resolve)).toBeNull();
  }, 60_000);

  it('stays linear on long adversarial input: 4x the input takes about 4x the time', () => {
    for (const [i, label] of ['digits', 'hex zeros', 'quotes', 'spaced ones'].entries()) {
      expectLinear(label, (n) => evil(n)[i]!, (e) => parseCode(e, resolve), 250_000);
    }
  }, 120_000);
});

describe('round trips (fast-check)', () => {
  const u32 = fc.integer({ min: 0, max: 0xffffffff });
  const opts = { allowStatusLike: true };

  it('hex, bare hex and signed forms parse back to the value', () => {
    fc.assert(
      fc.property(u32, (v) => {
        const f = codeForms(v);
        expect(parseCode(f.hex)).toBe(v);
        expect(parseCode(f.hex.toLowerCase())).toBe(v);
        expect(parseCode(f.hexBare)).toBe(v);
        expect(parseCode(String(f.signed), opts)).toBe(f.signed < 0 || String(f.signed).length !== 8 ? v : parseInt(String(f.signed), 16));
      }),
    );
  });

  it('the unsigned decimal parses back unless it is exactly 8 digits (read as hex by design)', () => {
    fc.assert(
      fc.property(u32, (v) => {
        const s = String(codeForms(v).unsigned);
        expect(parseCode(s, opts)).toBe(s.length === 8 ? parseInt(s, 16) : v);
      }),
    );
  });

  it('the Win32 forms parse to the Win32 code and share the page of the value', () => {
    fc.assert(
      fc.property(fc.oneof(u32, fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0x80070001, max: 0x8007ffff })), (v) => {
        const f = codeForms(v);
        if (f.win32 === undefined) return;
        expect(parseCode(String(f.win32), opts)).toBe(f.win32);
        expect(parseCode(f.win32Hex as string)).toBe(f.win32);
        if (f.win32 !== 0) expect(codeSlug(f.win32)).toBe(f.slug);
      }),
    );
  });

  it('every search form parses to a value with the same page', () => {
    fc.assert(
      fc.property(u32, (v) => {
        const f = codeForms(v);
        for (const s of searchForms(f)) {
          const p = parseCode(s, opts);
          if (p === null) throw new Error(`form ${s} of ${f.hex} did not parse`);
          if (/^\d{8}$/.test(s)) continue; // 8-digit decimals read as hex by design
          expect(codeSlug(p)).toBe(f.slug);
        }
      }),
    );
  });

  it('signed and unsigned inputs give the same forms', () => {
    fc.assert(fc.property(fc.integer({ min: -0x80000000, max: 0x7fffffff }), (s) => {
      expect(codeForms(s)).toEqual(codeForms(s >>> 0));
    }));
  });

  it('parseCode never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const r = parseCode(s, resolve);
      expect(r === null || (Number.isInteger(r) && r >= 0 && r <= 0xffffffff)).toBe(true);
    }));
  });
});

describe('statuses', () => {
  it('parses statuses with optional sub-status', () => {
    expect(parseStatus('502.3')).toEqual({ status: 502, sub: 3 });
    expect(parseStatus('500.30')).toEqual({ status: 500, sub: 30 });
    expect(parseStatus('503')).toEqual({ status: 503 });
    expect(parseStatus(' 403.14 ')).toEqual({ status: 403, sub: 14 });
    expect(parseStatus('500.0')).toEqual({ status: 500, sub: 0 });
  });

  it.each(['200', '302.1', '600', '50', '5023', '502.', '502.3.1', '502.03', 'HTTP 502', '', '502,3', '0x1F6'])(
    'rejects %j',
    (t) => expect(parseStatus(t)).toBeNull(),
  );

  it('formats and slugs', () => {
    expect(formatStatus({ status: 502, sub: 3 })).toBe('502.3');
    expect(formatStatus({ status: 504 })).toBe('504');
    expect(statusSlug('502.3')).toBe('502-3');
    expect(statusSlug('500.30')).toBe('500-30');
    expect(statusSlug('503')).toBe('503');
    expect(statusSlug('Not a status!')).toBe('not-a-status');
  });

  it('parse/format round trip', () => {
    fc.assert(fc.property(fc.integer({ min: 400, max: 599 }), fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }), (status, sub) => {
      const s = sub === undefined ? { status } : { status, sub };
      expect(parseStatus(formatStatus(s))).toEqual(s);
    }));
  });
});
