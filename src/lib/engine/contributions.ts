/**
 * Turn indexed facts into ranking contributions (see rank.ts): one function per evidence
 * source. Each keeps the first few facts as evidence and counts the rest.
 */
import type { Fact, SignalDef } from './types.ts';
import type { FactIndex } from './fact-index.ts';
import { matchTest } from './fact-test.ts';
import type { Contribution, Weakening } from './rank.ts';
import type { ContextRule } from './rules.ts';
import { codeKey, formatMs, hex8, parseStatus } from './values.ts';

const EVIDENCE_FACTS = 3;

/** What the ranking needs to know about signals, codes and statuses. */
export interface Knowledge {
  signal(id: string): SignalDef | undefined;
  /** Causes a code points to (unsigned 32-bit value in), with a note on what the code means. */
  codeCauses(unsigned: number): { causes: Readonly<Record<string, number>>; note: string } | undefined;
  /** Causes an HTTP status ("502.3", "503") points to, with a note. */
  statusCauses(status: string): { causes: Readonly<Record<string, number>>; note: string } | undefined;
}

function groupBy(facts: readonly Fact[], key: (f: Fact) => string | undefined): Map<string, Fact[]> {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    const k = key(f);
    if (k === undefined) continue;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(f);
  }
  return groups;
}

export function signalContributions(index: FactIndex, knowledge: Knowledge): Contribution[] {
  const out: Contribution[] = [];
  const groups = groupBy(index.byName.get('signal') ?? [], (f) => (typeof f.value === 'string' ? f.value : undefined));
  for (const [id, facts] of groups) {
    const def = knowledge.signal(id);
    if (!def) continue;
    for (const [cause, weight] of Object.entries(def.causes)) {
      out.push({
        cause,
        weight,
        source: 'signal',
        key: `signal:${id}`,
        facts: facts.slice(0, EVIDENCE_FACTS),
        count: facts.length,
        note: def.label,
      });
    }
  }
  return out;
}

export function codeContributions(index: FactIndex, knowledge: Knowledge): Contribution[] {
  const out: Contribution[] = [];
  const groups = groupBy(index.byName.get('code') ?? [], (f) => {
    const k = codeKey(f.value);
    return k === undefined ? undefined : String(k);
  });
  for (const [key, facts] of groups) {
    const first = facts[0] as Fact;
    const unsigned = typeof first.value === 'number' ? first.value >>> 0 : Number(key);
    const info = knowledge.codeCauses(unsigned) ?? (unsigned !== Number(key) ? knowledge.codeCauses(Number(key)) : undefined);
    if (!info) continue;
    for (const [cause, weight] of Object.entries(info.causes)) {
      out.push({
        cause,
        weight,
        source: 'code',
        key: `code:${key}`,
        facts: facts.slice(0, EVIDENCE_FACTS),
        count: facts.length,
        note: info.note,
      });
    }
  }
  return out;
}

export function statusContributions(index: FactIndex, knowledge: Knowledge): Contribution[] {
  const out: Contribution[] = [];
  const groups = groupBy(index.byName.get('status') ?? [], (f) => {
    const s = parseStatus(f.value);
    return s ? (s.sub === undefined ? String(s.status) : `${s.status}.${s.sub}`) : undefined;
  });
  for (const [status, facts] of groups) {
    let info = knowledge.statusCauses(status);
    // "502.3" unknown to the table: fall back to the bare status, at half weight.
    let scale = 1;
    if (!info && status.includes('.')) {
      info = knowledge.statusCauses(status.slice(0, status.indexOf('.')));
      scale = 0.5;
    }
    if (!info) continue;
    for (const [cause, weight] of Object.entries(info.causes)) {
      out.push({
        cause,
        weight: weight * scale,
        source: 'status',
        key: `status:${status}`,
        facts: facts.slice(0, EVIDENCE_FACTS),
        count: facts.length,
        note: info.note,
      });
    }
  }
  return out;
}

/** Note for a fact matched by a rule when the rule's own note is not about it (durations). */
function describeTiming(facts: readonly Fact[]): string {
  const t = facts.find((f) => f.name === 'time-taken-ms' && typeof f.value === 'number');
  if (t) return ` time-taken here: ${formatMs(t.value as number)}.`;
  const s = facts.find((f) => f.name === 'stated-duration-ms' && typeof f.value === 'number');
  return s ? ` Duration stated here: ${formatMs(s.value as number)}.` : '';
}

export function ruleContributions(
  index: FactIndex,
  rules: readonly ContextRule[],
): { contributions: Contribution[]; weakenings: Weakening[] } {
  const contributions: Contribution[] = [];
  const weakenings: Weakening[] = [];
  for (const rule of rules) {
    const facts = matchTest(rule.when, index);
    if (facts === null) continue;
    const note = rule.note + describeTiming(facts);
    for (const [cause, weight] of Object.entries(rule.supports ?? {})) {
      contributions.push({ cause, weight, source: 'rule', key: `rule:${rule.id}`, facts, note });
    }
    for (const [cause, factor] of Object.entries(rule.weakens ?? {})) {
      weakenings.push({ cause, factor, key: `rule:${rule.id}`, facts, note });
    }
  }
  return { contributions, weakenings };
}

/** A note for a code value in words, for notes that have no better text. */
export function codeLabel(unsigned: number, names: readonly string[]): string {
  const hex = hex8(unsigned);
  return names.length > 0 ? `${hex} (${names.join(', ')})` : hex;
}
