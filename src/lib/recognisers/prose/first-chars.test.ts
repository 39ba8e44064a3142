import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { leadingStrings } from './first-chars.ts';
import { COMPONENTS, TOPICS, TRIGGERS } from './vocabulary.ts';

const sorted = (s: ReadonlySet<string> | undefined) => (s ? [...s].sort().join(',') : undefined);

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

describe('leadingStrings', () => {
  it('reads alternations, optional prefixes, classes and repetitions', () => {
    expect(sorted(leadingStrings('abc|d', false))).toBe('ab,d');
    expect(sorted(leadingStrings('(?:the )?first', false))).toBe('fi,th');
    expect(sorted(leadingStrings('[kmg]i?b', false))).toBe('gb,gi,kb,ki,mb,mi');
    expect(sorted(leadingStrings('[a-c]x', false))).toBe('ax,bx,cx');
    expect(sorted(leadingStrings('a+b', false))).toBe('aa,ab');
    expect(sorted(leadingStrings('(?:ab ){0,2}cd', false))).toBe('ab,cd');
    expect(sorted(leadingStrings('\\.net', false))).toBe('.n');
    expect(sorted(leadingStrings('\\u2019s', false))).toBe('\u2019s');
    expect(sorted(leadingStrings('(?!x)yz', false))).toBe('yz');
    expect(sorted(leadingStrings('x(?!y)', false))).toBe('x');
    expect(sorted(leadingStrings('(?:[ab]+ ){0,2}cd', false))).toBe('a ,aa,ab,b ,ba,bb,cd');
  });

  it('lower-cases letters when matching ignores case', () => {
    expect(sorted(leadingStrings('IIS|w3wp', true))).toBe('ii,w3');
    expect(sorted(leadingStrings('IIS|w3wp', false))).toBe('II,w3');
  });

  it('answers "anything" for a pattern that can match empty or is not understood', () => {
    expect(leadingStrings('a?', false)).toBeUndefined();
    expect(leadingStrings('(?:x|)', false)).toBeUndefined();
    expect(leadingStrings('.x', false)).toBeUndefined();
    expect(leadingStrings('\\sx', false)).toBeUndefined();
    expect(leadingStrings('[^a]x', false)).toBeUndefined();
    expect(leadingStrings('(?<name>x)', false)).toBeUndefined();
    expect(leadingStrings('(x', false)).toBeUndefined();
    expect(leadingStrings('(?:\\w+ ){0,2}app', false)).toBeUndefined(); // too many to be worth it
  });

  it('never leaves out how a vocabulary term can begin', () => {
    for (const term of [...COMPONENTS, ...TRIGGERS, ...TOPICS]) {
      const leads = leadingStrings(term.pattern, !term.exact);
      if (!leads) continue;
      const matches = fc.stringMatching(new RegExp(`^(?:${withoutLookarounds(term.pattern)})$`));
      for (const s of fc.sample(matches, 300)) {
        const lead = s.slice(0, 2);
        expect(leads.has(term.exact ? lead : lead.toLowerCase()), `${term.pattern} -> ${s}`).toBe(true);
      }
    }
  });
});
