/**
 * Health checks seen from the app's side: an access-log line of a load balancer's or kubelet's
 * probe, told by the user agent each one sends, with the status the app gave it; and the GCE
 * ingress controller's per-backend health annotation (`kubectl describe ingress`).
 *
 *   10.0.1.9 - - [30/Jun/2019:19:22:06 +0000] "GET /health HTTP/1.1" 404 26 "-" "ELB-HealthChecker/2.0"
 *   ingress.kubernetes.io/backends: {"k8s-be-30450--7901e6b62d1b12c3":"UNHEALTHY"}
 *
 * A probe that gets an answer outside what its checker counts as healthy takes the instance out
 * of the pool, whatever the status means to a browser (a 302 to a login page, a 400 for a host
 * name the app does not accept, a 404 for a path it does not serve).
 */
import type { Span } from '../../engine/types.ts';
import { lineAt, linesHolding } from '../shared/proxy-lines.ts';
import type { LbCtx } from './context.ts';
import { push, server } from './context.ts';
import { CHECKERS } from '../shared/health-checkers.ts';

const GCE_BACKENDS = 'ingress.kubernetes.io/backends';

/** The status of the request on a line: after the request's protocol, or a status field. */
const AFTER_PROTOCOL = /HTTP\/\d(?:\.\d)?"?\s{1,4}([1-5]\d\d)(?![\d.])/;
const STATUS_FIELD = /"?(?:status|status_code|statusCode|sc-status|httpStatus)"?\s{0,2}[:=]\s{0,2}"?([1-5]\d\d)(?!\d)/;

function statusOn(text: string): { value: number; at: number; len: number } | undefined {
  const m = AFTER_PROTOCOL.exec(text) ?? STATUS_FIELD.exec(text);
  if (!m) return undefined;
  const at = m.index + m[0].lastIndexOf(m[1]!);
  return { value: Number(m[1]), at, len: 3 };
}

export function scanHealthChecks(ctx: LbCtx): void {
  const { input, lines } = ctx;
  const present = CHECKERS.filter((c) => input.includes(c.agent));
  const gce = input.includes(GCE_BACKENDS);
  if (present.length === 0 && !gce) return;
  const holding = linesHolding(input, lines, [...present.map((c) => c.agent), ...(gce ? [GCE_BACKENDS] : [])]);
  for (let n = 1; n <= lines.starts.length; n++) {
    if (holding[n] !== 1) continue;
    const { text, span } = lineAt(input, lines, n);
    const sub = (a: number, len: number): Span => ({ start: span.start + a, end: span.start + a + len });
    const g = text.indexOf(GCE_BACKENDS);
    if (g >= 0) {
      server(ctx, 'kubernetes', sub(g, GCE_BACKENDS.length));
      const bad = text.indexOf('UNHEALTHY', g);
      if (bad >= 0) push(ctx, 'signal', 'cloud-lb.gce-backend-unhealthy', sub(g, bad + 9 - g));
      else push(ctx, 'placed', 'GCE ingress backend health', sub(g, text.length - g));
      continue;
    }
    const checker = present.find((c) => text.includes(c.agent));
    if (!checker) continue;
    const a = text.indexOf(checker.agent);
    if (checker.server) server(ctx, checker.server, sub(a, checker.agent.length));
    // A probe answered in its healthy range says nothing (and its line may be another
    // reader's, such as an Envoy access-log entry).
    const status = statusOn(text);
    if (!status || (status.value >= 200 && status.value <= checker.okUpTo)) continue;
    push(ctx, 'status', String(status.value), sub(status.at, status.len));
    push(ctx, 'signal', 'cloud-lb.health-check-failed', span);
  }
}
