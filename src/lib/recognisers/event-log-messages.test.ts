import { describe, expect, it } from 'vitest';
import { buildView } from './event-log-text.ts';
import { lineAround, matchMessages } from './event-log-messages.ts';
import type { Spec } from './event-log-messages.ts';

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
