/**
 * Kubernetes events (`kubectl get events`, the Events table of `kubectl describe pod`): the
 * orchestrator side of a load-balanced app. Rollouts, stopping containers and failing probes are
 * what turn into refused/reset upstream connections at the ingress, ALB or mesh.
 *
 *   LAST SEEN   TYPE      REASON              OBJECT                     MESSAGE
 *   49s         Normal    Killing             pod/orders-5c7b9d6f4-x2k9p Stopping container orders
 *   Warning  Unhealthy  2m (x3 over 3m)  kubelet  Readiness probe failed: Get "http://…": … connection refused
 */
import type { Span } from '../../engine/types.ts';
import { lineAt, linesHolding } from '../shared/proxy-lines.ts';
import type { LbCtx } from './context.ts';
import { push, server } from './context.ts';

const ROW =
  /(?:^|\s)(Normal|Warning)\s+(Killing|Unhealthy|ScalingReplicaSet|SuccessfulCreate|SuccessfulDelete|BackOff|OOMKilling|Evicted|ExceededGracePeriod|FailedPreStopHook|Started|Created|Pulled|Pulling|Scheduled|FailedScheduling|Failed|ProbeWarning)\s/;
const HEADER_ANYWHERE = /LAST SEEN\s+TYPE\s+REASON|Type\s+Reason\s+Age\s+From\s+Message/;
const HEADER = /^\s*(?:LAST SEEN\s+TYPE\s+REASON|Type\s+Reason\s+Age\s+From\s+Message|-{4}\s+-{6}\s+-{3})/;
const COMMAND = /^\s*\$?\s*kubectl\s/;
/** A row names a Kubernetes object or component, unless the paste has the table header. */
const K8S_ROW = /\b(?:pod|deployment|replicaset|node|statefulset|daemonset)\/|\bkubelet\b|-controller\b|default-scheduler/;

function signalFor(reason: string, message: string): string | undefined {
  switch (reason) {
    case 'Killing':
      // The kubelet kills a container whose liveness probe failed too: that is no rollout.
      if (message.includes('failed liveness probe')) return 'cloud-lb.k8s-liveness-failed';
      return 'cloud-lb.k8s-container-stopping';
    case 'ScalingReplicaSet':
    case 'SuccessfulCreate':
    case 'SuccessfulDelete':
      return 'cloud-lb.k8s-rollout';
    case 'ExceededGracePeriod':
    case 'FailedPreStopHook':
      return 'cloud-lb.k8s-container-stopping';
    case 'Unhealthy':
      if (message.includes('Readiness probe failed')) return 'cloud-lb.k8s-readiness-failed';
      if (message.includes('Liveness probe failed')) return 'cloud-lb.k8s-liveness-failed';
      return undefined;
    case 'BackOff':
      return message.includes('restarting failed container') ? 'cloud-lb.k8s-crash-loop' : undefined;
    case 'OOMKilling':
      return 'cloud-lb.k8s-oom-killed';
    default:
      return undefined;
  }
}

export function scanKubernetes(ctx: LbCtx): void {
  const { input, lines } = ctx;
  if (!input.includes('Normal') && !input.includes('Warning')) return;
  const table = HEADER_ANYWHERE.test(input);
  // A row names its type; a header holds LAST SEEN, Type or ----; a command holds kubectl.
  // Two lists of three: each needle is then found by indexOf, which for these common words is
  // faster than one search for an alternation of all six (the same lines either way).
  const rows = linesHolding(input, lines, ['Normal', 'Warning', 'LAST SEEN']);
  const others = linesHolding(input, lines, ['Type', '----', 'kubectl']);
  for (let n = 1; n <= lines.starts.length; n++) {
    if (rows[n] !== 1 && others[n] !== 1) continue;
    const { text, span } = lineAt(input, lines, n);
    if (!text.includes('Normal') && !text.includes('Warning')) {
      if (HEADER.test(text) || (COMMAND.test(text) && text.includes('events')) || (COMMAND.test(text) && text.includes('describe'))) {
        push(ctx, 'placed', 'Kubernetes events table', span);
      }
      continue;
    }
    const m = ROW.exec(text);
    if (!m || (!table && !K8S_ROW.test(text))) continue;
    const reason = m[2] as string;
    const message = text.slice(m.index + m[0].length);
    const id = signalFor(reason, message);
    const rowStart = m.index + (m[0].startsWith(m[1] as string) ? 0 : 1);
    const whole: Span = { start: span.start + rowStart, end: span.end };
    if (!id) {
      push(ctx, 'placed', 'Kubernetes event', whole);
      continue;
    }
    server(ctx, 'kubernetes', whole);
    const reasonAt = span.start + m.index + m[0].lastIndexOf(reason);
    push(ctx, 'signal', id, { start: reasonAt, end: span.end });
  }
}
