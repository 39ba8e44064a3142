/**
 * Envoy and Istio (filed under cloud-lb: Envoy is met as a mesh sidecar, an ingress such as
 * Contour/Emissary, or a managed front end such as Azure Container Apps).
 *
 * Access log, Envoy default format:
 *   [START_TIME] "METHOD PATH PROTOCOL" CODE FLAGS BYTES_RECEIVED BYTES_SENT DURATION
 *   UPSTREAM_SERVICE_TIME "XFF" "UA" "REQUEST_ID" "AUTHORITY" "UPSTREAM_HOST"
 * Istio adds RESPONSE_CODE_DETAILS, CONNECTION_TERMINATION_DETAILS and
 * "UPSTREAM_TRANSPORT_FAILURE_REASON" after the flags, and the cluster etc. at the end.
 * Response flags (UF, UC, UR, URX, UT, UH, UO, UPE, DF) name the upstream failure; Envoy
 * answers 503 for refused/reset upstreams and 504 for UT.
 *
 * Local replies seen by clients: "upstream connect error or disconnect/reset before headers.
 * reset reason: …", "no healthy upstream", "upstream request timeout".
 */
import type { Span } from '../engine/types.ts';
import type { Token } from './nginx-records.ts';
import { isErrorStatus, lineAt, tokenize } from './nginx-records.ts';
import type { LbCtx } from './cloud-lb-context.ts';
import { push, server } from './cloud-lb-context.ts';

const ACCESS =
  /\[(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z)\] "(?:[A-Z]{3,10} (\S{1,4000}) (?:HTTP\/[\d.]{1,3}|-)|- - -)" (\d{1,3}) ([A-Z]{1,6}(?:,[A-Z]{1,6}){0,12}|-)(?= |$)/g;
const DETAILS = /upstream_reset_before_response_started\{([^}\r\n]{1,400})\}/;

const FLAG_SIGNALS: Record<string, string> = {
  UF: 'cloud-lb.envoy-uf',
  UC: 'cloud-lb.envoy-uc',
  UR: 'cloud-lb.envoy-ur',
  URX: 'cloud-lb.envoy-urx',
  UT: 'cloud-lb.envoy-ut',
  UH: 'cloud-lb.envoy-uh',
  UO: 'cloud-lb.envoy-uo',
  UPE: 'cloud-lb.envoy-upe',
  DF: 'cloud-lb.envoy-df',
};

const TLS = /TLS_error|WRONG_VERSION_NUMBER|CERTIFICATE_VERIFY_FAILED|SSL routines|tls handshake/i;

/** Signal for a reset reason / response-code-details text. */
function reasonSignal(reason: string): string | undefined {
  const r = reason.toLowerCase();
  if (TLS.test(reason)) return 'cloud-lb.envoy-tls-error';
  if (r.includes('connection termination') || r.includes('connection_termination')) return 'cloud-lb.envoy-uc';
  if (r.includes('connection timeout') || r.includes('connection_timeout')) return 'cloud-lb.envoy-connect-timeout';
  if (r.includes('connection failure') || r.includes('connection_failure') || r.includes('connect error')) {
    return 'cloud-lb.envoy-uf';
  }
  if (r.includes('overflow')) return 'cloud-lb.envoy-uo';
  if (r.includes('remote reset') || r.includes('remote_reset') || r.includes('protocol error')) {
    return 'cloud-lb.envoy-ur';
  }
  return undefined;
}

function accessLine(ctx: LbCtx, text: string, base: number, m: RegExpExecArray, limit: number): void {
  const code = Number(m[3]);
  const flags = m[4] as string;
  const flagList = flags === '-' ? [] : flags.split(',');
  const whole: Span = { start: base + m.index, end: base + limit };
  const t = tokenize(text.slice(0, limit), m.index + m[0].length, 30);
  // Istio's format puts the code details and termination details before the byte counts.
  const istio = !!t[0] && !/^\d+$/.test(t[0].value);
  const details = istio ? t[0] : undefined;
  const transport = istio ? t[2] : undefined;
  const durationTok = istio ? t[5] : t[2];
  const upstreamHost = istio ? t[11] : t[8];
  const cluster = istio ? t[12] : undefined;
  const detailText = `${details?.value ?? ''} ${transport?.value ?? ''}`;
  const failing = (code !== 0 && isErrorStatus(code)) || flagList.some((f) => f in FLAG_SIGNALS);
  if (!failing) {
    push(ctx, 'placed', 'Envoy access log entry', whole);
    return;
  }
  server(ctx, 'envoy', whole);
  if (cluster && /^(?:outbound|inbound)\|/.test(cluster.value)) server(ctx, 'kubernetes', at(base, cluster));
  const codeAt = m.index + m[0].lastIndexOf(`${m[3]} ${flags}`);
  const codeSpan: Span = { start: base + codeAt, end: base + codeAt + (m[3] as string).length };
  if (code !== 0) push(ctx, 'status', String(code), codeSpan);
  const tsAt = m.index + 1;
  push(ctx, 'timestamp', m[1] as string, { start: base + tsAt, end: base + tsAt + (m[1] as string).length });
  if (m[2]) {
    const pathAt = m.index + m[0].indexOf(`${m[2]} `, (m[1] as string).length + 3);
    push(ctx, 'url', m[2], { start: base + pathAt, end: base + pathAt + m[2].length });
  }
  if (durationTok && /^\d{1,10}$/.test(durationTok.value)) {
    push(ctx, 'time-taken-ms', Number(durationTok.value), at(base, durationTok));
  }
  if (upstreamHost && upstreamHost.quoted && upstreamHost.value && upstreamHost.value !== '-') {
    push(ctx, 'setting', `upstream=${upstreamHost.value}`, at(base, upstreamHost));
  }
  if (cluster && cluster.value !== '-') push(ctx, 'setting', `cluster=${cluster.value}`, at(base, cluster));
  if (details && details.value !== '-') {
    push(ctx, 'setting', `response_code_details=${details.value}`, at(base, details));
  }
  const flagsAt = codeAt + (m[3] as string).length + 1;
  const flagsSpan: Span = { start: base + flagsAt, end: base + flagsAt + flags.length };
  const ids = new Set<string>();
  const tls = TLS.test(detailText);
  for (const f of flagList) {
    const id = FLAG_SIGNALS[f];
    if (!id) continue;
    // A connection failure caused by TLS is a protocol mismatch, not a refusal.
    ids.add(id === 'cloud-lb.envoy-uf' && tls ? 'cloud-lb.envoy-tls-error' : id);
  }
  if (ids.size === 0 && details) {
    const id = reasonSignal(detailText);
    if (id) ids.add(id);
  }
  for (const id of ids) push(ctx, 'signal', id, flagsSpan);
}

function at(base: number, tok: Token): Span {
  return { start: base + tok.start, end: base + tok.end };
}

const REPLY = 'upstream connect error or disconnect/reset before headers.';
const NO_HEALTHY = /\bno healthy upstream\b/g;
const REQUEST_TIMEOUT = /\bupstream request timeout\b/g;

/** Local replies pasted from a browser or curl. */
function localReplies(ctx: LbCtx): void {
  const { input } = ctx;
  let from = 0;
  for (let i = input.indexOf(REPLY, from); i >= 0; i = input.indexOf(REPLY, from)) {
    from = i + REPLY.length;
    const tail = input.slice(from, from + 400);
    const stop = tail.search(/[\r\n<"]/);
    const reason = stop < 0 ? tail : tail.slice(0, stop);
    const span: Span = { start: i, end: from + reason.length };
    const id = reasonSignal(reason);
    server(ctx, 'envoy', span);
    if (id) push(ctx, 'signal', id, span);
    else push(ctx, 'placed', 'Envoy local reply', span);
  }
  for (const [re, id] of [
    [NO_HEALTHY, 'cloud-lb.envoy-uh'],
    [REQUEST_TIMEOUT, 'cloud-lb.envoy-ut'],
  ] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(input); m; m = re.exec(input)) {
      const span: Span = { start: m.index, end: m.index + m[0].length };
      server(ctx, 'envoy', span);
      push(ctx, 'signal', id, span);
    }
  }
}

export function scanEnvoy(ctx: LbCtx): void {
  const { input, lines } = ctx;
  const hasAccess = input.includes('] "');
  const hasDetails = input.includes('upstream_reset_before_response_started');
  if (hasAccess || hasDetails) {
    for (let n = 1; n <= lines.starts.length; n++) {
      const { text, span } = lineAt(input, lines, n);
      let matched = false;
      if (hasAccess && text.includes('] "')) {
        const ms: RegExpExecArray[] = [];
        ACCESS.lastIndex = 0;
        for (let m = ACCESS.exec(text); m; m = ACCESS.exec(text)) ms.push(m);
        for (let k = 0; k < ms.length; k++) {
          const limit = k + 1 < ms.length ? (ms[k + 1] as RegExpExecArray).index : text.length;
          accessLine(ctx, text, span.start, ms[k] as RegExpExecArray, limit);
          matched = true;
        }
      }
      if (!matched && hasDetails) {
        const d = DETAILS.exec(text);
        const id = d ? reasonSignal(d[1] as string) : undefined;
        if (d && id) {
          const s: Span = { start: span.start + d.index, end: span.start + d.index + d[0].length };
          server(ctx, 'envoy', s);
          push(ctx, 'signal', id, s);
        }
      }
    }
  }
  if (input.includes(REPLY) || input.includes('no healthy upstream') || input.includes('upstream request timeout')) {
    localReplies(ctx);
  }
}
