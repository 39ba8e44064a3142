import { describe, expect, it } from 'vitest';
import { DEFAULT_FIELDS } from '../recognisers/iis-log/fields.ts';
import { DEFAULT_PLAN, fieldsOfDirective, planOf, sameFields } from './plan.ts';

describe('planOf', () => {
  it('places the counted fields of the IIS default order', () => {
    expect(DEFAULT_PLAN.fields).toBeNull();
    expect(DEFAULT_PLAN.n).toBe(DEFAULT_FIELDS.length);
    expect([DEFAULT_PLAN.date, DEFAULT_PLAN.time, DEFAULT_PLAN.url]).toEqual([0, 1, 4]);
    expect([DEFAULT_PLAN.status, DEFAULT_PLAN.sub, DEFAULT_PLAN.win32, DEFAULT_PLAN.taken]).toEqual([11, 12, 13, 14]);
    // cs-uri-query (5) to cs(referer) (10) may hold spaces when another tool wrote the log.
    expect([DEFAULT_PLAN.firstFree, DEFAULT_PLAN.lastFree]).toEqual([5, 10]);
  });

  it('reads any field list, case-insensitively, and marks missing fields', () => {
    const p = planOf(['Date', 'Time', 'cs-uri', 'SC-STATUS']);
    expect(p).toMatchObject({ n: 4, date: 0, time: 1, url: 2, status: 3, sub: -1, win32: -1, taken: -1 });
    expect(p.fields).toEqual(['date', 'time', 'cs-uri', 'sc-status']);
  });

  it('reads the Advanced Logging name of time-taken', () => {
    expect(planOf(['date', 'time', 'sc-status', 'TimeTakenMS']).taken).toBe(3);
  });

  it('prefers cs-uri-stem over cs-uri', () => {
    expect(planOf(['cs-uri', 'cs-uri-stem']).url).toBe(1);
  });
});

describe('fieldsOfDirective', () => {
  it('reads #Fields lines with any spacing, a BOM or another case', () => {
    expect(fieldsOfDirective('#Fields: date time sc-status')).toEqual(['date', 'time', 'sc-status']);
    expect(fieldsOfDirective('\uFEFF#FIELDS:\tdate  time')).toEqual(['date', 'time']);
    expect(fieldsOfDirective('  #fields:date')).toEqual(['date']);
    expect(fieldsOfDirective('#Fields: date time-taken\r')).toEqual(['date', 'time-taken']);
  });
  it('ignores other directives and empty field lists', () => {
    expect(fieldsOfDirective('#Software: Microsoft Internet Information Services 10.0')).toBeUndefined();
    expect(fieldsOfDirective('#Fields:   ')).toBeUndefined();
    expect(fieldsOfDirective('date time #Fields: x')).toBeUndefined();
  });
});

describe('sameFields', () => {
  it('compares layouts, null being the default', () => {
    expect(sameFields(null, null)).toBe(true);
    expect(sameFields(null, ['date'])).toBe(false);
    expect(sameFields(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameFields(['a', 'b'], ['a'])).toBe(false);
    expect(sameFields(['a', 'b'], ['a', 'c'])).toBe(false);
  });
});
