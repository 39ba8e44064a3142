/**
 * Signals of the cloud-lb recogniser: AWS Application Load Balancer access logs, Azure
 * Application Gateway (v1/v2) logs and pages, Azure Front Door logs and page, and Envoy/Istio
 * (access-log response flags and local-reply texts; Envoy is filed here because it is usually
 * met as a managed or mesh load balancer: Istio, Azure Container Apps, Contour), and Cloud
 * Foundry's gorouter (its records of failed attempts to an app instance).
 *
 * Status traps: Envoy answers 503 (not 502) for refused/reset upstreams, App Gateway v1 answers
 * 502 on its 20 s request timeout (v2: 504), the ALB answers 502 for a target that closed the
 * connection and 504 for one that stayed silent past the idle timeout.
 */
import type { SignalDef } from '../engine/types.ts';
import { HEROKU_CODES, herokuCodeSignal } from '../recognisers/cloud-lb/heroku-codes.ts';

const kind = 'cloud-lb' as const;

export const signals: SignalDef[] = [
  // AWS ALB
  {
    id: 'cloud-lb.alb-502-no-response',
    kind,
    label: 'AWS ALB: 502 with target status "-" (the target refused, reset or closed the connection)',
    causes: {
      'proxy-upstream-refused': 0.35,
      'keepalive-race': 0.35,
      'proxy-upstream-closed': 0.3,
      'pod-shutdown-race': 0.2,
    },
  },
  {
    id: 'cloud-lb.alb-502-bad-response',
    kind,
    label: 'AWS ALB: 502 although the target answered (a response the ALB could not use)',
    causes: { 'proxy-protocol-mismatch': 0.5, 'invalid-backend-response': 0.3 },
  },
  {
    id: 'cloud-lb.alb-sporadic-502',
    kind,
    label: 'AWS ALB: occasional 502s with target status "-" among successful requests',
    causes: { 'keepalive-race': 0.6, 'pod-shutdown-race': 0.2 },
  },
  {
    id: 'cloud-lb.alb-all-502',
    kind,
    label: 'AWS ALB: every request 502 with target status "-" (nothing answers on the target port)',
    causes: { 'proxy-upstream-refused': 0.7 },
  },
  // AWS Classic Load Balancer
  {
    id: 'cloud-lb.elb-504-no-response',
    kind,
    label: 'AWS Classic ELB: 504 with backend "-" and -1 times (no instance answered: it closed the connection first, as with a keep-alive timeout shorter than the idle timeout, or stayed silent past the idle timeout)',
    causes: { 'keepalive-race': 0.5, 'proxy-upstream-timeout': 0.3, 'proxy-upstream-refused': 0.3 },
  },
  {
    id: 'cloud-lb.elb-504-timeout',
    kind,
    label: 'AWS Classic ELB: 504 after the instance took the request (no answer within the idle timeout)',
    causes: { 'proxy-upstream-timeout': 0.8, 'thread-pool-starvation': 0.3 },
  },
  {
    id: 'cloud-lb.elb-502-no-response',
    kind,
    label: 'AWS Classic ELB: 502 with backend "-" and -1 times (the instance refused or closed the connection)',
    causes: { 'keepalive-race': 0.45, 'proxy-upstream-refused': 0.4, 'invalid-backend-response': 0.2 },
  },
  {
    id: 'cloud-lb.elb-503-no-backend',
    kind,
    label: 'AWS Classic ELB: 503 without a backend (no healthy registered instance, or the surge queue is full)',
    causes: { 'backend-unhealthy': 0.5, 'resource-exhaustion': 0.3 },
  },
  {
    id: 'cloud-lb.alb-504-timeout',
    kind,
    label: 'AWS ALB: 504 with target status "-" (no response before the idle timeout)',
    causes: { 'proxy-upstream-timeout': 0.8, 'thread-pool-starvation': 0.3 },
  },
  {
    id: 'cloud-lb.alb-504-connect-timeout',
    kind,
    label: 'AWS ALB: 504 after about 10 s (the target connection could not be set up)',
    causes: { 'proxy-upstream-refused': 0.6, 'proxy-upstream-timeout': 0.3 },
  },
  {
    id: 'cloud-lb.alb-503-no-targets',
    kind,
    label: 'AWS ALB: 503 with no target (no registered targets in the target group)',
    causes: { 'backend-unhealthy': 0.9, 'pod-shutdown-race': 0.2 },
  },
  // Azure Application Gateway
  {
    id: 'cloud-lb.appgw-upstream-timed-out',
    kind,
    label: 'Application Gateway: ERRORINFO_UPSTREAM_TIMED_OUT',
    causes: { 'proxy-upstream-timeout': 1, 'thread-pool-starvation': 0.2 },
  },
  {
    id: 'cloud-lb.appgw-upstream-closed',
    kind,
    label: 'Application Gateway: ERRORINFO_UPSTREAM_CLOSED_CONNECTION',
    causes: { 'proxy-upstream-closed': 0.8, 'keepalive-race': 0.5 },
  },
  {
    id: 'cloud-lb.appgw-no-live-backend',
    kind,
    label: 'Application Gateway: ERRORINFO_UPSTREAM_NO_LIVE (no healthy backend)',
    causes: { 'backend-unhealthy': 1 },
  },
  {
    id: 'cloud-lb.appgw-request-timeout',
    kind,
    label: 'Application Gateway: 502/504 after about 20 s (the backend request timeout)',
    causes: { 'proxy-upstream-timeout': 0.8 },
  },
  {
    id: 'cloud-lb.appgw-backend-certificate',
    kind,
    label: 'Application Gateway: the backend certificate is not trusted, expired or does not match the host name',
    causes: { 'backend-tls-failure': 0.97, 'proxy-protocol-mismatch': 0.3 },
  },
  {
    id: 'cloud-lb.appgw-502-page',
    kind,
    label: 'Application Gateway: 502 page (backend unreachable, unhealthy or too slow)',
    causes: {
      'backend-unhealthy': 0.5,
      'proxy-upstream-timeout': 0.3,
      'proxy-upstream-refused': 0.2,
      'proxy-protocol-mismatch': 0.2,
    },
  },
  {
    id: 'cloud-lb.appgw-504-page',
    kind,
    label: 'Application Gateway: 504 page (the backend did not answer in time)',
    causes: { 'proxy-upstream-timeout': 0.8 },
  },
  // Azure Front Door
  {
    id: 'cloud-lb.afd-origin-timeout',
    kind,
    label: 'Front Door: ErrorInfo OriginTimeout',
    causes: { 'proxy-upstream-timeout': 0.9, 'thread-pool-starvation': 0.2 },
  },
  {
    id: 'cloud-lb.afd-origin-refused',
    kind,
    label: 'Front Door: ErrorInfo OriginConnectionRefused',
    causes: { 'proxy-upstream-refused': 0.9 },
  },
  {
    id: 'cloud-lb.afd-origin-connection-error',
    kind,
    label: 'Front Door: ErrorInfo OriginConnectionError',
    causes: { 'proxy-upstream-refused': 0.5, 'proxy-protocol-mismatch': 0.2, 'backend-unhealthy': 0.2 },
  },
  {
    id: 'cloud-lb.afd-origin-aborted',
    kind,
    label: 'Front Door: ErrorInfo OriginConnectionAborted',
    causes: { 'proxy-upstream-closed': 0.8, 'keepalive-race': 0.3 },
  },
  {
    id: 'cloud-lb.afd-origin-invalid-response',
    kind,
    label: 'Front Door: ErrorInfo OriginInvalidResponse',
    causes: { 'proxy-upstream-closed': 0.4, 'proxy-protocol-mismatch': 0.4, 'proxy-upstream-timeout': 0.2 },
  },
  {
    id: 'cloud-lb.afd-origin-error',
    kind,
    label: 'Front Door: ErrorInfo OriginError (generic origin failure)',
    causes: { 'proxy-upstream-closed': 0.2, 'proxy-upstream-refused': 0.2 },
  },
  {
    id: 'cloud-lb.afd-origin-dns',
    kind,
    label: 'Front Door: the origin host name did not resolve (DNS ErrorInfo)',
    causes: { 'proxy-upstream-refused': 0.6 },
  },
  {
    id: 'cloud-lb.afd-origin-tls',
    kind,
    label: 'Front Door: TLS/certificate failure towards the origin',
    causes: { 'backend-tls-failure': 0.9, 'proxy-protocol-mismatch': 0.3 },
  },
  {
    id: 'cloud-lb.afd-header-too-big',
    kind,
    label: 'Front Door: ErrorInfo ResponseHeaderTooBig',
    causes: { 'proxy-header-too-big': 0.9 },
  },
  {
    id: 'cloud-lb.afd-client-disconnected',
    kind,
    label: 'Front Door: ErrorInfo ClientDisconnected (the client went away before the answer)',
    causes: { 'client-aborted': 0.7 },
  },
  {
    id: 'cloud-lb.afd-unavailable-page',
    kind,
    label: "Front Door: \"Our services aren't available right now\" page",
    causes: { 'backend-unhealthy': 0.4, 'proxy-upstream-refused': 0.3, 'proxy-upstream-timeout': 0.3 },
  },
  // Envoy / Istio
  {
    id: 'cloud-lb.envoy-uf',
    kind,
    label: 'Envoy/Istio: UF upstream connection failure (503)',
    causes: { 'proxy-upstream-refused': 0.8, 'pod-shutdown-race': 0.3 },
  },
  {
    id: 'cloud-lb.envoy-uc',
    kind,
    label: 'Envoy/Istio: UC upstream connection termination (503)',
    causes: { 'keepalive-race': 0.65, 'proxy-upstream-closed': 0.55, 'pod-shutdown-race': 0.2 },
  },
  {
    id: 'cloud-lb.envoy-ur',
    kind,
    label: 'Envoy/Istio: UR upstream remote reset (503)',
    causes: { 'proxy-upstream-closed': 0.7, 'app-crash-runtime': 0.2 },
  },
  {
    id: 'cloud-lb.envoy-urx',
    kind,
    label: 'Envoy/Istio: URX retry limit exceeded',
    causes: { 'proxy-upstream-refused': 0.2, 'proxy-upstream-closed': 0.2 },
  },
  {
    id: 'cloud-lb.envoy-ut',
    kind,
    label: 'Envoy/Istio: UT upstream request timeout (504)',
    causes: { 'proxy-upstream-timeout': 0.9, 'thread-pool-starvation': 0.2 },
  },
  {
    id: 'cloud-lb.envoy-uh',
    kind,
    label: 'Envoy/Istio: UH no healthy upstream (503)',
    causes: { 'backend-unhealthy': 0.9, 'pod-shutdown-race': 0.2 },
  },
  {
    id: 'cloud-lb.envoy-uo',
    kind,
    label: 'Envoy/Istio: UO upstream overflow (circuit breaker, 503)',
    // Envoy's own limit on connections, pending or active requests was hit: requests pile up
    // because the app answers slowly, or more arrive than the limits allow.
    causes: { 'thread-pool-starvation': 0.45, 'resource-exhaustion': 0.4, 'backend-unhealthy': 0.2 },
  },
  {
    id: 'cloud-lb.envoy-upe',
    kind,
    label: 'Envoy/Istio: UPE upstream protocol error',
    causes: { 'proxy-protocol-mismatch': 0.7, 'invalid-backend-response': 0.2 },
  },
  {
    id: 'cloud-lb.envoy-df',
    kind,
    label: 'Envoy/Istio: DF upstream DNS resolution failed',
    causes: { 'proxy-upstream-refused': 0.6 },
  },
  {
    id: 'cloud-lb.envoy-tls-error',
    kind,
    label: 'Envoy/Istio: TLS error towards the upstream (e.g. WRONG_VERSION_NUMBER)',
    causes: { 'proxy-protocol-mismatch': 0.9 },
  },
  {
    id: 'cloud-lb.envoy-tls-unspecified',
    kind,
    label: 'Envoy/Istio: a TLS error towards the upstream with no reason given (TLS_error alone): a plain-HTTP port or a refused handshake',
    causes: { 'backend-tls-failure': 0.5, 'proxy-protocol-mismatch': 0.45 },
  },
  {
    id: 'cloud-lb.envoy-tls-certificate',
    kind,
    label: 'Envoy/Istio: the TLS handshake with the upstream was refused: a certificate (CERTIFICATE_VERIFY_FAILED, unknown CA, bad or expired certificate) or the handshake itself (a handshake_failure or protocol_version alert: no TLS version, cipher or SNI name both accept)',
    causes: { 'backend-tls-failure': 0.9, 'proxy-protocol-mismatch': 0.2 },
  },
  {
    id: 'cloud-lb.envoy-connect-timeout',
    kind,
    label: 'Envoy/Istio: reset reason connection timeout (upstream connect timed out)',
    causes: { 'proxy-upstream-refused': 0.5, 'proxy-upstream-timeout': 0.4 },
  },
  // Health checks seen from the app's side
  {
    id: 'cloud-lb.health-check-failed',
    kind,
    label: "A load balancer's or kubelet's health check got an unhealthy status from the app (ELB-HealthChecker, GoogleHC, kube-probe)",
    causes: { 'backend-unhealthy': 0.9 },
  },
  {
    id: 'cloud-lb.gce-backend-unhealthy',
    kind,
    label: 'GKE ingress: ingress.kubernetes.io/backends marks a backend UNHEALTHY',
    causes: { 'backend-unhealthy': 0.95 },
  },
  // Kubernetes events
  {
    id: 'cloud-lb.k8s-container-stopping',
    kind,
    label: 'Kubernetes: Killing / Stopping container (a pod is terminating)',
    causes: { 'pod-shutdown-race': 0.5 },
  },
  {
    id: 'cloud-lb.k8s-rollout',
    kind,
    label: 'Kubernetes: replica set scaled up/down (a rollout is in progress)',
    causes: { 'pod-shutdown-race': 0.4 },
  },
  {
    id: 'cloud-lb.k8s-readiness-failed',
    kind,
    label: 'Kubernetes: Readiness probe failed',
    causes: { 'backend-unhealthy': 0.4, 'pod-shutdown-race': 0.3 },
  },
  {
    id: 'cloud-lb.k8s-liveness-failed',
    kind,
    label: 'Kubernetes: Liveness probe failed (the container will be restarted)',
    causes: { 'backend-unhealthy': 0.3, 'app-crash-runtime': 0.3, 'thread-pool-starvation': 0.2 },
  },
  {
    id: 'cloud-lb.k8s-crash-loop',
    kind,
    label: 'Kubernetes: Back-off restarting failed container',
    causes: { 'app-crash-runtime': 0.6 },
  },
  {
    id: 'cloud-lb.k8s-oom-killed',
    kind,
    label: 'Kubernetes: container killed for running out of memory',
    causes: { 'resource-exhaustion': 0.9, 'app-crash-runtime': 0.4 },
  },
  // Heroku's error codes told bare ("a H13 error"): the causes of the catalogue's entry for the code.
  ...[...HEROKU_CODES].map(([code, { desc, causes }]) => ({
    id: herokuCodeSignal(code),
    kind,
    label: `Heroku: error ${code} (${desc}) named in the paste`,
    causes,
  })),
  {
    id: 'cloud-lb.gorouter-reused-closed',
    kind,
    label: 'Cloud Foundry gorouter: the app instance closed a kept-alive connection the router had just reused (EOF or reset, conn-reused true)',
    causes: { 'keepalive-race': 0.8, 'proxy-upstream-closed': 0.2 },
  },
  {
    id: 'cloud-lb.gorouter-closed',
    kind,
    label: 'Cloud Foundry gorouter: the app instance closed a new connection without a response (EOF or reset)',
    causes: { 'proxy-upstream-closed': 0.6, 'app-crash-runtime': 0.2 },
  },
  {
    id: 'cloud-lb.gorouter-refused',
    kind,
    label: 'Cloud Foundry gorouter: the app instance refused the connection or could not be reached',
    causes: { 'proxy-upstream-refused': 0.8 },
  },
  {
    id: 'cloud-lb.gorouter-timeout',
    kind,
    label: 'Cloud Foundry gorouter: the app instance did not answer in time',
    causes: { 'proxy-upstream-timeout': 0.7 },
  },
  {
    id: 'cloud-lb.gorouter-tls',
    kind,
    label: 'Cloud Foundry gorouter: TLS to the app instance failed',
    causes: { 'backend-tls-failure': 0.7 },
  },
  {
    id: 'cloud-lb.gorouter-client-canceled',
    kind,
    label: 'Cloud Foundry gorouter: the client went away before the app instance answered (context canceled)',
    causes: { 'client-aborted': 0.6 },
  },
];
