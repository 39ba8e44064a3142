import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LEAD_LENGTH, leadingStrings, mayBegin } from './first-chars.ts';
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
    expect(sorted(leadingStrings('abc|d', false))).toBe('abc,d');
    expect(sorted(leadingStrings('(?:the )?first', false))).toBe('fir,the');
    expect(sorted(leadingStrings('[kmg]i?b', false))).toBe('gb,gib,kb,kib,mb,mib');
    expect(sorted(leadingStrings('[a-c]x', false))).toBe('ax,bx,cx');
    expect(sorted(leadingStrings('a+b', false))).toBe('aaa,aab,ab');
    expect(sorted(leadingStrings('(?:ab ){0,2}cd', false))).toBe('ab ,cd');
    expect(sorted(leadingStrings('\\.net', false))).toBe('.ne');
    expect(sorted(leadingStrings('\\u2019s', false))).toBe('\u2019s');
    expect(sorted(leadingStrings('(?!x)yz', false))).toBe('yz');
    expect(sorted(leadingStrings('x(?!y)', false))).toBe('x');
    expect(sorted(leadingStrings('(?:[ab]+ ){0,2}cd', false))).toBe('a a,a b,a c,aa ,aaa,aab,ab ,aba,abb,b a,b b,b c,ba ,baa,bab,bb ,bba,bbb,cd');
  });

  it('tells whether a term can begin where the text starts with some characters', () => {
    const leads = leadingStrings('LBs?|load balancer', false)!;
    expect(mayBegin(leads, 'LB ')).toBe(true); // a two-character match
    expect(mayBegin(leads, 'LBs')).toBe(true);
    expect(mayBegin(leads, 'loa')).toBe(true);
    expect(mayBegin(leads, 'lo')).toBe(true); // the text ends inside a lead
    expect(mayBegin(leads, 'lot')).toBe(false);
    expect(mayBegin(leads, 'L')).toBe(true);
    expect(mayBegin(leads, 'x')).toBe(false);
  });

  it('lower-cases letters when matching ignores case', () => {
    expect(sorted(leadingStrings('IIS|w3wp', true))).toBe('iis,w3w');
    expect(sorted(leadingStrings('IIS|w3wp', false))).toBe('IIS,w3w');
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

  it('knows how every vocabulary term begins (a term it cannot read is tried at every word start)', () => {
    const unknown = [...COMPONENTS, ...TRIGGERS, ...TOPICS].filter((t) => leadingStrings(t.pattern, !t.exact) === undefined).map((t) => t.pattern.slice(0, 60));
    expect(unknown).toEqual([]);
  });

  it('never leaves out how a vocabulary term can begin', () => {
    for (const term of [...COMPONENTS, ...TRIGGERS, ...TOPICS]) {
      const leads = leadingStrings(term.pattern, !term.exact);
      if (!leads) continue;
      const matches = fc.stringMatching(new RegExp(`^(?:${withoutLookarounds(term.pattern)})$`));
      for (const s of fc.sample(matches, 300)) {
        const lead = s.slice(0, LEAD_LENGTH);
        expect(leads.has(term.exact ? lead : lead.toLowerCase()), `${term.pattern} -> ${s}`).toBe(true);
      }
    }
  });
});
