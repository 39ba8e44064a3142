/**
 * The full code table (names of about 4,400 Windows, WinHTTP, NTSTATUS, hostfxr and CLR codes),
 * decoded from the packed string in table.generated.ts. The generated module is large, so it is
 * only reached through loadTable()'s dynamic import; the curated data never pulls it in.
 */

export type Family = 'winhttp' | 'wininet' | 'winerror' | 'hostfxr' | 'clr' | 'ntstatus';

export interface TableEntry {
  name: string;
  family: Family;
}

/** Anything that can name a value: the full table, or the curated codes. */
export interface NameSource {
  /** Names of exactly this value, best first (winhttp before wininet before winerror ...). */
  namesOf(value: number): readonly TableEntry[];
}

export interface CodeTable extends NameSource {
  /** Value of a symbolic name, case-insensitive; undefined when unknown. */
  valueOf(name: string): number | undefined;
  /** Number of distinct values. */
  readonly size: number;
}

export interface PackedTable {
  FAMILIES: readonly string[];
  PACKED: string;
}

const EMPTY: readonly TableEntry[] = Object.freeze([]);

/** Decode the packed format written by scripts/build-code-table.mjs. */
export function createTable(data: PackedTable): CodeTable {
  const byValue = new Map<number, TableEntry[]>();
  const byName = new Map<string, number>();
  let value = 0;
  let pos = 0;
  const s = data.PACKED;
  while (pos < s.length) {
    let nl = s.indexOf('\n', pos);
    if (nl < 0) nl = s.length;
    const comma = s.indexOf(',', pos);
    if (comma > pos && comma < nl - 1) {
      value += parseInt(s.slice(pos, comma), 36);
      const family = data.FAMILIES[s.charCodeAt(comma + 1) - 48] as Family | undefined;
      const name = s.slice(comma + 2, nl);
      if (family && name) {
        let list = byValue.get(value);
        if (!list) byValue.set(value, (list = []));
        list.push({ name, family });
        const key = name.toUpperCase();
        if (!byName.has(key)) byName.set(key, value);
      }
    }
    pos = nl + 1;
  }
  return {
    size: byValue.size,
    namesOf: (v) => byValue.get(v >>> 0) ?? EMPTY,
    valueOf: (name) => (typeof name === 'string' ? byName.get(name.trim().toUpperCase()) : undefined),
  };
}

let loading: Promise<CodeTable> | undefined;

/** Load the full table once (dynamic import, so bundlers split it into its own chunk). */
export function loadTable(): Promise<CodeTable> {
  loading ??= import('./table.generated.ts').then((m) => createTable(m));
  return loading;
}
