import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decode, decodeText, decodeWithTable, hresultParts, ntStatusParts } from './decode.ts';
import { loadTable, type NameSource } from './table.ts';

const table = await loadTable();

describe('decode with the full table', () => {
  it('0x80072EE2 unwraps to Win32 12002 with WinHTTP names first, then the WININET_E alias', () => {
    const d = decode(0x80072ee2, table);
    expect(d).toMatchObject({ hex: '0x80072EE2', unsigned: 2147954402, signed: -2147012894, win32: 12002, slug: '0x80072ee2' });
    expect(d.interpretations[0]?.kind).toBe('hresult-win32');
    expect(d.names).toEqual(['ERROR_WINHTTP_TIMEOUT', 'ERROR_INTERNET_TIMEOUT', 'WININET_E_TIMEOUT']);
    expect(d.interpretations[0]?.hresult).toMatchObject({ severity: 1, facility: 7, facilityName: 'WIN32', code: 12002 });
  });

  it('bare 12002 is a Win32 code with the same names', () => {
    const d = decode(12002, table, '12002');
    expect(d.input).toBe('12002');
    expect(d.interpretations[0]).toMatchObject({ kind: 'win32', win32: 12002 });
    expect(d.names.slice(0, 2)).toEqual(['ERROR_WINHTTP_TIMEOUT', 'ERROR_INTERNET_TIMEOUT']);
  });

  it('0x80070005: ERROR_ACCESS_DENIED, then E_ACCESSDENIED', () => {
    const d = decode(0x80070005, table);
    expect(d.names[0]).toBe('ERROR_ACCESS_DENIED');
    expect(d.names).toContain('E_ACCESSDENIED');
    expect(d.win32).toBe(5);
  });

  it('0x8007000D is ERROR_INVALID_DATA', () => {
    expect(decode(0x8007000d, table).names[0]).toBe('ERROR_INVALID_DATA');
  });

  it('hostfxr codes rank their own reading first', () => {
    const d = decode(0x80008096, table);
    expect(d.interpretations[0]).toMatchObject({ kind: 'hostfxr', names: ['FrameworkMissingFailure'] });
    expect(d.interpretations[0]?.hresult).toMatchObject({ facility: 0, code: 0x8096 });
    expect(decode(-2147450730, table).names).toEqual(['FrameworkMissingFailure']);
  });

  it('an exit status of 150 hints at FrameworkMissingFailure after the Win32 reading', () => {
    const d = decode(150, table);
    expect(d.interpretations.map((i) => i.kind)).toEqual(['win32', 'exit-code']);
    expect(d.interpretations[1]?.names).toEqual(['FrameworkMissingFailure']);
  });

  it('crash codes', () => {
    expect(decode(0xc0000005, table).interpretations[0]).toMatchObject({ kind: 'ntstatus', names: ['STATUS_ACCESS_VIOLATION'] });
    expect(decode(0xc00000fd, table).names).toEqual(['STATUS_STACK_OVERFLOW']);
    expect(decode(0xc0000409, table).names).toEqual(['STATUS_STACK_BUFFER_OVERRUN']);
    const clr = decode(0xe0434352, table);
    expect(clr.interpretations[0]).toMatchObject({ kind: 'exception', names: ['EXCEPTION_COMPLUS'] });
    expect(clr.interpretations[0]?.label).toContain('CCR');
    expect(decode(0x80131506, table).interpretations[0]).toMatchObject({ kind: 'clr', names: ['COR_E_EXECUTIONENGINE'] });
  });

  it('a winerror HRESULT outranks an NTSTATUS that shares its value (E_APPLICATION_EXITING)', () => {
    const d = decode(0x8000001a, table);
    expect(d.names[0]).toBe('E_APPLICATION_EXITING');
    expect(d.names).toContain('STATUS_NO_MORE_ENTRIES');
  });

  it('HRESULT_FROM_NT unwraps to the NTSTATUS', () => {
    const d = decode(0xd0000005, table);
    expect(d.interpretations[0]).toMatchObject({ kind: 'hresult-nt', value: 0xc0000005, names: ['STATUS_ACCESS_VIOLATION'] });
  });

  it('unknown values still get a structural reading', () => {
    const h = decode(0x80ab1234, table);
    expect(h.names).toEqual([]);
    expect(h.interpretations[0]).toMatchObject({ kind: 'hresult', hresult: { severity: 1, facility: 0xab, code: 0x1234 } });
    const e = decode(0xe0414243, table);
    expect(e.interpretations[0]?.kind).toBe('exception');
    expect(e.interpretations[0]?.label).toContain('"ABC"');
    const nt = decode(0xc0ab1234, table);
    expect(nt.interpretations[0]).toMatchObject({ kind: 'ntstatus', ntstatus: { severity: 'error', facility: 0xab } });
  });

  it('0 is success', () => {
    const d = decode(0, table);
    expect(d.interpretations[0]?.label).toContain('success');
    expect(d.names).toContain('ERROR_SUCCESS');
  });
});

describe('decode without or with other name sources', () => {
  it('works with no names at all', () => {
    const d = decode(0x80072ee2);
    expect(d.names).toEqual([]);
    expect(d.interpretations[0]).toMatchObject({ kind: 'hresult-win32', win32: 12002 });
  });

  it('merges sources without duplicates and survives a throwing source', () => {
    const a: NameSource = { namesOf: (v) => (v === 5 ? [{ name: 'ERROR_ACCESS_DENIED', family: 'winerror' }] : []) };
    const bad: NameSource = { namesOf: () => { throw new Error('x'); } };
    const d = decode(0x80070005, [a, bad, table]);
    expect(d.names.filter((n) => n === 'ERROR_ACCESS_DENIED')).toHaveLength(1);
  });

  it('decodeText parses names and forms', () => {
    expect(decodeText('ERROR_WINHTTP_TIMEOUT', table)?.unsigned).toBe(12002);
    expect(decodeText('-2147012894', table)?.names[0]).toBe('ERROR_WINHTTP_TIMEOUT');
    expect(decodeText('nonsense', table)).toBeNull();
    expect(decodeText('0x80070005')?.win32).toBe(5);
  });

  it('decodeWithTable loads the table', async () => {
    expect((await decodeWithTable(12029)).names[0]).toBe('ERROR_WINHTTP_CANNOT_CONNECT');
  });
});

describe('parts', () => {
  it('splits HRESULT and NTSTATUS fields', () => {
    expect(hresultParts(0x80131506)).toMatchObject({ severity: 1, facility: 0x13, facilityName: 'URT', code: 0x1506, customer: false });
    expect(ntStatusParts(0x40000000).severity).toBe('informational');
    expect(ntStatusParts(0x80000003).severity).toBe('warning');
  });

  it('every value decodes, is ranked, and returns consistent forms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (v) => {
        const d = decode(v, table);
        expect(d.unsigned).toBe(v);
        expect(d.interpretations.length).toBeGreaterThan(0);
        for (let i = 1; i < d.interpretations.length; i++) {
          expect(d.interpretations[i - 1]!.rank).toBeGreaterThanOrEqual(d.interpretations[i]!.rank);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
