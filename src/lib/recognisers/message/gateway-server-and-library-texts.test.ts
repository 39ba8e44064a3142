/**
 * What API gateways and auth proxies, the web servers that host an app, and .NET's own libraries
 * print while the app behind them answers 502, 503 or 504 (catalogue entries of 2026-12-07,
 * products `api-gateway`, `auth-proxy`, `kong`, `azure`, `web-server`, `apache`, `kestrel` and
 * `dotnet-net`). Each goes through diagnose() with the values and prefixes of a real log, and
 * comes out as the cause it means.
 */
import { describe } from 'vitest';
import { topCauseTests } from '../../../../tests/support/message-cases.ts';

describe('diagnose() with the gateway and auth-proxy texts of the message catalogue', () => {
  topCauseTests([
    ['warn: Ocelot.Requester.Middleware.HttpRequesterMiddleware[0]\n      requestId: 0HMV4, previousRequestId: no previous request id, message: Error making http request, exception: Ocelot.Errors.RequestTimedOutError: Timeout making http request, exception: System.Threading.Tasks.TaskCanceledException', 'proxy-upstream-timeout'],
    ['2024/03/01 10:00:00 [error] 49#49: *1201 [lua] balancer.lua:393: run(): failed to pick server: failed to find valid upstream server, all upstream servers tried while connecting to upstream, client: 10.1.0.7', 'proxy-upstream-refused'],
    ['2024/03/01 10:00:00 [warn] 1309#0: *2101 [lua] healthcheck.lua:1150: log(): [healthcheck] (orders.default.svc_8080) balancer orders.default.svc:8080 reported health status changed to UNHEALTHY', 'backend-unhealthy'],
    ['time="2024-04-11T08:02:13.511Z" level=error msg="error invoking app channel: Post \\"http://127.0.0.1:5000/orders\\": dial tcp 127.0.0.1:5000: connect: connection refused" app_id=orders', 'proxy-upstream-refused'],
    ['[2024/05/02 10:11:12] [oauthproxy.go:838] Error proxying to upstream server: dial tcp 10.0.0.12:3000: connect: connection refused', 'proxy-upstream-refused'],
  ]);
});

describe('diagnose() with the web-server texts of the message catalogue', () => {
  topCauseTests([
    ['2024-03-03 10:11:12.123456 [NOTICE] [1201] [T0] [12.34.56.78:51234#example.com:lsapi] ExtConn timed out while processing.', 'proxy-upstream-timeout'],
    ['2024-03-03 10:11:12: (gw_backend.c.243) establishing connection failed: socket: unix:/run/php/php-fpm.sock: Connection refused', 'proxy-upstream-refused'],
    ['[Sat Mar 02 10:00:00.123456 2024] [mpm_prefork:error] [pid 1201] AH00161: server reached MaxRequestWorkers setting, consider raising the MaxRequestWorkers setting', 'resource-exhaustion'],
    ['(13)Permission denied: AH00072: make_sock: could not bind to address [::]:80\nno listening sockets available, shutting down', 'kestrel-bind-denied'],
    ['[Sat Mar 02 10:00:00.123456 2024] [fcgid:warn] [pid 1201] [client 10.0.0.3:51000] mod_fcgid: read data timeout in 40 seconds', 'proxy-upstream-timeout'],
  ]);
});

describe('diagnose() with the .NET library texts of the message catalogue', () => {
  topCauseTests([
    ["fail: Grpc.AspNetCore.Server.ServerCallHandler[6]\n      Request protocol 'HTTP/1.1' is not supported.", 'proxy-protocol-mismatch'],
    ['Grpc.Core.RpcException: Status(StatusCode="Unavailable", Detail="Error starting gRPC call. HttpRequestException: Connection refused (orders:5001) SocketException: Connection refused", DebugException="System.Net.Http.HttpRequestException: Connection refused (orders:5001)")', 'proxy-upstream-refused'],
    ["warn: Polly[3]\n      Resilience event occurred. EventName: 'OnCircuitOpened', Source: 'orders-standard//Standard-CircuitBreaker', Operation Key: '', Result: '503'", 'backend-unhealthy'],
    ['Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService[102]\n      Health check processing completed after 5003.4ms with combined status Unhealthy', 'backend-unhealthy'],
  ]);
});
