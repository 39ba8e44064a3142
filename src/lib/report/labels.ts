/** Human names of the input kinds (ids are the engine's contract, these are for people). */
import type { Kind } from '../engine/types.ts';

export const KIND_LABELS: Record<Kind, string> = {
  'iis-log': 'IIS log',
  freb: 'Failed Request Tracing (FREB)',
  'event-log': 'Event Viewer',
  'error-page': 'error page',
  'stdout-log': 'stdout log',
  'ancm-debug-log': 'ANCM debug log',
  'web-config': 'web.config',
  nginx: 'nginx log',
  apache: 'Apache log',
  yarp: 'YARP log',
  'cloud-lb': 'load balancer log',
  traefik: 'Traefik log',
  haproxy: 'HAProxy log',
  caddy: 'Caddy log',
  'dotnet-settings': '.NET address settings',
  message: 'product message',
  code: 'error code',
  status: 'HTTP status',
  prose: 'description in words',
};

/** "1, 2, 3 and 7 more" */
export function shortList(numbers: readonly number[], max = 12): string {
  if (numbers.length <= max) return numbers.join(', ');
  return `${numbers.slice(0, max).join(', ')} and ${numbers.length - max} more`;
}
