/**
 * Signals of the traefik recogniser: the Go error Traefik attaches to a request it could not
 * forward (`'502 Bad Gateway' caused by: …`, `502 Bad Gateway error="…"`), and 502/504 in its
 * access log that Traefik produced itself (JSON `OriginStatus` 0: no answer from the backend).
 *
 * TLS towards a backend that speaks plain HTTP points at proxy-protocol-mismatch; a backend
 * certificate the proxy rejects (x509, failed to verify) at backend-tls-failure.
 */
import type { SignalDef } from '../engine/types.ts';

const kind = 'traefik' as const;

export const signals: SignalDef[] = [
  {
    id: 'traefik.upstream-refused',
    kind,
    label: 'Traefik: dial tcp …: connect: connection refused (nothing listens on the backend address)',
    causes: { 'proxy-upstream-refused': 1, 'pod-shutdown-race': 0.2 },
  },
  {
    id: 'traefik.upstream-connect-timeout',
    kind,
    label: 'Traefik: dial tcp …: i/o timeout (the backend address did not answer the connect)',
    causes: { 'proxy-upstream-refused': 0.6, 'proxy-upstream-timeout': 0.4 },
  },
  {
    id: 'traefik.upstream-timeout',
    kind,
    label: 'Traefik: the backend did not answer in time (i/o timeout, timeout awaiting response headers, context deadline exceeded)',
    causes: { 'proxy-upstream-timeout': 0.9, 'thread-pool-starvation': 0.2 },
  },
  {
    id: 'traefik.upstream-reset',
    kind,
    label: 'Traefik: connection reset by peer (the backend dropped the connection)',
    causes: { 'proxy-upstream-closed': 0.7, 'keepalive-race': 0.35 },
  },
  {
    id: 'traefik.upstream-eof',
    kind,
    label: 'Traefik: EOF (the backend closed the connection without a response)',
    causes: { 'proxy-upstream-closed': 0.7, 'keepalive-race': 0.4 },
  },
  {
    id: 'traefik.idle-connection-closed',
    kind,
    label: 'Traefik: http: server closed idle connection (the app closed a kept-alive connection first)',
    causes: { 'keepalive-race': 1 },
  },
  {
    id: 'traefik.upstream-not-tls',
    kind,
    label: 'Traefik: TLS to a backend that speaks plain HTTP, or HTTP to a TLS port',
    causes: { 'proxy-protocol-mismatch': 1 },
  },
  {
    id: 'traefik.upstream-tls-verify',
    kind,
    label: "Traefik: the backend's TLS certificate was rejected (x509 / tls: failed to verify certificate)",
    causes: { 'backend-tls-failure': 0.9, 'proxy-protocol-mismatch': 0.2 },
  },
  {
    id: 'traefik.upstream-unreachable',
    kind,
    label: 'Traefik: no route to host / network is unreachable (the backend address is not reachable)',
    causes: { 'proxy-upstream-refused': 0.6, 'pod-shutdown-race': 0.4 },
  },
  {
    id: 'traefik.upstream-dns',
    kind,
    label: 'Traefik: lookup …: no such host (the backend name does not resolve)',
    causes: { 'proxy-upstream-refused': 0.6 },
  },
  {
    id: 'traefik.client-canceled',
    kind,
    label: 'Traefik: context canceled (the client went away before the backend answered; logged as 499, by older versions as 502)',
    causes: { 'client-aborted': 0.6 },
  },
  {
    id: 'traefik.access-502',
    kind,
    label: 'Traefik access log: 502 produced by Traefik (no response from the backend)',
    causes: { 'proxy-upstream-refused': 0.3, 'proxy-upstream-closed': 0.3, 'pod-shutdown-race': 0.1 },
  },
  {
    id: 'traefik.access-504',
    kind,
    label: 'Traefik access log: 504 produced by Traefik (the backend did not answer in time)',
    causes: { 'proxy-upstream-timeout': 0.7, 'thread-pool-starvation': 0.2 },
  },
  {
    id: 'traefik.upstream-permission-denied',
    kind,
    label: 'Traefik: connect: permission denied (an SELinux policy or a unix socket\'s mode forbids the connect)',
    causes: { 'proxy-permission-denied': 1 },
  },
  {
    id: 'traefik.upstream-socket-missing',
    kind,
    label: 'Traefik: dial unix …: connect: no such file or directory (the app has not created its unix socket)',
    causes: { 'proxy-upstream-refused': 0.9 },
  },
  {
    id: 'traefik.source-ports-exhausted',
    kind,
    label: 'Traefik: cannot assign requested address (no free source port towards the backend)',
    causes: { 'snat-port-exhaustion': 0.3, 'proxy-upstream-refused': 0.3, 'resource-exhaustion': 0.3 },
  },
  {
    id: 'traefik.too-many-open-files',
    kind,
    label: 'Traefik: too many open files (the proxy ran out of file descriptors)',
    causes: { 'resource-exhaustion': 0.6 },
  },
  {
    id: 'traefik.header-too-big',
    kind,
    label: 'Traefik: net/http: server response headers exceeded … bytes (the backend\'s headers are over the transport\'s limit)',
    causes: { 'proxy-header-too-big': 0.9 },
  },
  {
    id: 'traefik.upstream-http2-closed',
    kind,
    label: 'Traefik: http2: server sent GOAWAY / client connection lost (the HTTP/2 backend ended the connection under a request)',
    causes: { 'proxy-upstream-closed': 0.6, 'keepalive-race': 0.4 },
  },
];
