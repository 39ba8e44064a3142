/**
 * TLS library and proxy texts of the message catalogue that name a proxy-side cause: OpenSSL's
 * reason strings (plain HTTP on a TLS port, TLS against a plain port), curl's errors, .NET's TLS
 * frame and HTTP/2 errors, Envoy's router lines and retried reset reasons, HAProxy's built-in
 * error pages, PROXY protocol headers nginx and HAProxy could not read, Envoy's circuit-breaker
 * overflow, App Service on Linux giving up on a container, and Kestrel's IPv6-loopback warning on
 * Linux. Each goes through diagnose() and comes out with its cause.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../engine/diagnose.ts';
import { topCauseTests } from '../../../../tests/support/message-cases.ts';

describe('diagnose() with TLS-library and proxy texts of the message catalogue', () => {
  topCauseTests([
    ['2019/05/02 11:20:01 [ERROR] SSL_accept failed: error:1407609C:SSL routines:SSL23_GET_CLIENT_HELLO:http request', 'proxy-protocol-mismatch'],
    ['140226458834752:error:1408F09C:SSL routines:ssl3_get_record:http request:../ssl/record/ssl3_record.c:322:', 'proxy-protocol-mismatch'],
    ['SSL_accept() failed: error:0A00009C:SSL routines::http request', 'proxy-protocol-mismatch'],
    ['ssl.SSLError: [SSL: HTTP_REQUEST] http request (_ssl.c:1131)', 'proxy-protocol-mismatch'],
    ['curl: (35) error:0A00010B:SSL routines::wrong version number', 'proxy-protocol-mismatch'],
    ['requests.exceptions.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1056)', 'proxy-protocol-mismatch'],
    ['<html><head><title>400 The plain HTTP request was sent to HTTPS port</title></head>', 'proxy-protocol-mismatch'],
    ['[info] [client 10.0.0.4] SSL handshake failed: HTTP spoken on HTTPS port; trying to send HTML error page', 'proxy-protocol-mismatch'],
    ["System.Net.Http.HttpRequestException: The HTTP/2 server sent invalid data on the connection. HTTP/2 error code 'PROTOCOL_ERROR' (0x1).", 'proxy-protocol-mismatch'],
    ['System.Net.Http.HttpRequestException: An HTTP/2 connection could not be established because the server did not complete the HTTP/2 handshake.', 'proxy-protocol-mismatch'],
    // The server wants HTTP/1.1 for this request (Windows authentication, a client certificate): .NET's and Go's words.
    ["System.Net.Http.HttpRequestException: The HTTP/2 server reset the stream. HTTP/2 error code 'HTTP_1_1_REQUIRED' (0xd).", 'proxy-protocol-mismatch'],
    ['[ERROR 502 /Autodiscover/Autodiscover.xml] stream error: stream ID 3; HTTP_1_1_REQUIRED', 'proxy-protocol-mismatch'],
    ['[debug][router] [source/common/router/router.cc:1150] [C12][S345] upstream reset: reset reason: connection termination, transport failure reason: ', 'keepalive-race'],
    ['[debug][router] [C3][S9] upstream reset: reset reason: remote connection failure, transport failure reason: delayed connect error: 111', 'proxy-upstream-refused'],
    ['[debug][router] [C7][S2] upstream reset: reset reason: protocol error, transport failure reason: ', 'proxy-protocol-mismatch'],
    ['upstream connect error or disconnect/reset before headers. retried and the latest reset reason: remote connection failure, transport failure reason: delayed connect error: 111', 'proxy-upstream-refused'],
    ['upstream connect error or disconnect/reset before headers. retried and the latest reset reason: protocol error', 'proxy-protocol-mismatch'],
    // The page says it: a response HAProxy could not use first, a connection closed before one close behind.
    ['<html><body><h1>502 Bad Gateway</h1>\nThe server returned an invalid or incomplete response.\n</body></html>', 'invalid-backend-response'],
    ["<html><body><h1>504 Gateway Time-out</h1>\nThe server didn't respond in time.\n</body></html>", 'proxy-upstream-timeout'],
    ['2024/01/12 09:00:01 [error] 31#31: *4 broken header: "GET / HTTP/1.1" while reading PROXY protocol, client: 10.0.0.3, server: 0.0.0.0:80', 'proxy-protocol-mismatch'],
    ['Jan 12 09:00:01 lb haproxy[77]: 10.0.0.3:50123 [12/Jan/2024:09:00:01.123] fe_https/1: Received something which does not look like a PROXY protocol header', 'proxy-protocol-mismatch'],
    ['upstream connect error or disconnect/reset before headers. reset reason: overflow', 'thread-pool-starvation'],
    ['2021-08-20T20:05:26.407Z ERROR - Container web_0_eb8c0388 for site web did not start within expected time limit. Elapsed time = 230.0598588 sec', 'port-binding-failure'],
    ['2024-01-25T20:44:48.899Z INFO - Stopping site web because it failed during startup.', 'process-start-failure'],
    ['curl: (7) Failed to connect to localhost port 5000 after 0 ms: Connection refused', 'proxy-upstream-refused'],
    ['curl: (7) Failed to connect to 127.0.0.1 port 8080: Connection refused', 'proxy-upstream-refused'],
    ['curl: (52) Empty reply from server', 'proxy-upstream-closed'],
    // uWSGI reading "GET " as a packet header (plain HTTP to its uwsgi socket), and headers over its buffer-size
    ['invalid request block size: 21573 (max 4096)...skip', 'proxy-protocol-mismatch'],
    // TLS and HTTP/2 bytes where HTTP/1.x was expected, and Java's word for plain bytes where TLS was
    ['127.0.0.1 - - [15/May/2013:16:06:36 -0500] "\\x16\\x03\\x01" 501 290 "-" "-"', 'proxy-protocol-mismatch'],
    ['10.0.0.7 - - [02/Mar/2024:10:00:00 +0000] "PRI * HTTP/2.0" 400 150 "-" "-"', 'proxy-protocol-mismatch'],
    ['javax.net.ssl.SSLException: Unrecognized SSL message, plaintext connection?', 'proxy-protocol-mismatch'],
    ['invalid request block size: 4261 (max 4096)...skip', 'proxy-upstream-closed'],
    ['Host Error: Microsoft.Azure.WebJobs.Script: Host thresholds exceeded: [Connections].', 'snat-port-exhaustion'],
    ['curl: (1) Received HTTP/0.9 when not allowed', 'proxy-protocol-mismatch'],
    ['curl: (60) SSL certificate problem: self-signed certificate', 'backend-tls-failure'],
    ['System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.\n ---> System.Security.Authentication.AuthenticationException: Cannot determine the frame size or a corrupted frame was received.', 'proxy-protocol-mismatch'],
    [
      "warn: Microsoft.AspNetCore.Server.Kestrel[0]\n      Unable to bind to http://localhost:5000 on the IPv6 loopback interface: 'Cannot assign requested address'.\ninfo: Microsoft.Hosting.Lifetime[14]\n      Now listening on: http://localhost:5000",
      'proxy-upstream-refused',
    ],
  ]);

  // The warning alone means Kestrel listens on the IPv4 loopback only (Linux without IPv6: most often a
  // container, where nothing outside can connect); a bind failure after it is the real fault.
  it('reads the IPv6-loopback warning as a loopback-only listener, and a bind failure after it as the fault to fix', () => {
    const warning = "warn: Microsoft.AspNetCore.Server.Kestrel[0]\n      Unable to bind to http://localhost:80 on the IPv6 loopback interface: 'Cannot assign requested address'.";
    const failed = `${warning}\ncrit: Microsoft.AspNetCore.Server.Kestrel[0]\n      Unable to start Kestrel.\nSystem.IO.IOException: Failed to bind to address http://localhost:80.`;
    expect(diagnose(warning).findings[0]?.cause).toBe('proxy-upstream-refused');
    // Kestrel then did not start, so the proxy is refused either way; the bind failure is what to fix.
    const causes = diagnose(failed).findings.slice(0, 3).map((f) => f.cause);
    expect(causes.some((c) => c === 'port-binding-failure' || c === 'kestrel-bind-denied')).toBe(true);
    expect(diagnose(failed).findings[0]?.confidence).toBeGreaterThan(diagnose(warning).findings[0]?.confidence ?? 1);
  });

  it('keeps the Kestrel bind warning on Windows (another error text) off the container reading', () => {
    const d = diagnose("Unable to bind to http://localhost:5000 on the IPv6 loopback interface: 'An attempt was made to access a socket in a way forbidden by its access permissions.'.");
    expect(d.findings[0]?.cause).not.toBe('proxy-upstream-refused');
  });
});
