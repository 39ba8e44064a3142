/**
 * Signals of the `status` recogniser: none. A bare status is emitted as a `status` fact and
 * weighed through the status table (content/data/statuses.json, src/lib/codes/status-causes.ts),
 * so it needs no named pattern of its own.
 */
import type { SignalDef } from '../engine/types.ts';

export const signals: SignalDef[] = [];
