/**
 * Every recogniser, in KINDS order (src/lib/engine/types.ts). diagnose() runs them all.
 * A kind whose recogniser has not been written yet is simply absent from the list.
 */
import type { Recogniser } from '../engine/types.ts';
import { KINDS } from '../engine/types.ts';
import { recogniser as iisLog } from './iis-log.ts';
import { recogniser as freb } from './freb.ts';
import { recogniser as eventLog } from './event-log.ts';
import { recogniser as errorPage } from './error-page.ts';
import { recogniser as stdoutLog } from './stdout-log.ts';
import { recogniser as ancmDebugLog } from './ancm-debug-log.ts';
import { recogniser as webConfig } from './web-config.ts';
import { recogniser as nginx } from './nginx.ts';
import { recogniser as apache } from './apache.ts';
import { recogniser as yarp } from './yarp.ts';
import { recogniser as cloudLb } from './cloud-lb.ts';
import { recogniser as code } from './code.ts';
import { recogniser as status } from './status.ts';
import { recogniser as prose } from './prose/recogniser.ts';

const ALL: Recogniser[] = [iisLog, freb, eventLog, errorPage, stdoutLog, ancmDebugLog, webConfig, nginx, apache, yarp, cloudLb, code, status, prose];

/** The recognisers, sorted by their kind's position in KINDS. */
export const RECOGNISERS: readonly Recogniser[] = [...ALL].sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
