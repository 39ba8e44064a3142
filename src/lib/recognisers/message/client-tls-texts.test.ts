/**
 * What an app or a proxy prints when its own outgoing call fails: the WebException texts of
 * .NET Framework's HttpWebRequest and WebClient ("The underlying connection was closed: ...",
 * "The request was aborted: ..."), HttpClient's version-policy and malformed-response texts,
 * SslStream's handshake texts, and OpenSSL's reason strings in any version's form (the function
 * name between the colons differs or is empty) with the certificate-verification texts. Each goes
 * through diagnose() and comes out with its cause.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../engine/diagnose.ts';
import { topCauseTests } from '../../../../tests/support/message-cases.ts';

describe('diagnose() with client-side .NET and OpenSSL texts of the message catalogue', () => {
  topCauseTests([
    ['System.Net.WebException: The underlying connection was closed: Could not establish trust relationship for the SSL/TLS secure channel.', 'backend-tls-failure'],
    ['System.Net.WebException: The request was aborted: Could not create SSL/TLS secure channel.', 'backend-tls-failure'],
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
  ]);

  it('does not read a bare reason word without the SSL routines of OpenSSL as a TLS failure', () => {
    // "unsupported protocol" alone is an everyday phrase; only the library's own line counts
    const d = diagnose('The client sent an unsupported protocol upgrade header, which we ignore.');
    expect(d.findings.map((f) => f.cause)).not.toContain('backend-tls-failure');
  });
});
