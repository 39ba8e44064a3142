/**
 * The cloud front ends' and Node.js dev-server proxies' own words (Google Cloud load balancer statusDetails, Cloudflare's 52x
 * pages, Heroku's router and dyno codes, Azure Container Apps' target port and Front Door's
 * ErrorInfo, Cloud Run, ALB metrics, kubelet probe events, ingress-nginx's empty service) go through diagnose() and come out with the cause their
 * documentation gives, read by the message catalogue.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../engine/diagnose.ts';
import { topCauseTests } from '../../../../tests/support/message-cases.ts';

describe('diagnose() with the cloud products of the message catalogue', () => {
  topCauseTests([
    ['jsonPayload.statusDetails: "backend_connection_closed_before_data_sent_to_client"', 'keepalive-race'],
    ['statusDetails: "failed_to_pick_backend"', 'backend-unhealthy'],
    ['statusDetails: "backend_timeout"', 'proxy-upstream-timeout'],
    ['statusDetails: "failed_to_connect_to_backend"', 'proxy-upstream-refused'],
    ['statusDetails: "client_disconnected_before_any_response"', 'client-aborted'],
    ['Error: Server Error The server encountered a temporary error and could not complete your request. Please try again in 30 seconds.', 'backend-unhealthy'],
    ['example.com | 521: Web server is down', 'proxy-upstream-refused'],
    ['Web server is returning an unknown error Error code 520', 'proxy-upstream-closed'],
    ["The initial connection between Cloudflare's network and the origin web server timed out.", 'proxy-upstream-refused'],
    ['A timeout occurred Error code 524', 'proxy-upstream-timeout'],
    ['SSL handshake failed Error code 525', 'backend-tls-failure'],
    ['heroku[web.1]: Error R10 (Boot timeout) -> Web process failed to bind to $PORT within 60 seconds of launch', 'port-binding-failure'],
    ['heroku[router]: at=error code=H10 desc="App crashed" method=GET path="/" host=x.herokuapp.com dyno= connect= service= status=503', 'process-start-failure'],
    ['heroku[router]: at=error code=H14 desc="No web processes running" method=GET path="/" dyno= connect= service= status=503', 'process-start-failure'],
    ['heroku[router]: at=error code=H21 desc="Backend connection refused" method=GET path="/" dyno=web.1 status=503', 'proxy-upstream-refused'],
    ['heroku[router]: Error H15 (Idle connection) -> GET x.herokuapp.com/stream dyno=web.1', 'proxy-upstream-timeout'],
    ['heroku[web.1]: Error R15 (Memory quota vastly exceeded)', 'resource-exhaustion'],
    ['heroku[web.1]: State changed from starting to crashed', 'process-start-failure'],
    ['heroku[router]: at=error code=H12 desc="Request timeout" method=POST path="/poll" dyno=web.1 connect=1ms service=30000ms status=503', 'proxy-upstream-timeout'],
    ['heroku[router]: at=error code=H13 desc="Connection closed without response" method=GET path="/" status=503', 'proxy-upstream-closed'],
    ['heroku[web.1]: Error R14 (Memory quota exceeded)', 'resource-exhaustion'],
    ['Activation failed: The TargetPort 8000 does not match the listening port 80.', 'proxy-upstream-refused'],
    ['(8a1f0c2e-1111-2222-3333-444455556666) Execution failed due to a timeout error\n(8a1f0c2e-1111-2222-3333-444455556666) Method completed with status: 504', 'proxy-upstream-timeout'],
    ['The TargetPort 9200 does not match any of the listening ports: [9650 9600].', 'proxy-upstream-refused'],
    ['"httpStatusCode": "502", "errorInfo": "OriginConnectionRefused"', 'proxy-upstream-refused'],
    ['"errorInfo": "SSLMismatchedSNI"', 'backend-tls-failure'],
    ['"errorInfo": "ResponseHeaderTooBig"', 'proxy-header-too-big'],
    ['Container failed to start. Failed to start and then listen on the port defined by the PORT environment variable.', 'port-binding-failure'],
    ['The request failed because either the HTTP response was malformed or connection to the instance had an error.', 'proxy-upstream-closed'],
    ['HTTPCode_ELB_502_Count went up, HTTPCode_Target_5XX_Count stayed at zero', 'keepalive-race'],
    ['HTTPCode_ELB_503_Count', 'backend-unhealthy'],
    ['Readiness probe failed: Get "http://10.1.2.3:8080/healthz": context deadline exceeded', 'backend-unhealthy'],
    ['Liveness probe failed: HTTP probe failed with statuscode: 500', 'app-crash-runtime'],
    ['Back-off restarting failed container', 'app-crash-runtime'],
    ['{"level":"info","logger":"http.handlers.reverse_proxy.health_checker.active","msg":"status code out of tolerances","status_code":503,"host":"app:8080"}', 'backend-unhealthy'],
    ['shop-api-6f7d9c8b5-k2x4z   0/1     CrashLoopBackOff   5 (40s ago)   4m', 'app-crash-runtime'],
    ['Error from server (ServiceUnavailable): no endpoints available for service "shop-api"', 'backend-unhealthy'],
    ['level=warning msg="Health check failed." error="checking HTTP health: received error status code: 404" targetURL="http://10.0.0.7:8080/health"', 'backend-unhealthy'],
    ['W0426 21:51:57.908771       9 controller.go:775] Service "default/shop" does not have any active Endpoint.', 'backend-unhealthy'],
    ['[HPM] Error occurred while proxying request localhost:4200/api/x to https://localhost:5001/ [ECONNREFUSED] (https://nodejs.org/api/errors.html#errors_common_system_errors)', 'proxy-upstream-refused'],
    ['[HPM] Error occurred while trying to proxy request /api/values from localhost:3000 to http://localhost:5000 (ECONNREFUSED) (https://nodejs.org/api/errors.html#errors_common_system_errors)', 'proxy-upstream-refused'],
    ['[HPM] Error occurred while proxying request localhost:44455/weatherforecast to https://localhost:7001/ [DEPTH_ZERO_SELF_SIGNED_CERT]', 'backend-tls-failure'],
    ['[vite] http proxy error: /api/items\nError: connect ECONNREFUSED 127.0.0.1:5000', 'proxy-upstream-refused'],
    ['Error: unable to verify the first certificate', 'backend-tls-failure'],
    ['{"message": "Endpoint request timed out"}', 'proxy-upstream-timeout'],
    ['Execution failed due to configuration error: General SSLEngine problem', 'backend-tls-failure'],
    ['ERR  error="Unable to reach the origin service. The service may be down or it may not be responding to traffic from cloudflared: dial tcp 127.0.0.1:8000: connect: connection refused" originService=http://127.0.0.1:8000', 'proxy-upstream-refused'],
    ['http 2018-11-30T22:22:48.364000Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.39:2817 - 0.000 0.001 0.000 502 - 34 366 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.46.0" - - arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 "Root=1-58337364-23a8c76965a2ef7629b185e3" "-" "-" 0 2018-11-30T22:22:48.364000Z "forward" "-" "LambdaInvalidResponse" "-" "-" "-" "-"', 'invalid-backend-response'],
    ['(0d0f3a1c) Execution failed due to configuration error: Malformed Lambda proxy response', 'invalid-backend-response'],
    // A Go proxy out of local ports for new connections (EADDRNOTAVAIL on connect).
    ['dial tcp 10.0.3.17:8080: connect: cannot assign requested address', 'snat-port-exhaustion'],
    ['upstream=api.example.com error="dial tcp4 203.0.113.9:443: connect: can\'t assign requested address"', 'snat-port-exhaustion'],
  ]);

  it('does not read a bare "Error code 52x" of another number as Cloudflare', () => {
    expect(diagnose('Error code 5210 in the billing job').findings.map((f) => f.cause)).not.toContain('proxy-upstream-refused');
  });

  it("reads Heroku's application error page as the router's usual causes, none of them claimed", () => {
    const page = 'Application error\nAn error occurred in the application and your page could not be served. If you are the application owner, check your logs for details.';
    const d = diagnose(page);
    expect(d.facts.some((f) => f.kind === 'message' && f.name === 'signal')).toBe(true);
    expect(d.findings.slice(0, 3).map((f) => f.cause).sort()).toEqual(['port-binding-failure', 'process-start-failure', 'proxy-upstream-timeout']);
    expect(d.findings[0]!.confidence).toBeLessThan(0.5);
  });

  it("does not read http-proxy-middleware's 504 page as a timeout: it carries 504 for any connection error", () => {
    const d = diagnose('Error occurred while trying to proxy: localhost:4200/api/values');
    expect(d.findings[0]?.cause).toBe('proxy-upstream-refused');
    const timeout = d.findings.find((f) => f.cause === 'proxy-upstream-timeout');
    expect(timeout === undefined || timeout.confidence < 0.5).toBe(true);
  });
});

