import { describe, expect, it } from 'vitest';
import { extractSamples } from './samples.ts';

describe('extractSamples', () => {
  it('finds sample blocks with their flags and skips other blocks', () => {
    const src = [
      '## Symptoms',
      '```log sample',
      'line one',
      'line two',
      '```',
      '```powershell',
      'Get-Item x',
      '```',
      '````text sample ambiguous',
      'has ``` inside',
      '````',
    ].join('\n');
    expect(extractSamples(src)).toEqual([
      { lang: 'log', ambiguous: false, text: 'line one\nline two', line: 2 },
      { lang: 'text', ambiguous: true, text: 'has ``` inside', line: 9 },
    ]);
  });

  it('does not treat a fence inside another block as a sample', () => {
    const src = '```md\n```log sample\nx\n```\n';
    expect(extractSamples(src)).toEqual([]);
  });
});
