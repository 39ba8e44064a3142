/**
 * Every recogniser, in KINDS order (src/lib/engine/types.ts). diagnose() runs them all.
 * A kind whose recogniser has not been written yet is simply absent from the list.
 */
import type { Recogniser } from '../engine/types.ts';
import { KINDS } from '../engine/types.ts';
import { recogniser as iisLog } from './iis-log/recogniser.ts';
import { recogniser as freb } from './freb/recogniser.ts';
import { recogniser as eventLog } from './event-log/recogniser.ts';
import { recogniser as errorPage } from './error-page/recogniser.ts';
import { recogniser as stdoutLog } from './stdout-log/recogniser.ts';
import { recogniser as ancmDebugLog } from './ancm-debug-log/recogniser.ts';
import { recogniser as webConfig } from './web-config/recogniser.ts';
import { recogniser as nginx } from './nginx/recogniser.ts';
import { recogniser as apache } from './apache/recogniser.ts';
import { recogniser as yarp } from './yarp/recogniser.ts';
import { recogniser as cloudLb } from './cloud-lb/recogniser.ts';
import { recogniser as traefik } from './traefik/recogniser.ts';
import { recogniser as haproxy } from './haproxy/recogniser.ts';
import { recogniser as caddy } from './caddy/recogniser.ts';
import { recogniser as dotnetSettings } from './dotnet-settings/recogniser.ts';
import { recogniser as message } from './message/recogniser.ts';
import { recogniser as code } from './code/recogniser.ts';
import { recogniser as status } from './status/recogniser.ts';
import { recogniser as prose } from './prose/recogniser.ts';

const ALL: Recogniser[] = [iisLog, freb, eventLog, errorPage, stdoutLog, ancmDebugLog, webConfig, nginx, apache, yarp, cloudLb, traefik, haproxy, caddy, dotnetSettings, message, code, status, prose];

/** The recognisers, sorted by their kind's position in KINDS. */
export const RECOGNISERS: readonly Recogniser[] = [...ALL].sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
