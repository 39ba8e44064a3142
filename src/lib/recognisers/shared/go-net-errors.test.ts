import { describe, expect, it } from 'vitest';
import { classifyGoError } from './go-net-errors.ts';

describe('classifyGoError', () => {
  it.each([
    ['dial tcp 10.0.0.5:8080: connect: connection refused', 'refused', 'connection refused'],
    ['dial tcp [::1]:10000: getsockopt: connection refused', 'refused', 'connection refused'],
    ['dial tcp 172.24.0.2:80: i/o timeout', 'connect-timeout', 'i/o timeout'],
    ['read tcp 127.0.0.1:49154->127.0.0.1:9000: i/o timeout', 'timeout', 'i/o timeout'],
    ['net/http: timeout awaiting response headers', 'timeout', 'timeout awaiting response headers'],
    ['context deadline exceeded', 'timeout', 'context deadline exceeded'],
    ['read tcp 10.0.0.1:1->10.0.0.2:2: read: connection reset by peer', 'reset', 'connection reset by peer'],
    ['EOF', 'eof', 'EOF'],
    ['Get "http://app:5000/": EOF', 'eof', 'EOF'],
    ['unexpected EOF', 'eof', 'unexpected EOF'],
    ['http: server closed idle connection', 'idle-closed', 'server closed idle connection'],
    ['tls: first record does not look like a TLS handshake', 'tls-plain-backend', 'first record does not look like a TLS handshake'],
    ['net/http: HTTP/1.x transport connection broken: malformed HTTP response "\\x15\\x03\\x01"', 'tls-plain-backend', 'malformed HTTP response'],
    ['tls: failed to verify certificate: x509: certificate signed by unknown authority', 'tls-verify', 'tls: failed to verify certificate'],
    ['x509: cannot validate certificate for 10.0.0.5 because it doesn\'t contain any IP SANs', 'tls-verify', 'x509:'],
    ['dial tcp 10.0.0.9:80: connect: no route to host', 'unreachable', 'no route to host'],
    ['dial tcp: lookup api on 127.0.0.11:53: no such host', 'dns', 'no such host'],
    ['context canceled', 'canceled', 'context canceled'],
    ['dial unix /run/app/kestrel.sock: connect: permission denied', 'permission', 'connect: permission denied'],
    ['dial unix /run/app/kestrel.sock: connect: no such file or directory', 'socket-missing', 'connect: no such file or directory'],
    ['dial tcp 10.0.0.5:8080: connect: cannot assign requested address', 'ports-exhausted', 'cannot assign requested address'],
    ['dial tcp 10.0.0.5:8080: socket: too many open files', 'too-many-files', 'too many open files'],
    ['net/http: server response headers exceeded 1048576 bytes; aborted', 'header-too-big', 'server response headers exceeded'],
    ['http2: server sent GOAWAY and closed the connection; LastStreamID=1, ErrCode=NO_ERROR, debug=""', 'http2-closed', 'http2: server sent GOAWAY'],
    ['http2: client connection lost', 'http2-closed', 'http2: client connection lost'],
  ])('%s -> %s', (error, failure, words) => {
    const m = classifyGoError(error);
    expect(m?.failure).toBe(failure);
    expect(error.slice(m!.at, m!.at + m!.length)).toBe(words);
  });

  it('does not read words that only contain EOF, nor unrelated errors', () => {
    expect(classifyGoError('GEOFENCE disabled')).toBeUndefined();
    expect(classifyGoError('invalid header field value for "X-Trace"')).toBeUndefined();
    expect(classifyGoError('')).toBeUndefined();
  });
});
