/**
 * AWS Classic Load Balancer (the first ELB) access-log entries, HTTP and HTTPS listeners:
 *
 *   time elb client:port backend:port request_processing_time backend_processing_time
 *   response_processing_time elb_status_code backend_status_code received_bytes sent_bytes
 *   "request" "user_agent" ssl_cipher ssl_protocol
 *
 * Unlike the ALB's, a line has no type and no `app/…` name. A backend of `-` and processing
 * times of `-1` mean the load balancer got no answer from an instance: it could not send the
 * request, the instance closed the connection first (a keep-alive timeout shorter than the ELB's
 * idle timeout), or it stayed silent past the idle timeout; the line cannot tell which, so a 504
 * keeps the timeout among its causes. Dates copied from a web page
 * may carry typographic dashes and quotes; both are read.
 */
import type { Span } from '../../engine/types.ts';
import { isErrorStatus, lineAt, linesHolding, tokenize } from '../shared/proxy-lines.ts';
import type { LbCtx } from './context.ts';
import { push, server } from './context.ts';

/** Time, a load balancer's name, the client's address:port. */
const ELB_START = /(?:^|[\s"'])(\d{4}[-–]\d{2}[-–]\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z) ([\w-]{1,64}) (?:\d{1,3}(?:\.\d{1,3}){3}|\[[\da-fA-F:]+\]):\d{1,5} /g;
const TIME = /^-?\d{1,9}(?:\.\d{1,9})?$/;

export function scanElbClassic(ctx: LbCtx): void {
  const { input, lines } = ctx;
  if (!input.includes('Z ')) return;
  const holding = linesHolding(input, lines, ['Z ']);
  for (let n = 1; n <= lines.starts.length; n++) {
    if (holding[n] !== 1) continue;
    const { text, span } = lineAt(input, lines, n);
    ELB_START.lastIndex = 0;
    for (let m = ELB_START.exec(text); m; m = ELB_START.exec(text)) entry(ctx, text, m, span.start);
  }
}

function entry(ctx: LbCtx, text: string, m: RegExpExecArray, base: number): void {
  const t = tokenize(text, m.index + m[0].length, 8, false, false);
  const [backend, rpt, bpt, rspt, elb, bstatus] = t;
  if (!backend || !rpt || !bpt || !rspt || !elb || !bstatus) return;
  if (!(backend.value === '-' || /:\d{1,5}$/.test(backend.value))) return;
  if (!TIME.test(rpt.value) || !TIME.test(bpt.value) || !TIME.test(rspt.value)) return;
  // The backend status is `-` (some copies show 0) when no instance answered.
  if (!/^\d{3}$/.test(elb.value) || !/^(?:\d{3}|-|0)$/.test(bstatus.value)) return;
  const at = (start: number, end: number): Span => ({ start: base + start, end: base + end });
  const lead = /[\s"']/.test(m[0][0] as string) ? 1 : 0;
  const whole = at(m.index + lead, text.length);
  const status = Number(elb.value);
  if (!isErrorStatus(status)) {
    push(ctx, 'placed', 'AWS Classic Load Balancer access log entry', whole);
    return;
  }
  server(ctx, 'aws-alb', whole);
  const statusSpan = at(elb.start, elb.end);
  push(ctx, 'status', String(status), statusSpan);
  const timeAt = m.index + lead;
  push(ctx, 'timestamp', (m[1] as string).replace(/–/g, '-'), at(timeAt, timeAt + (m[1] as string).length));
  if (backend.value !== '-') push(ctx, 'setting', `backend=${backend.value}`, at(backend.start, backend.end));
  push(ctx, 'setting', `backend_status=${bstatus.value}`, at(bstatus.start, bstatus.end));
  const noResponse = (bstatus.value === '-' || bstatus.value === '0') && bpt.value === '-1';
  if (status === 504) push(ctx, 'signal', noResponse ? 'cloud-lb.elb-504-no-response' : 'cloud-lb.elb-504-timeout', statusSpan);
  else if (status === 502 && noResponse) push(ctx, 'signal', 'cloud-lb.elb-502-no-response', statusSpan);
  else if (status === 503 && backend.value === '-') push(ctx, 'signal', 'cloud-lb.elb-503-no-backend', statusSpan);
}
