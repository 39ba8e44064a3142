/**
 * Signals of the message catalogue (content/data/messages/*.json): one per entry, id
 * `message.<entry-id>`, causes and weights from the entry. Causes without an article yet are left
 * out; an entry left with none is not registered (its recogniser places the text instead).
 */
import type { SignalDef } from '../engine/types.ts';
import { MESSAGES, activeCauses, messageSignalId } from '../recognisers/message/catalogue.ts';
import { MESSAGE_PRODUCT_LABELS } from '../recognisers/message/entry.ts';

const kind = 'message' as const;
/** A signal's label, product and quoted message together, is at most this long. */
const MAX_LABEL = 200;

function label(text: string, product: string, lang: string | undefined): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const head = `${product}${lang ? ` (${lang})` : ''}: “`;
  // The message gets what the product's name leaves; a cut message ends with an ellipsis.
  const room = MAX_LABEL - head.length - 1;
  const cut = flat.length > room ? `${flat.slice(0, room - 1)}…` : flat;
  return `${head}${cut}”`;
}

export const signals: SignalDef[] = MESSAGES.flatMap((e) => {
  const active = activeCauses(e);
  if (active.length === 0) return [];
  return [
    {
      id: messageSignalId(e),
      kind,
      label: label(e.text, MESSAGE_PRODUCT_LABELS[e.product], e.lang),
      causes: Object.fromEntries(active.map((c) => [c.cause, c.weight])),
    },
  ];
});
