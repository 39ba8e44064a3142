import { describe, expect, it } from 'vitest';
import { pathFor } from './redirect.ts';

const known = new Set(['/codes/0x80072ee2/', '/codes/502-3/', '/codes/502/', '/causes/request-timeout/', '/guides/behind-nginx/']);

describe('pathFor', () => {
  it('finds an upper-case code page', () => {
    expect(pathFor('/codes/0x80072EE2/', known)).toBe('/codes/0x80072ee2/');
    expect(pathFor('/codes/0X80072EE2', known)).toBe('/codes/0x80072ee2/');
  });
  it('reads a code in another form', () => {
    expect(pathFor('/codes/12002/', known)).toBe('/codes/0x80072ee2/');
    expect(pathFor('/codes/-2147012894/', known)).toBe('/codes/0x80072ee2/');
    expect(pathFor('/codes/80072EE2/', known)).toBe('/codes/0x80072ee2/');
  });
  it('reads a dotted status', () => {
    expect(pathFor('/codes/502.3/', known)).toBe('/codes/502-3/');
    expect(pathFor('/codes/502-3/index.html', known)).toBe('/codes/502-3/');
  });
  it('matches any known page case-insensitively', () => {
    expect(pathFor('/Causes/Request-Timeout', known)).toBe('/causes/request-timeout/');
    expect(pathFor('/GUIDES/behind-nginx/', known)).toBe('/guides/behind-nginx/');
  });
  it('answers null for what does not exist or cannot be read', () => {
    expect(pathFor('/codes/0x12345678/', known)).toBeNull();
    expect(pathFor('/nothing/here/', known)).toBeNull();
    expect(pathFor('/codes/%E0%A4%A/', known)).toBeNull();
    expect(pathFor('', known)).toBeNull();
  });
});
