/**
 * The health checkers of load balancers, DNS failover and the kubelet, by the User-Agent each
 * probe sends, with the statuses each counts as healthy. Read by the cloud-lb recogniser (a
 * probe's access-log line) and by engine/scope.ts (a 4xx given to a probe is no client's error).
 */
export interface Checker {
  /** What the probe's User-Agent holds. */
  agent: string;
  /** Highest healthy status: 299 where only 2xx (by default only 200) passes, 399 where redirects do. */
  okUpTo: number;
  server?: string;
}

export const CHECKERS: readonly Checker[] = [
  // Elastic Load Balancing (ALB matcher default 200; Classic ELB: 200)
  { agent: 'ELB-HealthChecker/', okUpTo: 299, server: 'aws-alb' },
  // Google Cloud load balancers and GKE ingress: only 200 is healthy
  { agent: 'GoogleHC/', okUpTo: 299 },
  // Kubernetes httpGet probes: 200-399 succeed
  { agent: 'kube-probe/', okUpTo: 399, server: 'kubernetes' },
  // Route 53 HTTP checks: 2xx and 3xx are healthy
  { agent: 'Amazon-Route53-Health-Check-Service', okUpTo: 399 },
  // Traffic Manager: 200 by default
  { agent: 'Azure Traffic Manager Endpoint Monitor', okUpTo: 299 },
];

/** Whether `text` holds a line of one of these probes (its User-Agent). */
export function mentionsHealthChecker(text: string): boolean {
  return CHECKERS.some((c) => text.includes(c.agent));
}
