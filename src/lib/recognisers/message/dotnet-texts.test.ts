/**
 * .NET process texts of the message catalogue: Kestrel's about the app's own connections and
 * addresses (the libuv transport's "Error <code> <NAME> <text>" family with Linux and Windows
 * numbers, the default binding to localhost:5000, the localhost dynamic-port error, the shutdown and
 * hung-request lines, the request rejections a proxy's TLS or protocol can cause, the response
 * aborts a proxy sees as a premature close), HttpClient's (response headers over the limit, a
 * connection closed mid-body, HTTP/2 that could not be set up), SELinux denying the dotnet host its
 * port (name_bind), and the SChannel texts .NET on Windows wraps in a TLS failure (the newer
 * "can't" wording included). Each goes through diagnose() and comes out with its cause.
 */
import { describe } from 'vitest';
import { topCauseTests } from '../../../../tests/support/message-cases.ts';

describe('diagnose() with .NET process texts of the message catalogue', () => {
  topCauseTests([
    // SELinux refusing the dotnet host its listening port: the audit entry and setroubleshoot's summary
    ['type=AVC msg=audit(1733560000.512:981): avc:  denied  { name_bind } for  pid=4410 comm="dotnet" src=8081 scontext=system_u:system_r:unconfined_service_t:s0 tcontext=system_u:object_r:transproxy_port_t:s0 tclass=tcp_socket permissive=0', 'kestrel-bind-denied'],
    ['SELinux is preventing /usr/share/dotnet/dotnet from name_bind access on the tcp_socket port 443.', 'kestrel-bind-denied'],
    ['System.IO.IOException: Error -104 ECONNRESET connection reset by peer', 'client-aborted'],
    ['Microsoft.AspNetCore.Server.Kestrel.Internal.Networking.UvException: Error -4077 ECONNRESET connection reset by peer', 'client-aborted'],
    ['System.IO.IOException: Error -32 EPIPE broken pipe', 'client-aborted'],
    ['Microsoft.AspNetCore.Server.Kestrel.Transport.Libuv.Internal.Networking.UvException: Error -4047 EPIPE broken pipe', 'client-aborted'],
    ['Error -4081 ECANCELED operation canceled', 'client-aborted'],
    ['dbug: Microsoft.AspNetCore.Server.Kestrel[0]\n      No listening endpoints were configured. Binding to http://localhost:5000 by default.', 'proxy-upstream-refused'],
    ['System.InvalidOperationException: Dynamic port binding is not supported when binding to localhost. You must either bind to 127.0.0.1:0 or [::1]:0, or both.', 'port-binding-failure'],
    ['crit: Microsoft.AspNetCore.Server.Kestrel[23]\n      Connection id "0HMQ2GQ7S5E0V" application never completed.', 'thread-pool-starvation'],
    ['dbug: Microsoft.AspNetCore.Server.Kestrel.Connections[16]\n      Some connections failed to close gracefully during server shutdown.', 'pod-shutdown-race'],
    ['dbug: Microsoft.AspNetCore.Server.Kestrel[17]\n      Connection id "0HMA" bad request data: "Invalid request line: \'\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xFC\\x03\\x03\'"', 'proxy-protocol-mismatch'],
    ["Microsoft.AspNetCore.Server.Kestrel.Core.BadHttpRequestException: Unrecognized HTTP version: 'HTTP/2.0'", 'proxy-protocol-mismatch'],
    ['System.InvalidOperationException: Response Content-Length mismatch: too few bytes written (0 of 1234).', 'proxy-upstream-closed'],
    ['The response has been aborted due to an unhandled application exception.', 'proxy-upstream-closed'],
    ["System.InvalidOperationException: Unrecognized scheme in server address 'tcp://0.0.0.0:80'. Only 'http://' and 'https://' are supported.", 'port-binding-failure'],
    ['Microsoft.AspNetCore.Server.Kestrel.Core.BadHttpRequestException: Request headers too long.', 'malformed-client-request'],
    ['System.Net.Http.HttpRequestException: The HTTP response headers length exceeded the set limit of 65536 bytes.', 'proxy-header-too-big'],
    ['System.IO.IOException: Unable to read data from the transport connection. The connection was closed before all data could be read. Expected 5120 bytes, read 1024 bytes.', 'proxy-upstream-closed'],
    ['System.Net.Http.HttpRequestException: Requesting HTTP version 2.0 with version policy RequestVersionExact while unable to establish HTTP/2 connection.', 'proxy-protocol-mismatch'],
    ['System.ComponentModel.Win32Exception (0x80090326): The message received was unexpected or badly formatted.', 'backend-tls-failure'],
    ["---> System.ComponentModel.Win32Exception: The client and server can't communicate, because they do not possess a common algorithm", 'backend-tls-failure'],
    ['System.Security.Authentication.AuthenticationException: Authentication failed, see inner exception.\n ---> System.ComponentModel.Win32Exception (0x80090328): The received certificate has expired.', 'backend-tls-failure'],
    ['System.ComponentModel.Win32Exception (0x80092013): The revocation function was unable to check revocation because the revocation server was offline.', 'backend-tls-failure'],
  ]);
});
