import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysFromCivil, isoOf, validDate } from './dates.ts';

describe('dates', () => {
  it('counts days like Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1970, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        expect(daysFromCivil(y, m, d)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
      }),
    );
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
  });

  it('knows month lengths and leap years', () => {
    expect(validDate(2024, 2, 29)).toBe(true);
    expect(validDate(2023, 2, 29)).toBe(false);
    expect(validDate(2100, 2, 29)).toBe(false);
    expect(validDate(2000, 2, 29)).toBe(true);
    expect(validDate(2024, 4, 31)).toBe(false);
    expect(validDate(2024, 13, 1)).toBe(false);
    expect(validDate(2024, 0, 1)).toBe(false);
    expect(validDate(1969, 12, 31)).toBe(false);
  });

  it('writes ISO UTC times without milliseconds', () => {
    expect(isoOf(Date.UTC(2024, 2, 5, 10, 14, 22) / 1000)).toBe('2024-03-05T10:14:22Z');
  });
});
