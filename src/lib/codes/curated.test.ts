import { describe, expect, it } from 'vitest';
import causes from '../../../content/data/causes.json' with { type: 'json' };
import { KINDS } from '../engine/types.ts';
import {
  CURATED_CODES,
  causeWeights,
  curatedByName,
  curatedCodeCauses,
  curatedFor,
  curatedNames,
  familyOfName,
  resolveCuratedName,
} from './curated.ts';
import { decode } from './decode.ts';
import { fact } from '../facts/facts.ts';
import { canonicalCode, codeForms, parseCode } from './forms.ts';
import { loadTable } from './table.ts';

const causeIds = new Set(causes.map((c) => c.id));
const table = await loadTable();

describe('curated codes: data integrity', () => {
  it('has at least 110 entries, unique by value', () => {
    expect(CURATED_CODES.length).toBeGreaterThanOrEqual(110);
    expect(new Set(CURATED_CODES.map((c) => c.value)).size).toBe(CURATED_CODES.length);
  });

  it.each(CURATED_CODES.map((c) => [c.hex, c] as const))('%s is well-formed', (_hex, c) => {
    // hex parses, is the canonical 8-digit form, and is the page of its value
    expect(parseCode(c.hex)).toBe(c.value);
    expect(codeForms(c.value).hex).toBe(c.hex);
    expect(canonicalCode(c.value)).toBe(c.value);
    // every cause id exists, no duplicates, at least one
    expect(c.causes.length).toBeGreaterThan(0);
    expect(new Set(c.causes).size).toBe(c.causes.length);
    for (const id of c.causes) expect(causeIds.has(id), `${c.hex}: unknown cause ${id}`).toBe(true);
    for (const k of c.seenIn) expect((KINDS as readonly string[]).includes(k), `${c.hex}: unknown kind ${k}`).toBe(true);
    expect(c.weight).toBeGreaterThan(0);
    expect(c.weight).toBeLessThanOrEqual(1);
    // prose present and of the promised size
    expect(c.title.length).toBeGreaterThan(5);
    expect(c.meaning.length).toBeGreaterThan(20);
    const sentences = c.explanation.split(/(?<=[.!?])\s+(?=[A-Z0-9'"(])/).length;
    expect(sentences, `${c.hex} explanation has ${sentences} sentences`).toBeGreaterThanOrEqual(2);
    expect(sentences).toBeLessThanOrEqual(4);
  });

  it.each(CURATED_CODES.map((c) => [c.hex, c] as const))('%s names agree with the full table', (_hex, c) => {
    for (const name of [c.name, ...c.aliases]) {
      const v = table.valueOf(name);
      expect(v, `${name} is not in the table`).toBeDefined();
      expect(canonicalCode(v as number), `${name} belongs to another code`).toBe(c.value);
      expect(resolveCuratedName(name)).toBe(v);
      const family = table.namesOf(v as number).find((e) => e.name === name)?.family;
      expect(familyOfName(name)).toBe(family);
    }
  });
});

describe('lookups', () => {
  it('finds the same entry from every written form', () => {
    const e = curatedFor(12002);
    expect(e?.name).toBe('ERROR_WINHTTP_TIMEOUT');
    expect(curatedFor(0x80072ee2)).toBe(e);
    expect(curatedFor(-2147012894)).toBe(e);
    expect(curatedByName('error_internet_timeout')).toBe(e);
    expect(curatedByName('WININET_E_TIMEOUT')).toBe(e);
  });

  it('Winsock codes resolve from the wrapped form to the bare entry', () => {
    expect(curatedFor(0x8007274d)?.name).toBe('WSAECONNREFUSED');
    expect(resolveCuratedName('WSAECONNREFUSED')).toBe(10061);
  });

  it('unknown and invalid values return undefined', () => {
    expect(curatedFor(0x12345678)).toBeUndefined();
    expect(curatedFor(Number.NaN)).toBeUndefined();
    expect(curatedByName('NOPE')).toBeUndefined();
  });

  it('covers the codes the brief names', () => {
    for (const v of [12002, 12029, 12030, 12152, 12007, 12175, 12157, 2, 3, 5, 13, 32, 50, 64, 87, 126, 193, 1236, 1168, 183, 1392, 10048, 10013, 10054, 10060, 10061,
      0xe0434352, 0xc00000fd, 0xc0000005, 0xc0000409, 0x80004005, 0x8000ffff, 0x80131506, 0x800700c1, 0x8007000d, 0x80070032, 0x800700b7, 0x800701b1, 0x80070020, 0x80070057, 0x80008096]) {
      expect(curatedFor(v), `0x${v.toString(16)}`).toBeDefined();
    }
  });

  it('curated names decode like the full table for the top reading', () => {
    for (const v of [12002, 0x80072efd, 0x80008096, 0xc00000fd, 0xe0434352]) {
      expect(decode(v, curatedNames).names[0]).toBe(decode(v, table).names[0]);
    }
  });
});

describe('causeWeights', () => {
  it('decays along the list', () => {
    const w = causeWeights(curatedFor(0x80072ee2)!);
    expect(Object.keys(w)[0]).toBe('request-timeout');
    expect(w['request-timeout']).toBe(0.7);
    expect(w['thread-pool-starvation']).toBeCloseTo(0.42);
    expect(w['azure-frontend-timeout']).toBeCloseTo(0.252);
  });
});

describe('curatedCodeCauses', () => {
  it('gives the engine weights and a note for any written value', () => {
    const c = curatedCodeCauses(12029);
    expect(Object.keys(c?.causes ?? {})[0]).toBe('backend-connection-refused');
    expect(c?.note).toMatch(/^0x80072EFD ERROR_WINHTTP_CANNOT_CONNECT: /);
    expect(curatedCodeCauses(0x12345678)).toBeUndefined();
  });
});

describe('curated codes and shared facts', () => {
  it('expands {fact:id} placeholders in every text', () => {
    for (const c of CURATED_CODES) {
      for (const text of [c.title, c.meaning, c.explanation]) expect(text, c.hex).not.toMatch(/\{fact:/);
    }
    const timeout = CURATED_CODES.find((c) => c.hex === '0x800705B4');
    expect(timeout?.explanation).toContain(`(${fact('ancm.startupTimeLimit').says} by default)`);
  });
});
