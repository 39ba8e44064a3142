import { describe, expect, it } from 'vitest';
import causes from '../../content/data/causes.json' with { type: 'json' };
import { h2s, proseWords, readArticles } from './load.ts';

const SECTIONS = ['Symptoms', 'Why it happens', 'Confirm it', 'Fix it', 'Prevent it', 'Related'];
const articles = readArticles('causes');

describe('cause articles', () => {
  it('exist for every cause id, and only for cause ids', () => {
    const ids = causes.map((c) => c.id).sort();
    expect(articles.map((a) => a.id).sort()).toEqual(ids);
  });

  for (const a of articles) {
    it(`${a.file} has the required sections in order and at least 400 words of prose`, () => {
      const headings = h2s(a.body);
      expect(headings.filter((h) => SECTIONS.includes(h)), `sections of ${a.file}`).toEqual(SECTIONS);
      expect(proseWords(a.body), `prose words in ${a.file}`).toBeGreaterThanOrEqual(400);
    });
  }
});

describe('guides and code pages', () => {
  for (const a of [...readArticles('guides'), ...readArticles('codes')]) {
    it(`${a.file} has real prose`, () => {
      expect(proseWords(a.body), a.file).toBeGreaterThanOrEqual(300);
      expect(a.body).not.toMatch(/\b(TODO|TBD|lorem ipsum|placeholder)\b/i);
    });
  }
});

describe('proseWords', () => {
  it('counts words outside code', () => {
    // "Two", "words", the inline code (one token), "here"; nothing from the fenced block.
    expect(proseWords('Two words\n\n```log\nnot counted at all\n```\n`code` here')).toBe(4);
  });
});
