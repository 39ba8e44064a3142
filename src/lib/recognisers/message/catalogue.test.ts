import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import causes from '../../../../content/data/causes.json' with { type: 'json' };
import { MESSAGE_FILES, MESSAGES, activeCauses } from './catalogue.ts';
import { MESSAGE_PRODUCTS, entryProblems } from './entry.ts';
import type { MessageEntry } from './entry.ts';
import { createMatcher } from './matcher.ts';
import { foldText } from '../shared/fold.ts';

const DATA = fileURLToPath(new URL('../../../../content/data/messages/', import.meta.url));
const REFERENCE_IDS = fileURLToPath(new URL('./cause-ids.txt', import.meta.url));

/** Every cause id the catalogue may name: those with an article and those announced in cause-ids.txt. */
const ALL_CAUSES = new Set([
  ...(causes as { id: string }[]).map((c) => c.id),
  ...readFileSync(REFERENCE_IDS, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#')),
]);

describe('message catalogue data', () => {
  it('has one data file per product and no other', () => {
    const files = readdirSync(DATA).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
    expect(files).toEqual([...MESSAGE_PRODUCTS].sort());
    expect(Object.keys(MESSAGE_FILES).sort()).toEqual([...MESSAGE_PRODUCTS].sort());
  });

  it('holds at least 400 entries', () => {
    expect(MESSAGES.length).toBeGreaterThanOrEqual(400);
  });

  it('has only well-formed entries (source URL, known product and causes, weights in (0, 1])', () => {
    const problems: string[] = [];
    for (const [product, list] of Object.entries(MESSAGE_FILES)) {
      for (const raw of list) {
        for (const p of entryProblems(raw, ALL_CAUSES)) problems.push(`${(raw as { id?: string }).id ?? '?'}: ${p}`);
        if ((raw as MessageEntry).product !== product) problems.push(`${(raw as MessageEntry).id}: filed under ${product}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has unique ids and unique texts', () => {
    const ids = new Set<string>();
    const texts = new Map<string, string>();
    for (const e of MESSAGES) {
      expect(ids.has(e.id), e.id).toBe(false);
      ids.add(e.id);
      const t = foldText(e.text.replace(/\{[^}]*\}/g, '{}'));
      expect(texts.get(t), `${e.id} repeats ${texts.get(t)}`).toBeUndefined();
      texts.set(t, e.id);
    }
  });

  it('links each translation to an English entry of the same product, with the same causes and facts', () => {
    const byId = new Map(MESSAGES.map((e) => [e.id, e]));
    for (const e of MESSAGES.filter((x) => x.of !== undefined)) {
      const base = byId.get(e.of!);
      expect(base, `${e.id} -> ${e.of}`).toBeDefined();
      expect(base!.lang).toBeUndefined();
      expect(base!.product).toBe(e.product);
      expect(e.causes).toEqual(base!.causes);
      expect(e.facts ?? []).toEqual(base!.facts ?? []);
    }
  });

  it('covers the socket errors people paste in several languages', () => {
    const langs = new Set(MESSAGES.filter((e) => e.lang).map((e) => e.lang));
    for (const l of ['de', 'fr', 'es', 'ja', 'zh-CN']) expect(langs.has(l), l).toBe(true);
    const refused = MESSAGES.filter((e) => e.of === 'windows-socket.wsaeconnrefused').map((e) => e.lang);
    expect(refused.length).toBeGreaterThanOrEqual(3);
  });

  it('can find every entry on its own text', () => {
    const matcher = createMatcher(MESSAGES.map((e) => e.text));
    expect(matcher.unmatchable().map((i) => MESSAGES[i]!.id)).toEqual([]);
    const missed: string[] = [];
    MESSAGES.forEach((e, i) => {
      const sample = e.text.replace(/\{[^}]*\}/g, 'x1');
      if (!matcher.match(sample).some((m) => m.entry === i)) missed.push(e.id);
    });
    expect(missed).toEqual([]);
  });

  // Entries whose causes have no article yet keep their data; their signal is registered as soon
  // as one of their causes is added to content/data/causes.json. This list is printed, not hidden.
  it('lists the entries that are inactive until their causes get an article', () => {
    const inactive = MESSAGES.filter((e) => activeCauses(e).length === 0).map((e) => `${e.id} (${e.causes.map((c) => c.cause).join(', ')})`);
    const partly = MESSAGES.filter((e) => activeCauses(e).length > 0 && activeCauses(e).length < e.causes.length).length;
    console.info(`message catalogue: ${MESSAGES.length} entries, ${inactive.length} inactive, ${partly} with some causes not active yet${inactive.length ? `\n  ${inactive.join('\n  ')}` : ''}`);
    for (const e of MESSAGES) {
      const active = activeCauses(e).map((c) => c.cause);
      for (const c of e.causes) expect(active.includes(c.cause)).toBe((causes as { id: string }[]).some((x) => x.id === c.cause));
    }
  });
});
