import { describe, expect, it } from 'vitest';
import { moveIslandStyle } from './island-style.mjs';

const STYLE = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';

describe('moveIslandStyle', () => {
  it('moves the island style from the body to the head', () => {
    const html = `<html><head><title>x</title></head><body><main>${STYLE}<astro-island></astro-island></main></body></html>`;
    expect(moveIslandStyle(html)).toBe(`<html><head><title>x</title>${STYLE}</head><body><main><astro-island></astro-island></main></body></html>`);
  });

  it('leaves pages without it, or with it already in the head, alone', () => {
    const a = '<html><head></head><body></body></html>';
    expect(moveIslandStyle(a)).toBe(a);
    const b = `<html><head>${STYLE}</head><body></body></html>`;
    expect(moveIslandStyle(b)).toBe(b);
  });
});
