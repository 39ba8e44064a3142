import { describe, expect, it } from 'vitest';
import causes from '../../../../content/data/causes.json' with { type: 'json' };
import { MESSAGES } from './catalogue.ts';
import { messagesForCause, textParts } from './by-cause.ts';
import { strongestCause } from './entry.ts';
import type { MessageEntry } from './entry.ts';

describe('messagesForCause', () => {
  it('cuts a text into literal parts and placeholder names', () => {
    expect(textParts("Could not find '{name}' at {path}.")).toEqual([
      { text: "Could not find '", placeholder: false },
      { text: 'name', placeholder: true },
      { text: "' at ", placeholder: false },
      { text: 'path', placeholder: true },
      { text: '.', placeholder: false },
    ]);
    expect(textParts('no placeholders')).toEqual([{ text: 'no placeholders', placeholder: false }]);
  });

  it('groups the messages whose strongest cause is the cause, by product', () => {
    const e = (id: string, product: MessageEntry['product'], causes: MessageEntry['causes']): MessageEntry => ({ id, product, versions: 'all', text: `text of ${id}`, causes, source: 'https://example.org/' });
    const list = [
      e('nginx.a', 'nginx', [{ cause: 'x', weight: 0.9 }, { cause: 'y', weight: 0.2 }]),
      e('ancm.b', 'ancm', [{ cause: 'x', weight: 0.5 }]),
      e('nginx.c', 'nginx', [{ cause: 'y', weight: 0.9 }, { cause: 'x', weight: 0.2 }]),
    ];
    const got = messagesForCause('x', list);
    expect(got.map((g) => [g.product, g.messages.map((m) => m.id)])).toEqual([
      ['ancm', ['ancm.b']],
      ['nginx', ['nginx.a']],
    ]);
    expect(messagesForCause('z', list)).toEqual([]);
  });

  it('places every catalogue entry on exactly one cause page once its cause has an article', () => {
    const ids = (causes as { id: string }[]).map((c) => c.id);
    const placed = ids.flatMap((id) => messagesForCause(id).flatMap((g) => g.messages.map((m) => m.id)));
    expect(new Set(placed).size).toBe(placed.length);
    const expected = MESSAGES.filter((m) => ids.includes(strongestCause(m))).map((m) => m.id).sort();
    expect([...placed].sort()).toEqual(expected);
  });
});
