/**
 * Diagnosis per failure cluster: which causes a group of failures with one status, sub-status
 * and sc-win32-status (and, when they pile up there, one timeout) points to. The causes come
 * from the engine's data: the curated error codes (codes/curated.ts) for the Win32 code, the
 * status table (codes/status-causes.ts) when the code says nothing; a pile-up at a known
 * timeout (timeouts.ts) moves that timeout's cause to the front when the codes agree.
 */
import { curatedFor } from '../codes/curated.ts';
import { statusInfo } from '../codes/status-causes.ts';
import { isCauseId } from '../engine/catalogue.ts';
import { indexLines } from '../engine/lines.ts';
import { recogniser as iisLog } from '../recognisers/iis-log/recogniser.ts';
import { signals as iisLogSignals } from '../signals/iis-log.ts';
import { reasonSpelling } from './httperr-reasons.ts';
import { TIMEOUT_MARKERS } from './timeouts.ts';

/** Win32 codes of a connection the client side (browser, proxy, front end) dropped. */
export const CLIENT_GONE_WIN32: ReadonlySet<number> = new Set([64, 1229, 1236, 10053, 10054]);
/** ERROR_WINHTTP_TIMEOUT: ANCM's own requestTimeout fired. */
const WINHTTP_TIMEOUT = 12002;
/** At most this many causes per cluster. */
export const MAX_CAUSES = 3;

/** Status text as the engine writes it: "502.3", or "503" when the sub-status is 0. */
export function statusText(status: number, sub: number): string {
  return sub === 0 ? String(status) : `${status}.${sub}`;
}

function statusCausesOf(status: number, sub: number): string[] {
  const info = statusInfo(statusText(status, sub));
  if (!info) return [];
  return Object.entries(info.causes)
    .sort((a, b) => b[1] - a[1])
    .map(([id]) => id);
}

/**
 * Causes for failures with this status, sub-status and win32 code, near the timeout marker
 * `near` (seconds, or null), best first.
 */
export function clusterCauses(status: number, sub: number, win32: number, near: number | null): string[] {
  const gone = CLIENT_GONE_WIN32.has(win32);
  const code = win32 !== 0 && (status === 502 || !gone) ? curatedFor(win32) : undefined;
  let causes = code ? [...code.causes] : statusCausesOf(status, sub);
  const marker = near === null ? undefined : TIMEOUT_MARKERS.find((m) => m.seconds === near);
  if (marker && causes[0] !== marker.cause) {
    const front =
      marker.cause === 'azure-frontend-timeout'
        ? // Nothing in the app's path waits 230 s by default: the front end cut it, whatever
          // the worker logged (ERROR_WINHTTP_TIMEOUT too, when requestTimeout was raised).
          true
        : marker.cause === 'request-timeout'
          ? // Only ERROR_WINHTTP_TIMEOUT says ANCM gave up, and it is first already.
            false
          : // 60 s: a proxy or load balancer in front, unless ANCM's own timeout fired.
            win32 !== WINHTTP_TIMEOUT && (gone || win32 === 0 || status === 504);
    if (front) causes = [marker.cause, ...causes.filter((c) => c !== marker.cause)];
  }
  return causes.filter(isCauseId).slice(0, MAX_CAUSES);
}

/** Name of a curated code (ERROR_WINHTTP_TIMEOUT), if the engine's data knows it. */
export function curatedName(win32: number): string | undefined {
  return win32 === 0 ? undefined : curatedFor(win32)?.name;
}

/** One sentence describing a cluster, for the report and the CLI. */
export function clusterNote(status: number, sub: number, win32: number, near: number | null, count: number): string {
  const name = curatedName(win32);
  const code = win32 === 0 ? '' : ` with sc-win32-status ${win32}${name ? ` (${name})` : ''}`;
  const requests = `${count} ${count === 1 ? 'request' : 'requests'}`;
  const what =
    status >= 500
      ? `${requests} answered ${statusText(status, sub)}${code}`
      : `${requests} logged as ${statusText(status, sub)}${code}, a connection dropped on the client side`;
  const marker = near === null ? undefined : TIMEOUT_MARKERS.find((m) => m.seconds === near);
  if (!marker) return `${what}.`;
  // 500.37 and 502.5 after 120 s: the app did not start within startupTimeLimit (also 120 s).
  const startup = marker.seconds === 120 && ((status === 500 && sub === 37) || (status === 502 && sub === 5));
  return `${what}, after about ${marker.seconds} s: the ${startup ? 'default startupTimeLimit of the ASP.NET Core Module (120 s)' : marker.label}.`;
}

/**
 * Causes for HTTP.sys error-log lines with this status (-1 for a dash) and s-reason: what the
 * iis-log recogniser and its signals say about such a line, else what the status says.
 */
export function reasonCauses(status: number, reason: string): string[] {
  const spelled = reasonSpelling(reason);
  const causes = new Map<string, number>();
  if (/^[A-Za-z0-9_/]{1,48}$/.test(spelled)) {
    const line = `2000-01-01 00:00:00 192.0.2.1 1024 192.0.2.2 80 HTTP/1.1 GET / - ${status < 0 ? '-' : status} 1 ${spelled} pool`;
    for (const f of iisLog.recognise(line, indexLines(line))) {
      if (f.name !== 'signal') continue;
      const def = iisLogSignals.find((d) => d.id === f.value);
      for (const [id, w] of Object.entries(def?.causes ?? {})) causes.set(id, Math.max(causes.get(id) ?? 0, w));
    }
  }
  const ranked = [...causes].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  const list = ranked.length > 0 ? ranked : status >= 500 ? statusCausesOf(status, 0) : [];
  return list.filter(isCauseId).slice(0, MAX_CAUSES);
}

/** One sentence for an HTTP.sys reason cluster. */
export function reasonNote(status: number, reason: string, count: number): string {
  const requests = `${count} ${count === 1 ? 'request' : 'requests'}`;
  const what = status < 0 ? `${requests} dropped by HTTP.sys` : `${requests} answered ${status} by HTTP.sys`;
  return `${what} with the reason ${reasonSpelling(reason)} (HTTP.sys error log).`;
}
