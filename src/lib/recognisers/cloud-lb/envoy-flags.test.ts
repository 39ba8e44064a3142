import { describe, expect, it } from 'vitest';
import { diagnose } from '../../engine/diagnose.ts';
import { indexLines } from '../../engine/lines.ts';
import { recogniser } from './recogniser.ts';

function signals(input: string): string[] {
  return recogniser.recognise(input, indexLines(input)).filter((f) => f.name === 'signal').map((f) => String(f.value));
}

describe("Envoy's response flags told bare", () => {
  it.each([
    ['Since the sidecar upgrade we see 503 UC on long-lived services (keep-alive)', 'keepalive-race'],
    ['istio-proxy logs show UF errors for the orders service', 'proxy-upstream-refused'],
    ['the ingress gateway answers 503 UH for every call', 'backend-unhealthy'],
    ['Envoy: requests end with response flag UT after 15 seconds', 'proxy-upstream-timeout'],
  ])('%s -> %s', (input, cause) => {
    expect(diagnose(input).findings[0]?.cause).toBe(cause);
  });

  it('reads a flag without a status only next to the word error or flag, in a paste that names the mesh', () => {
    expect(signals('our UC campus runs UT servers')).toEqual([]);
    expect(signals('istio: the UC team owns this service')).toEqual([]);
    expect(signals('istio shows UC errors')).toEqual(['cloud-lb.envoy-uc']);
  });

  it('leaves an Envoy access-log line to the access-log reader', () => {
    const line = '[2024-03-05T10:14:22.880Z] "GET /api HTTP/1.1" 503 UC 0 95 12 - "-" "curl/8.5.0" "x" "api.local" "10.0.0.9:8080"';
    expect(signals(line)).toEqual(['cloud-lb.envoy-uc']);
  });
});
