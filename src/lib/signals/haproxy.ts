/**
 * Signals of the haproxy recogniser: the termination state of a log line (first two characters:
 * who ended the session, in which phase; HAProxy configuration manual 8.5), the `<NOSRV>` server
 * on a 503, and the health-check messages. Client-side ends (CC, CR, CD, cR, cD) say the client
 * went away: no backend fault, but the client-aborted cause.
 */
import type { SignalDef } from '../engine/types.ts';

const kind = 'haproxy' as const;

export const signals: SignalDef[] = [
  {
    id: 'haproxy.client-aborted',
    kind,
    label: 'HAProxy C?/c?: the client aborted or timed out (before the request was complete, while connecting to the server, or during the transfer)',
    causes: { 'client-aborted': 0.6, 'proxy-upstream-timeout': 0.15 },
  },
  {
    id: 'haproxy.server-refused',
    kind,
    label: 'HAProxy SC: the server (or something in between) refused the TCP connection',
    causes: { 'proxy-upstream-refused': 1, 'pod-shutdown-race': 0.2 },
  },
  {
    id: 'haproxy.connect-timeout',
    kind,
    label: 'HAProxy sC: timeout connect struck before the connection to the server completed',
    causes: { 'proxy-upstream-refused': 0.6, 'proxy-upstream-timeout': 0.4 },
  },
  {
    id: 'haproxy.server-aborted-headers',
    kind,
    label: 'HAProxy SH: the server aborted before sending its full response headers (or crashed)',
    causes: { 'proxy-upstream-closed': 1, 'keepalive-race': 0.3, 'app-crash-runtime': 0.2 },
  },
  {
    id: 'haproxy.server-aborted-data',
    kind,
    label: 'HAProxy SD: the connection to the server died with an error during the data transfer',
    causes: { 'proxy-upstream-closed': 0.8, 'app-crash-runtime': 0.2 },
  },
  {
    id: 'haproxy.server-timeout-headers',
    kind,
    label: 'HAProxy sH: timeout server struck before the server returned its response headers',
    causes: { 'proxy-upstream-timeout': 1, 'thread-pool-starvation': 0.3 },
  },
  {
    id: 'haproxy.server-timeout-data',
    kind,
    label: 'HAProxy sD: the server sent no data for as long as timeout server, in the data phase',
    causes: { 'proxy-upstream-timeout': 0.7 },
  },
  {
    id: 'haproxy.queue-timeout',
    kind,
    label: 'HAProxy sQ: the request waited in the queue longer than timeout queue (servers saturated)',
    causes: { 'proxy-upstream-timeout': 0.5, 'thread-pool-starvation': 0.4 },
  },
  {
    id: 'haproxy.response-blocked',
    kind,
    label: "HAProxy PH: HAProxy blocked the server's response as invalid or incomplete (502)",
    causes: { 'proxy-protocol-mismatch': 0.5, 'proxy-header-too-big': 0.3 },
  },
  {
    id: 'haproxy.client-gave-up-waiting',
    kind,
    label: 'HAProxy CH: the client aborted while waiting for the server to start responding',
    causes: { 'proxy-upstream-timeout': 0.3 },
  },
  {
    id: 'haproxy.no-server',
    kind,
    label: 'HAProxy <NOSRV> 503: no server of the backend was available to take the request',
    causes: { 'backend-unhealthy': 1 },
  },
  {
    id: 'haproxy.check-refused',
    kind,
    label: 'HAProxy: Server … is DOWN, reason: Layer4 connection problem, info: "Connection refused"',
    causes: { 'backend-unhealthy': 0.7, 'proxy-upstream-refused': 0.6 },
  },
  {
    id: 'haproxy.check-failed',
    kind,
    label: 'HAProxy: Server … is DOWN (the health check timed out or got a wrong status)',
    causes: { 'backend-unhealthy': 0.9 },
  },
  {
    id: 'haproxy.check-tls-failed',
    kind,
    label: 'HAProxy: Server … is DOWN, reason: Layer6 invalid response / Layer6 timeout (the TLS handshake of the health check failed)',
    causes: { 'backend-tls-failure': 0.8, 'backend-unhealthy': 0.6, 'proxy-protocol-mismatch': 0.3 },
  },
  {
    id: 'haproxy.no-server-available',
    kind,
    label: 'HAProxy: backend … has no server available!',
    causes: { 'backend-unhealthy': 1 },
  },
];
