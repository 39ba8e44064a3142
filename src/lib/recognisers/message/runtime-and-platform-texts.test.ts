/**
 * What the backend's own runtime and the platform it runs on print while the proxy in front of it
 * answers 502, 503 or 504 (catalogue entries of 2026-12-07, products `app-server`, `node-proxy`,
 * `paas`, `gcp`, `aws`, `azure` and `kubernetes`): the JVM's exceptions as Tomcat, Jetty, Netty,
 * Spring Cloud Gateway and the JDK write them; Python's, Ruby's, PHP's and Node's servers and
 * process managers when they cannot start or keep up; a platform's error codes and deploy-log lines;
 * a container runtime that cannot start the image. Each goes through diagnose() with the values,
 * prefixes and stack lines of a real log, and comes out as the cause it means.
 */
import { describe } from 'vitest';
import { topCauseTests } from '../../../../tests/support/message-cases.ts';

describe('diagnose() with the JVM texts of the message catalogue', () => {
  topCauseTests([
    ['org.apache.catalina.connector.ClientAbortException: java.io.IOException: Broken pipe\n\tat org.apache.catalina.connector.OutputBuffer.realWriteBytes(OutputBuffer.java:341)', 'client-aborted'],
    ['2024-04-11 08:02:13.511 ERROR 7 --- [reactor-http-epoll-2] o.s.c.g.h.RoutePredicateHandlerMapping : io.netty.handler.timeout.ReadTimeoutException: null', 'proxy-upstream-timeout'],
    ['org.springframework.cloud.gateway.support.TimeoutException: Response took longer than timeout: PT10S', 'proxy-upstream-timeout'],
    ['Caused by: io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: orders/10.42.0.17:8081', 'proxy-upstream-refused'],
    ['java.net.ConnectException: Connection refused\n\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)', 'proxy-upstream-refused'],
    ['Caused by: java.net.SocketTimeoutException: Read timed out\n\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:278)', 'proxy-upstream-timeout'],
    ['org.apache.http.NoHttpResponseException: billing.internal:8443 failed to respond\nCaused by: The target server failed to respond', 'keepalive-race'],
    ['Exception in thread "http-nio-8080-exec-7" java.lang.OutOfMemoryError: Java heap space', 'resource-exhaustion'],
    ['com.netflix.client.ClientException: Load balancer does not have available server for client: inventory-service', 'backend-unhealthy'],
    ['2023-09-02 11:40:01.002 WARN 1 --- [main] o.e.j.w.WebAppContext : Failed startup of context o.e.j.w.WebAppContext@1a2b3c{/,null,UNAVAILABLE}', 'process-start-failure'],
  ]);
});

describe('diagnose() with the Python, Ruby, PHP and Node texts of the message catalogue', () => {
  topCauseTests([
    ['web-1  | ERROR:    Error loading ASGI app. Could not import module "main".', 'process-start-failure'],
    ['INFO:     Waiting for application startup.\nERROR:    Application startup failed. Exiting.', 'process-start-failure'],
    ['[2024-02-01 10:00:00 +0000] [12] [ERROR] Exception in worker process', 'process-start-failure'],
    ['Failed to find application, did you mean \'app.wsgi:application\'?', 'process-start-failure'],
    ['[ 2024-03-03 10:11:12.1234 1021/T8 age/Cor/CheckoutSession.cpp:281 ]: [Client 1-42] Cannot checkout session because a spawning error occurred.', 'process-start-failure'],
    ['[ 2024-03-03 10:11:12.1234 1021/T8 age/Cor/Con/CheckoutSession.cpp:276 ]: Request queue full (configured max. size: 100)', 'thread-pool-starvation'],
    ['[05-Mar-2024 10:00:00] ERROR: unable to bind listening socket for address \'127.0.0.1:9000\': Address already in use (98)', 'port-binding-failure'],
    ['PM2        | Script /srv/app/server.js had too many unstable restarts (16). Stopped. "errored"', 'process-start-failure'],
    ['<--- Last few GCs --->\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory', 'resource-exhaustion'],
    ["Error: Could not find a production build in the '/app/.next' directory. Try building your app with 'next build' before starting the production server.", 'incomplete-publish'],
  ]);
});

describe('diagnose() with the platform and container texts of the message catalogue', () => {
  topCauseTests([
    ['504: GATEWAY_TIMEOUT\nCode: FUNCTION_INVOCATION_TIMEOUT\nID: fra1::iad1::8xk2p-1712345678901-abcdef012345', 'proxy-upstream-timeout'],
    ['500: INTERNAL_SERVER_ERROR\nCode: FUNCTION_INVOCATION_FAILED\nID: cdg1::9z8y7-1712345678901-0123456789ab', 'app-crash-runtime'],
    ['==> No open ports detected, continuing to scan...\n==> Port scan timeout reached, no open ports detected.', 'port-binding-failure'],
    ['ERROR: (gcloud.run.deploy) Revision \'api-00012-xyz\' is not ready and cannot serve traffic. The user-provided container failed to start and listen on the port defined provided by the PORT=8080 environment variable.', 'port-binding-failure'],
    ['Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "dotnet": executable file not found in $PATH: unknown', 'process-start-failure'],
    ['Warning  Evicted  3m  kubelet  The node was low on resource: memory. Threshold quantity: 100Mi, available: 88Mi.', 'resource-exhaustion'],
    ['Warning  FailedScheduling  2m  default-scheduler  0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.', 'resource-exhaustion'],
    ['service web (instance i-0abc) (port 8080) is unhealthy in target-group web-tg due to (reason Health checks failed). Elastic Load Balancer awseb-e-x-AWSEBLoa-1ABC Has Zero Healthy Instances', 'backend-unhealthy'],
  ]);
});
