/**
 * The cause catalogue as the engine sees it: ids, titles and article URLs, read from
 * content/data/causes.json (the only valid cause ids).
 */
import causes from '../../../content/data/causes.json' with { type: 'json' };

export interface CauseEntry {
  id: string;
  group: string;
  title: string;
  /** Position in the catalogue; the last tie-break of the ranking. */
  order: number;
}

export const CAUSE_LIST: readonly CauseEntry[] = (causes as { id: string; group: string; title: string }[]).map(
  (c, order) => ({ id: c.id, group: c.group, title: c.title, order }),
);

const BY_ID = new Map(CAUSE_LIST.map((c) => [c.id, c]));

export function isCauseId(id: unknown): id is string {
  return typeof id === 'string' && BY_ID.has(id);
}

export function causeEntry(id: string): CauseEntry | undefined {
  return BY_ID.get(id);
}

/** The article path of a cause: "/causes/<id>/". */
export function articleFor(id: string): string {
  return `/causes/${id}/`;
}
