/**
 * Go's network error texts, as the Go-written proxies (Traefik, Caddy) log them when a request to
 * the backend fails: `dial tcp 10.0.0.5:8080: connect: connection refused`, `read tcp …: read:
 * connection reset by peer`, `net/http: timeout awaiting response headers`, `EOF`,
 * `http: server closed idle connection`, `x509: certificate signed by unknown authority`.
 * The texts come from Go's standard library (syscall errno strings, net, net/http, crypto/tls,
 * crypto/x509); they are the same in every proxy that uses it.
 *
 * Linear: a fixed list of indexOf calls on the lower-cased text.
 */

/** What went wrong on the way to the backend. */
export type GoNetFailure =
  | 'refused'
  | 'connect-timeout'
  | 'timeout'
  | 'reset'
  | 'eof'
  | 'idle-closed'
  | 'tls-plain-backend'
  | 'tls-verify'
  | 'unreachable'
  | 'dns'
  | 'canceled'
  | 'permission'
  | 'socket-missing'
  | 'ports-exhausted'
  | 'too-many-files'
  | 'header-too-big'
  | 'http2-closed';

export interface GoNetMatch {
  failure: GoNetFailure;
  /** Offset and length of the distinctive words in the text that was classified. */
  at: number;
  length: number;
}

/** Checked in this order: the most specific text first (a dial that timed out before a timeout). */
const NEEDLES: readonly (readonly [string, GoNetFailure])[] = [
  ['server closed idle connection', 'idle-closed'],
  ['first record does not look like a tls handshake', 'tls-plain-backend'],
  ['server gave http response to https client', 'tls-plain-backend'],
  ['malformed http response', 'tls-plain-backend'],
  ['tls: failed to verify certificate', 'tls-verify'],
  ['x509: ', 'tls-verify'],
  ['remote error: tls:', 'tls-verify'],
  ['tls: handshake failure', 'tls-verify'],
  // The Go transport's own limit on response headers (MaxResponseHeaderBytes, 1 MB by default).
  ['server response headers exceeded', 'header-too-big'],
  // The proxy itself ran out: source ports towards one backend (EADDRNOTAVAIL) or descriptors (EMFILE).
  ['cannot assign requested address', 'ports-exhausted'],
  ['too many open files', 'too-many-files'],
  ['connection refused', 'refused'],
  // EACCES on connect (SELinux, a unix socket's mode) and ENOENT on a unix socket nobody created.
  ['connect: permission denied', 'permission'],
  ['connect: no such file or directory', 'socket-missing'],
  ['no route to host', 'unreachable'],
  ['network is unreachable', 'unreachable'],
  ['host is unreachable', 'unreachable'],
  ['no such host', 'dns'],
  ['server misbehaving', 'dns'],
  ['connection reset by peer', 'reset'],
  // An HTTP/2 backend ended the connection (GOAWAY) or it broke under a request in flight.
  ['http2: server sent goaway', 'http2-closed'],
  ['http2: client connection lost', 'http2-closed'],
  ['broken pipe', 'reset'],
  ['timeout awaiting response headers', 'timeout'],
  ['context deadline exceeded', 'timeout'],
  ['i/o timeout', 'timeout'],
  ['client.timeout exceeded', 'timeout'],
  ['unexpected eof', 'eof'],
  ['context canceled', 'canceled'],
  ['operation was canceled', 'canceled'],
];

/**
 * The failure a Go error text names, or undefined. `text` is the error as logged (one line or a
 * JSON string value). A timeout on `dial` is a connect timeout: the backend was not reachable.
 */
export function classifyGoError(text: string): GoNetMatch | undefined {
  const t = text.toLowerCase();
  for (const [needle, failure] of NEEDLES) {
    const at = t.indexOf(needle);
    if (at < 0) continue;
    const length = needle.endsWith(' ') ? needle.length - 1 : needle.length;
    if (failure === 'timeout' && needle === 'i/o timeout' && t.includes('dial tcp')) {
      return { failure: 'connect-timeout', at, length };
    }
    return { failure, at, length };
  }
  // A bare `EOF` (the backend closed the connection without a response): the whole error, or its
  // last word after `: ` (`Get "http://app:5000/": EOF`).
  const trimmed = t.trimEnd();
  if (trimmed === 'eof') return { failure: 'eof', at: t.indexOf('eof'), length: 3 };
  if (trimmed.endsWith(': eof')) return { failure: 'eof', at: trimmed.length - 3, length: 3 };
  return undefined;
}
