/** State shared by the cloud-lb scanners (ALB, Azure, Envoy) during one recognise() call. */
import type { Fact, LineIndex, Span } from '../../engine/types.ts';
import { fact } from '../shared/proxy-lines.ts';

export const KIND = 'cloud-lb' as const;

export interface LbCtx {
  input: string;
  lines: LineIndex;
  facts: Fact[];
  servers: Set<string>;
}

/** Report a `server` fact the first time a component is seen. */
export function server(ctx: LbCtx, value: string, span: Span): void {
  if (ctx.servers.has(value)) return;
  ctx.servers.add(value);
  ctx.facts.push(fact(KIND, 'server', value, span));
}

/** Push a fact of this kind. */
export function push(ctx: LbCtx, name: Fact['name'], value: string | number, span: Span): void {
  ctx.facts.push(fact(KIND, name, value, span));
}
