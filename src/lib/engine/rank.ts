/**
 * Ranking: turn facts into findings with a confidence per cause.
 *
 * Evidence comes in as contributions `{ cause, weight, key, facts, note }` from five sources:
 * signals (weights from SignalDef), codes (curated code -> causes), statuses (status -> causes),
 * contextual rules (rules.ts) and the decision tree (a leaf reached by evidence alone).
 *
 * Per cause, contributions with the same key (the same signal id, the same code, the same rule)
 * count once, at their highest weight, however often the fact repeats. Different keys are
 * treated as independent hints and combined with a noisy-or, 1 - prod(1 - w), so several hints
 * add up but the result never reaches past 1. Weights are clamped to MAX_WEIGHT so no single
 * hint claims certainty. Rules can also weaken a cause (confidence x (1 - factor)), and a
 * generic cause is damped when one of its narrower causes is strongly supported by hints the
 * generic cause does not share.
 *
 * Order: confidence (rounded to 3 places) descending, then more distinct hints, then the
 * catalogue order of causes.json — deterministic for the same input.
 */
import type { Evidence, Fact, Finding, Kind } from './types.ts';
import { articleFor, causeEntry } from './catalogue.ts';

export const MAX_WEIGHT = 0.99;
/** Findings below this confidence are dropped. */
export const MIN_CONFIDENCE = 0.05;
/** At most this many findings are returned. */
export const MAX_FINDINGS = 10;
/** Evidence items kept per finding. */
export const MAX_EVIDENCE = 8;
/** Characters of a fact's text copied into evidence (the span stays exact). */
export const MAX_EVIDENCE_TEXT = 2000;

export type ContributionSource = 'signal' | 'code' | 'status' | 'rule' | 'tree' | 'prior' | 'words';

export interface Contribution {
  cause: string;
  /** In (0, 1]; negative never. */
  weight: number;
  source: ContributionSource;
  /** Hints with the same key count once: "signal:nginx.upstream-refused", "code:12002". */
  key: string;
  /** The facts behind the hint (shown as evidence, first few only). */
  facts: readonly Fact[];
  /** How many facts carried this hint in all (for "seen N times"). */
  count?: number;
  note: string;
}

export interface Weakening {
  cause: string;
  /** Confidence is multiplied by (1 - factor). */
  factor: number;
  key: string;
  facts: readonly Fact[];
  note: string;
}

/**
 * Generic causes and the narrower causes that, when strongly supported, explain the same
 * symptom better. The generic cause's confidence is multiplied by GENERIC_DAMPING then.
 */
export const NARROWER: Readonly<Record<string, readonly string[]>> = {
  'process-start-failure': [
    'port-binding-failure',
    'framework-not-found',
    'process-path-not-found',
    'wrong-arguments',
    'access-denied',
    'bitness-mismatch',
    'stale-deployment-files',
    'azure-runtime-missing',
    'startup-time-limit',
    'app-dll-not-found',
    'runtimeconfig-invalid',
    'incomplete-publish',
    'virtual-directory-not-application',
  ],
  'inprocess-start-failure': [
    'user-profile-not-loaded',
    'framework-not-found',
    'bitness-mismatch',
    'access-denied',
    'stale-deployment-files',
    'startup-time-limit',
    'azure-runtime-missing',
    'process-path-not-found',
    'wrong-arguments',
    'runtimeconfig-invalid',
    'incomplete-publish',
  ],
  'backend-connection-reset': ['app-crash-runtime', 'app-pool-recycle'],
  'backend-connection-refused': ['port-binding-failure', 'app-crash-runtime'],
  'proxy-upstream-closed': ['keepalive-race', 'proxy-protocol-mismatch', 'pod-shutdown-race'],
  'proxy-upstream-refused': ['kestrel-bind-denied', 'pod-shutdown-race'],
  'yarp-forwarder-error': [
    'proxy-upstream-refused',
    'proxy-upstream-closed',
    'proxy-upstream-timeout',
    'backend-unhealthy',
    'proxy-protocol-mismatch',
  ],
  'framework-not-found': ['azure-runtime-missing'],
  // The 500.0 / 500.33 handler load failure is the symptom; these say why the handler was not found.
  'inprocess-handler-load-failure': ['azure-runtime-missing', 'framework-not-found', 'bitness-mismatch'],
  'hosting-bundle-missing': ['module-missing-after-os-upgrade', 'vc-redist-missing', 'iis-features-missing'],
  'web-config-invalid': ['subapp-inherits-handlers', 'hosting-bundle-missing'],
  'app-pool-stopped': ['vc-redist-missing', 'module-missing-after-os-upgrade'],
  'access-denied': ['stdout-log-unwritable', 'user-profile-not-loaded'],
  'process-path-not-found': ['stdout-log-unwritable'],
};
export const GENERIC_DAMPING = 0.7;
const NARROWER_THRESHOLD = 0.5;

function clampWeight(w: number): number {
  if (!Number.isFinite(w) || w <= 0) return 0;
  return Math.min(w, MAX_WEIGHT);
}

/** Noisy-or of independent hint weights. */
export function noisyOr(weights: readonly number[]): number {
  let miss = 1;
  for (const w of weights) miss *= 1 - clampWeight(w);
  return 1 - miss;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

interface CauseAcc {
  best: Map<string, Contribution>;
  weakenings: Map<string, Weakening>;
}

/** The evidence text of a fact: the raw slice of the input (capped; the span stays exact). */
export function evidenceText(input: string, f: Fact): string {
  const end = Math.min(f.span.end, f.span.start + MAX_EVIDENCE_TEXT);
  return input.slice(f.span.start, end);
}

function buildEvidence(input: string, items: { facts: readonly Fact[]; note: string; weight: number }[]): Evidence[] {
  // One evidence entry per distinct span; notes of several hints on the same span are joined.
  const bySpan = new Map<string, Evidence & { weight: number }>();
  const sorted = [...items].sort((a, b) => b.weight - a.weight);
  for (const item of sorted) {
    for (const f of item.facts) {
      const k = `${f.span.start}:${f.span.end}`;
      const seen = bySpan.get(k);
      if (seen) {
        if (!seen.note.includes(item.note)) seen.note = `${seen.note}; ${item.note}`;
        continue;
      }
      if (bySpan.size >= MAX_EVIDENCE) continue;
      bySpan.set(k, {
        text: evidenceText(input, f),
        span: { start: f.span.start, end: f.span.end },
        kind: f.kind as Kind,
        note: item.note,
        weight: round3(item.weight),
      });
    }
  }
  return [...bySpan.values()];
}

export interface RankInput {
  input: string;
  contributions: readonly Contribution[];
  weakenings?: readonly Weakening[];
  /** Concrete next steps per cause (context-aware), from next-steps.ts. */
  nextSteps: (cause: string) => string[];
}

/** Combine contributions into ranked findings. Pure; ignores unknown cause ids. */
export function rankFindings({ input, contributions, weakenings = [], nextSteps }: RankInput): Finding[] {
  const acc = new Map<string, CauseAcc>();
  const get = (cause: string): CauseAcc | undefined => {
    if (!causeEntry(cause)) return undefined;
    let a = acc.get(cause);
    if (!a) acc.set(cause, (a = { best: new Map(), weakenings: new Map() }));
    return a;
  };
  for (const c of contributions) {
    const w = clampWeight(c.weight);
    if (w === 0) continue;
    const a = get(c.cause);
    if (!a) continue;
    const prev = a.best.get(c.key);
    if (!prev || prev.weight < w) a.best.set(c.key, { ...c, weight: w });
  }
  for (const wk of weakenings) {
    const a = acc.get(wk.cause);
    if (!a) continue;
    const prev = a.weakenings.get(wk.key);
    if (!prev || prev.factor < wk.factor) a.weakenings.set(wk.key, wk);
  }

  const scored: { cause: string; confidence: number; acc: CauseAcc; extra: { facts: readonly Fact[]; note: string; weight: number }[] }[] = [];
  for (const [cause, a] of acc) {
    if (a.best.size === 0) continue;
    let confidence = noisyOr([...a.best.values()].map((c) => c.weight));
    const extra: { facts: readonly Fact[]; note: string; weight: number }[] = [];
    for (const wk of a.weakenings.values()) {
      const f = Math.min(Math.max(wk.factor, 0), 0.95);
      confidence *= 1 - f;
      extra.push({ facts: wk.facts, note: `${wk.note} (lowers this cause)`, weight: 0 });
    }
    scored.push({ cause, confidence, acc: a, extra });
  }

  // Damp a generic cause when a narrower one is strongly supported by hints of its own: hints
  // the generic cause does not share (a signal that points at both is no reason to prefer one).
  const byCause = new Map(scored.map((s) => [s.cause, s]));
  const damped = new Set<string>();
  for (const s of scored) {
    const narrower = NARROWER[s.cause];
    if (!narrower) continue;
    const own = new Set(s.acc.best.keys());
    const strong = narrower.some((n) => {
      const other = byCause.get(n);
      if (!other) return false;
      const distinct = [...other.acc.best.values()].filter((c) => !own.has(c.key)).map((c) => c.weight);
      return noisyOr(distinct) >= NARROWER_THRESHOLD;
    });
    if (strong) damped.add(s.cause);
  }
  for (const s of scored) if (damped.has(s.cause)) s.confidence *= GENERIC_DAMPING;

  const findings: (Finding & { hints: number; order: number })[] = [];
  for (const s of scored) {
    const confidence = round3(s.confidence);
    if (confidence < MIN_CONFIDENCE) continue;
    const entry = causeEntry(s.cause);
    if (!entry) continue;
    const items = [...s.acc.best.values()].map((c) => ({
      facts: c.facts,
      weight: c.weight,
      note: c.count && c.count > 1 ? `${c.note} (seen ${c.count} times)` : c.note,
    }));
    findings.push({
      cause: s.cause,
      title: entry.title,
      confidence,
      evidence: buildEvidence(input, [...items, ...s.extra]),
      article: articleFor(s.cause),
      nextSteps: nextSteps(s.cause),
      hints: s.acc.best.size,
      order: entry.order,
    });
  }
  findings.sort((a, b) => b.confidence - a.confidence || b.hints - a.hints || a.order - b.order);
  return findings.slice(0, MAX_FINDINGS).map(({ hints: _h, order: _o, ...f }) => f);
}
