/**
 * .NET process texts of the message catalogue: Kestrel's about the app's own connections and
 * addresses (the libuv transport's "Error <code> <NAME> <text>" family with Linux and Windows
 * numbers, the default binding to localhost:5000, the localhost dynamic-port error, the shutdown and
 * hung-request lines), and the SChannel texts .NET on Windows wraps in a TLS failure (the newer
 * "can't" wording included). Each goes through diagnose() and comes out with its cause.
 */
import { describe } from 'vitest';
import { topCauseTests } from '../../../../tests/support/message-cases.ts';

describe('diagnose() with .NET process texts of the message catalogue', () => {
  topCauseTests([
    ['System.IO.IOException: Error -104 ECONNRESET connection reset by peer', 'client-aborted'],
    ['Microsoft.AspNetCore.Server.Kestrel.Internal.Networking.UvException: Error -4077 ECONNRESET connection reset by peer', 'client-aborted'],
    ['System.IO.IOException: Error -32 EPIPE broken pipe', 'client-aborted'],
    ['Microsoft.AspNetCore.Server.Kestrel.Transport.Libuv.Internal.Networking.UvException: Error -4047 EPIPE broken pipe', 'client-aborted'],
    ['Error -4081 ECANCELED operation canceled', 'client-aborted'],
    ['dbug: Microsoft.AspNetCore.Server.Kestrel[0]\n      No listening endpoints were configured. Binding to http://localhost:5000 by default.', 'proxy-upstream-refused'],
    ['System.InvalidOperationException: Dynamic port binding is not supported when binding to localhost. You must either bind to 127.0.0.1:0 or [::1]:0, or both.', 'port-binding-failure'],
    ['crit: Microsoft.AspNetCore.Server.Kestrel[23]\n      Connection id "0HMQ2GQ7S5E0V" application never completed.', 'thread-pool-starvation'],
    ['dbug: Microsoft.AspNetCore.Server.Kestrel.Connections[16]\n      Some connections failed to close gracefully during server shutdown.', 'pod-shutdown-race'],
    ['System.ComponentModel.Win32Exception (0x80090326): The message received was unexpected or badly formatted.', 'backend-tls-failure'],
    ["---> System.ComponentModel.Win32Exception: The client and server can't communicate, because they do not possess a common algorithm", 'backend-tls-failure'],
    ['System.Security.Authentication.AuthenticationException: Authentication failed, see inner exception.\n ---> System.ComponentModel.Win32Exception (0x80090328): The received certificate has expired.', 'backend-tls-failure'],
    ['System.ComponentModel.Win32Exception (0x80092013): The revocation function was unable to check revocation because the revocation server was offline.', 'backend-tls-failure'],
  ]);
});
