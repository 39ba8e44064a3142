import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstChars } from './first-chars.ts';
import { COMPONENTS, TOPICS, TRIGGERS } from './vocabulary.ts';

const sorted = (s: ReadonlySet<string> | undefined) => (s ? [...s].sort().join('') : undefined);

/** Drop lookarounds (fast-check cannot generate through them); what is left matches a superset. */
function withoutLookarounds(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\\') {
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    const look = /^\(\?<?[=!]/.exec(source.slice(i));
    if (!look) {
      out += source[i];
      continue;
    }
    let depth = 0;
    for (; i < source.length; i++) {
      if (source[i] === '\\') i++;
      else if (source[i] === '(') depth++;
      else if (source[i] === ')' && --depth === 0) break;
    }
  }
  return out;
}

describe('firstChars', () => {
  it('reads alternations, optional prefixes and classes', () => {
    expect(sorted(firstChars('abc|d', false))).toBe('ad');
    expect(sorted(firstChars('(?:the )?first', false))).toBe('ft');
    expect(sorted(firstChars('[kmg]i?b', false))).toBe('gkm');
    expect(sorted(firstChars('[a-c]x', false))).toBe('abc');
    expect(sorted(firstChars('(?:\\w+ ){0,2}app', false))).toContain('a');
    expect(sorted(firstChars('\\.net', false))).toBe('.');
    expect(sorted(firstChars('\\u2019s', false))).toBe('\u2019');
    expect(sorted(firstChars('(?!x)yz', false))).toBe('y');
  });

  it('adds both cases of letters when matching ignores case', () => {
    expect(sorted(firstChars('IIS|w3wp', true))).toBe('IWiw');
    expect(sorted(firstChars('IIS|w3wp', false))).toBe('Iw');
  });

  it('answers "anything" for a pattern that can match empty or is not understood', () => {
    expect(firstChars('a?', false)).toBeUndefined();
    expect(firstChars('(?:x|)', false)).toBeUndefined();
    expect(firstChars('.x', false)).toBeUndefined();
    expect(firstChars('\\sx', false)).toBeUndefined();
    expect(firstChars('[^a]x', false)).toBeUndefined();
    expect(firstChars('(?<name>x)', false)).toBeUndefined();
    expect(firstChars('(x', false)).toBeUndefined();
  });

  it('never leaves out a character a vocabulary term can start with', () => {
    for (const term of [...COMPONENTS, ...TRIGGERS, ...TOPICS]) {
      const first = firstChars(term.pattern, !term.exact);
      if (!first) continue;
      const matches = fc.stringMatching(new RegExp(`^(?:${withoutLookarounds(term.pattern)})$`));
      for (const s of fc.sample(matches, 300)) expect(first.has(s[0]!), `${term.pattern} -> ${s}`).toBe(true);
    }
  });
});
