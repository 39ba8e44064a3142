import { describe, expect, it } from 'vitest';
import causes from '../../../content/data/causes.json' with { type: 'json' };
import { CAUSE_LIST, articleFor, causeEntry, isCauseId } from './catalogue.ts';

describe('catalogue', () => {
  it('holds every cause id of causes.json in file order', () => {
    expect(CAUSE_LIST.map((c) => c.id)).toEqual(causes.map((c) => c.id));
    expect(CAUSE_LIST.length).toBeGreaterThanOrEqual(48);
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
