import { describe, expect, it } from 'vitest';
import { build, keepRow, pack, parseTsv } from './build-code-table.mjs';
import { readFileSync } from 'node:fs';
import { createTable } from '../src/lib/codes/table.ts';

describe('build-code-table', () => {
  it('the committed table is what the script builds now', () => {
    const { text, problems } = build();
    expect(problems).toEqual([]);
    expect(readFileSync(new URL('../src/lib/codes/table.generated.ts', import.meta.url), 'utf8')).toBe(text);
  });

  it('rejects rows whose decimal columns disagree with the hex', () => {
    const tsv = 'name\tvalue_hex\tvalue_unsigned\tvalue_signed\theader\nX_A\t0x80070005\t2147942405\t-1\twinerror.h\nX_B\t0x5\t5\t5\twinerror.h\n';
    const { rows, problems } = parseTsv(tsv, 't.tsv');
    expect(problems).toHaveLength(2);
    expect(rows.map((r: { name: string }) => r.name)).toEqual(['X_A']);
  });

  it('keeps only error names from winhttp.h', () => {
    expect(keepRow('ERROR_WINHTTP_TIMEOUT', 'winhttp.h')).toBe(true);
    expect(keepRow('WINHTTP_OPTION_SEND_TIMEOUT', 'winhttp.h')).toBe(false);
    expect(keepRow('STATUS_SEVERITY_ERROR', 'ntstatus.h')).toBe(false);
  });

  it('pack and createTable round-trip, including duplicates and large gaps', () => {
    const rows = [
      { name: 'B', value: 0xffffffff, family: 'ntstatus' },
      { name: 'A', value: 0, family: 'winerror' },
      { name: 'C', value: 12002, family: 'wininet' },
      { name: 'D', value: 12002, family: 'winhttp' },
      { name: 'D', value: 12002, family: 'winhttp' },
    ];
    const { packed, count } = pack(rows);
    expect(count).toBe(4);
    const t = createTable({ FAMILIES: ['winhttp', 'wininet', 'winerror', 'hostfxr', 'clr', 'ntstatus'], PACKED: packed });
    expect(t.namesOf(12002).map((e) => e.name)).toEqual(['D', 'C']);
    expect(t.valueOf('B')).toBe(0xffffffff);
  });
});
