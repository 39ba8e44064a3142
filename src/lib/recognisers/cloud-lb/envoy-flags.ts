/**
 * Envoy's response flags told bare, outside an access log: "a lot of 503 UC errors", "UF errors
 * from the sidecar", "503 UH". The access-log reader (envoy.ts) reads them in place; people retell
 * them as the status and the flag, or the flag and the word error, next to Istio or Envoy.
 *
 * Read: a 5xx status followed by a flag (Envoy's own order, specific enough alone), or a flag next
 * to the word error(s) or flag(s) when the paste names Envoy, Istio or a sidecar. Nothing is read
 * when the access-log reader already found Envoy signals.
 */
import type { LbCtx } from './context.ts';
import { KIND, push, server } from './context.ts';
import { FLAG_SIGNALS } from './envoy.ts';

const MESH = /\b(?:envoy|istio|istio-proxy|sidecar|service mesh)\b/i;
const STATUS_FLAG = /\b50[0-4] (UF|UC|UR|URX|UT|UH|UO|UPE)\b/g;
const FLAG = /\b(UF|UC|UR|URX|UT|UH|UO|UPE)\b/g;
const AFTER = /^\s*(?:errors?|flags?|responses?)\b/i;
const BEFORE = /\b(?:response flags?|flags?)\s*[:=]?\s*$/i;

export function scanEnvoyFlags(ctx: LbCtx): void {
  const { input } = ctx;
  if (ctx.facts.some((f) => f.kind === KIND && f.name === 'signal' && String(f.value).startsWith('cloud-lb.envoy-'))) return;
  const mesh = MESH.test(input);
  const seen = new Set<number>();
  STATUS_FLAG.lastIndex = 0;
  for (let m = STATUS_FLAG.exec(input); m; m = STATUS_FLAG.exec(input)) {
    const flag = m[1] as string;
    const start = m.index + m[0].length - flag.length;
    seen.add(start);
    emit(ctx, flag, start);
  }
  if (!mesh) return;
  FLAG.lastIndex = 0;
  for (let m = FLAG.exec(input); m; m = FLAG.exec(input)) {
    if (seen.has(m.index)) continue;
    const flag = m[1] as string;
    const end = m.index + flag.length;
    if (!AFTER.test(input.slice(end, end + 12)) && !BEFORE.test(input.slice(Math.max(0, m.index - 16), m.index))) continue;
    emit(ctx, flag, m.index);
  }
}

function emit(ctx: LbCtx, flag: string, start: number): void {
  const id = FLAG_SIGNALS[flag];
  if (!id) return;
  const span = { start, end: start + flag.length };
  server(ctx, 'envoy', span);
  push(ctx, 'signal', id, span);
}
