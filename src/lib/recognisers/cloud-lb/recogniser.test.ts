/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { indexLines } from '../../engine/lines.ts';
import type { Fact } from '../../engine/types.ts';
import { signals as lbSignals } from '../../signals/cloud-lb.ts';
import { recogniser } from './recogniser.ts';
import albSporadic from '../../../../tests/fixtures/cloud-lb/alb-sporadic.txt?raw';
import albDeploy from '../../../../tests/fixtures/cloud-lb/alb-deploy.txt?raw';
import appgw from '../../../../tests/fixtures/cloud-lb/appgw.txt?raw';
import appgwPage from '../../../../tests/fixtures/cloud-lb/appgw-page.txt?raw';
import frontDoor from '../../../../tests/fixtures/cloud-lb/front-door.txt?raw';
import envoy from '../../../../tests/fixtures/cloud-lb/envoy.txt?raw';
import more from '../../../../tests/fixtures/cloud-lb/more.txt?raw';
import k8sEvents from '../../../../tests/fixtures/cloud-lb/kubernetes-events.txt?raw';
import nginxPage from '../../../../tests/fixtures/nginx/error-page.html?raw';
import elbClassic from '../../../../tests/fixtures/cloud-lb/elb-classic.txt?raw';

function run(text: string): Fact[] {
  return recogniser.recognise(text, indexLines(text));
}
const named = (facts: Fact[], name: Fact['name']) => facts.filter((f) => f.name === name);
const values = (facts: Fact[], name: Fact['name']) => named(facts, name).map((f) => f.value);
const text = (input: string, f: Fact) => input.slice(f.span.start, f.span.end);

describe('cloud-lb recogniser: AWS Classic Load Balancer', () => {
  it('reads 504s without an instance answer, a 504 at the idle timeout, a 503 without a backend and a 502 without an answer', () => {
    const facts = run(elbClassic);
    expect(values(facts, 'signal')).toEqual(['cloud-lb.elb-504-no-response', 'cloud-lb.elb-504-timeout', 'cloud-lb.elb-503-no-backend', 'cloud-lb.elb-502-no-response']);
    expect(values(facts, 'status')).toEqual(['504', '504', '503', '502']);
    expect(values(facts, 'server')).toEqual(['aws-alb']);
    expect(named(facts, 'placed').length).toBe(1);
    const first = named(facts, 'status')[0] as Fact;
    expect(text(elbClassic, first)).toBe('504');
  });

  it('reads a line copied from a web page, with typographic dashes in the date and quotes', () => {
    const line = '2015\u201309\u201307T11:24:40.052149Z elb1 111.222.33.44:47449 - -1 -1 -1 504 0 99 0 \u201cGET /\u201d ECDHE-RSA-AES128-SHA TLSv1';
    const facts = run(line);
    expect(values(facts, 'signal')).toEqual(['cloud-lb.elb-504-no-response']);
    expect(values(facts, 'timestamp')).toEqual(['2015-09-07T11:24:40.052149Z']);
  });

  it('leaves an ALB entry to the ALB reader and a line without the fields alone', () => {
    expect(values(run('h2 2019-03-14T09:12:01.481223Z app/shop/50dc6c495c0c9188 203.0.113.24:51812 - -1 -1 -1 502 - 34 366 "GET https://shop.example.com:443/ HTTP/2.0"'), 'signal')).not.toContain('cloud-lb.elb-504-no-response');
    expect(run('2019-03-14T09:12:01.481223Z shop-web 203.0.113.24:51812 started the deployment')).toEqual([]);
  });
});

describe('cloud-lb recogniser: AWS ALB', () => {
  it('reads a 502 with target status "-" among good requests as the keep-alive pattern', () => {
    const facts = run(albSporadic);
    expect(values(facts, 'signal')).toEqual(['cloud-lb.alb-502-no-response', 'cloud-lb.alb-sporadic-502']);
    expect(values(facts, 'status')).toEqual(['502']);
    expect(values(facts, 'url')).toEqual(['https://shop.example.com:443/api/checkout']);
    // 10:15:32.123456 answered, request created 10:15:32.100000.
    expect(values(facts, 'time-taken-ms')).toEqual([23]);
    expect(values(facts, 'setting')).toEqual(['target=10.0.1.25:8080', 'target_status=-']);
    expect(values(facts, 'server')).toEqual(['aws-alb']);
    expect(named(facts, 'placed').length).toBe(5);
    const status = named(facts, 'status')[0] as Fact;
    expect(text(albSporadic, status)).toBe('502');
  });

  it('reads an entry whose load balancer, client and target were replaced before posting', () => {
    const line =
      'https 2020-10-20T05:44:56.555810Z <<ALB-ARN>> <<Client-IP>> <<node.js EC2 local ip>>:80 0.000 0.000 -1 502 - 723 679 "GET <<Request URL>> HTTP/1.1" "Mozilla/5.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 <<ARN-Target Group>>';
    const facts = run(line);
    expect(values(facts, 'server')).toEqual(['aws-alb']);
    expect(values(facts, 'status')).toEqual(['502']);
    expect(values(facts, 'signal')).toEqual(['cloud-lb.alb-502-no-response']);
    expect(values(facts, 'setting')).toEqual(['target_status=-']);
    expect(values(facts, 'url')).toEqual([]);
    expect(text(line, named(facts, 'status')[0] as Fact)).toBe('502');
    // Times and codes in another order, or no quoted request after them: not an entry.
    expect(run('https 2020-10-20T05:44:56.555810Z <<ALB-ARN>> 502 - 0.000 0.000 -1 723 679')).toEqual([]);
  });

  it('reads a deploy where every request fails, a 503 without targets and a 504 at the idle timeout', () => {
    const facts = run(albDeploy);
    expect(values(facts, 'signal')).toEqual([
      'cloud-lb.alb-502-no-response',
      'cloud-lb.alb-502-no-response',
      'cloud-lb.alb-502-no-response',
      'cloud-lb.alb-503-no-targets',
      'cloud-lb.alb-504-timeout',
      'cloud-lb.alb-all-502',
    ]);
    expect(values(facts, 'time-taken-ms')).toContain(60000);
    expect(values(facts, 'timestamp')[0]).toBe('2024-03-05T11:00:01.000100Z');
  });

  it('reads IPv6 clients, malformed requests and lines cut short after the status codes', () => {
    const v6 =
      'https 2024-01-15T12:30:47Z app/my-alb/abc123 [2001:db8::1]:54321 10.0.0.3:80 0.001 -1 -1 502 - 128 256 "- - -" "-" - -';
    const cut = 'https 2024-01-15T12:30:48Z app/my-alb/abc123 192.0.2.102:23456 - -1 -1 -1 503 - - - ...';
    const facts = run(`${v6}\n${cut}`);
    expect(values(facts, 'signal')).toEqual(['cloud-lb.alb-502-no-response', 'cloud-lb.alb-503-no-targets']);
    expect(values(facts, 'setting')).toContain('target=10.0.0.3:80');
    expect(named(facts, 'url')).toEqual([]);
  });

  it('reads a 504 after about 10 s as a connect timeout', () => {
    const line =
      'https 2024-03-05T12:00:10.050000Z app/web/1 198.51.100.1:1000 10.0.0.9:8080 -1 -1 -1 504 - 100 200 "GET https://a.example:443/x HTTP/1.1" "curl/8" ECDHE TLSv1.2 arn:tg "Root=1" "a.example" "arn:cert" 0 2024-03-05T12:00:00.000000Z "forward" "-" "-" "10.0.0.9:8080" "-" "-" "-"';
    expect(values(run(line), 'signal')).toEqual(['cloud-lb.alb-504-connect-timeout']);
  });

  it('does not signal a target-generated 502 or Lambda errors, and splits entries sharing a line', () => {
    const a =
      'http 2024-03-05T12:00:00.000000Z app/web/1 198.51.100.1:1000 10.0.0.9:8080 0.000 0.010 0.000 502 502 100 200 "GET http://a.example:80/x HTTP/1.1" "curl/8" - - arn:tg "Root=1" "-" "-" 0 2024-03-05T11:59:59.990000Z "forward" "-" "-" "10.0.0.9:8080" "502" "-" "-"';
    const b =
      'https 2024-03-05T12:00:01.000000Z app/web/1 198.51.100.2:1001 - 0.000 -1 -1 502 - 100 200 "GET https://a.example:443/fn HTTP/1.1" "curl/8" ECDHE TLSv1.2 arn:tg "Root=2" "a.example" "arn:cert" 0 2024-03-05T12:00:00.500000Z "forward" "-" "LambdaUnhandled" "-" "-" "-" "-"';
    const facts = run(`${a} ${b}`);
    expect(named(facts, 'signal')).toEqual([]);
    expect(values(facts, 'status')).toEqual(['502', '502']);
    expect(values(facts, 'setting')).toContain('error_reason=LambdaUnhandled');
  });
});

describe('cloud-lb recogniser: Azure Application Gateway', () => {
  const facts = run(appgw);

  it('reads error_info values in one-line and pretty-printed records', () => {
    expect(values(facts, 'signal')).toEqual([
      'cloud-lb.appgw-upstream-timed-out',
      'cloud-lb.appgw-upstream-closed',
      'cloud-lb.appgw-no-live-backend',
      'cloud-lb.appgw-request-timeout',
    ]);
    expect(values(facts, 'status')).toEqual(['504', '502', '502', '502']);
  });

  it('reads v2 times in seconds and v1 times in milliseconds', () => {
    expect(values(facts, 'time-taken-ms')).toEqual([40012, 4, 1, 20013]);
    expect(values(facts, 'setting')).toEqual(
      expect.arrayContaining(['server_routed=10.1.0.4:8080', 'server_status=502', 'error_info=ERRORINFO_UPSTREAM_NO_LIVE']),
    );
    expect(values(facts, 'timestamp')[0]).toBe('2024-03-05T10:14:22+00:00');
    expect(values(facts, 'url')).toEqual(['/api/reports/export', '/api/orders', '/', '/api/slow']);
  });

  it('reads tab-separated query result rows one by one', () => {
    const rows = [
      'TimeGenerated\trequestUri_s\thttpStatus_d\terror_info_s',
      '3/5/2024, 10:14:22.000 AM\t/api/a\t504\tERRORINFO_UPSTREAM_TIMED_OUT',
      '3/5/2024, 10:14:23.000 AM\t/api/b\t502\tERRORINFO_UPSTREAM_CLOSED_CONNECTION',
    ].join('\n');
    expect(values(run(rows), 'signal')).toEqual(['cloud-lb.appgw-upstream-timed-out', 'cloud-lb.appgw-upstream-closed']);
  });

  it('places a successful record without reporting its status', () => {
    expect(values(facts, 'placed')).toEqual(['Application Gateway log record']);
  });

  it('reads the gateway 502 page and a backend certificate message', () => {
    const f = run(appgwPage);
    expect(values(f, 'status')).toEqual(['502']);
    expect(values(f, 'signal')).toEqual(['cloud-lb.appgw-502-page', 'cloud-lb.appgw-backend-certificate']);
    expect(values(f, 'setting')).toEqual(['version=Microsoft-Azure-Application-Gateway/v2']);
  });

  it('takes the IIS-style 502 text only when the paste names Application Gateway', () => {
    const page = '502 - Web server received an invalid response while acting as a gateway or proxy server.';
    expect(run(page)).toEqual([]);
    expect(values(run(`Application Gateway in front of the app returns:\n${page}`), 'signal')).toEqual([
      'cloud-lb.appgw-502-page',
    ]);
  });

  it("leaves nginx's own 502 page alone", () => {
    expect(run(nginxPage)).toEqual([]);
  });
});

describe('cloud-lb recogniser: Azure Front Door', () => {
  it('reads the outage page and ErrorInfo values of access-log rows', () => {
    const facts = run(frontDoor);
    expect(values(facts, 'signal')).toEqual([
      'cloud-lb.afd-origin-timeout',
      'cloud-lb.afd-origin-refused',
      'cloud-lb.afd-unavailable-page',
    ]);
    expect(values(facts, 'status')).toEqual(['504', '503']);
    expect(values(facts, 'time-taken-ms')).toEqual([30013, 120]);
    expect(values(facts, 'timestamp')).toContain('2024-03-05T10:14:22Z');
    expect(values(facts, 'placed')).toEqual(['Front Door log record', 'Front Door error page']);
    expect(values(facts, 'server')).toEqual(['azure-front-door']);
  });

  it('ignores an unrelated errorInfo field', () => {
    expect(run('{"api":"billing","errorInfo":"InvalidRequest","status":"400"}')).toEqual([]);
  });
});

describe('cloud-lb recogniser: Envoy and Istio', () => {
  const facts = run(envoy);

  it('reads response flags of Istio (text and JSON) and Envoy access logs', () => {
    expect(values(facts, 'signal').slice(0, 7)).toEqual([
      'cloud-lb.envoy-uf',
      'cloud-lb.envoy-urx',
      'cloud-lb.envoy-uc',
      'cloud-lb.envoy-tls-error',
      'cloud-lb.envoy-ut',
      'cloud-lb.envoy-uh',
      'cloud-lb.envoy-uc',
    ]);
    expect(values(facts, 'status')).toEqual(['503', '503', '503', '504', '503', '503']);
    expect(values(facts, 'time-taken-ms')).toEqual([29, 131002, 4, 15001, 0, 2]);
    expect(values(facts, 'url')).toContain('/api/orders/7');
    expect(values(facts, 'server')).toEqual(['envoy', 'kubernetes']);
    expect(values(facts, 'placed')).toEqual(['Envoy access log entry']);
  });

  it('reads local replies pasted from a browser', () => {
    expect(values(facts, 'signal').slice(7)).toEqual(['cloud-lb.envoy-uf', 'cloud-lb.envoy-uc', 'cloud-lb.envoy-uh']);
  });

  it('reads a TLS failure in a local reply as a protocol mismatch', () => {
    const input =
      'upstream connect error or disconnect/reset before headers. reset reason: remote connection failure, transport failure reason: TLS_error:|268435703:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER:TLS_error_end';
    expect(values(run(input), 'signal')).toEqual(['cloud-lb.envoy-tls-error']);
  });

  it('reads a protocol-error reset as UPE (upstream protocol error) and a remote reset as UR', () => {
    const reply = 'upstream connect error or disconnect/reset before headers. retried and the latest reset reason: ';
    expect(values(run(`${reply}protocol error`), 'signal')).toEqual(['cloud-lb.envoy-upe']);
    expect(values(run(`${reply}remote reset`), 'signal')).toEqual(['cloud-lb.envoy-ur']);
  });

  it('reads a refused certificate in a local reply as a backend TLS failure', () => {
    const input =
      'upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: TLS error: 268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED';
    expect(values(run(input), 'signal')).toEqual(['cloud-lb.envoy-tls-certificate']);
  });

  it('reads a local reply cut before "upstream" (a title, a quote), with its span from where the text starts', () => {
    const input = 'connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: TLS error: CERTIFICATE_VERIFY_FAILED';
    const facts = run(input);
    expect(values(facts, 'signal')).toEqual(['cloud-lb.envoy-tls-certificate']);
    expect(facts.find((f) => f.name === 'signal')?.span.start).toBe(0);
    const whole = `HTTP 503: upstream ${input}`;
    expect(run(whole).find((f) => f.name === 'signal')?.span.start).toBe('HTTP 503: '.length);
  });

  it('reads a refused handshake (handshake_failure alert) as a backend TLS failure, a plain-HTTP port (WRONG_VERSION_NUMBER) as a protocol mismatch', () => {
    const reply = 'upstream connect error or disconnect/reset before headers. reset reason: remote connection failure, transport failure reason: TLS error: ';
    expect(values(run(`${reply}268436496:SSL routines:OPENSSL_internal:SSLV3_ALERT_HANDSHAKE_FAILURE 268435610:SSL routines:OPENSSL_internal:HANDSHAKE_FAILURE_ON_CLIENT_HELLO`), 'signal')).toEqual(['cloud-lb.envoy-tls-certificate']);
    expect(values(run(`${reply}268436498:SSL routines:OPENSSL_internal:TLSV1_ALERT_PROTOCOL_VERSION`), 'signal')).toEqual(['cloud-lb.envoy-tls-certificate']);
    expect(values(run(`${reply}268435703:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER`), 'signal')).toEqual(['cloud-lb.envoy-tls-error']);
  });
});

describe('cloud-lb recogniser: more variants', () => {
  it('reads the remaining ALB, App Gateway, Front Door and Envoy failure shapes', () => {
    const facts = run(more);
    expect(values(facts, 'signal')).toEqual([
      'cloud-lb.alb-502-bad-response',
      'cloud-lb.alb-504-connect-timeout',
      'cloud-lb.afd-origin-connection-error',
      'cloud-lb.afd-origin-aborted',
      'cloud-lb.afd-origin-invalid-response',
      'cloud-lb.afd-origin-error',
      'cloud-lb.afd-origin-dns',
      'cloud-lb.afd-origin-tls',
      'cloud-lb.afd-header-too-big',
      'cloud-lb.afd-client-disconnected',
      'cloud-lb.appgw-504-page',
      'cloud-lb.envoy-ur',
      'cloud-lb.envoy-uo',
      'cloud-lb.envoy-upe',
      'cloud-lb.envoy-df',
      'cloud-lb.envoy-connect-timeout',
      'cloud-lb.envoy-tls-certificate',
    ]);
    expect(values(facts, 'server')).toEqual(['aws-alb', 'azure-front-door', 'azure-app-gateway', 'envoy']);
  });
});

describe('cloud-lb recogniser: Kubernetes events', () => {
  it('reads rollouts, stopping containers, probe failures, crash loops and OOM kills', () => {
    const facts = run(k8sEvents);
    expect(values(facts, 'signal')).toEqual([
      'cloud-lb.k8s-rollout',
      'cloud-lb.k8s-readiness-failed',
      'cloud-lb.k8s-container-stopping',
      'cloud-lb.k8s-liveness-failed',
      'cloud-lb.k8s-crash-loop',
      'cloud-lb.k8s-oom-killed',
    ]);
    expect(values(facts, 'server')).toEqual(['kubernetes']);
    // Command, header and the uneventful Scheduled row are placed.
    expect(named(facts, 'placed').length).toBe(3);
  });

  it('reads a lone event row that names a pod, but not the words Normal/Warning elsewhere', () => {
    expect(values(run('Normal   Killing   pod/web-1   Stopping container web'), 'signal')).toEqual([
      'cloud-lb.k8s-container-stopping',
    ]);
    expect(run('Warning Failed to save the report; Normal Killing of the batch job continues')).toEqual([]);
  });

  it('reads a Killing row after a failed liveness probe as the probe, not as a pod going away', () => {
    const row = '  Normal   Killing    28s   kubelet   Container web failed liveness probe, will be restarted';
    expect(values(run(row), 'signal')).toEqual(['cloud-lb.k8s-liveness-failed']);
  });
});

describe('cloud-lb recogniser: health checks seen from the app', () => {
  it('reads a probe answered outside its healthy range by the checker\'s user agent', () => {
    const input = [
      '10.0.1.9 - - [30/Jun/2019:19:22:06 +0000] "GET /health HTTP/1.1" 404 26 "-" "ELB-HealthChecker/2.0"',
      '10.0.1.9 [30/Jun/2019:19:22:36 +0000] GET / HTTP/1.1 400 26 - ELB-HealthChecker/2.0 0.011522',
    ].join('\n');
    const facts = run(input);
    expect(values(facts, 'signal')).toEqual(['cloud-lb.health-check-failed', 'cloud-lb.health-check-failed']);
    expect(values(facts, 'status')).toEqual(['404', '400']);
    expect(values(facts, 'server')).toEqual(['aws-alb']);
    expect(named(facts, 'status').map((f) => text(input, f))).toEqual(['404', '400']);
  });

  it('takes each checker\'s healthy range: a 302 fails GoogleHC but passes kube-probe', () => {
    const input = [
      '35.191.0.1 - - [01/Mar/2024:10:00:00 +0000] "GET / HTTP/1.1" 302 0 "-" "GoogleHC/1.0"',
      '10.244.0.1 - - [01/Mar/2024:10:00:01 +0000] "GET /healthz HTTP/1.1" 302 0 "-" "kube-probe/1.29"',
      '10.244.0.1 - - [01/Mar/2024:10:00:02 +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.29"',
      '{"status":503,"path":"/healthz","user_agent":"kube-probe/1.29"}',
    ].join('\n');
    const facts = run(input);
    expect(values(facts, 'signal')).toEqual(['cloud-lb.health-check-failed', 'cloud-lb.health-check-failed']);
    expect(values(facts, 'status')).toEqual(['302', '503']);
    expect(values(facts, 'server')).toEqual(['kubernetes']);
  });

  it('reads the GCE ingress backend annotation, UNHEALTHY or not', () => {
    const bad = "  ingress.kubernetes.io/backends: '{\"k8s-be-30450--7901e6b62d1b12c3\":\"UNHEALTHY\"}'";
    expect(values(run(bad), 'signal')).toEqual(['cloud-lb.gce-backend-unhealthy']);
    const good = '  ingress.kubernetes.io/backends: {"k8s-be-30450--7901e6b62d1b12c3":"HEALTHY"}';
    const facts = run(good);
    expect(values(facts, 'signal')).toEqual([]);
    expect(values(facts, 'server')).toEqual(['kubernetes']);
  });

  it('leaves a user agent alone when no probe names it', () => {
    const input = '10.0.0.1 - - [01/Mar/2024:10:00:00 +0000] "GET / HTTP/1.1" 404 0 "-" "curl/8.5.0"';
    expect(run(input)).toEqual([]);
  });
});

describe('cloud-lb recogniser: robustness', () => {
  it('only emits registered signal ids', () => {
    const ids = new Set(lbSignals.map((s) => s.id));
    const all = [albSporadic, albDeploy, appgw, appgwPage, frontDoor, envoy].join('\n');
    const facts = run(all);
    expect(named(facts, 'signal').length).toBeGreaterThan(20);
    for (const f of named(facts, 'signal')) expect(ids.has(f.value as string)).toBe(true);
    for (const f of facts) {
      expect(f.span.start).toBeGreaterThanOrEqual(0);
      expect(f.span.end).toBeLessThanOrEqual(all.length);
    }
  });
});


describe('cloud-lb recogniser: Cloud Foundry gorouter', () => {
  const rec = (error: string, reused: boolean) =>
    `{"log_level":3,"timestamp":"2024-02-01T10:00:00.000Z","message":"backend-endpoint-failed","source":"vcap.gorouter","data":{"error":"${error}","attempt":1,"retriable":false,"got-connection":true,"conn-reused":${reused}}}`;
  it('reads the error of a failed attempt, and an EOF on a reused connection as the idle-connection race', () => {
    const reused = rec('EOF', true);
    const facts = run(reused);
    expect(values(facts, 'signal')).toEqual(['cloud-lb.gorouter-reused-closed']);
    expect(text(reused, named(facts, 'signal')[0]!)).toBe('EOF');
    expect(values(facts, 'server')).toEqual(['paas']);
    expect(values(run(rec('EOF', false)), 'signal')).toEqual(['cloud-lb.gorouter-closed']);
    expect(values(run(rec('dial tcp 10.0.1.5:61001: connect: connection refused', false)), 'signal')).toEqual(['cloud-lb.gorouter-refused']);
    expect(values(run(rec('incomplete request (context canceled)', false)), 'signal')).toEqual(['cloud-lb.gorouter-client-canceled']);
  });
  it('reads each record of a paste once, also with its values on lines of their own', () => {
    const two = `${rec('EOF', true)}\n${rec('dial tcp 10.0.1.5:61001: connect: connection refused', false)}`;
    expect(values(run(two), 'signal')).toEqual(['cloud-lb.gorouter-reused-closed', 'cloud-lb.gorouter-refused']);
    // The engine's JSON view puts message and error values on lines of their own.
    const view = '{"log_level":3,"message":\nbackend-endpoint-failed\n,"data":{"error":\nEOF\n,"conn-reused":true}}';
    expect(values(run(view), 'signal')).toEqual(['cloud-lb.gorouter-reused-closed']);
    expect(run('the gorouter said nothing about backends')).toEqual([]);
  });
});
