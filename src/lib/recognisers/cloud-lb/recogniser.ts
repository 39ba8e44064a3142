/**
 * Cloud and managed load balancers in front of Kestrel: AWS Application Load Balancer access
 * logs (recognisers/cloud-lb/alb.ts) and Classic Load Balancer access logs (recognisers/cloud-lb/elb-classic.ts), Azure Application Gateway and Azure Front Door logs and pages
 * (recognisers/cloud-lb/azure.ts), and Envoy/Istio access logs and local replies (recognisers/cloud-lb/envoy.ts; Envoy
 * is filed here rather than under a kind of its own because it reaches ASP.NET Core apps as a
 * mesh sidecar or a managed front end), plus Kubernetes events (recognisers/cloud-lb/kubernetes.ts): the
 * rollouts and probe failures behind an ingress's or mesh's refused connections, and health checks
 * seen from the app's side (recognisers/cloud-lb/health-checks.ts: a probe's access-log line by its
 * user agent, the GCE ingress backend annotation), and Heroku's error codes retold bare
 * (recognisers/cloud-lb/heroku-codes.ts: "Heroku sends a H13 error") and Envoy's response flags
 * retold bare (recognisers/cloud-lb/envoy-flags.ts: "a lot of 503 UC errors"), and Cloud Foundry's gorouter
 * records of failed attempts (recognisers/cloud-lb/gorouter.ts).
 */
import type { Fact, LineIndex, Recogniser } from '../../engine/types.ts';
import type { LbCtx } from './context.ts';
import { KIND } from './context.ts';
import { scanAlb } from './alb.ts';
import { scanElbClassic } from './elb-classic.ts';
import { scanAzure } from './azure.ts';
import { scanEnvoy } from './envoy.ts';
import { scanKubernetes } from './kubernetes.ts';
import { scanHealthChecks } from './health-checks.ts';
import { scanHerokuCodes } from './heroku-codes.ts';
import { scanEnvoyFlags } from './envoy-flags.ts';
import { scanGorouter } from './gorouter.ts';

export const recogniser: Recogniser = {
  kind: KIND,
  recognise(input: string, lines: LineIndex, out: Fact[] = []): Fact[] {
    const ctx: LbCtx = { input, lines, facts: out, servers: new Set() };
    for (const scan of [scanAlb, scanElbClassic, scanAzure, scanEnvoy, scanKubernetes, scanHealthChecks, scanHerokuCodes, scanEnvoyFlags, scanGorouter]) {
      scan(ctx);
    }
    return ctx.facts;
  },
};
