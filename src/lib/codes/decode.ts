/**
 * decode(value): every reading of a 32-bit code, ranked for the 502 / 500.3x / 503 context.
 *
 * Readings (kinds):
 * - `hresult-win32`: 0x8007xxxx = HRESULT_FROM_WIN32(xxxx); names of the Win32 code first
 *   (WinHTTP before WinINet before winerror), then names of the HRESULT itself (WININET_E_*,
 *   E_ACCESSDENIED, COR_E_*).
 * - `win32`: a value <= 0xFFFF read as a Win32 error code (IIS `sc-win32-status` 12002).
 * - `hostfxr`: .NET host status codes 0x80008081.. (FrameworkMissingFailure ...).
 * - `exit-code`: a small value that is the low byte of a hostfxr code, as Linux shells report
 *   a host failure's exit status (150 = 0x80008096).
 * - `clr`: COR_E_* HRESULTs (facility URT, 0x8013xxxx) and CLR names of Win32 wraps.
 * - `exception`: SEH exception codes with the customer bit (0xE0434352 = managed exception,
 *   bytes "CCR").
 * - `ntstatus`: NTSTATUS values (0xC0000005 access violation, 0xC00000FD stack overflow ...).
 * - `hresult-nt`: HRESULT_FROM_NT(status) = status | 0x10000000.
 * - `hresult`: any other HRESULT, named or only split into severity / facility / code.
 *
 * Names come from one or more NameSources: the full table (loadTable(), lazy) and/or the
 * curated codes. Without sources decode() still returns the structural readings.
 */
import type { DecodedCode } from '../engine/types.ts';
import { codeForms, parseCode, toUnsigned, win32Of, type CodeForms } from './forms.ts';
import { loadTable, type CodeTable, type Family, type NameSource, type TableEntry } from './table.ts';

export type InterpretationKind =
  | 'hresult-win32'
  | 'win32'
  | 'hostfxr'
  | 'exit-code'
  | 'clr'
  | 'exception'
  | 'ntstatus'
  | 'hresult-nt'
  | 'hresult';

export interface HresultParts {
  /** 1 = failure. */
  severity: 0 | 1;
  /** Customer bit (0x20000000). */
  customer: boolean;
  /** N bit (0x10000000): the value wraps an NTSTATUS. */
  nt: boolean;
  facility: number;
  facilityName?: string;
  code: number;
}

export interface NtStatusParts {
  severity: 'success' | 'informational' | 'warning' | 'error';
  customer: boolean;
  facility: number;
  code: number;
}

export interface Interpretation {
  kind: InterpretationKind;
  /** One line in words: "HRESULT_FROM_WIN32(12002): a Win32 error wrapped as an HRESULT". */
  label: string;
  /** Symbolic names for this reading, best first. */
  names: string[];
  /** The same names with their families. */
  entries: TableEntry[];
  /** The value this reading names (differs from the input for wraps and exit codes). */
  value: number;
  win32?: number;
  hresult?: HresultParts;
  ntstatus?: NtStatusParts;
  /** Ranking weight in the 502 context (higher first); exposed for tests and debugging. */
  rank: number;
}

export interface DecodeResult extends DecodedCode {
  forms: CodeForms;
  slug: string;
  interpretations: Interpretation[];
}

/** Facility numbers from winerror.h (FACILITY_*). */
const FACILITIES: Record<number, string> = {
  0: 'NULL',
  1: 'RPC',
  2: 'DISPATCH',
  3: 'STORAGE',
  4: 'ITF',
  7: 'WIN32',
  8: 'WINDOWS',
  9: 'SECURITY',
  10: 'CONTROL',
  11: 'CERT',
  12: 'INTERNET',
  13: 'MEDIASERVER',
  14: 'MSMQ',
  15: 'SETUPAPI',
  16: 'SCARD',
  17: 'COMPLUS',
  18: 'AAF',
  19: 'URT',
  20: 'ACS',
  21: 'DPLAY',
  22: 'UMI',
  23: 'SXS',
  24: 'WINDOWS_CE',
  25: 'HTTP',
  32: 'BACKGROUNDCOPY',
  33: 'CONFIGURATION',
  34: 'STATE_MANAGEMENT',
};

const WIN32_FAMILIES: ReadonlySet<Family> = new Set(['winhttp', 'wininet', 'winerror']);
const FAMILY_RANK: Record<Family, number> = { winhttp: 0, wininet: 1, winerror: 2, hostfxr: 3, clr: 4, ntstatus: 5 };
const CLR_EXCEPTION = 0xe0434352;

export function hresultParts(value: number): HresultParts {
  const v = value >>> 0;
  const facility = (v >>> 16) & 0x7ff;
  const parts: HresultParts = {
    severity: v >>> 31 === 1 ? 1 : 0,
    customer: (v & 0x20000000) !== 0,
    nt: (v & 0x10000000) !== 0,
    facility,
    code: v & 0xffff,
  };
  const name = FACILITIES[facility];
  if (name !== undefined) parts.facilityName = name;
  return parts;
}

export function ntStatusParts(value: number): NtStatusParts {
  const v = value >>> 0;
  const sev = v >>> 30;
  return {
    severity: sev === 3 ? 'error' : sev === 2 ? 'warning' : sev === 1 ? 'informational' : 'success',
    customer: (v & 0x20000000) !== 0,
    facility: (v >>> 16) & 0xfff,
    code: v & 0xffff,
  };
}

function toSources(sources: NameSource | readonly NameSource[] | null | undefined): readonly NameSource[] {
  if (!sources) return [];
  return Array.isArray(sources) ? (sources as readonly NameSource[]) : [sources as NameSource];
}

function lookup(sources: readonly NameSource[], value: number): TableEntry[] {
  const out: TableEntry[] = [];
  const seen = new Set<string>();
  for (const s of sources) {
    let entries: readonly TableEntry[];
    try {
      entries = s.namesOf(value);
    } catch {
      continue;
    }
    for (const e of entries) {
      if (seen.has(e.name)) continue;
      seen.add(e.name);
      out.push(e);
    }
  }
  // Stable sort: family order first (winhttp before wininet ...), source order within a family.
  return out.map((e, i) => ({ e, i })).sort((a, b) => FAMILY_RANK[a.e.family] - FAMILY_RANK[b.e.family] || a.i - b.i).map((x) => x.e);
}

function printableTag(v: number): string | undefined {
  const bytes = [(v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
  if (!bytes.every((b) => b >= 0x20 && b < 0x7f)) return undefined;
  return String.fromCharCode(...bytes);
}

function hex(v: number): string {
  return '0x' + (v >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

function make(kind: InterpretationKind, label: string, value: number, entries: TableEntry[], rank: number): Interpretation {
  return { kind, label, value, entries, names: entries.map((e) => e.name), rank };
}

/**
 * Every reading of `value` (signed or unsigned 32-bit), ranked for the 502 context.
 * `sources` name the values (the full table from loadTable(), the curated codes, or both);
 * `input` is the text as the reader wrote it (defaults to the hex form).
 * Throws RangeError only for a number that is not a 32-bit integer.
 */
export function decode(value: number, sources?: NameSource | readonly NameSource[] | null, input?: string): DecodeResult {
  const v = toUnsigned(value);
  const src = toSources(sources);
  const forms = codeForms(v);
  const out: Interpretation[] = [];
  const direct = lookup(src, v);
  const byFamily = (fams: (f: Family) => boolean): TableEntry[] => direct.filter((e) => fams(e.family));
  const w = win32Of(v);

  if (v <= 0xffff) {
    const names = byFamily((f) => WIN32_FAMILIES.has(f));
    const label = v === 0 ? 'Win32 code 0: success (no error)' : `Win32 error ${v} (${forms.win32Hex})`;
    const it = make('win32', label, v, names, 90);
    it.win32 = v;
    out.push(it);
    if (v >= 0x81 && v <= 0xa7) {
      const fxr = (0x80008000 | v) >>> 0;
      const fxrNames = lookup(src, fxr).filter((e) => e.family === 'hostfxr');
      if (fxrNames.length > 0) {
        const ex = make('exit-code', `exit status ${v}: low byte of .NET host status ${hex(fxr)}, as Linux and macOS report it`, fxr, fxrNames, 40);
        ex.hresult = hresultParts(fxr);
        out.push(ex);
      }
    }
    const nt = byFamily((f) => f === 'ntstatus');
    if (nt.length > 0) {
      const it2 = make('ntstatus', `NTSTATUS ${hex(v)} (a success or wait status)`, v, nt, 20);
      it2.ntstatus = ntStatusParts(v);
      out.push(it2);
    }
    return finish(forms, out, input);
  }

  if (w !== undefined) {
    const inner = lookup(src, w).filter((e) => WIN32_FAMILIES.has(e.family));
    const own = direct.filter((e) => !inner.some((i) => i.name === e.name));
    const it = make('hresult-win32', `HRESULT_FROM_WIN32(${w}): Win32 error ${w} (${forms.win32Hex}) wrapped as an HRESULT`, v, [...inner, ...own], 100);
    it.win32 = w;
    it.hresult = hresultParts(v);
    out.push(it);
    return finish(forms, out, input);
  }

  const fxr = byFamily((f) => f === 'hostfxr');
  if (fxr.length > 0) {
    const it = make('hostfxr', `.NET host (hostfxr/hostpolicy/apphost) status ${hex(v)}`, v, fxr, 95);
    it.hresult = hresultParts(v);
    out.push(it);
  }
  const clr = byFamily((f) => f === 'clr');
  if (clr.length > 0) {
    if (v === CLR_EXCEPTION) {
      out.push(make('exception', `SEH exception code ${hex(v)}: an unhandled .NET exception (bytes "CCR")`, v, clr, 95));
    } else {
      const it = make('clr', `.NET runtime HRESULT ${hex(v)}`, v, clr, 90);
      it.hresult = hresultParts(v);
      out.push(it);
    }
  }
  const win = byFamily((f) => WIN32_FAMILIES.has(f));
  if (win.length > 0) {
    const parts = hresultParts(v);
    const fac = parts.facilityName ? `FACILITY_${parts.facilityName}` : `facility ${parts.facility}`;
    const it = make('hresult', `HRESULT ${hex(v)} (${fac}, code ${parts.code})`, v, win, 88);
    it.hresult = parts;
    out.push(it);
  }
  const nt = byFamily((f) => f === 'ntstatus');
  const top2 = v >>> 30;
  if (nt.length > 0) {
    const it = make('ntstatus', `NTSTATUS ${hex(v)} (${ntStatusParts(v).severity})`, v, nt, top2 === 3 ? 85 : 60);
    it.ntstatus = ntStatusParts(v);
    out.push(it);
  }

  // HRESULT_FROM_NT: an NTSTATUS error or warning with the N bit set.
  const top4 = v >>> 28;
  if (top4 === 0xd || top4 === 0x9) {
    const status = (v & ~0x10000000) >>> 0;
    const names = lookup(src, status).filter((e) => e.family === 'ntstatus');
    const it = make('hresult-nt', `HRESULT_FROM_NT(${hex(status)}): an NTSTATUS wrapped as an HRESULT`, status, names, names.length ? 80 : 25);
    it.hresult = hresultParts(v);
    it.ntstatus = ntStatusParts(status);
    out.push(it);
  }

  if (top4 === 0xe && v !== CLR_EXCEPTION) {
    const tag = printableTag(v);
    const label = tag
      ? `software exception code ${hex(v)} (customer bit set; bytes "${tag}")`
      : `software exception code ${hex(v)} (customer bit set)`;
    out.push(make('exception', label, v, [], 50));
  }

  if (out.length === 0) {
    if (top2 === 3) {
      const it = make('ntstatus', `NTSTATUS error ${hex(v)} (facility ${ntStatusParts(v).facility}, code ${v & 0xffff})`, v, [], 30);
      it.ntstatus = ntStatusParts(v);
      out.push(it);
    }
  }
  if (v >>> 31 === 1 && !out.some((i) => i.hresult)) {
    const parts = hresultParts(v);
    const fac = parts.facilityName ? `FACILITY_${parts.facilityName}` : `facility ${parts.facility}`;
    const it = make('hresult', `HRESULT ${hex(v)}: failure, ${fac}, code ${parts.code}`, v, [], 30);
    it.hresult = parts;
    out.push(it);
  } else if (out.length === 0) {
    const parts = hresultParts(v);
    const fac = parts.facilityName ? `FACILITY_${parts.facilityName}` : `facility ${parts.facility}`;
    const it = make('hresult', `${hex(v)}: no known name; read as an HRESULT it is a success value (${fac}, code ${parts.code})`, v, [], 10);
    it.hresult = parts;
    out.push(it);
  }
  return finish(forms, out, input);
}

function finish(forms: CodeForms, list: Interpretation[], input?: string): DecodeResult {
  const interpretations = list.map((it, i) => ({ it, i })).sort((a, b) => b.it.rank - a.it.rank || a.i - b.i).map((x) => x.it);
  const names: string[] = [];
  for (const it of interpretations) for (const n of it.names) if (!names.includes(n)) names.push(n);
  const result: DecodeResult = {
    input: input ?? forms.hex,
    hex: forms.hex,
    unsigned: forms.unsigned,
    signed: forms.signed,
    names,
    forms,
    slug: forms.slug,
    interpretations,
  };
  if (forms.win32 !== undefined) result.win32 = forms.win32;
  return result;
}

/** Parse any written form (names resolved through `table`) and decode it; null if it is no code. */
export function decodeText(text: string, table?: CodeTable | null, extra: readonly NameSource[] = []): DecodeResult | null {
  const v = parseCode(text, table ? (n) => table.valueOf(n) : undefined);
  if (v === null) return null;
  return decode(v, table ? [table, ...extra] : extra, text.trim());
}

/** decode() with the full table loaded lazily. */
export async function decodeWithTable(value: number, input?: string, extra: readonly NameSource[] = []): Promise<DecodeResult> {
  const table = await loadTable();
  return decode(value, [table, ...extra], input);
}
