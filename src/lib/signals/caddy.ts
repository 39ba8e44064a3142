/**
 * Signals of the caddy recogniser: the Go error in an `http.log.error` / `reverse_proxy` entry (or
 * a v1 `[ERROR 502 /path]` line), `no upstreams available`, and 502/504 in its access log.
 *
 * TLS towards a backend that speaks plain HTTP points at proxy-protocol-mismatch; a backend
 * certificate the proxy rejects (x509, failed to verify) at backend-tls-failure.
 */
import type { SignalDef } from '../engine/types.ts';

const kind = 'caddy' as const;

export const signals: SignalDef[] = [
  {
    id: 'caddy.upstream-refused',
    kind,
    label: 'Caddy: dial tcp …: connect: connection refused (nothing listens on the backend address)',
    causes: { 'proxy-upstream-refused': 1, 'pod-shutdown-race': 0.2 },
  },
  {
    id: 'caddy.upstream-connect-timeout',
    kind,
    label: 'Caddy: dial tcp …: i/o timeout (the backend address did not answer the connect)',
    causes: { 'proxy-upstream-refused': 0.6, 'proxy-upstream-timeout': 0.4 },
  },
  {
    id: 'caddy.upstream-timeout',
    kind,
    label: 'Caddy: the backend did not answer in time (i/o timeout, timeout awaiting response headers, context deadline exceeded)',
    causes: { 'proxy-upstream-timeout': 0.9, 'thread-pool-starvation': 0.2 },
  },
  {
    id: 'caddy.upstream-reset',
    kind,
    label: 'Caddy: connection reset by peer (the backend dropped the connection)',
    causes: { 'proxy-upstream-closed': 0.7, 'keepalive-race': 0.35 },
  },
  {
    id: 'caddy.upstream-eof',
    kind,
    label: 'Caddy: EOF (the backend closed the connection without a response)',
    causes: { 'proxy-upstream-closed': 0.7, 'keepalive-race': 0.4 },
  },
  {
    id: 'caddy.idle-connection-closed',
    kind,
    label: 'Caddy: http: server closed idle connection (the app closed a kept-alive connection first)',
    causes: { 'keepalive-race': 1 },
  },
  {
    id: 'caddy.upstream-not-tls',
    kind,
    label: 'Caddy: TLS to a backend that speaks plain HTTP, or HTTP to a TLS port',
    causes: { 'proxy-protocol-mismatch': 1 },
  },
  {
    id: 'caddy.upstream-tls-verify',
    kind,
    label: "Caddy: the backend's TLS certificate was rejected (x509 / tls: failed to verify certificate)",
    causes: { 'backend-tls-failure': 0.9, 'proxy-protocol-mismatch': 0.2 },
  },
  {
    id: 'caddy.upstream-unreachable',
    kind,
    label: 'Caddy: no route to host / network is unreachable (the backend address is not reachable)',
    causes: { 'proxy-upstream-refused': 0.6, 'pod-shutdown-race': 0.4 },
  },
  {
    id: 'caddy.upstream-dns',
    kind,
    label: 'Caddy: lookup …: no such host (the backend name does not resolve)',
    causes: { 'proxy-upstream-refused': 0.6 },
  },
  {
    id: 'caddy.client-canceled',
    kind,
    label: 'Caddy: context canceled (the client went away before the backend answered; logged as 499, by older versions as 502)',
    causes: { 'client-aborted': 0.6 },
  },
  {
    id: 'caddy.no-upstreams',
    kind,
    label: 'Caddy: no upstreams available (no backend can take the request: all down in health checks or at their limits)',
    causes: { 'backend-unhealthy': 1 },
  },
  {
    id: 'caddy.access-502',
    kind,
    label: 'Caddy access log: 502 (reverse_proxy got no usable response from the backend)',
    causes: { 'proxy-upstream-refused': 0.3, 'proxy-upstream-closed': 0.3, 'pod-shutdown-race': 0.1 },
  },
  {
    id: 'caddy.access-504',
    kind,
    label: 'Caddy access log: 504 (reverse_proxy timed out waiting for the backend)',
    causes: { 'proxy-upstream-timeout': 0.7, 'thread-pool-starvation': 0.2 },
  },
  {
    id: 'caddy.upstream-permission-denied',
    kind,
    label: 'Caddy: connect: permission denied (an SELinux policy or a unix socket\'s mode forbids the connect)',
    causes: { 'proxy-permission-denied': 1 },
  },
  {
    id: 'caddy.upstream-socket-missing',
    kind,
    label: 'Caddy: dial unix …: connect: no such file or directory (the app has not created its unix socket)',
    causes: { 'proxy-upstream-refused': 0.9 },
  },
  {
    id: 'caddy.source-ports-exhausted',
    kind,
    label: 'Caddy: cannot assign requested address (no free source port towards the backend)',
    causes: { 'snat-port-exhaustion': 0.3, 'proxy-upstream-refused': 0.3, 'resource-exhaustion': 0.3 },
  },
  {
    id: 'caddy.too-many-open-files',
    kind,
    label: 'Caddy: too many open files (the proxy ran out of file descriptors)',
    causes: { 'resource-exhaustion': 0.6 },
  },
  {
    id: 'caddy.header-too-big',
    kind,
    label: 'Caddy: net/http: server response headers exceeded … bytes (the backend\'s headers are over the transport\'s limit)',
    causes: { 'proxy-header-too-big': 0.9 },
  },
  {
    id: 'caddy.upstream-http2-closed',
    kind,
    label: 'Caddy: http2: server sent GOAWAY / client connection lost (the HTTP/2 backend ended the connection under a request)',
    causes: { 'proxy-upstream-closed': 0.6, 'keepalive-race': 0.4 },
  },
];
