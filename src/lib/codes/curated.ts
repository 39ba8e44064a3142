/**
 * Typed access to content/data/curated-codes.json: the error codes that matter for 502, 500.3x
 * and 503, with their meaning in that context and the causes they point to.
 *
 * Each entry sits at its canonical value (forms.ts: a Win32 code's page is its HRESULT form, a
 * Winsock code's page is the bare form), so curatedFor(12002) and curatedFor(0x80072EE2) find
 * the same entry. The curated names also form a small NameSource, so the recognisers and the
 * decoder can name the important codes without loading the full table.
 */
import data from '../../../content/data/curated-codes.json' with { type: 'json' };
import type { Kind } from '../engine/types.ts';
import { canonicalCode, isCodeValue, parseCode, win32Of } from './forms.ts';
import type { Family, NameSource, TableEntry } from './table.ts';
import { expandFacts } from '../facts/facts.ts';

export interface CuratedCode {
  /** Canonical 8-digit hex, upper case: `0x80072EE2`. */
  hex: string;
  /** Unsigned value of `hex`. */
  value: number;
  /** Primary symbolic name. */
  name: string;
  /** Other names of the same code (WinINet twin, HRESULT alias ...). */
  aliases: string[];
  title: string;
  /** One sentence: what the code means in the 502 context. */
  meaning: string;
  /** Two to four sentences: where it shows up, what it usually means, what to check first. */
  explanation: string;
  /** Cause ids, best first. */
  causes: string[];
  /** How strongly the code alone points at its first cause, 0..1. */
  weight: number;
  /** Evidence kinds the code is usually read from. */
  seenIn: Kind[];
}

interface RawCode {
  hex: string;
  name: string;
  aliases?: string[];
  title: string;
  meaning: string;
  explanation: string;
  causes: string[];
  weight: number;
  seenIn: string[];
}

/** Texts may hold `{fact:id}` placeholders for shared defaults (content/data/facts.json). */
export const CURATED_CODES: readonly CuratedCode[] = (data.codes as RawCode[]).map((c) => ({
  ...c,
  title: expandFacts(c.title),
  meaning: expandFacts(c.meaning),
  explanation: expandFacts(c.explanation),
  value: parseCode(c.hex) ?? -1,
  aliases: c.aliases ?? [],
  seenIn: c.seenIn as Kind[],
}));

const byValue = new Map<number, CuratedCode>();
for (const c of CURATED_CODES) if (c.value >= 0) byValue.set(c.value, c);

/** The curated entry documenting `value` (any form: 12002, 0x80072EE2, signed ...). */
export function curatedFor(value: number): CuratedCode | undefined {
  if (!isCodeValue(value)) return undefined;
  return byValue.get(canonicalCode(value));
}

/**
 * Names that denote a bare Win32 code (ERROR_*, WSA*, WAIT_TIMEOUT) name the low word of a
 * 0x8007xxxx entry; every other name (E_*, WININET_E_*, COR_E_*, STATUS_*, hostfxr names) names
 * the entry's own value.
 */
function isWin32Name(name: string): boolean {
  return name.startsWith('ERROR_') || name.startsWith('WSA') || name === 'WAIT_TIMEOUT';
}

/** Family of a curated name, from its spelling. */
export function familyOfName(name: string): Family {
  if (name.startsWith('ERROR_WINHTTP_')) return 'winhttp';
  if (name.startsWith('ERROR_INTERNET_') || name.startsWith('ERROR_HTTP_')) return 'wininet';
  if (name.startsWith('STATUS_')) return 'ntstatus';
  if (/^(COR_E_|CORSEC_E_|FUSION_E_|EXCEPTION_COMPLUS$)/.test(name)) return 'clr';
  if (/^[A-Z][a-z]/.test(name)) return 'hostfxr';
  return 'winerror';
}

const nameIndex = new Map<string, number>();
const namesByValue = new Map<number, TableEntry[]>();
for (const c of CURATED_CODES) {
  if (c.value < 0) continue;
  for (const name of [c.name, ...c.aliases]) {
    const w = win32Of(c.value);
    const v = isWin32Name(name) && w !== undefined ? w : c.value;
    const key = name.toUpperCase();
    if (!nameIndex.has(key)) nameIndex.set(key, v);
    let list = namesByValue.get(v);
    if (!list) namesByValue.set(v, (list = []));
    list.push({ name, family: familyOfName(name) });
  }
}

/** Value of a curated name or alias (case-insensitive), e.g. ERROR_WINHTTP_TIMEOUT -> 12002. */
export function resolveCuratedName(name: string): number | undefined {
  if (typeof name !== 'string') return undefined;
  return nameIndex.get(name.trim().toUpperCase());
}

/** The curated entry for a name or alias. */
export function curatedByName(name: string): CuratedCode | undefined {
  const v = resolveCuratedName(name);
  return v === undefined ? undefined : curatedFor(v);
}

/** The curated names as a NameSource for decode(): names of exactly `value`. */
export const curatedNames: NameSource = {
  namesOf: (value) => namesByValue.get(value >>> 0) ?? [],
};

/** Each later cause keeps this share of the previous one's weight. */
export const CAUSE_DECAY = 0.6;

/**
 * Cause weights for the engine: the first cause gets the entry's weight, each later one
 * CAUSE_DECAY times the previous (0.7, 0.42, 0.25 ...).
 */
export function causeWeights(code: CuratedCode): Record<string, number> {
  const out: Record<string, number> = {};
  let w = code.weight;
  for (const id of code.causes) {
    out[id] = Math.round(w * 1000) / 1000;
    w *= CAUSE_DECAY;
  }
  return out;
}

/**
 * The engine's view (Knowledge.codeCauses): causes a code points to, with a note such as
 * "0x80072EE2 ERROR_WINHTTP_TIMEOUT: ANCM stopped waiting ...". Any written value works
 * (12002 finds the 0x80072EE2 entry); undefined for codes that are not curated.
 */
export function curatedCodeCauses(unsigned: number): { causes: Readonly<Record<string, number>>; note: string } | undefined {
  const c = curatedFor(unsigned);
  if (!c) return undefined;
  return { causes: causeWeights(c), note: `${c.hex} ${c.name}: ${c.meaning}` };
}
