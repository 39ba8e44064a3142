import { describe, expect, it } from 'vitest';
import { prevNext, sectionOf } from './nav.ts';

describe('sectionOf', () => {
  it('finds the section of nested paths', () => {
    expect(sectionOf('/causes/request-timeout/')?.label).toBe('Causes');
    expect(sectionOf('/codes/')?.label).toBe('Codes');
    expect(sectionOf('/')).toBeUndefined();
    expect(sectionOf('/search/')).toBeUndefined();
  });
});

describe('prevNext', () => {
  const items = [{ href: '/a/' }, { href: '/b/' }, { href: '/c/' }];
  it('returns the neighbours', () => {
    expect(prevNext(items, '/b/')).toEqual({ prev: { href: '/a/' }, next: { href: '/c/' } });
    expect(prevNext(items, '/a/')).toEqual({ prev: undefined, next: { href: '/b/' } });
    expect(prevNext(items, '/c/')).toEqual({ prev: { href: '/b/' }, next: undefined });
    expect(prevNext(items, '/zzz/')).toEqual({});
  });
});
