import { describe, expect, it } from 'vitest';
import { CAUSE_LIST, articleFor, causeEntry, isCauseId } from './catalogue.ts';

describe('catalogue', () => {
  it('holds the 48 cause ids in file order', () => {
    expect(CAUSE_LIST).toHaveLength(48);
    expect(CAUSE_LIST[0]?.id).toBe('request-timeout');
    expect(CAUSE_LIST.map((c) => c.order)).toEqual(CAUSE_LIST.map((_, i) => i));
  });
  it('looks causes up', () => {
    expect(isCauseId('keepalive-race')).toBe(true);
    expect(isCauseId('nope')).toBe(false);
    expect(isCauseId(5)).toBe(false);
    expect(causeEntry('app-offline')?.title).toMatch(/app_offline\.htm/);
    expect(articleFor('app-offline')).toBe('/causes/app-offline/');
  });
});
