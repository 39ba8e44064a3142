/**
 * Signals of the nginx recogniser (nginx and Kubernetes ingress-nginx, which is nginx).
 * Error-log messages are nginx's own texts (src/http/ngx_http_upstream.c and friends); the
 * errno in `(N: text)` decides between look-alike messages.
 */
import type { SignalDef } from '../engine/types.ts';

const kind = 'nginx' as const;

export const signals: SignalDef[] = [
  {
    id: 'nginx.upstream-refused',
    kind,
    label: 'nginx: connect() failed (111: Connection refused) while connecting to upstream',
    causes: { 'proxy-upstream-refused': 1, 'pod-shutdown-race': 0.2, 'kestrel-bind-denied': 0.1 },
  },
  {
    id: 'nginx.upstream-no-route',
    kind,
    label: 'nginx: (113: No route to host) while connecting to upstream',
    causes: { 'proxy-upstream-refused': 0.6, 'pod-shutdown-race': 0.5 },
  },
  {
    id: 'nginx.upstream-permission-denied',
    kind,
    label: 'nginx: connect() to the upstream failed (13: Permission denied)',
    causes: { 'proxy-permission-denied': 1 },
  },
  {
    id: 'nginx.unix-socket-missing',
    kind,
    label: 'nginx: connect() to unix:… failed (2: No such file or directory)',
    causes: { 'proxy-upstream-refused': 0.9 },
  },
  {
    id: 'nginx.unix-socket-backlog-full',
    kind,
    label: 'nginx: connect() to unix:… failed (11: Resource temporarily unavailable)',
    // The socket's accept queue is full: the app is not accepting as fast as requests arrive
    // (overloaded, or a .NET app whose thread pool is starved).
    causes: { 'resource-exhaustion': 0.6, 'thread-pool-starvation': 0.35, 'proxy-upstream-refused': 0.25 },
  },
  {
    id: 'nginx.source-ports-exhausted',
    kind,
    label: 'nginx: connect() failed (99: Cannot assign requested address)',
    causes: { 'proxy-upstream-refused': 0.3 },
  },
  {
    id: 'nginx.upstream-connect-failed',
    kind,
    label: 'nginx: connect() to the upstream failed (other error)',
    causes: { 'proxy-upstream-refused': 0.5 },
  },
  {
    id: 'nginx.upstream-connect-timeout',
    kind,
    label: 'nginx: upstream timed out (110) while connecting to upstream',
    causes: { 'proxy-upstream-refused': 0.6, 'proxy-upstream-timeout': 0.4, 'pod-shutdown-race': 0.2 },
  },
  {
    id: 'nginx.upstream-read-timeout',
    kind,
    label: 'nginx: upstream timed out (110) while reading response header from upstream',
    causes: { 'proxy-upstream-timeout': 1, 'thread-pool-starvation': 0.3 },
  },
  {
    id: 'nginx.upstream-send-timeout',
    kind,
    label: 'nginx: upstream timed out (110) while sending request to upstream',
    causes: { 'proxy-upstream-timeout': 0.7, 'thread-pool-starvation': 0.2 },
  },
  {
    id: 'nginx.upstream-body-timeout',
    kind,
    label: 'nginx: upstream timed out (110) while reading upstream (response body)',
    causes: { 'proxy-upstream-timeout': 0.5 },
  },
  {
    id: 'nginx.upstream-timeout',
    kind,
    label: 'nginx: upstream timed out',
    causes: { 'proxy-upstream-timeout': 0.7 },
  },
  {
    id: 'nginx.upstream-closed',
    kind,
    label: 'nginx: upstream prematurely closed connection while reading response header from upstream',
    causes: {
      'proxy-upstream-closed': 1,
      'app-crash-runtime': 0.3,
      // Before any header byte: also what a TLS port, an HTTP/2-only Kestrel endpoint or a
      // WebSocket-only listener does with a plain HTTP/1.1 request.
      'proxy-protocol-mismatch': 0.35,
      'keepalive-race': 0.2,
    },
  },
  {
    id: 'nginx.upstream-closed-body',
    kind,
    label: 'nginx: upstream prematurely closed connection while reading upstream (response body)',
    causes: { 'proxy-upstream-closed': 0.7, 'app-crash-runtime': 0.3 },
  },
  {
    id: 'nginx.upstream-reset',
    kind,
    label: 'nginx: recv() failed (104: Connection reset by peer) from upstream',
    causes: { 'proxy-upstream-closed': 0.8, 'keepalive-race': 0.4, 'app-crash-runtime': 0.2 },
  },
  {
    id: 'nginx.fastcgi-worker-gone',
    kind,
    label: 'nginx: a FastCGI upstream (PHP-FPM) reset or closed the connection mid-request: the worker holding it went away',
    // nginx opens a new FastCGI connection per request unless fastcgi_keep_conn is on, so this is
    // no keep-alive race: the worker crashed (segfault, fatal error), exited or was killed (OOM,
    // request_terminate_timeout).
    causes: { 'app-crash-runtime': 0.55, 'resource-exhaustion': 0.15 },
  },
  {
    id: 'nginx.upstream-broken-pipe',
    kind,
    label: 'nginx: (32: Broken pipe) while sending request to upstream',
    // A write on a kept-alive upstream connection the server has already closed fails like this.
    causes: { 'proxy-upstream-closed': 0.7, 'keepalive-race': 0.35, 'app-crash-runtime': 0.2 },
  },
  {
    id: 'nginx.header-too-big',
    kind,
    label: 'nginx: upstream sent too big header while reading response header from upstream',
    causes: { 'proxy-header-too-big': 1 },
  },
  {
    id: 'nginx.no-valid-http-header',
    kind,
    label: 'nginx: upstream sent no valid HTTP/1.0 header',
    // The first bytes back were not a status line: most often another protocol (TLS, HTTP/2,
    // FastCGI) on the port; also a backend that writes something else before its status line.
    causes: { 'proxy-protocol-mismatch': 0.95, 'invalid-backend-response': 0.4 },
  },
  {
    id: 'nginx.invalid-response',
    kind,
    label: 'nginx: upstream sent an invalid header or invalid framing',
    // A response nginx could read as HTTP but not accept (a bad header line, conflicting lengths,
    // broken chunking). An upstream that does not speak HTTP/1.x at all gives "no valid HTTP/1.0
    // header" instead (nginx.no-valid-http-header).
    causes: { 'invalid-backend-response': 0.6, 'proxy-protocol-mismatch': 0.35 },
  },
  {
    // nginx asks upstreams in HTTP/1.0 unless proxy_http_version says 1.1; a backend that answers
    // such a request with chunked encoding (or breaks the chunks) gets this.
    id: 'nginx.invalid-chunked',
    kind,
    label: 'nginx: upstream sent invalid chunked response (often chunked encoding answered to an HTTP/1.0 request: proxy_http_version)',
    causes: { 'proxy-protocol-mismatch': 0.6, 'invalid-backend-response': 0.45 },
  },
  {
    id: 'nginx.upstream-http2-invalid',
    kind,
    label: 'nginx (grpc_pass): upstream sent too large / invalid http2 frame: the upstream does not speak HTTP/2 as nginx expects (HTTP/1.x-only endpoint, TLS behind grpc://)',
    causes: { 'proxy-protocol-mismatch': 0.9 },
  },
  {
    id: 'nginx.upstream-http2-reset',
    kind,
    label: 'nginx (grpc_pass): upstream rejected request with error / sent goaway with error / prematurely closed stream',
    causes: { 'proxy-upstream-closed': 0.6, 'proxy-protocol-mismatch': 0.35 },
  },
  {
    id: 'nginx.premature-response',
    kind,
    label: 'nginx: upstream prematurely sent response',
    causes: { 'proxy-protocol-mismatch': 0.4 },
  },
  {
    id: 'nginx.no-live-upstreams',
    kind,
    label: 'nginx: no live upstreams while connecting to upstream',
    // nginx marks a server of a group down only after real requests failed on it (max_fails:
    // mostly refused or timed-out connects; open source nginx has no active health checks), and
    // only in groups of two or more. Quoted without its upstream field, the group may be a pool
    // or the addresses of one host name (below): the refusals behind it come first.
    causes: { 'proxy-upstream-refused': 0.7, 'backend-unhealthy': 0.6 },
  },
  {
    id: 'nginx.no-live-upstreams-group',
    kind,
    label: 'nginx: no live upstreams in an upstream {} group: every server of the pool is marked failed',
    causes: { 'backend-unhealthy': 0.8, 'proxy-upstream-refused': 0.45 },
  },
  {
    id: 'nginx.no-live-upstreams-host',
    kind,
    label: 'nginx: no live upstreams for a host name nginx resolved itself (localhost is 127.0.0.1 and ::1): every address failed',
    // `upstream: "http://localhost/…"` or a dotted name, not an upstream{} block's name: the
    // "group" is the addresses of one host, so the app refused on all of them.
    causes: { 'proxy-upstream-refused': 0.85, 'backend-unhealthy': 0.4 },
  },
  {
    id: 'nginx.upstream-disabled',
    kind,
    label: 'nginx: upstream server temporarily disabled (max_fails reached after earlier failures)',
    causes: { 'backend-unhealthy': 0.4, 'proxy-upstream-refused': 0.2 },
  },
  {
    id: 'nginx.ssl-handshake-failed',
    kind,
    label: 'nginx: SSL_do_handshake() failed while SSL handshaking to upstream',
    causes: { 'proxy-protocol-mismatch': 1, 'backend-tls-failure': 0.4 },
  },
  {
    // OpenSSL's reason texts for a handshake the backend refused on its terms (SNI, protocol
    // version, ciphers, certificates), as opposed to "wrong version number" (plain HTTP there).
    id: 'nginx.ssl-handshake-rejected',
    kind,
    label: 'nginx: the upstream refused the TLS handshake (alert handshake failure, unrecognized name, protocol version, no shared cipher, certificate verify failed)',
    causes: { 'backend-tls-failure': 0.9, 'proxy-protocol-mismatch': 0.2 },
  },
  {
    id: 'nginx.ssl-peer-closed',
    kind,
    label: 'nginx: the upstream closed the connection during the SSL handshake',
    // The backend took the ClientHello and hung up: it speaks TLS but refused this handshake
    // (no SNI sent, proxy_ssl_server_name off; protocol or cipher mismatch). A plain-HTTP port
    // answers with a 400 page instead, which OpenSSL reports as "wrong version number".
    causes: { 'backend-tls-failure': 0.8, 'proxy-protocol-mismatch': 0.5 },
  },
  {
    id: 'nginx.ssl-certificate-rejected',
    kind,
    label: 'nginx: upstream SSL certificate verify error / does not match',
    causes: { 'backend-tls-failure': 1, 'proxy-protocol-mismatch': 0.4 },
  },
  {
    id: 'nginx.upstream-scheme-port-mismatch',
    kind,
    label: 'nginx: the upstream URL speaks plain HTTP to a TLS port (http://…:443) or TLS to a plain one',
    causes: { 'proxy-protocol-mismatch': 1 },
  },
  {
    id: 'nginx.upstream-not-resolved',
    kind,
    label: 'nginx: the upstream host name could not be resolved',
    causes: { 'proxy-upstream-refused': 0.6 },
  },
  {
    id: 'nginx.access-502',
    kind,
    label: 'nginx access log: 502 produced by nginx (the upstream failed)',
    causes: { 'proxy-upstream-refused': 0.3, 'proxy-upstream-closed': 0.3, 'pod-shutdown-race': 0.1 },
  },
  {
    id: 'nginx.access-504',
    kind,
    label: 'nginx access log: 504 (an upstream timeout)',
    causes: { 'proxy-upstream-timeout': 0.7, 'thread-pool-starvation': 0.2 },
  },
  {
    id: 'nginx.access-499',
    kind,
    label: 'nginx access log: 499 (the client closed the connection before nginx answered)',
    causes: { 'client-aborted': 0.9, 'proxy-upstream-timeout': 0.2 },
  },
  {
    id: 'nginx.access-all-upstreams-failed',
    kind,
    label: 'nginx access log: every upstream tried failed ($upstream_status "502, 502")',
    causes: { 'backend-unhealthy': 0.3, 'proxy-upstream-refused': 0.3 },
  },
  {
    id: 'nginx.error-page-502',
    kind,
    label: 'nginx error page: 502 Bad Gateway',
    causes: { 'proxy-upstream-refused': 0.3, 'proxy-upstream-closed': 0.3, 'proxy-protocol-mismatch': 0.1 },
  },
  {
    // nginx sends its 503 page when limit_req or limit_conn rejects a request; ingress-nginx sends
    // it when a Service has no ready endpoints.
    id: 'nginx.error-page-503',
    kind,
    label: 'nginx error page: 503 Service Temporarily Unavailable',
    causes: { 'backend-unhealthy': 0.3, 'proxy-upstream-refused': 0.1 },
  },
  {
    id: 'nginx.error-page-504',
    kind,
    label: 'nginx error page: 504 Gateway Time-out',
    causes: { 'proxy-upstream-timeout': 0.7 },
  },
];
