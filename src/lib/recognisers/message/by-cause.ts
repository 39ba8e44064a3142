/**
 * The catalogue as the cause pages show it: the messages whose strongest cause is a given cause,
 * grouped by product, with each text cut into literal parts and placeholder names so a page can
 * print `{name}` readably. Pure; used at build time.
 */
import { MESSAGES } from './catalogue.ts';
import { MESSAGE_PRODUCTS, MESSAGE_PRODUCT_LABELS, strongestCause } from './entry.ts';
import type { MessageEntry, MessageProduct } from './entry.ts';

export interface TextPart {
  text: string;
  /** A placeholder (the text is its name). */
  placeholder: boolean;
}

export interface CauseMessage {
  id: string;
  parts: TextPart[];
  versions: string;
  lang?: string;
  source: string;
}

export interface ProductMessages {
  product: MessageProduct;
  label: string;
  messages: CauseMessage[];
}

/** "Could not find '{name}'." -> literal and placeholder parts (empty literals dropped). */
export function textParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  const re = /\{([A-Za-z0-9_-]+)\}/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index), placeholder: false });
    parts.push({ text: m[1]!, placeholder: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), placeholder: false });
  return parts;
}

/** Messages whose strongest cause is `cause`, by product in catalogue order; products without any are left out. */
export function messagesForCause(cause: string, messages: readonly MessageEntry[] = MESSAGES): ProductMessages[] {
  const out: ProductMessages[] = [];
  for (const product of MESSAGE_PRODUCTS) {
    const list = messages
      .filter((e) => e.product === product && strongestCause(e) === cause)
      .map((e) => ({ id: e.id, parts: textParts(e.text), versions: e.versions, source: e.source, ...(e.lang ? { lang: e.lang } : {}) }));
    if (list.length > 0) out.push({ product, label: MESSAGE_PRODUCT_LABELS[product], messages: list });
  }
  return out;
}
