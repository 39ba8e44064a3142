/**
 * AWS Application Load Balancer access-log entries (space separated, quoted fields):
 *
 *   type time elb client:port target:port request_processing_time target_processing_time
 *   response_processing_time elb_status_code target_status_code received_bytes sent_bytes
 *   "request" "user_agent" ssl_cipher ssl_protocol target_group_arn "trace_id" "domain_name"
 *   "chosen_cert_arn" matched_rule_priority request_creation_time "actions_executed"
 *   "redirect_url" "error_reason" "target:port_list" "target_status_code_list"
 *   "classification" "classification_reason" [conn_trace_id …]
 *
 * `-1` processing times and target status `-` mean the target never produced a response.
 * AWS appends fields over time, so anything after the known ones is ignored.
 */
import type { Span } from '../../engine/types.ts';
import type { Token } from '../shared/proxy-lines.ts';
import { isErrorStatus, lineAt, linesHolding, tokenize } from '../shared/proxy-lines.ts';
import type { LbCtx } from './context.ts';
import { push, server } from './context.ts';

const ALB_START =
  /(?:^|[\s"'])(?:https?|h2|grpcs|wss?) (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z) app\/[^\s]{1,300} /g;
/**
 * An entry whose load balancer, client and target were replaced before posting (`<<ALB-ARN>>`,
 * `<<Client-IP>>`, `<<node.js EC2 local ip>>:80`): the type and time start it, and the three
 * processing times, both status codes and the byte counts before the quoted request still say
 * what happened. The times are found where they start (group 2).
 */
const ALB_REDACTED =
  /(?:^|[\s"'])(?:https?|h2|grpcs|wss?) (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z) [^\n]{1,400}?[ >](?=((?:-1|\d{1,6}\.\d{1,6}) (?:-1|\d{1,6}\.\d{1,6}) (?:-1|\d{1,6}\.\d{1,6}) \d{3} (?:\d{3}|-) \d{1,12} \d{1,12} "))/g;
const NUMBER = /^-?\d{1,9}(?:\.\d{1,9})?$/;
const OWN_REASONS = /^(?:Lambda|WAF|Auth|AWSALB|WeightedTargetGroups)/;

interface AlbEntry {
  statusSpan: Span;
  /** 2xx/3xx: the targets do answer. */
  ok: boolean;
  /** 502 with target status "-". */
  noResponse: boolean;
}

function requestUrl(request: string): { value: string; offset: number } | undefined {
  const sp = request.indexOf(' ');
  if (sp <= 0) return undefined;
  const end = request.indexOf(' ', sp + 1);
  const value = request.slice(sp + 1, end < 0 ? request.length : end);
  return value ? { value, offset: sp + 1 } : undefined;
}

/** Each line of the input that holds `needle`: its text and its offset in the input. */
function eachLineHolding(ctx: LbCtx, needle: string, visit: (text: string, base: number) => void): void {
  const { input, lines } = ctx;
  const holding = linesHolding(input, lines, [needle]);
  for (let n = 1; n <= lines.starts.length; n++) {
    if (holding[n] !== 1) continue;
    const { text, span } = lineAt(input, lines, n);
    visit(text, span.start);
  }
}

/** Scan the whole input for ALB entries; then judge the 502s as a group. */
export function scanAlb(ctx: LbCtx): void {
  const { input } = ctx;
  const named = input.includes(' app/');
  if (!named && !input.includes('Z <')) return;
  const entries: AlbEntry[] = [];
  if (named) eachLineHolding(ctx, ' app/', (text, base) => scanNamed(ctx, text, base, entries));
  else eachLineHolding(ctx, 'Z <', (text, base) => scanRedacted(ctx, text, base, entries));
  judgeGroup(ctx, entries);
}

/** The entries on one line, each read up to the start of the next. */
function scanNamed(ctx: LbCtx, text: string, base: number, entries: AlbEntry[]): void {
  const starts: RegExpExecArray[] = [];
  ALB_START.lastIndex = 0;
  for (let m = ALB_START.exec(text); m; m = ALB_START.exec(text)) starts.push(m);
  for (let k = 0; k < starts.length; k++) {
    const m = starts[k] as RegExpExecArray;
    const limit = k + 1 < starts.length ? (starts[k + 1] as RegExpExecArray).index : text.length;
    const e = entry(ctx, text.slice(0, limit), m, base);
    if (e) entries.push(e);
  }
}

/** Entries on one line with the load balancer's name replaced (a `Z <` after the time). */
function scanRedacted(ctx: LbCtx, text: string, base: number, entries: AlbEntry[]): void {
  ALB_REDACTED.lastIndex = 0;
  for (let m = ALB_REDACTED.exec(text); m; m = ALB_REDACTED.exec(text)) {
    // The client and the target are unknown: two stand-in tokens before the times.
    const at = m.index + m[0].length;
    const unknown: Token = { value: '?', start: at, end: at, quoted: false, bracketed: false };
    const e = entry(ctx, text, m, base, [unknown, unknown, ...tokenize(text, at, 38, false, false)]);
    if (e) entries.push(e);
  }
}

function entry(ctx: LbCtx, text: string, m: RegExpExecArray, base: number, tokens?: Token[]): AlbEntry | undefined {
  // IPv6 clients are written [2001:db8::1]:443, so brackets are not token delimiters here.
  const t = tokens ?? tokenize(text, m.index + m[0].length, 40, false, false);
  const [client, target, rpt, tpt, rspt, elb, tstatus] = t;
  // A truncated paste may stop after the status codes; the request is read when it is there.
  const request = t[9] && t[9].quoted ? t[9] : undefined;
  if (!client || !target || !rpt || !tpt || !rspt || !elb || !tstatus) return undefined;
  if (!NUMBER.test(rpt.value) || !NUMBER.test(tpt.value) || !NUMBER.test(rspt.value)) return undefined;
  if (!/^\d{3}$/.test(elb.value) || !/^(?:\d{3}|-)$/.test(tstatus.value)) return undefined;
  const at = (tok: Token): Span => ({ start: base + tok.start, end: base + tok.end });
  const startOffset = m[0].length > 0 && /[\s"']/.test(m[0][0] as string) ? m.index + 1 : m.index;
  const whole: Span = { start: base + startOffset, end: base + text.length };
  const status = Number(elb.value);
  if (!isErrorStatus(status)) {
    push(ctx, 'placed', 'AWS ALB access log entry', whole);
    return { statusSpan: at(elb), ok: status < 400, noResponse: false };
  }
  server(ctx, 'aws-alb', whole);
  push(ctx, 'status', String(status), at(elb));
  const timeAt = m.index + m[0].indexOf(m[1] as string);
  push(ctx, 'timestamp', m[1] as string, { start: base + timeAt, end: base + timeAt + (m[1] as string).length });
  const url = request ? requestUrl(request.value) : undefined;
  if (request && url && url.value !== '-' && !url.value.startsWith('<')) {
    const s = base + request.start + url.offset;
    push(ctx, 'url', url.value, { start: s, end: s + url.value.length });
  }
  const created = t[18];
  const ms = elapsedMs(m[1] as string, created?.value, [rpt.value, tpt.value, rspt.value]);
  if (ms !== undefined) {
    const fromCreation = !!created && /^\d{4}-\d{2}-\d{2}T/.test(created.value);
    push(ctx, 'time-taken-ms', ms, fromCreation && created ? at(created) : at(rpt));
  }
  if (target.value !== '-' && target.value !== '?') push(ctx, 'setting', `target=${target.value}`, at(target));
  push(ctx, 'setting', `target_status=${tstatus.value}`, at(tstatus));
  const reason = t[21];
  if (reason && reason.quoted && reason.value && reason.value !== '-') {
    push(ctx, 'setting', `error_reason=${reason.value}`, at(reason));
  }

  const noTarget = target.value === '-';
  const noResponse = tstatus.value === '-';
  // Documented reasons (Lambda, WAF, authentication, weighted target groups) explain the error
  // themselves; none of them is about a Kestrel target.
  const reasonSet = !!reason && reason.quoted && OWN_REASONS.test(reason.value);
  if (reasonSet) return { statusSpan: at(elb), ok: false, noResponse: false };
  if (status === 502 && noResponse) push(ctx, 'signal', 'cloud-lb.alb-502-no-response', at(elb));
  if (status === 502 && !noResponse && tstatus.value !== '502') {
    push(ctx, 'signal', 'cloud-lb.alb-502-bad-response', at(elb));
  }
  if (status === 504 && noResponse) {
    const connect = ms !== undefined && ms >= 9500 && ms < 11000;
    push(ctx, 'signal', connect ? 'cloud-lb.alb-504-connect-timeout' : 'cloud-lb.alb-504-timeout', at(elb));
  }
  if (status === 503 && noTarget) push(ctx, 'signal', 'cloud-lb.alb-503-no-targets', at(elb));
  return { statusSpan: at(elb), ok: false, noResponse: status === 502 && noResponse };
}

/** Total time: answer time minus request creation time, else the sum of the known phases. */
function elapsedMs(time: string, created: string | undefined, phases: string[]): number | undefined {
  if (created && /^\d{4}-\d{2}-\d{2}T/.test(created)) {
    const a = Date.parse(time);
    const b = Date.parse(created);
    if (Number.isFinite(a) && Number.isFinite(b) && a >= b) {
      // Date.parse keeps milliseconds only; add the sub-millisecond digits back for short requests.
      return Math.round(a - b + subMs(time) - subMs(created));
    }
  }
  let sum = 0;
  let any = false;
  for (const p of phases) {
    const v = Number(p);
    if (Number.isFinite(v) && v >= 0) {
      sum += v;
      any = true;
    }
  }
  return any ? Math.round(sum * 1000) : undefined;
}

function subMs(iso: string): number {
  const m = /\.\d{3}(\d{1,6})Z$/.exec(iso);
  return m ? Number('0.' + m[1]) : 0;
}

/**
 * A few target-less 502s among good requests is the keep-alive race's pattern; every request
 * failing that way means nothing listens where the target group points.
 */
function judgeGroup(ctx: LbCtx, entries: AlbEntry[]): void {
  const failed = entries.filter((e) => e.noResponse);
  if (failed.length === 0) return;
  const first = failed[0] as AlbEntry;
  const ok = entries.filter((e) => e.ok).length;
  if (entries.length >= 5 && ok > 0 && failed.length / entries.length <= 0.3) {
    push(ctx, 'signal', 'cloud-lb.alb-sporadic-502', first.statusSpan);
  } else if (failed.length >= 3 && ok === 0) {
    push(ctx, 'signal', 'cloud-lb.alb-all-502', first.statusSpan);
  }
}
