/**
 * What to collect next when the evidence is thin: per component that answered (the `server`
 * fact), which log, where it lives and how to turn it on (content/data/collect-next.json).
 */
import data from '../../../content/data/collect-next.json' with { type: 'json' };
import { expandFacts } from '../facts/facts.ts';
import type { Diagnosis } from '../engine/types.ts';
import { isSpecific } from '../engine/priors.ts';

export interface CollectItem {
  what: string;
  where: string;
  how: string;
}

export interface CollectAdvice {
  /** The component as readers name it ("nginx", "IIS"). */
  label: string;
  /** Guide slug: /guides/<slug>/. */
  guide: string;
  items: CollectItem[];
}

const COLLECT = data.collect as Record<string, CollectAdvice>;

/** Every component the advice knows, including 'unknown'. */
export const COLLECT_KEYS: readonly string[] = Object.keys(COLLECT);

/**
 * The advice for the components the evidence named (server fact values, first known one wins;
 * App Service before IIS, a gateway before the app), or the general advice.
 */
export function collectNext(servers: readonly string[]): CollectAdvice {
  const order = ['azure-app-service', 'azure-front-door', 'azure-app-gateway', 'aws-alb', 'kubernetes', 'nginx', 'apache', 'yarp', 'iis', 'iis-express', 'kestrel'];
  const known = order.find((s) => servers.includes(s)) ?? servers.find((s) => s in COLLECT) ?? 'unknown';
  const advice = COLLECT[known] ?? COLLECT['unknown']!;
  return {
    label: advice.label,
    guide: advice.guide,
    items: advice.items.map((i) => ({ what: expandFacts(i.what), where: expandFacts(i.where), how: expandFacts(i.how) })),
  };
}

/**
 * What to collect next, when the evidence is thin: something was read, but nothing that carries
 * a cause's specifics (only a status, a component, an error page's title, or a sentence).
 */
export function thinEvidenceAdvice(d: Pick<Diagnosis, 'kinds' | 'facts'>): CollectAdvice | undefined {
  if (d.kinds.length === 0 || d.facts.some(isSpecific)) return undefined;
  return collectNext(d.facts.filter((f) => f.name === 'server').map((f) => String(f.value)));
}
