import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildView, escapeRegExp } from './text.ts';
import { isCaselessUnit, lineAround, matchMessages } from './messages.ts';
import type { Spec } from './messages.ts';

const specs: Spec[] = [
  { signal: 'event-log.a', phrases: ['first thing happened'], lead: true, extract: (ctx) => {
    const m = ctx.after(/code=/i);
    if (m) ctx.fact('setting', `code=${ctx.input.slice(ctx.at(m.end), ctx.at(m.end) + 2)}`, ctx.at(m.end), ctx.at(m.end) + 2);
  } },
  { signal: 'event-log.b', phrases: ['second thing'], lead: true },
  { phrases: ['output follows'], lead: false, marker: true },
];

function run(text: string) {
  const view = buildView(text, 0, text.length, { compact: true });
  return matchMessages(view, text, specs);
}

describe('matchMessages', () => {
  it('matches phrases across wraps and reads values only within the message', () => {
    const text = 'x first thing hap\npened, code=42\nsecond thing, code=99';
    const hits = run(text);
    expect(hits.map((h) => h.signal)).toEqual(['event-log.a', 'event-log.b']);
    const at = text.indexOf('42');
    expect(hits[0]!.facts).toEqual([{ name: 'setting', value: 'code=42', start: at, end: at + 2 }]);
    expect(text.slice(hits[0]!.phraseStart, hits[0]!.phraseEnd)).toBe('first thing hap\npened');
  });

  it('does not borrow a value from the next message', () => {
    const hits = run('first thing happened.\nsecond thing, code=99');
    expect(hits[0]!.facts).toEqual([]);
  });

  it('marks where captured output starts', () => {
    const text = 'second thing; output follows:\nline';
    const marker = run(text).find((h) => h.captured !== undefined)!;
    expect(text.slice(marker.captured!)).toBe(':\nline');
  });
});

describe('matchMessages: phrase search', () => {
  // Overlapping, nested and repeated phrases, one given as a RegExp.
  const many: Spec[] = [
    { signal: 'event-log.a', phrases: ['failed to start. Exception message', 'Event Name: BEX'], lead: true },
    { signal: 'event-log.b', phrases: ['Exception message:', 'Event Name: BEX64', 'abab'], lead: false },
    { signal: 'event-log.c', phrases: [/x\d{2}y/i, 'start'], lead: true },
  ];

  /** Each phrase searched on its own with a case-insensitive RegExp, as the specs are defined. */
  function reference(text: string): [string | undefined, number, number][] {
    const view = buildView(text, 0, text.length, { compact: true });
    const found: { signal: string | undefined; start: number; end: number; order: number }[] = [];
    let order = 0;
    for (const spec of many) {
      for (const p of spec.phrases) {
        order++;
        const re = typeof p === 'string' ? new RegExp(escapeRegExp(p.replace(/\s+/g, '')), 'gi') : new RegExp(p.source, `${p.flags}g`);
        for (let m = re.exec(view.text); m; m = re.exec(view.text)) found.push({ signal: spec.signal, start: m.index, end: m.index + m[0].length, order });
      }
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
    return found.map((f) => [f.signal, view.map[f.start] as number, (view.map[f.end - 1] as number) + 1]);
  }

  function actual(text: string): [string | undefined, number, number][] {
    return matchMessages(buildView(text, 0, text.length, { compact: true }), text, many).map((h) => [h.signal, h.phraseStart, h.phraseEnd]);
  }

  it('finds every occurrence of every phrase, overlapping ones included, in any case', () => {
    const text = 'Failed to START. exception MESSAGE: Event Name: BEX64 ababab x12y start';
    expect(actual(text)).toEqual(reference(text));
    expect(actual(text).map((h) => h[0])).toEqual(['event-log.a', 'event-log.c', 'event-log.b', 'event-log.b', 'event-log.a', 'event-log.b', 'event-log.c', 'event-log.c']);
  });

  it('gives the same hits as searching each phrase on its own (random pastes)', () => {
    const piece = fc.constantFrom('failed to ', 'start', '. Exception ', 'message', ':', 'Event Name: ', 'BEX', '64', 'ab', 'X', '12', 'y', ' ', '\n', 'İ', 'ß', '&amp;', 'é');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(actual(text)).toEqual(reference(text));
      }),
      { numRuns: 400 },
    );
  });
});

describe('matchMessages: phrases in a lower-cased copy', () => {
  // ASCII phrases are found case-insensitively in the view itself, the others in its lower-cased
  // copy (only when the view holds a character that lower-cases to theirs): the same hits as
  // looking for every phrase in the lower-cased copy, whatever the view holds.
  const mixed: Spec[] = [
    { signal: 'event-log.a', phrases: ['kelvin scale', 'événement'], lead: true },
    { signal: 'event-log.b', phrases: ['σοφία', 'abab', '由于未经处理'], lead: false },
  ];

  function lowerReference(text: string): [string | undefined, number, number][] {
    const view = buildView(text, 0, text.length, { compact: true });
    const lower = view.text.toLowerCase();
    const found: { signal: string | undefined; start: number; end: number; order: number }[] = [];
    let order = 0;
    for (const spec of mixed) {
      for (const p of spec.phrases) {
        order++;
        const lit = (p as string).replace(/\s+/g, '').toLowerCase();
        if (lower.length !== view.text.length) {
          const re = new RegExp(escapeRegExp(lit), 'gi');
          for (let m = re.exec(view.text); m; m = re.exec(view.text)) found.push({ signal: spec.signal, start: m.index, end: m.index + m[0].length, order });
          continue;
        }
        let lastEnd = -1;
        for (let i = 0; i < lower.length; i++) {
          if (i < lastEnd || !lower.startsWith(lit, i)) continue;
          found.push({ signal: spec.signal, start: i, end: i + lit.length, order });
          lastEnd = i + lit.length;
        }
      }
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
    return found.map((f) => [f.signal, view.map[f.start] as number, (view.map[f.end - 1] as number) + 1]);
  }

  it('finds them as the lower-cased copy shows them (random pastes)', () => {
    const piece = fc.constantFrom('KELVIN', 'Kelvin', '\u212aelvin', ' scale', 'SCALE', 'ÉVÉNEMENT', 'événement', 'Événement', 'ΣΟΦΊΑ', 'σοφία', 'Σ', 'İ', 'ab', 'AB', '由于', '未经处理', ' ', '\n', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const hits = matchMessages(buildView(text, 0, text.length, { compact: true }), text, mixed).map((h) => [h.signal, h.phraseStart, h.phraseEnd]);
        expect(hits).toEqual(lowerReference(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('isCaselessUnit', () => {
  it('holds for characters that lower-case to themselves and that nothing else lower-cases to', () => {
    const wrong: string[] = [];
    for (let u = 0; u < 0x10000; u++) {
      if (u >= 0xd800 && u <= 0xdfff) continue;
      const lower = String.fromCharCode(u).toLowerCase();
      if (isCaselessUnit(u) && lower !== String.fromCharCode(u)) wrong.push(u.toString(16));
      if (!isCaselessUnit(u) && lower.length === 1 && lower.charCodeAt(0) !== u && isCaselessUnit(lower.charCodeAt(0))) wrong.push(u.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(isCaselessUnit('由'.charCodeAt(0)) && isCaselessUnit('，'.charCodeAt(0)) && !isCaselessUnit('Ａ'.charCodeAt(0))).toBe(true);
  });
});

describe('lineAround', () => {
  it('gives the line, or the XML element text, around a phrase', () => {
    const text = 'a\n   the phrase is here\nb';
    const at = text.indexOf('phrase');
    expect(text.slice(...Object.values(lineAround(text, at, at + 6)) as [number, number])).toBe('the phrase is here');
    const xml = '<Data>the phrase</Data>';
    const x = lineAround(xml, xml.indexOf('phrase'), xml.indexOf('phrase') + 6);
    expect(xml.slice(x.start, x.end)).toBe('the phrase');
  });
});
