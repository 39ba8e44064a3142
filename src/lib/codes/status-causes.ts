/**
 * What an HTTP status or sub-status points to: content/data/statuses.json, typed. The engine
 * ranks with `causes` (weights 0..1); pages and evidence notes use `meaning`.
 *
 * Lookup falls back from a sub-status the table does not list to its plain status
 * ("502.4" -> "502"), never the other way round.
 */
import data from '../../../content/data/statuses.json' with { type: 'json' };
import { expandFacts } from '../facts/facts.ts';
import { formatStatus, parseStatus } from './forms.ts';

export interface StatusInfo {
  /** "502.3" */
  status: string;
  title: string;
  /** One line: what the status means in this context. */
  meaning: string;
  /** Cause id -> weight in (0, 1]. */
  causes: Readonly<Record<string, number>>;
}

interface RawStatus {
  title: string;
  meaning: string;
  causes: Record<string, number>;
}

export const STATUSES: readonly StatusInfo[] = Object.entries(data.statuses as Record<string, RawStatus>).map(
  ([status, s]) => ({ status, title: s.title, meaning: expandFacts(s.meaning), causes: s.causes }),
);

const BY_STATUS: ReadonlyMap<string, StatusInfo> = new Map(STATUSES.map((s) => [s.status, s]));

/**
 * The table entry for a status written as text ("502.3", " 503 "), or for its plain status
 * when the sub-status is not listed. Undefined for anything that is not a 4xx/5xx status.
 */
export function statusInfo(status: string): StatusInfo | undefined {
  const p = parseStatus(typeof status === 'string' ? status : '');
  if (!p) return undefined;
  return BY_STATUS.get(formatStatus(p)) ?? BY_STATUS.get(String(p.status));
}

/** The engine's view (Knowledge.statusCauses): causes plus a note for the evidence. */
export function statusCauses(status: string): { causes: Readonly<Record<string, number>>; note: string } | undefined {
  const info = statusInfo(status);
  if (!info) return undefined;
  const p = parseStatus(status);
  const written = p ? formatStatus(p) : info.status;
  const note = written === info.status ? `${info.title}: ${info.meaning}` : `HTTP ${written} (read as ${info.status}): ${info.meaning}`;
  return { causes: info.causes, note };
}
