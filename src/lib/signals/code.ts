/**
 * Signals of the `code` recogniser: none. A bare code is emitted as a `code` fact and weighed
 * through the curated code data (content/data/curated-codes.json, src/lib/codes/curated.ts),
 * so it needs no named pattern of its own.
 */
import type { SignalDef } from '../engine/types.ts';

export const signals: SignalDef[] = [];
