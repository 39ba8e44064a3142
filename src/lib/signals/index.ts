/**
 * The signal registry: every signal a recogniser can emit, with the causes it points to.
 * One file per kind (src/lib/signals/<kind>.ts); this module gathers them in KINDS order.
 */
import type { SignalDef } from '../engine/types.ts';
import { KINDS } from '../engine/types.ts';
import { signals as iisLog } from './iis-log.ts';
import { signals as freb } from './freb.ts';
import { signals as eventLog } from './event-log.ts';
import { signals as errorPage } from './error-page.ts';
import { signals as stdoutLog } from './stdout-log.ts';
import { signals as ancmDebugLog } from './ancm-debug-log.ts';
import { signals as webConfig } from './web-config.ts';
import { signals as nginx } from './nginx.ts';
import { signals as apache } from './apache.ts';
import { signals as yarp } from './yarp.ts';
import { signals as cloudLb } from './cloud-lb.ts';
import { signals as traefik } from './traefik.ts';
import { signals as haproxy } from './haproxy.ts';
import { signals as caddy } from './caddy.ts';
import { signals as dotnetSettings } from './dotnet-settings.ts';
import { signals as message } from './message.ts';
import { signals as code } from './code.ts';
import { signals as status } from './status.ts';
import { signals as prose } from './prose.ts';

const GROUPS: readonly (readonly SignalDef[])[] = [iisLog, freb, eventLog, errorPage, stdoutLog, ancmDebugLog, webConfig, nginx, apache, yarp, cloudLb, traefik, haproxy, caddy, dotnetSettings, message, code, status, prose];

/** All registered signals, grouped by kind in KINDS order. */
export const SIGNALS: readonly SignalDef[] = GROUPS.flat().sort(
  (a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind),
);

const BY_ID: ReadonlyMap<string, SignalDef> = new Map(SIGNALS.map((s) => [s.id, s]));

/** The signal with this id, or undefined. */
export function signalById(id: string): SignalDef | undefined {
  return BY_ID.get(id);
}

/** Every registered signal id. */
export const SIGNAL_IDS: ReadonlySet<string> = new Set(BY_ID.keys());
