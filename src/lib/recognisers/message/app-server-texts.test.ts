/**
 * The app servers that sit behind nginx, Apache or a cloud router (Gunicorn, uWSGI, Unicorn,
 * Puma) log when their master kills a worker that overran its time-out or ran out of memory: the
 * proxy then sees the connection closed without a response. Their own log words go through
 * diagnose() and come out as the cause they mean, with other pids, timings and prefixes. So do
 * the JVM's own words when a Java gateway or client (Spring Cloud Gateway, WebClient) is the proxy:
 * its TLS trust and host name errors, Reactor Netty's premature close, a database pool run dry;
 * PHP-FPM's process manager (children used up, a child killed or timed out); and runc's "exec
 * format error" for an image of another CPU architecture; Docker's host port already allocated;
 * Reactor's time-out, Netty's plain text where TLS was expected and Hystrix's time-out and open
 * circuit, as a Java gateway (Spring Cloud Gateway, Zuul) reports them.
 */
import { describe } from 'vitest';
import { topCauseTests } from '../../../../tests/support/message-cases.ts';

describe('diagnose() with the app servers of the message catalogue', () => {
  topCauseTests([
    ['[2021-07-02 09:14:03 +0200] [9] [CRITICAL] WORKER TIMEOUT (pid:4182)', 'proxy-upstream-closed'],
    ['web_1 | [CRITICAL] WORKER TIMEOUT (pid:27)\nweb_1 | [INFO] Booting worker with pid: 31', 'proxy-upstream-closed'],
    ['[2023-01-09 10:00:00 +0000] [1] [ERROR] Worker (pid:57) was sent SIGKILL! Perhaps out of memory?', 'resource-exhaustion'],
    ['E, [2020-05-01T10:00:00.000000 #5] ERROR -- : worker=0 PID:311 timeout (61s > 60s), killing', 'proxy-upstream-closed'],
    ['Tue Mar  5 10:14:22 2024 - *** HARAKIRI ON WORKER 2 (pid: 1311, try: 1) ***', 'proxy-upstream-closed'],
    ['2024-03-05T10:14:22.000000+00:00 app[web.1]: [3] ! Terminating timed out worker (worker failed to check in within 60 seconds): 88', 'proxy-upstream-closed'],
  ]);
  topCauseTests([
    [
      'javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
      'backend-tls-failure',
    ],
    ['Caused by: java.security.cert.CertificateException: No subject alternative DNS name matching orders.internal found.', 'backend-tls-failure'],
    ['java.security.cert.CertificateException: No subject alternative names matching IP address 10.0.4.17 found', 'backend-tls-failure'],
    [
      '2024-02-11 09:12:44.201 WARN 1 --- [ctor-http-nio-3] r.netty.http.client.HttpClientConnect : [8e21c1f0-1, L:/10.1.0.5:40212 ! R:orders/10.1.0.9:8080] The connection observed an error\nreactor.netty.http.client.PrematureCloseException: Connection prematurely closed BEFORE response',
      'keepalive-race',
    ],
    ['[13-May-2019 12:48:55] WARNING: [pool nextcloud] server reached pm.max_children setting (5), consider raising it', 'thread-pool-starvation'],
    ['[16-Oct-2020 17:03:39] WARNING: [pool www] child 1152 exited on signal 9 (SIGKILL) after 2154.228060 seconds from start', 'resource-exhaustion'],
    [
      `[05-Mar-2024 10:00:00] WARNING: [pool www] child 42, script '/var/www/html/index.php' (request: "GET /index.php") execution timed out (30.012345 sec), terminating`,
      'proxy-upstream-closed',
    ],
    ['standard_init_linux.go:228: exec user process caused: exec format error', 'process-start-failure'],
    [
      'Error response from daemon: driver failed programming external connectivity on endpoint web (3f2a): Bind for 0.0.0.0:80 failed: port is already allocated',
      'port-binding-failure',
    ],
    [
      "2024-05-02 10:11:12.123 ERROR 1 --- [     parallel-3] a.w.r.e.AbstractErrorWebExceptionHandler : [5c1e] 504 GATEWAY_TIMEOUT\njava.util.concurrent.TimeoutException: Did not observe any item or terminal signal within 8000ms in 'flatMap' (and no fallback has been configured)",
      'proxy-upstream-timeout',
    ],
    ['io.netty.handler.ssl.NotSslRecordException: not an SSL/TLS record: 485454502f312e3120343030', 'proxy-protocol-mismatch'],
    ['com.netflix.hystrix.exception.HystrixRuntimeException: billing timed-out and no fallback available.', 'proxy-upstream-timeout'],
    ['com.netflix.zuul.exception.ZuulException: Forwarding error\nCaused by: com.netflix.hystrix.exception.HystrixRuntimeException: users short-circuited and no fallback available.', 'backend-unhealthy'],
    ['java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30004ms.', 'thread-pool-starvation'],
    [
      "System.InvalidOperationException: Timeout expired.  The timeout period elapsed prior to obtaining a connection from the pool.  This may have occurred because all pooled connections were in use and max pool size was reached.",
      'thread-pool-starvation',
    ],
  ]);
});
