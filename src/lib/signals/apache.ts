/**
 * Signals of the apache recogniser (httpd mod_proxy, mod_proxy_http, mod_proxy_balancer,
 * mod_ssl as a proxy client). Apache answers 503 when it cannot connect to the backend and
 * 502 when the backend connected but did not answer in time or in shape.
 */
import type { SignalDef } from '../engine/types.ts';

const kind = 'apache' as const;

export const signals: SignalDef[] = [
  {
    id: 'apache.connect-refused',
    kind,
    label: 'Apache: (111)Connection refused: AH00957: attempt to connect to … failed',
    causes: { 'proxy-upstream-refused': 1, 'pod-shutdown-race': 0.2, 'kestrel-bind-denied': 0.1 },
  },
  {
    id: 'apache.connect-no-route',
    kind,
    label: 'Apache: (113)No route to host: attempt to connect to … failed',
    causes: { 'proxy-upstream-refused': 0.6, 'pod-shutdown-race': 0.4 },
  },
  {
    id: 'apache.connect-timeout',
    kind,
    label: 'Apache: the connection attempt to the backend timed out',
    causes: { 'proxy-upstream-refused': 0.6, 'proxy-upstream-timeout': 0.4 },
  },
  {
    id: 'apache.connect-permission-denied',
    kind,
    label: 'Apache: (13)Permission denied: attempt to connect to … failed',
    causes: { 'proxy-permission-denied': 1 },
  },
  {
    id: 'apache.unix-socket-missing',
    kind,
    label: 'Apache: (2)No such file or directory: AH02454: attempt to connect to Unix domain socket … failed',
    causes: { 'proxy-upstream-refused': 0.9 },
  },
  {
    id: 'apache.connect-failed',
    kind,
    label: 'Apache: attempt to connect to the backend failed',
    causes: { 'proxy-upstream-refused': 0.7 },
  },
  {
    id: 'apache.backend-connection-failed',
    kind,
    label: 'Apache: AH01114: HTTP: failed to make connection to backend (503)',
    causes: { 'proxy-upstream-refused': 0.8 },
  },
  {
    id: 'apache.worker-disabled',
    kind,
    label: 'Apache: AH00959: ap_proxy_connect_backend disabling worker',
    causes: { 'proxy-upstream-refused': 0.5, 'backend-unhealthy': 0.3 },
  },
  {
    id: 'apache.worker-in-retry',
    kind,
    label: 'Apache: AH00940: disabled connection for … (worker still in its retry window, 503)',
    causes: { 'proxy-upstream-refused': 0.5, 'backend-unhealthy': 0.4 },
  },
  {
    id: 'apache.status-line-timeout',
    kind,
    label: 'Apache: (70007)The timeout specified has expired: AH01102: error reading status line (502)',
    causes: { 'proxy-upstream-timeout': 1, 'thread-pool-starvation': 0.3 },
  },
  {
    id: 'apache.status-line-reset',
    kind,
    label: 'Apache: (104)Connection reset by peer: AH01102: error reading status line',
    causes: { 'proxy-upstream-closed': 0.9, 'keepalive-race': 0.6, 'app-crash-runtime': 0.2 },
  },
  {
    id: 'apache.status-line-eof',
    kind,
    label: 'Apache: (70014)End of file found: AH01102: error reading status line',
    causes: { 'proxy-upstream-closed': 1, 'keepalive-race': 0.3 },
  },
  {
    // Plain HTTP to a port that speaks TLS: the backend drops a request it cannot read as a
    // handshake, and Apache reads nothing back.
    id: 'apache.status-line-tls-port',
    kind,
    label: 'Apache: AH01102: error reading status line from a remote server on a TLS port (443, 8443)',
    causes: { 'proxy-protocol-mismatch': 1, 'proxy-upstream-closed': 0.5 },
  },
  {
    id: 'apache.status-line-internal-error',
    kind,
    label: 'Apache: (20014)Internal error: AH01102: error reading status line',
    causes: { 'proxy-upstream-closed': 0.5, 'proxy-protocol-mismatch': 0.4 },
  },
  {
    id: 'apache.status-line-error',
    kind,
    label: 'Apache: AH01102: error reading status line from remote server',
    // Apache's own documentation names this message as what the race on a pooled connection
    // gives (the backend closes it as the proxy sends on it; mod_proxy_http's
    // proxy-initial-not-pooled and disablereuse avoid it); read with no error code, that race is
    // as likely as a backend that closed for its own reasons.
    causes: { 'keepalive-race': 0.6, 'proxy-upstream-closed': 0.55, 'proxy-upstream-timeout': 0.3 },
  },
  {
    id: 'apache.read-error',
    kind,
    label: 'Apache: AH00898: Error reading from remote server (502)',
    // mod_proxy_http sends this page after a failed status-line read: always when the read timed
    // out, otherwise only on the client connection's first request (later ones are closed
    // without a page so the client retries), so the page alone leans to a timeout.
    // A bare 502 adds a little to a closed connection on its own, so the lean has to outweigh it.
    causes: { 'proxy-upstream-timeout': 0.6, 'proxy-upstream-closed': 0.4 },
  },
  {
    id: 'apache.response-read-failed',
    kind,
    label: 'Apache: AH01110: error reading response (body cut short)',
    causes: { 'proxy-upstream-closed': 0.7, 'app-crash-runtime': 0.3 },
  },
  {
    id: 'apache.response-read-timeout',
    kind,
    label: 'Apache: (70007) AH01110: error reading response (timed out mid-body)',
    causes: { 'proxy-upstream-timeout': 0.6, 'proxy-upstream-closed': 0.2 },
  },
  {
    id: 'apache.request-body-failed',
    kind,
    label: 'Apache: AH01097/AH01084: pass request body failed',
    causes: { 'proxy-upstream-closed': 0.7, 'app-crash-runtime': 0.2 },
  },
  {
    id: 'apache.request-body-timeout',
    kind,
    label: 'Apache: (70007) AH01084: pass request body failed (504)',
    causes: { 'proxy-upstream-timeout': 0.7 },
  },
  {
    id: 'apache.ssl-handshake-failed',
    kind,
    label: 'Apache: AH00898: Error during SSL Handshake with remote server',
    causes: { 'proxy-protocol-mismatch': 0.9, 'backend-tls-failure': 0.4 },
  },
  {
    id: 'apache.ssl-certificate-rejected',
    kind,
    label: 'Apache: the backend certificate was rejected (AH02411 name, AH02005 CN, AH02004 expired, AH02039 verification)',
    causes: { 'backend-tls-failure': 1, 'proxy-protocol-mismatch': 0.3 },
  },
  {
    id: 'apache.ssl-proxy-connect-failed',
    kind,
    label: 'Apache: AH02003: SSL Proxy connect failed',
    causes: { 'proxy-protocol-mismatch': 0.8 },
  },
  {
    id: 'apache.ssl-proxy-not-enabled',
    kind,
    label: 'Apache: AH01961/AH00961: SSL proxying requested but SSLProxyEngine is off',
    causes: { 'proxy-protocol-mismatch': 0.8, 'backend-tls-failure': 0.4 },
  },
  {
    id: 'apache.corrupt-status-line',
    kind,
    label: 'Apache: Corrupt status line returned by remote server',
    causes: { 'proxy-protocol-mismatch': 1 },
  },
  {
    id: 'apache.bad-header',
    kind,
    label: 'Apache: AH01106: bad HTTP/1.1 header returned by …',
    causes: { 'proxy-protocol-mismatch': 0.5, 'invalid-backend-response': 0.3 },
  },
  {
    id: 'apache.dns-failure',
    kind,
    label: 'Apache: DNS lookup failure for the backend host',
    causes: { 'proxy-upstream-refused': 0.6 },
  },
  {
    id: 'apache.balancer-worker-error',
    kind,
    label: 'Apache: AH01174/AH02460: balancer worker forced into error state',
    causes: { 'backend-unhealthy': 0.6 },
  },
  {
    id: 'apache.balancer-all-workers-failed',
    kind,
    label: 'Apache: AH01167: balancer: All workers are in error state (503)',
    causes: { 'backend-unhealthy': 0.8, 'proxy-upstream-refused': 0.3 },
  },
  {
    id: 'apache.error-page-502',
    kind,
    label: 'Apache error page: 502 Proxy Error (invalid response from an upstream server)',
    causes: { 'proxy-upstream-closed': 0.4, 'proxy-upstream-timeout': 0.4 },
  },
  {
    id: 'apache.error-page-503',
    kind,
    label: 'Apache error page: 503 Service Unavailable (no connection to the backend)',
    causes: { 'proxy-upstream-refused': 0.5, 'backend-unhealthy': 0.3 },
  },
  {
    id: 'apache.error-page-504',
    kind,
    label: 'Apache error page: 504 Gateway Timeout',
    causes: { 'proxy-upstream-timeout': 0.7 },
  },
  {
    id: 'apache.access-502',
    kind,
    label: 'Apache access log: 502 (backend connected but gave no usable answer)',
    causes: { 'proxy-upstream-closed': 0.3, 'proxy-upstream-timeout': 0.3 },
  },
  {
    id: 'apache.access-503',
    kind,
    label: 'Apache access log: 503 (Apache could not connect to the backend)',
    causes: { 'proxy-upstream-refused': 0.4, 'backend-unhealthy': 0.2 },
  },
  {
    id: 'apache.access-504',
    kind,
    label: 'Apache access log: 504 (timeout while passing the body)',
    causes: { 'proxy-upstream-timeout': 0.5 },
  },
];
