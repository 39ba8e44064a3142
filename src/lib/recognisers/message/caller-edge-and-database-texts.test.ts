/**
 * What the caller, the CDN in front and the database behind print while the app answers 502, 503
 * or 504 (catalogue entries of 2026-12-07, products `browser`, `http-client`, `cdn`, `cloudflare`,
 * `database` and `kubernetes`): a browser's or an HTTP client's error for a request the proxy
 * failed, a CDN's error page or log value for an origin it could not reach, a database or cache
 * that is full, gone or restarting, a service mesh that gave up on the app. Each goes through
 * diagnose() with the values and prefixes of a real paste, and comes out as the cause it means.
 */
import { describe } from 'vitest';
import { topCauseTests } from '../../../../tests/support/message-cases.ts';

describe('diagnose() with what the caller sees', () => {
  topCauseTests([
    ['GET https://shop.example.org/api/cart net::ERR_INCOMPLETE_CHUNKED_ENCODING 200 (OK)', 'proxy-upstream-closed'],
    ['This site can’t be reached\nThe connection was reset.\nERR_CONNECTION_RESET', 'proxy-upstream-closed'],
    ['Secure Connection Failed\nAn error occurred during a connection to app.example.org. SSL received a record that exceeded the maximum permissible length.\nError code: SSL_ERROR_RX_RECORD_TOO_LONG', 'proxy-protocol-mismatch'],
    ["requests.exceptions.ConnectionError: HTTPConnectionPool(host='api', port=8000): Max retries exceeded with url: /health (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f>: Failed to establish a new connection: [Errno 111] Connection refused'))", 'proxy-upstream-refused'],
    ["http.client.RemoteDisconnected: Remote end closed connection without response", 'proxy-upstream-closed'],
    ['AxiosError: timeout of 30000ms exceeded\n    at RedirectableRequest.handleRequestTimeout (/app/node_modules/axios/dist/node/axios.cjs:3256:16)', 'proxy-upstream-timeout'],
    ['rpc error: code = Unavailable desc = connection error: desc = "error reading server preface: http2: frame too large"', 'proxy-protocol-mismatch'],
    ['Error: 14 UNAVAILABLE: No connection established. Last error: connect ECONNREFUSED 10.0.3.7:50051', 'proxy-upstream-refused'],
  ]);
});

describe('diagnose() with what the CDN in front says', () => {
  topCauseTests([
    ['Error 503 Backend is unhealthy\n\nBackend is unhealthy\n\nGuru Mediation:\nDetails: cache-fra-etou8220073-FRA 1712345678 1234567890\n\nVarnish cache server', 'backend-unhealthy'],
    ['Worker threw exception | app.example.workers.dev | Cloudflare\nError 1101\nRay ID: 7f1a2b3c4d5e6f70', 'app-crash-runtime'],
    ['2024-05-01T10:00:00Z ERR  error="Unable to reach the origin service. The service may be down or it may not be responding to traffic from cloudflared: unable to dial tcp to origin 127.0.0.1:8080: connection refused"', 'proxy-upstream-refused'],
    ['Akamai edge log: 504 ERR_READ_TIMEOUT|origin=origin.example.org', 'proxy-upstream-timeout'],
  ]);
});

describe('diagnose() with what the database or the mesh behind says', () => {
  topCauseTests([
    ['2024-02-11 09:12:44.201 UTC [412] FATAL:  sorry, too many clients already', 'thread-pool-starvation'],
    ["sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)", 'thread-pool-starvation'],
    ['Npgsql.NpgsqlException (0x80004005): The connection pool has been exhausted, either raise \'Max Pool Size\' (currently 100) or \'Timeout\' (currently 15 seconds) in your connection string.', 'thread-pool-starvation'],
    ["ReplyError: OOM command not allowed when used memory > 'maxmemory'.", 'resource-exhaustion'],
    ['[  1234.567890s]  INFO ThreadId(01) outbound:proxy{addr=10.0.4.12:8080}: linkerd_app_core::errors::respond: Request failed error=logical service orders.shop.svc.cluster.local:8080: service in fail-fast', 'backend-unhealthy'],
  ]);
});
