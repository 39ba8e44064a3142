/**
 * What an app or a proxy prints when its own outgoing call fails: the WebException texts of
 * .NET Framework's HttpWebRequest and WebClient ("The underlying connection was closed: ...",
 * "The request was aborted: ..."), HttpClient's version-policy and malformed-response texts,
 * SslStream's handshake texts, and OpenSSL's reason strings in any version's form (the function
 * name between the colons differs or is empty) with the certificate-verification texts; HttpClient's
 * socket errors with the endpoint it tried, gRPC's and Polly's client texts, and Kestrel's connection
 * log (HTTP/2 off without TLS, request bodies left unread, connections over the limit). Each goes
 * through diagnose() and comes out with its cause.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../engine/diagnose.ts';
import { topCauseTests } from '../../../../tests/support/message-cases.ts';

describe('diagnose() with client-side .NET and OpenSSL texts of the message catalogue', () => {
  topCauseTests([
    ['System.Net.WebException: The underlying connection was closed: Could not establish trust relationship for the SSL/TLS secure channel.', 'backend-tls-failure'],
    ['System.Net.WebException: The request was aborted: Could not create SSL/TLS secure channel.', 'backend-tls-failure'],
    // the same as German and Chinese Windows print it
    ['System.Net.WebException: Die Anfrage wurde abgebrochen: Es konnte kein geschützter SSL/TLS-Kanal erstellt werden.', 'backend-tls-failure'],
    ['System.Net.WebException: 请求被中止: 未能创建 SSL/TLS 安全通道。', 'backend-tls-failure'],
    ['WebException: The underlying connection was closed: An unexpected error occurred on a send.', 'backend-tls-failure'],
    ['The underlying connection was closed: A connection that was expected to be kept alive was closed by the server.', 'keepalive-race'],
    ['System.Net.WebException: The underlying connection was closed: The connection was closed unexpectedly.', 'proxy-upstream-closed'],
    ['The underlying connection was closed: An unexpected error occurred on a receive.', 'proxy-upstream-closed'],
    ['System.Net.WebException: The server committed a protocol violation. Section=ResponseStatusLine', 'invalid-backend-response'],
    ["System.Net.WebException: The remote name could not be resolved: 'orders.internal'", 'proxy-upstream-refused'],
    ['System.Net.WebException: The operation has timed out', 'proxy-upstream-timeout'],
    ['System.Net.Http.HttpRequestException: Requesting HTTP version 2.0 with version policy RequestVersionExact while server returned HTTP/1.1 in ALPN.', 'proxy-protocol-mismatch'],
    ["System.Net.Http.HttpRequestException: Received an invalid chunk terminator: '0'.", 'invalid-backend-response'],
    ['System.Net.Http.HttpRequestException: The HTTP headers length exceeded the set limit of 65536 bytes.', 'proxy-header-too-big'],
    ['Interop+OpenSsl+SslException: SSL Handshake failed with OpenSSL error - SSL_ERROR_SSL.', 'backend-tls-failure'],
    ['System.IO.IOException: The handshake failed. The remote side has dropped the stream.', 'backend-tls-failure'],
    ['System.IO.IOException: The stream is corrupted due to an invalid SSL version number in the SSL protocol header.', 'proxy-protocol-mismatch'],
    // OpenSSL 3 (no function name), 1.1 and 1.0 forms of one family
    ['Interop+Crypto+OpenSslCryptographicException: error:0A000086:SSL routines::certificate verify failed', 'backend-tls-failure'],
    [' ---> Interop+Crypto+OpenSslCryptographicException: error:14094410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure', 'backend-tls-failure'],
    ['error:1425F102:SSL routines:ssl_choose_client_version:unsupported protocol', 'backend-tls-failure'],
    ['error:0A000152:SSL routines::unsafe legacy renegotiation disabled', 'backend-tls-failure'],
    ['error:141A318A:SSL routines:tls_process_ske_dhe:dh key too small', 'backend-tls-failure'],
    ['error:14094412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate', 'backend-tls-failure'],
    ['error:14094458:SSL routines:ssl3_read_bytes:tlsv1 unrecognized name', 'backend-tls-failure'],
    ["requests.exceptions.SSLError: (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1129)')))", 'backend-tls-failure'],
    ['Error: unable to verify the first certificate', 'backend-tls-failure'],
    ['SSL_read() failed (SSL: error:0A000126:SSL routines::unexpected eof while reading) while reading upstream', 'proxy-upstream-closed'],
    // HttpClient's "<socket error> (<host>:<port>)" and SocketException with any number form
    ['System.Net.Http.HttpRequestException: Resource temporarily unavailable (orders-api:8080)', 'proxy-upstream-refused'],
    ['HttpRequestException: Name or service not known (backend:80)', 'proxy-upstream-refused'],
    ['System.Net.Http.HttpRequestException: Cannot assign requested address (10.0.0.4:443)', 'snat-port-exhaustion'],
    ['System.Net.Http.HttpRequestException: No route to host (10.244.1.17:8080)', 'proxy-upstream-refused'],
    ['System.Net.Http.HttpRequestException: Connection timed out (10.0.0.9:5432)', 'proxy-upstream-timeout'],
    ['System.Net.Sockets.SocketException (00000001, 11): Resource temporarily unavailable', 'proxy-upstream-refused'],
    // resilience and gRPC clients in front of a backend
    ['Grpc.Core.RpcException: Status(StatusCode="Internal", Detail="Bad gRPC response. Response protocol downgraded to HTTP/1.1.")', 'proxy-protocol-mismatch'],
    ["Polly.Timeout.TimeoutRejectedException: The operation didn't complete within the allowed timeout of '00:00:30'.", 'proxy-upstream-timeout'],
    ['Polly.CircuitBreaker.BrokenCircuitException: The circuit is now open and is not allowing calls.', 'backend-unhealthy'],
    // Kestrel's own connection log
    [
      'warn: Microsoft.AspNetCore.Server.Kestrel[64]\n      HTTP/2 is not enabled for [::]:8080. The endpoint is configured to use HTTP/1.1 and HTTP/2, but TLS is not enabled. HTTP/2 requires TLS application protocol negotiation. Connections to this endpoint will use HTTP/1.1.',
      'proxy-protocol-mismatch',
    ],
    [
      'info: Microsoft.AspNetCore.Server.Kestrel[33]\n      Connection id "0HN1", Request id "0HN1:00000002": automatic draining of the request body timed out after taking over 5 seconds.',
      'proxy-upstream-closed',
    ],
    ['warn: Microsoft.AspNetCore.Server.Kestrel[24]\n      Connection id "0HN2" rejected because the maximum number of concurrent connections has been reached.', 'proxy-upstream-closed'],
    ['Connection id "0HN3", Request id "0HN3:00000001": The request was aborted by the client.', 'client-aborted'],
    // Kestrel's connection exceptions: a reset is the peer's doing (the proxy or its client), an abort the server's
    ['Microsoft.AspNetCore.Connections.ConnectionResetException: Connection reset by peer\n ---> System.Net.Sockets.SocketException (104): Connection reset by peer', 'client-aborted'],
    ['Microsoft.AspNetCore.Connections.ConnectionResetException: An existing connection was forcibly closed by the remote host.', 'client-aborted'],
    ['Microsoft.AspNetCore.Connections.ConnectionAbortedException: The connection was aborted by the application.', 'proxy-upstream-closed'],
    [
      "Microsoft.AspNetCore.Connections.ConnectionAbortedException: The connection was aborted because the server is shutting down and request processing didn't complete within the time specified by HostOptions.ShutdownTimeout.",
      'pod-shutdown-race',
    ],
  ]);

  it('does not read a bare socket error phrase in a title as the .NET socket exception', () => {
    // "connection reset by peer" is what every tool says; only the exception with its number is .NET's
    const d = diagnose('Docker Web Application - Connection Reset by Peer');
    expect(d.facts.some((f) => f.name === 'signal' && String(f.value).startsWith('message.dotnet-net.socket-104'))).toBe(false);
  });

  it('does not read a bare reason word without the SSL routines of OpenSSL as a TLS failure', () => {
    // "unsupported protocol" alone is an everyday phrase; only the library's own line counts
    const d = diagnose('The client sent an unsupported protocol upgrade header, which we ignore.');
    expect(d.findings.map((f) => f.cause)).not.toContain('backend-tls-failure');
  });
});
