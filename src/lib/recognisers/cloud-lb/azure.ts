/**
 * Azure Application Gateway and Azure Front Door.
 *
 * Logs: App Gateway access logs (AzureDiagnostics JSON, resource-specific AGWAccessLogs, KQL
 * result rows) carry `httpStatus`, `serverStatus`, `serverRouted`, `timeTaken` (v2 seconds, v1
 * milliseconds with SERVER-ROUTED/SERVER-STATUS in requestQuery) and `error_info`
 * (ERRORINFO_UPSTREAM_TIMED_OUT, _CLOSED_CONNECTION, _NO_LIVE, …). Front Door access logs carry
 * `httpStatusCode`, `timeTaken`, `requestUri` and `errorInfo` (OriginTimeout,
 * OriginConnectionRefused, …; values from the Front Door log reference in MicrosoftDocs).
 *
 * Pages: App Gateway answers with "502 Bad Gateway" / "504 Gateway Time-out" signed
 * Microsoft-Azure-Application-Gateway/v1|v2 (the IIS-style "502 - Web server received an invalid
 * response …" text counts only when the paste names Application Gateway); Front Door shows
 * "Our services aren't available right now".
 */
import type { Span } from '../../engine/types.ts';
import { isBlank, isErrorStatus, lineAt, linesMatching } from '../shared/proxy-lines.ts';
import type { LbCtx } from './context.ts';
import { push, server } from './context.ts';

const APPGW_ERRORS: Record<string, string> = {
  ERRORINFO_UPSTREAM_TIMED_OUT: 'cloud-lb.appgw-upstream-timed-out',
  ERRORINFO_UPSTREAM_CLOSED_CONNECTION: 'cloud-lb.appgw-upstream-closed',
  ERRORINFO_UPSTREAM_NO_LIVE: 'cloud-lb.appgw-no-live-backend',
};

const AFD_ERRORS: Record<string, string | null> = {
  OriginTimeout: 'cloud-lb.afd-origin-timeout',
  OriginConnectionRefused: 'cloud-lb.afd-origin-refused',
  OriginConnectionError: 'cloud-lb.afd-origin-connection-error',
  OriginConnectionAborted: 'cloud-lb.afd-origin-aborted',
  OriginInvalidResponse: 'cloud-lb.afd-origin-invalid-response',
  OriginError: 'cloud-lb.afd-origin-error',
  DNSFailure: 'cloud-lb.afd-origin-dns',
  DNSTimeout: 'cloud-lb.afd-origin-dns',
  DNSNameNotResolved: 'cloud-lb.afd-origin-dns',
  SSLHandshakeError: 'cloud-lb.afd-origin-tls',
  SSLMismatchedSNI: 'cloud-lb.afd-origin-tls',
  CertificateError: 'cloud-lb.afd-origin-tls',
  CertificateNameCheckFailed: 'cloud-lb.afd-origin-tls',
  ResponseHeaderTooBig: 'cloud-lb.afd-header-too-big',
  NoError: null,
  ClientDisconnected: 'cloud-lb.afd-client-disconnected',
  UnspecifiedClientError: null,
  InvalidRequest: null,
  OriginInvalidRequest: null,
  RestrictedIP: null,
  UnspecifiedError: null,
};

const ERRORINFO = /ERRORINFO_[A-Z0-9_]{2,60}/g;
const AFD_KEY = /\berrorInfo(?:_s)?["']?\s*[:=]\s*["']?([A-Za-z]{4,40})/gi;
const APPGW_MARK = /ApplicationGatewayAccess|AGWAccessLogs|"serverRouted|serverRouted_s|SERVER-ROUTED=/;
/** Any line scanLogs can read holds one of these (a superset: case is ignored). */
const LOG_LINE = /errorinfo|ApplicationGatewayAccess|AGWAccessLogs|"serverRouted|serverRouted_s|SERVER-ROUTED=/gi;
const AFD_MARK = /FrontDoorAccessLog|AzureFrontDoor|"pop"\s*:|x-azure-ref/i;

const K_STATUS = /["']?\b(?:httpStatus(?:Code)?(?:_d|_s)?)["']?\s*[:=]\s*["']?(\d{3})\b/i;
const K_SERVER_STATUS = /["']?\b(?:serverStatus(?:_s)?)["']?\s*[:=]\s*["']?(\d{3}|-)/i;
const K_SERVER_STATUS_V1 = /SERVER-STATUS=(\d{3})/;
const K_TIME = /["']?\b(?:timeTaken(?:_d|_s)?)["']?\s*[:=]\s*["']?(\d{1,9}(?:\.\d{1,9})?)/i;
const K_URI = /["']?\b(?:requestUri(?:_s)?)["']?\s*[:=]\s*["']?((?:https?:\/\/|\/)[^"'\s,}]{0,4000})/i;
const K_ROUTED = /["']?\b(?:serverRouted(?:_s)?)["']?\s*[:=]\s*["']?([^"'\s,}]{1,300})/i;
const K_TIMESTAMP = /["']?\b(?:timeStamp(?:_t)?|TimeGenerated|time)["']?\s*[:=]\s*["']?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?)/i;

const MAX_RECORD_LINES = 40;

interface Rec {
  text: string;
  start: number;
  first: number;
  last: number;
}

/**
 * The record around an anchor on line n: the line itself when it carries the fields (one-line
 * JSON, a KQL row), else the pretty-printed block around it, up to blank lines or braces.
 */
function recordAround(ctx: LbCtx, n: number): Rec {
  const { input, lines } = ctx;
  const here = lineAt(input, lines, n);
  // One-line JSON, a long row, or a tab-separated query result row: the line is the record.
  if (K_STATUS.test(here.text) || here.text.length > 300 || here.text.includes('\t')) {
    return { text: here.text, start: here.span.start, first: n, last: n };
  }
  let first = n;
  while (first > 1 && n - first < MAX_RECORD_LINES) {
    const prev = lineAt(input, lines, first - 1).text;
    if (isBlank(prev)) break;
    first--;
    if (/^\s*[{[]\s*$/.test(prev)) break;
  }
  let last = n;
  const total = lines.starts.length;
  while (last < total && last - n < MAX_RECORD_LINES) {
    const next = lineAt(input, lines, last + 1).text;
    if (isBlank(next)) break;
    last++;
    if (/^\s*[}\]],?\s*$/.test(next)) break;
  }
  const start = lines.starts[first - 1] as number;
  const endSpan = lineAt(input, lines, last).span;
  return { text: input.slice(start, endSpan.end), start, first, last };
}

function field(rec: Rec, re: RegExp): { value: string; span: Span } | undefined {
  const m = re.exec(rec.text);
  if (!m) return undefined;
  const v = m[1] as string;
  const at = rec.start + m.index + m[0].lastIndexOf(v);
  return { value: v, span: { start: at, end: at + v.length } };
}

interface Common {
  status?: number;
  ms?: number;
  push(): void;
}

/** Status, time, URL and timestamp of a log record; `push` reports them. */
function commonFields(ctx: LbCtx, rec: Rec, timeInMs: boolean): Common {
  const status = field(rec, K_STATUS);
  const ts = field(rec, K_TIMESTAMP);
  const uri = field(rec, K_URI);
  const time = field(rec, K_TIME);
  const ms = time ? Math.round(Number(time.value) * (timeInMs ? 1 : 1000)) : undefined;
  return {
    status: status ? Number(status.value) : undefined,
    ms,
    push() {
      if (status) push(ctx, 'status', status.value, status.span);
      if (ts) push(ctx, 'timestamp', ts.value, ts.span);
      if (uri) push(ctx, 'url', uri.value, uri.span);
      if (time && ms !== undefined) push(ctx, 'time-taken-ms', ms, time.span);
    },
  };
}

function appGatewayRecord(ctx: LbCtx, rec: Rec, errorInfo: { value: string; span: Span } | undefined): void {
  const v1 = rec.text.includes('SERVER-ROUTED=') || rec.text.includes('SERVER-STATUS=');
  const whole = { start: rec.start, end: rec.start + rec.text.length };
  const common = commonFields(ctx, rec, v1);
  const { status, ms } = common;
  const id = errorInfo ? APPGW_ERRORS[errorInfo.value] : undefined;
  if (!id && (status === undefined || !isErrorStatus(status))) {
    push(ctx, 'placed', 'Application Gateway log record', whole);
    return;
  }
  server(ctx, 'azure-app-gateway', errorInfo?.span ?? whole);
  common.push();
  const serverStatus = field(rec, v1 ? K_SERVER_STATUS_V1 : K_SERVER_STATUS);
  if (serverStatus) push(ctx, 'setting', `server_status=${serverStatus.value}`, serverStatus.span);
  const routed = field(rec, K_ROUTED);
  if (routed) push(ctx, 'setting', `server_routed=${routed.value}`, routed.span);
  if (errorInfo) push(ctx, 'setting', `error_info=${errorInfo.value}`, errorInfo.span);
  if (id && errorInfo) push(ctx, 'signal', id, errorInfo.span);
  // The 20 s default request timeout (v1 answers 502, v2 retries once and answers 504).
  const timedOut = ms !== undefined && ((ms >= 19500 && ms < 21000) || (ms >= 39500 && ms < 41000));
  if (!id && (status === 502 || status === 504) && timedOut) {
    const s = field(rec, K_STATUS);
    if (s) push(ctx, 'signal', 'cloud-lb.appgw-request-timeout', s.span);
  }
}

function frontDoorRecord(ctx: LbCtx, rec: Rec, info: { value: string; span: Span }): void {
  const common = commonFields(ctx, rec, false);
  const id = AFD_ERRORS[info.value];
  if (!id && (common.status === undefined || !isErrorStatus(common.status))) {
    push(ctx, 'placed', 'Front Door log record', { start: rec.start, end: rec.start + rec.text.length });
    return;
  }
  server(ctx, 'azure-front-door', info.span);
  common.push();
  push(ctx, 'setting', `error_info=${info.value}`, info.span);
  if (id) push(ctx, 'signal', id, info.span);
}

/** Log records of both services, found by their error-info values or their table names. */
function scanLogs(ctx: LbCtx): void {
  const { input, lines } = ctx;
  const hasAppGw = input.includes('ERRORINFO_') || APPGW_MARK.test(input);
  const hasAfd = /errorInfo/i.test(input);
  // Values that do not name an origin failure are generic words: take them only in a Front Door paste.
  const afdContext = hasAfd && (AFD_MARK.test(input) || /azurefd|front ?door/i.test(input));
  if (!hasAppGw && !hasAfd) return;
  // Each test below needs ERRORINFO_, errorInfo (any case) or an App Gateway mark on the line.
  const holding = linesMatching(input, lines, LOG_LINE);
  let done = 0;
  for (let n = 1; n <= lines.starts.length; n++) {
    if (n <= done || holding[n] !== 1) continue;
    const { text, span } = lineAt(input, lines, n);
    ERRORINFO.lastIndex = 0;
    const ei = hasAppGw ? ERRORINFO.exec(text) : null;
    if (ei) {
      const rec = recordAround(ctx, n);
      const value = { value: ei[0], span: { start: span.start + ei.index, end: span.start + ei.index + ei[0].length } };
      appGatewayRecord(ctx, rec, value);
      done = rec.last;
      continue;
    }
    if (hasAfd) {
      AFD_KEY.lastIndex = 0;
      const m = AFD_KEY.exec(text);
      const name = m?.[1] as string | undefined;
      if (m && name && name in AFD_ERRORS && (AFD_ERRORS[name] || afdContext)) {
        const rec = recordAround(ctx, n);
        const at = span.start + m.index + m[0].lastIndexOf(name);
        frontDoorRecord(ctx, rec, { value: name, span: { start: at, end: at + name.length } });
        done = rec.last;
        continue;
      }
    }
    if (hasAppGw && APPGW_MARK.test(text) && K_STATUS.test(text)) {
      const rec = recordAround(ctx, n);
      appGatewayRecord(ctx, rec, undefined);
      done = rec.last;
    }
  }
}

const PAGE_STATUS = /(502) Bad Gateway|(504) Gateway Time-?out/g;
const APPGW_SIGNATURE = /Microsoft-Azure-Application-Gateway\/v[12]/;
const IIS_STYLE_502 = /502 - Web server received an invalid response while acting as a gateway or proxy server/g;
const APPGW_CONTEXT = /Application Gateway|Microsoft-Azure-Application-Gateway|\bappgw\b|\bAGW\b/i;
const AFD_PAGE = /Our services aren.t available right now/g;
const AFD_REF_C = /Ref C:\s*(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z?)/;
const CERT_MISMATCH =
  /(?:Upstream|backend server(?:'s)?) (?:SSL )?certificate (?:does not|doesn't) match|certificate used by the backend is not signed by a well-known|certificate used by the backend does not match the trusted root|Common Name \(CN\) of the backend certificate does not match|Backend certificate is invalid|validity of the backend certificate could not be verified/gi;

/** Error pages and portal messages. */
function scanPages(ctx: LbCtx): void {
  const { input } = ctx;
  if (input.includes('Microsoft-Azure-Application-Gateway')) {
    PAGE_STATUS.lastIndex = 0;
    let consumed = 0;
    for (let m = PAGE_STATUS.exec(input); m; m = PAGE_STATUS.exec(input)) {
      if (m.index < consumed) continue;
      const windowEnd = Math.min(input.length, m.index + 600);
      const sig = APPGW_SIGNATURE.exec(input.slice(m.index, windowEnd));
      if (!sig) continue;
      const status = (m[1] ?? m[2]) as string;
      const statusSpan = { start: m.index, end: m.index + 3 };
      const sigSpan = { start: m.index + sig.index, end: m.index + sig.index + sig[0].length };
      push(ctx, 'status', status, statusSpan);
      push(ctx, 'signal', status === '502' ? 'cloud-lb.appgw-502-page' : 'cloud-lb.appgw-504-page', statusSpan);
      server(ctx, 'azure-app-gateway', sigSpan);
      push(ctx, 'setting', `version=${sig[0]}`, sigSpan);
      const close = input.slice(sigSpan.end, m.index + 1200).indexOf('</html>');
      consumed = close >= 0 ? sigSpan.end + close + 7 : sigSpan.end;
      push(ctx, 'placed', 'Application Gateway error page', { start: m.index, end: consumed });
    }
  }
  if (input.includes('502 - Web server received') && APPGW_CONTEXT.test(input)) {
    IIS_STYLE_502.lastIndex = 0;
    for (let m = IIS_STYLE_502.exec(input); m; m = IIS_STYLE_502.exec(input)) {
      const statusSpan = { start: m.index, end: m.index + 3 };
      push(ctx, 'status', '502', statusSpan);
      push(ctx, 'signal', 'cloud-lb.appgw-502-page', { start: m.index, end: m.index + m[0].length });
      server(ctx, 'azure-app-gateway', statusSpan);
    }
  }
  if (/certificate/i.test(input)) {
    CERT_MISMATCH.lastIndex = 0;
    for (let m = CERT_MISMATCH.exec(input); m; m = CERT_MISMATCH.exec(input)) {
      if (!APPGW_CONTEXT.test(input)) break;
      const span = { start: m.index, end: m.index + m[0].length };
      push(ctx, 'signal', 'cloud-lb.appgw-backend-certificate', span);
      server(ctx, 'azure-app-gateway', span);
    }
  }
  if (input.includes('available right now')) {
    AFD_PAGE.lastIndex = 0;
    for (let m = AFD_PAGE.exec(input); m; m = AFD_PAGE.exec(input)) {
      const span = { start: m.index, end: m.index + m[0].length };
      push(ctx, 'signal', 'cloud-lb.afd-unavailable-page', span);
      server(ctx, 'azure-front-door', span);
      const ref = AFD_REF_C.exec(input.slice(m.index, m.index + 1500));
      if (ref) {
        const v = ref[1] as string;
        const at = m.index + ref.index + ref[0].lastIndexOf(v);
        push(ctx, 'timestamp', v, { start: at, end: at + v.length });
        push(ctx, 'placed', 'Front Door error page', { start: m.index, end: at + v.length });
      }
    }
  }
}

export function scanAzure(ctx: LbCtx): void {
  scanLogs(ctx);
  scanPages(ctx);
}
