/**
 * Cloud Foundry's gorouter, the router in front of every app instance there (Mendix, SAP BTP,
 * Tanzu): its JSON log record `"message":"backend-endpoint-failed"` for each attempt that failed,
 * with the Go error in `"error"` and whether the connection was a kept-alive one it reused
 * (`"conn-reused":true`). An EOF or a reset on a reused connection is the instance closing an
 * idle connection just as the router sent on it; on a fresh connection it is the app going away.
 *
 * The engine reads JSON log lines with their message values on lines of their own
 * (json-escapes.ts), so a record is read from its message to the next record, not as one line.
 */
import type { LbCtx } from './context.ts';
import { push, server } from './context.ts';
import { classifyGoError } from '../shared/go-net-errors.ts';
import type { GoNetFailure } from '../shared/go-net-errors.ts';

const MARK = 'backend-endpoint-failed';
/** How far a record runs after its message, at most. */
const RECORD_REACH = 3000;
/** The error value: in quotes as pasted, or on a line of its own in the engine's JSON view. */
const ERROR = /"error"[ \t]*:[ \t]*(?:"|\r?\n)([^"\r\n]{1,300})/;
const REUSED = /"conn-reused"[ \t]*:[ \t]*true/;
const NEXT_RECORD = /"log_level"|"timestamp"|\n[ \t]*\n/g;

function signalFor(failure: GoNetFailure, reused: boolean): string | undefined {
  switch (failure) {
    case 'eof':
    case 'reset':
    case 'idle-closed':
      return reused ? 'cloud-lb.gorouter-reused-closed' : 'cloud-lb.gorouter-closed';
    case 'refused':
    case 'unreachable':
      return 'cloud-lb.gorouter-refused';
    case 'timeout':
    case 'connect-timeout':
      return 'cloud-lb.gorouter-timeout';
    case 'tls-verify':
    case 'tls-plain-backend':
      return 'cloud-lb.gorouter-tls';
    case 'canceled':
      return 'cloud-lb.gorouter-client-canceled';
    default:
      return undefined;
  }
}

export function scanGorouter(ctx: LbCtx): void {
  const { input } = ctx;
  let from = input.indexOf(MARK);
  while (from >= 0) {
    const markEnd = from + MARK.length;
    NEXT_RECORD.lastIndex = markEnd;
    const next = NEXT_RECORD.exec(input);
    const end = Math.min(input.length, markEnd + RECORD_REACH, next ? next.index : input.length);
    const record = input.slice(markEnd, end);
    const e = ERROR.exec(record);
    const found = e ? classifyGoError(e[1] as string) : undefined;
    const signal = found ? signalFor(found.failure, REUSED.test(record)) : undefined;
    const markSpan = { start: from, end: markEnd };
    server(ctx, 'paas', markSpan);
    if (e && found && signal) {
      const at = markEnd + e.index + e[0].length - (e[1] as string).length + found.at;
      push(ctx, 'signal', signal, { start: at, end: at + found.length });
    }
    push(ctx, 'placed', 'gorouter record', { start: from, end });
    from = input.indexOf(MARK, Math.max(end, markEnd));
  }
}
