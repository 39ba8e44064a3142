/**
 * Timeouts that leave a mark in time-taken: a pile of failures at one duration usually means a
 * component gave up at its limit. Each marker has a window (time-taken in IIS includes sending
 * the response, so the window reaches a little past the limit) and the cause it points to.
 */

export interface TimeoutMarker {
  /** The limit, in seconds. */
  seconds: number;
  /** Window of time-taken (ms) read as "at this limit": [from, to). */
  from: number;
  to: number;
  /** Who uses this limit by default. */
  label: string;
  /** The cause a pile-up at this limit points to. */
  cause: string;
}

export const TIMEOUT_MARKERS: readonly TimeoutMarker[] = [
  {
    seconds: 60,
    from: 57_000,
    to: 66_000,
    label: 'default timeout of nginx (proxy_read_timeout), AWS ALB (idle timeout) and Apache (Timeout)',
    cause: 'proxy-upstream-timeout',
  },
  {
    seconds: 120,
    from: 117_000,
    to: 126_000,
    label: 'default requestTimeout of the ASP.NET Core Module (2 minutes)',
    cause: 'request-timeout',
  },
  {
    seconds: 230,
    from: 225_000,
    to: 240_000,
    label: 'Azure App Service front-end limit (about 230 s)',
    cause: 'azure-frontend-timeout',
  },
];

/** Index of the marker whose window holds `ms`, or -1. */
export function markerIndex(ms: number): number {
  if (!(ms >= 57_000)) return -1;
  for (let i = 0; i < TIMEOUT_MARKERS.length; i++) {
    const m = TIMEOUT_MARKERS[i] as TimeoutMarker;
    if (ms >= m.from && ms < m.to) return i;
  }
  return -1;
}
