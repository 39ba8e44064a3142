/**
 * Whole families of proxy- and cloud-side texts beyond the error-log formats: SELinux audit
 * entries and setroubleshoot summaries for a proxy denied its connect (the httpd_t domain covers
 * Apache httpd and nginx), the policy boolean that allows it, nginx's start-up and resource
 * messages, a client resetting the connection nginx was answering on, an upstream closing a TLS connection, AWS target-health descriptions and ECS service
 * events, Google Cloud's remaining statusDetails for a backend, Cloudflare Tunnel's 1033 page and
 * Envoy's certificate verdict, mod_fastcgi failing to reach its FastCGI server, nginx unable to open a socket to its upstream, a Kubernetes Service without endpoints, App Service on Linux giving up on a site container. Each goes through diagnose() and comes out with its cause.
 */
import { describe } from 'vitest';
import { topCauseTests } from '../../../../tests/support/message-cases.ts';

describe('diagnose() with proxy and cloud families of the message catalogue', () => {
  topCauseTests([
    [
      'type=AVC msg=audit(1700000000.123:456): avc:  denied  { name_connect } for  pid=2215 comm="nginx" dest=5000 scontext=system_u:system_r:httpd_t:s0 tcontext=system_u:object_r:unreserved_port_t:s0 tclass=tcp_socket permissive=0',
      'proxy-permission-denied',
    ],
    [
      'type=AVC msg=audit(1700000000.123:457): avc:  denied  { name_connect } for  pid=911 comm="httpd" dest=5001 scontext=system_u:system_r:httpd_t:s0 tcontext=system_u:object_r:commplex_link_port_t:s0 tclass=tcp_socket permissive=0',
      'proxy-permission-denied',
    ],
    [
      'type=AVC msg=audit(1700000000.5:12): avc:  denied  { connectto } for  pid=3001 comm="nginx" path="/run/app/kestrel.sock" scontext=system_u:system_r:httpd_t:s0 tcontext=system_u:system_r:unconfined_service_t:s0 tclass=unix_stream_socket permissive=0',
      'proxy-permission-denied',
    ],
    [
      'type=AVC msg=audit(1700000000.5:13): avc:  denied  { write } for  pid=3001 comm="nginx" name="kestrel.sock" dev="tmpfs" ino=4242 scontext=system_u:system_r:httpd_t:s0 tcontext=system_u:object_r:var_run_t:s0 tclass=sock_file permissive=0',
      'proxy-permission-denied',
    ],
    ['$ getsebool httpd_can_network_connect\nhttpd_can_network_connect --> off', 'proxy-permission-denied'],
    ['SELinux is preventing /usr/sbin/nginx from name_connect access on the tcp_socket port 5000.', 'proxy-permission-denied'],
    ['nginx: [emerg] host not found in upstream "api:8080" in /etc/nginx/conf.d/default.conf:12', 'proxy-upstream-refused'],
    ['2024/03/01 08:00:00 [alert] 7#7: 768 worker_connections are not enough', 'resource-exhaustion'],
    ['2024/03/01 08:00:00 [crit] 7#7: accept4() failed (24: Too many open files)', 'resource-exhaustion'],
    [
      '2024/03/01 08:00:00 [error] 7#7: *19 SSL_read() failed (SSL: error:0A000126:SSL routines::unexpected eof while reading) while reading upstream, client: 10.1.1.1',
      'proxy-upstream-closed',
    ],
    ['"Reason": "Target.FailedHealthChecks", "Description": "Health checks failed with these codes: [404]"', 'backend-unhealthy'],
    ['Target.DeregistrationInProgress: Target deregistration is in progress', 'pod-shutdown-race'],
    [
      '(service web-api) (task 5d3c1e2b9a8f4e6d) failed ELB health checks in (target-group arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/0a1b2c3d)',
      'backend-unhealthy',
    ],
    ['Stopped reason: Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/0a1b2c3d)', 'backend-unhealthy'],
    ['Stopped reason: OutOfMemoryError: Container killed due to memory usage', 'resource-exhaustion'],
    ['X-Cache: Error from cloudfront; x-amzn-ErrorType: NonS3OriginDnsError', 'proxy-upstream-refused'],
    ['jsonPayload.statusDetails: "backend_response_corrupted"', 'invalid-backend-response'],
    ['statusDetails: "ssl_certificate_san_verification_failed"', 'backend-tls-failure'],
    ['statusDetails: "ssl_certificate_chain_verification_failed"', 'backend-tls-failure'],
    ['Error 1033 Ray ID: 7d1a2b3c4d5e6f70 • Argo Tunnel error', 'proxy-upstream-refused'],
    [
      'upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: TLS error: 268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED',
      'backend-tls-failure',
    ],
    [
      "[Tue Mar 05 10:14:22.123456 2024] [proxy_http:error] [pid 1234:tid 5678] [client 203.0.113.7:51234] AH10124: header size is over the limit allowed by ResponseFieldSize (8192 bytes). Bad response header: 'Set-Cookie: .AspNetCore.Cookies=CfDJ8[...]'",
      'proxy-header-too-big',
    ],
    ['[Tue Mar 05 10:14:22.123456 2024] [proxy:error] [pid 1234:tid 5678] AH00934: HTTP: all workers are busy.  Unable to serve balancer://app/api', 'backend-unhealthy'],
    ['[Tue Mar 05 10:14:22.123456 2024] [proxy:error] [pid 1234:tid 5678] AH00933: HTTP: too soon to retry worker for (localhost:5000)', 'proxy-upstream-refused'],
    ['[Tue Mar 05 10:14:22.1 2024] [proxy_http:warn] [pid 1234:tid 5678] [client 1.2.3.4:5] AH01112: HTTP: declining URL https://localhost:5001/ (mod_ssl not configured?)', 'backend-tls-failure'],
    ['[Tue Mar 05 10:14:22.1 2024] [proxy:error] [pid 1234:tid 5678] AH10213: proxy: websocket: polling timed out (client=31, origin=31)', 'proxy-upstream-timeout'],
    ['[Tue Mar 05 10:14:22.1 2024] [proxy_http:error] [pid 1234:tid 5678] [client 1.2.3.4:5] AH01099: No HTTP headers returned by /api (GET)', 'invalid-backend-response'],
    ['"response_code_details":"no_healthy_upstream"', 'backend-unhealthy'],
    ['[2024-03-05T10:14:22.000Z] "GET /api HTTP/1.1" 504 UT upstream_per_try_timeout', 'proxy-upstream-timeout'],
    ['Name:              web\nSelector:          app=web-api\nTargetPort:        8080/TCP\nEndpoints:         <none>', 'backend-unhealthy'],
    [
      'W0330 13:08:15.742096       9 controller.go:1109] Error obtaining Endpoints for Service "default/web-api": no object matching key "default/web-api" in local store',
      'proxy-upstream-refused',
    ],
    ['2025-12-11T01:07:50.9631197Z Site startup probe failed after 231.0055547 seconds.\nState: Starting, Action: WaitingForSiteWarmUpProbeSuccess, LastError: ContainerTimeout', 'port-binding-failure'],
    ['[Fri Jun 06 10:00:01.500000 2014] [fastcgi:error] [pid 901:tid 1400] (13)Permission denied: [client 10.1.2.3:50100] FastCGI: failed to connect to server "/usr/lib/cgi-bin/php-fcgi": connect() failed', 'proxy-permission-denied'],
    ['[Fri Jun 06 10:00:01 2014] [error] [client 10.1.2.3] (111)Connection refused: FastCGI: failed to connect to server "/var/www/cgi-bin/php.fcgi": connect() failed', 'proxy-upstream-refused'],
    ['[Fri Jun 06 10:00:02 2014] [error] [client 10.1.2.3] FastCGI: incomplete headers (0 bytes) received from server "/var/www/cgi-bin/php.fcgi"', 'proxy-upstream-closed'],
    ['2024/01/05 10:00:00 [alert] 31#31: *5 socket() failed (97: Address family not supported by protocol) while connecting to upstream, client: 10.0.0.9, server: app.example.com, request: "GET / HTTP/1.1", upstream: "http://[::1]:5000/", host: "app.example.com"', 'proxy-upstream-refused'],
    ['ContainerStartupFailure ... Container exited with exit code 1 during startup', 'process-start-failure'],
    ['2024/01/10 10:00:00 [error] 12#12: *5 writev() failed (104: Connection reset by peer) while sending to client, client: 10.0.0.1', 'client-aborted'],
    ['2024/01/10 10:00:00 [info] 12#12: *5 writev() failed (32: Broken pipe) while sending to client, client: 10.0.0.1, server: _', 'client-aborted'],
  ]);
});
