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
import type { Span } from '../../engine/types.ts';
import type { Token } from '../shared/proxy-lines.ts';
import { isErrorStatus, lineAt, linesHolding, tokenize } from '../shared/proxy-lines.ts';
import type { LbCtx } from './context.ts';
import { push, server } from './context.ts';
import { isWordUnit } from '../shared/word-units.ts';

const ACCESS =
  /\[(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z)\] "(?:[A-Z]{3,10} (\S{1,4000}) (?:HTTP\/[\d.]{1,3}|-)|- - -)" (\d{1,3}) ([A-Z]{1,6}(?:,[A-Z]{1,6}){0,12}|-)(?= |$)/g;
const DETAILS = /upstream_reset_before_response_started\{([^}\r\n]{1,400})\}/;

export const FLAG_SIGNALS: Record<string, string> = {
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
/**
 * BoringSSL reasons that say the handshake ran and was refused: a certificate (ours or the
 * upstream's) on trust, or the upstream's handshake_failure / protocol_version alert (no TLS
 * version, cipher or SNI name it accepts). The TLS set-up failed, not the protocol: a plain-HTTP
 * port answers no TLS record at all (WRONG_VERSION_NUMBER).
 */
const TLS_CERTIFICATE =
  /CERTIFICATE_VERIFY_FAILED|TLSV1_ALERT_UNKNOWN_CA|SSLV3_ALERT_BAD_CERTIFICATE|SSLV3_ALERT_CERTIFICATE_EXPIRED|CERTIFICATE_EXPIRED|SSLV3_ALERT_HANDSHAKE_FAILURE|HANDSHAKE_FAILURE_ON_CLIENT_HELLO|TLSV1_ALERT_PROTOCOL_VERSION|NO_SHARED_CIPHER/i;

/** BoringSSL reasons of a peer that answered no TLS at all: a plain-HTTP port. */
const TLS_PLAIN = /WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST|HTTPS_PROXY_REQUEST|UNKNOWN_PROTOCOL|SSL routines|tls handshake/i;

/**
 * The TLS signal for a text that TLS matched: a refused handshake, a peer that spoke no TLS, or
 * (a bare `TLS_error` with no reason left) either of the two.
 */
function tlsSignal(text: string): string {
  if (TLS_CERTIFICATE.test(text)) return 'cloud-lb.envoy-tls-certificate';
  return TLS_PLAIN.test(text) ? 'cloud-lb.envoy-tls-error' : 'cloud-lb.envoy-tls-unspecified';
}

/** Signal for a reset reason / response-code-details text. */
function reasonSignal(reason: string): string | undefined {
  const r = reason.toLowerCase();
  if (TLS.test(reason)) return tlsSignal(reason);
  if (r.includes('connection termination') || r.includes('connection_termination')) return 'cloud-lb.envoy-uc';
  if (r.includes('connection timeout') || r.includes('connection_timeout')) return 'cloud-lb.envoy-connect-timeout';
  if (r.includes('connection failure') || r.includes('connection_failure') || r.includes('connect error')) {
    return 'cloud-lb.envoy-uf';
  }
  if (r.includes('overflow')) return 'cloud-lb.envoy-uo';
  // Envoy's router files a ProtocolError reset under UPE (UpstreamProtocolError), not UR.
  if (r.includes('protocol error') || r.includes('protocol_error')) return 'cloud-lb.envoy-upe';
  if (r.includes('remote reset') || r.includes('remote_reset')) return 'cloud-lb.envoy-ur';
  return undefined;
}

interface Valued {
  value: string;
  span: Span;
}

/** One access-log entry, from the text or the JSON format. */
interface EnvoyEntry {
  whole: Span;
  code: Valued;
  flags: Valued;
  timestamp?: Valued;
  path?: Valued;
  duration?: Valued;
  upstream?: Valued;
  cluster?: Valued;
  details?: Valued;
  transport?: Valued;
}

function emitEntry(ctx: LbCtx, e: EnvoyEntry): void {
  const code = Number(e.code.value);
  const flagList = e.flags.value === '-' ? [] : e.flags.value.split(',');
  const failing = (code !== 0 && isErrorStatus(code)) || flagList.some((f) => f in FLAG_SIGNALS);
  if (!failing) {
    push(ctx, 'placed', 'Envoy access log entry', e.whole);
    return;
  }
  server(ctx, 'envoy', e.whole);
  if (e.cluster && /^(?:outbound|inbound)\|/.test(e.cluster.value)) server(ctx, 'kubernetes', e.cluster.span);
  if (code !== 0) push(ctx, 'status', String(code), e.code.span);
  if (e.timestamp) push(ctx, 'timestamp', e.timestamp.value, e.timestamp.span);
  if (e.path && e.path.value !== '-') push(ctx, 'url', e.path.value, e.path.span);
  if (e.duration && /^\d{1,10}$/.test(e.duration.value)) {
    push(ctx, 'time-taken-ms', Number(e.duration.value), e.duration.span);
  }
  if (e.upstream && e.upstream.value && e.upstream.value !== '-') {
    push(ctx, 'setting', `upstream=${e.upstream.value}`, e.upstream.span);
  }
  if (e.cluster && e.cluster.value !== '-') push(ctx, 'setting', `cluster=${e.cluster.value}`, e.cluster.span);
  if (e.details && e.details.value !== '-') {
    push(ctx, 'setting', `response_code_details=${e.details.value}`, e.details.span);
  }
  const detailText = `${e.details?.value ?? ''} ${e.transport?.value ?? ''}`;
  const ids = new Set<string>();
  const tls = TLS.test(detailText);
  for (const f of flagList) {
    const id = FLAG_SIGNALS[f];
    if (!id) continue;
    // A connection failure caused by TLS is a TLS problem (protocol or trust), not a refusal.
    ids.add(id === 'cloud-lb.envoy-uf' && tls ? tlsSignal(detailText) : id);
  }
  if (ids.size === 0 && e.details) {
    const id = reasonSignal(detailText);
    if (id) ids.add(id);
  }
  for (const id of ids) push(ctx, 'signal', id, e.flags.span);
}

function accessLine(ctx: LbCtx, text: string, base: number, m: RegExpExecArray, limit: number): void {
  const flags = m[4] as string;
  const t = tokenize(text.slice(0, limit), m.index + m[0].length, 30, false, false);
  // Istio's format puts the code details and termination details before the byte counts.
  const istio = !!t[0] && !/^\d+$/.test(t[0].value);
  const tok = (x: Token | undefined): Valued | undefined => (x ? { value: x.value, span: at(base, x) } : undefined);
  const upstream = istio ? t[11] : t[8];
  const codeAt = m.index + m[0].lastIndexOf(`${m[3]} ${flags}`);
  const flagsAt = codeAt + (m[3] as string).length + 1;
  const pathAt = m[2] ? m.index + m[0].indexOf(`${m[2]} `, (m[1] as string).length + 3) : -1;
  emitEntry(ctx, {
    whole: { start: base + m.index, end: base + limit },
    code: { value: m[3] as string, span: { start: base + codeAt, end: base + codeAt + (m[3] as string).length } },
    flags: { value: flags, span: { start: base + flagsAt, end: base + flagsAt + flags.length } },
    timestamp: { value: m[1] as string, span: { start: base + m.index + 1, end: base + m.index + 1 + (m[1] as string).length } },
    path: m[2] ? { value: m[2], span: { start: base + pathAt, end: base + pathAt + m[2].length } } : undefined,
    duration: tok(istio ? t[5] : t[2]),
    upstream: upstream && upstream.quoted ? tok(upstream) : undefined,
    cluster: istio ? tok(t[12]) : undefined,
    details: istio ? tok(t[0]) : undefined,
    transport: istio ? tok(t[2]) : undefined,
  });
}

const JSON_KEYS = {
  code: /"response_code"\s*:\s*"?(\d{1,3})\b/,
  flags: /"response_flags"\s*:\s*"([A-Z,-]{1,80})"/,
  timestamp: /"start_time"\s*:\s*"(\d{4}-\d{2}-\d{2}T[^"]{1,40})"/,
  path: /"path"\s*:\s*"([^"\\]{1,4000})"/,
  duration: /"duration"\s*:\s*"?(\d{1,10})\b/,
  upstream: /"upstream_host"\s*:\s*"([^"]{1,300})"/,
  cluster: /"upstream_cluster"\s*:\s*"([^"]{1,400})"/,
  details: /"response_code_details"\s*:\s*"([^"]{1,400})"/,
  transport: /"upstream_transport_failure_reason"\s*:\s*"([^"]{1,400})"/,
};

/** Istio/Envoy JSON access-log entry (`accessLogEncoding: JSON`). */
function jsonLine(ctx: LbCtx, text: string, base: number): boolean {
  const get = (re: RegExp): Valued | undefined => {
    const m = re.exec(text);
    if (!m) return undefined;
    const v = m[1] as string;
    const a = base + m.index + m[0].lastIndexOf(v);
    return { value: v, span: { start: a, end: a + v.length } };
  };
  const code = get(JSON_KEYS.code);
  const flags = get(JSON_KEYS.flags);
  if (!code || !flags) return false;
  emitEntry(ctx, {
    whole: { start: base, end: base + text.length },
    code,
    flags,
    timestamp: get(JSON_KEYS.timestamp),
    path: get(JSON_KEYS.path),
    duration: get(JSON_KEYS.duration),
    upstream: get(JSON_KEYS.upstream),
    cluster: get(JSON_KEYS.cluster),
    details: get(JSON_KEYS.details),
    transport: get(JSON_KEYS.transport),
  });
  return true;
}

function at(base: number, tok: Token): Span {
  return { start: base + tok.start, end: base + tok.end };
}

/** The local reply's distinctive part; a title or a cut paste may lack its leading "upstream ". */
const REPLY = 'connect error or disconnect/reset before headers.';
const REPLY_LEAD = 'upstream ';
/** Envoy's bare local replies, each found as a word sequence (`\b` on both sides). */
const BARE_REPLIES: readonly (readonly [string, string])[] = [
  ['no healthy upstream', 'cloud-lb.envoy-uh'],
  ['upstream request timeout', 'cloud-lb.envoy-ut'],
];

/**
 * Where `words` (starting and ending with a word character) stands in `input` with no word
 * character touching it, left to right, without overlaps: what a global `\bwords\b` finds, by
 * indexOf instead of a regular-expression pass over the whole input.
 */
export function wordsAt(input: string, words: string): number[] {
  const out: number[] = [];
  for (let i = input.indexOf(words); i >= 0; ) {
    const end = i + words.length;
    if ((i > 0 && isWordUnit(input.charCodeAt(i - 1))) || (end < input.length && isWordUnit(input.charCodeAt(end)))) {
      i = input.indexOf(words, i + 1);
      continue;
    }
    out.push(i);
    i = input.indexOf(words, end);
  }
  return out;
}

/** Local replies pasted from a browser or curl. */
function localReplies(ctx: LbCtx): void {
  const { input } = ctx;
  let from = 0;
  for (let i = input.indexOf(REPLY, from); i >= 0; i = input.indexOf(REPLY, from)) {
    from = i + REPLY.length;
    const start = i >= REPLY_LEAD.length && input.startsWith(REPLY_LEAD, i - REPLY_LEAD.length) ? i - REPLY_LEAD.length : i;
    const tail = input.slice(from, from + 400);
    const stop = tail.search(/[\r\n<"]/);
    const reason = stop < 0 ? tail : tail.slice(0, stop);
    const span: Span = { start, end: from + reason.length };
    const id = reasonSignal(reason);
    server(ctx, 'envoy', span);
    if (id) push(ctx, 'signal', id, span);
    else push(ctx, 'placed', 'Envoy local reply', span);
  }
  for (const [words, id] of BARE_REPLIES) {
    for (const at of wordsAt(input, words)) {
      const span: Span = { start: at, end: at + words.length };
      server(ctx, 'envoy', span);
      push(ctx, 'signal', id, span);
    }
  }
}

export function scanEnvoy(ctx: LbCtx): void {
  const { input, lines } = ctx;
  const hasAccess = input.includes('] "');
  const hasDetails = input.includes('upstream_reset_before_response_started');
  const hasJson = input.includes('"response_flags"');
  if (hasAccess || hasDetails || hasJson) {
    // Only lines holding one of the three can match any of the tests below.
    const holding = linesHolding(input, lines, ['] "', '"response_flags"', 'upstream_reset_before_response_started']);
    for (let n = 1; n <= lines.starts.length; n++) {
      if (holding[n] !== 1) continue;
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
      if (!matched && hasJson && text.includes('"response_flags"')) matched = jsonLine(ctx, text, span.start);
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
