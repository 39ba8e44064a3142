/**
 * The `message` kind: the products' own words, wherever they appear in a paste (a page title on
 * its own, exception text without a log frame, a line cut in half). Reads the catalogue
 * (catalogue.ts) with the tolerant matcher (matcher.ts) and emits, per match, the signal
 * `message.<entry-id>` (only for entries with an active cause) and the entry's facts, all with
 * the span of the matched text in the original input.
 */
import type { Fact, Recogniser } from '../../engine/types.ts';
import { MESSAGES, activeCauses, messageSignalId } from './catalogue.ts';
import { createMatcher } from './matcher.ts';

const kind = 'message' as const;

const matcher = createMatcher(MESSAGES.map((m) => m.text));

function codeNumber(v: string): number | undefined {
  const t = v.trim();
  const n = /^0x/i.test(t) ? Number.parseInt(t.slice(2), 16) : Number(t);
  return Number.isInteger(n) && n >= 0 && n <= 0xffffffff ? n : undefined;
}

export const recogniser: Recogniser = {
  kind,
  recognise(input) {
    const facts: Fact[] = [];
    for (const m of matcher.match(input)) {
      const entry = MESSAGES[m.entry]!;
      const span = { start: m.start, end: m.end };
      if (activeCauses(entry).length > 0) facts.push({ kind, name: 'signal', value: messageSignalId(entry), span });
      else facts.push({ kind, name: 'placed', value: `message ${entry.id}`, span });
      for (const f of entry.facts ?? []) {
        if (f.name === 'code') {
          const n = codeNumber(f.value);
          if (n !== undefined) facts.push({ kind, name: 'code', value: n, span: { ...span } });
        } else facts.push({ kind, name: f.name, value: f.value, span: { ...span } });
      }
    }
    return facts;
  },
};
