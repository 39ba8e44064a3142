/**
 * Every recogniser, in KINDS order (src/lib/engine/types.ts). diagnose() runs them all.
 * A kind whose recogniser has not been written yet is simply absent from the list.
 */
import type { Recogniser } from '../engine/types.ts';
import { KINDS } from '../engine/types.ts';
import { recogniser as iisLog } from './iis-log.ts';
import { recogniser as freb } from './freb.ts';
import { recogniser as nginx } from './nginx.ts';
import { recogniser as apache } from './apache.ts';
import { recogniser as yarp } from './yarp.ts';

const ALL: Recogniser[] = [iisLog, freb, nginx, apache, yarp];

/** The recognisers, sorted by their kind's position in KINDS. */
export const RECOGNISERS: readonly Recogniser[] = [...ALL].sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
