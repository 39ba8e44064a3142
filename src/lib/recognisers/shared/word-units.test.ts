import { describe, expect, it } from 'vitest';
import { isWordUnit } from './word-units.ts';

describe('isWordUnit', () => {
  it("is a regular expression's \\w for every UTF-16 code unit", () => {
    for (let c = 0; c <= 0xffff; c++) expect(isWordUnit(c), `U+${c.toString(16)}`).toBe(/\w/.test(String.fromCharCode(c)));
  });
});
