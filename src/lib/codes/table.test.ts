import { describe, expect, it } from 'vitest';
import { createTable, loadTable } from './table.ts';

describe('createTable on a hand-made packed string', () => {
  const t = createTable({
    FAMILIES: ['winhttp', 'wininet', 'winerror'],
    PACKED: ['5,2ERROR_ACCESS_DENIED', '999,0ERROR_WINHTTP_TIMEOUT', '0,1ERROR_INTERNET_TIMEOUT', 'garbage', '1,9BAD_FAMILY'].join('\n'),
  });

  it('decodes deltas in base 36 and keeps the family order', () => {
    expect(t.namesOf(5)).toEqual([{ name: 'ERROR_ACCESS_DENIED', family: 'winerror' }]);
    expect(t.namesOf(12002).map((e) => e.name)).toEqual(['ERROR_WINHTTP_TIMEOUT', 'ERROR_INTERNET_TIMEOUT']);
    expect(t.valueOf('error_winhttp_timeout')).toBe(12002);
    expect(t.size).toBe(2);
  });

  it('skips malformed records instead of throwing', () => {
    expect(t.valueOf('BAD_FAMILY')).toBeUndefined();
    expect(t.namesOf(7)).toEqual([]);
  });
});

describe('the generated table', async () => {
  const table = await loadTable();

  it('holds the codes the 502 story needs', () => {
    expect(table.namesOf(12002).map((e) => e.name)).toEqual(['ERROR_WINHTTP_TIMEOUT', 'ERROR_INTERNET_TIMEOUT']);
    expect(table.namesOf(12002)[0]?.family).toBe('winhttp');
    expect(table.namesOf(0x80072ee2).map((e) => e.name)).toContain('WININET_E_TIMEOUT');
    expect(table.namesOf(0xc00000fd).map((e) => e.name)).toEqual(['STATUS_STACK_OVERFLOW']);
    expect(table.namesOf(0x80008096)).toEqual([{ name: 'FrameworkMissingFailure', family: 'hostfxr' }]);
    expect(table.namesOf(0xe0434352)[0]?.family).toBe('clr');
    expect(table.valueOf('E_ACCESSDENIED')).toBe(0x80070005);
    expect(table.valueOf('ERROR_UNHANDLED_EXCEPTION')).toBe(574);
  });

  it('keeps WinHTTP options and NTSTATUS severity markers out', () => {
    expect(table.namesOf(5).map((e) => e.name)).toEqual(['ERROR_ACCESS_DENIED']);
    expect(table.valueOf('WINHTTP_OPTION_SEND_TIMEOUT')).toBeUndefined();
    expect(table.valueOf('STATUS_SEVERITY_ERROR')).toBeUndefined();
  });

  it('every name maps back to a value that lists it', () => {
    for (const v of [0, 2, 5, 64, 1236, 10054, 12029, 0x8007000e, 0xc0000005]) {
      for (const e of table.namesOf(v)) expect(table.valueOf(e.name)).toBe(v);
    }
    expect(table.size).toBeGreaterThan(4000);
  });

  it('loads once', async () => {
    expect(await loadTable()).toBe(table);
  });
});
