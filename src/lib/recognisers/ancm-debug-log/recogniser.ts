/**
 * Recogniser for the ASP.NET Core Module V2 debug log (handlerSettings debugFile / debugLevel,
 * ASPNETCORE_MODULE_DEBUG). Lines are found by their module tag anywhere in a paste
 * (recognisers/shared/ancm-debug-lines.ts). From them it reports:
 * - the event messages the module copies into the log ("Event Log: '...'"), matched with the
 *   event-log message specs, and output captured in them, matched with the stdout-log matchers;
 * - exception texts ("InvalidOperationException '...' caught at file:line"), matched with the
 *   same ANCM specs ("Executable was not found at ...", "Could not find dotnet.exe ...");
 * - HRESULTs that mean something (see BENIGN for the ones that do not), app_offline detection,
 *   a non-zero managed exit code, the hosting model (module name, request handler) and the
 *   processPath / arguments ANCM resolved.
 * Repeated facts (the same HRESULT logged at every level of a call stack) are reported once.
 */
import type { Fact, FactName, LineIndex, Recogniser } from '../../engine/types.ts';
import { buildView, decimalAsCode, hexAt } from '../shared/event-messages/text.ts';
import { matchMessages } from '../shared/event-messages/messages.ts';
import type { HitFact } from '../shared/event-messages/messages.ts';
import { EVENT_SPECS } from '../shared/event-messages/specs.ts';
import { capturedFacts } from '../shared/event-messages/captured.ts';
import { codeContextSignals } from '../shared/event-messages/ancm.ts';
import { debugLines } from '../shared/ancm-debug-lines.ts';
import type { DebugLine } from '../shared/ancm-debug-lines.ts';
import { showsAppService } from '../shared/stdout/app-service.ts';

/**
 * HRESULTs the module logs in normal operation, which say nothing about why an app fails:
 * - 0x8007023E ERROR_UNHANDLED_EXCEPTION: the module's stand-in for any C++ exception it caught;
 *   it is logged again at each level of the call stack and the line before it has the reason.
 * - 0x800704E7 ERROR_SERVER_SHUTDOWN_IN_PROGRESS: requests arriving while IIS stops the worker
 *   (recycle, app_offline, pool stop).
 * - 0x800703E3 ERROR_OPERATION_ABORTED, 0x800704D3 ERROR_REQUEST_ABORTED, 0x800704D4
 *   ERROR_CONNECTION_ABORTED, 0x800704CD ERROR_CONNECTION_INVALID: the client went away or
 *   pending I/O was cancelled.
 * - 0x8007006D ERROR_BROKEN_PIPE, 0x800700E8 ERROR_NO_DATA, 0x80070026 ERROR_HANDLE_EOF: the
 *   redirected stdout/stderr pipe closing when the process ends.
 */
export const BENIGN: ReadonlySet<number> = new Set([
  0x8007023e, 0x800704e7, 0x800703e3, 0x800704d3, 0x800704d4, 0x800704cd, 0x8007006d, 0x800700e8, 0x80070026,
]);

/**
 * Win32 errors from "Operation failed with LastError" that are probes, not failures: the
 * module checks several candidate paths (hostfxr next to the app, dotnet locations) and logs
 * ERROR_FILE_NOT_FOUND / ERROR_PATH_NOT_FOUND for the ones that are not there.
 */
const PROBE_LAST_ERRORS: ReadonlySet<number> = new Set([2, 3]);

/** Code-context signals that hold whatever line of the debug log the code came from. */
function debugCodeSignals(code: number): string[] {
  if (code === 0x80070002 || code === 0x80070003) return []; // many sources: a probe, a log folder, processPath
  return codeContextSignals(code, 'add-app');
}

const HRESULT_LINE = /(?:Failed HRESULT returned: |Throwing ResultException for HRESULT |HRESULT )0x([0-9a-fA-F]{1,8})\b/;
/** The HR part is HRESULT_FROM_WIN32(LastError); a line cut before its digits still has the Win32 code. */
const LAST_ERROR = /Operation failed with LastError: (\d{1,10})(?: HR: 0x([0-9a-fA-F]{1,8})\b)?/;
const CAUGHT = /(?:InvalidOperationException|Exception) '/;
const RESOLVING = /Resolving hostfxr parameters for application: '([^']{0,300})' arguments: '([^']{0,300})'/;
const EXITED = /Managed application exited with code (-?\d{1,10})/;

interface Out {
  facts: Fact[];
  seen: Set<string>;
}

function push(o: Out, name: FactName, value: string | number, start: number, end: number): boolean {
  const key = `${name}\u0000${value}`;
  if (o.seen.has(key)) return false;
  o.seen.add(key);
  o.facts.push({ kind: 'ancm-debug-log', name, value, span: { start, end } });
  return true;
}

/** Facts from an event copy or exception text; the server is this log's own, benign codes are noise. */
function pushHits(o: Out, facts: readonly HitFact[]): void {
  for (const f of facts) {
    if (f.name === 'server' && (f.value === 'iis' || f.value === 'iis-express')) continue;
    if (f.name === 'code' && BENIGN.has(f.value as number)) continue;
    push(o, f.name, f.value, f.start, f.end);
  }
}

/** Run the event message specs over input[start, end); stdout after a marker is read too. */
function messages(input: string, start: number, end: number, appService: boolean): { facts: HitFact[]; signals: number } {
  const out: HitFact[] = [];
  let signals = 0;
  if (end <= start) return { facts: out, signals };
  const view = buildView(input, start, end, { compact: true, decode: true });
  const hits = matchMessages(view, input, EVENT_SPECS);
  // nextStop[i]: where the message or marker after hit i starts (captured output ends there)
  const nextStop: number[] = new Array<number>(hits.length);
  let stop = end;
  for (let i = hits.length - 1; i >= 0; i--) {
    nextStop[i] = stop;
    const h = hits[i]!;
    if (h.lead || h.captured !== undefined) stop = h.phraseStart;
  }
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    if (h.signal) {
      out.push({ name: 'signal', value: h.signal, start: h.start, end: h.end });
      signals++;
    }
    for (const f of h.facts) {
      if (f.name === 'signal') signals++;
      out.push(f.name === 'signal' ? { ...f, start: h.start, end: h.end } : f);
    }
    if (h.captured !== undefined) {
      const stdout = capturedFacts(input, h.captured, nextStop[i] as number, appService);
      signals += stdout.filter((f) => f.name === 'signal').length;
      out.push(...stdout);
    }
  }
  return { facts: out, signals };
}

function lineText(input: string, d: DebugLine): string {
  return input.slice(d.msgStart, d.event ? d.event.start : d.end);
}

function recognise(input: string, lines: LineIndex, out: Fact[]): Fact[] {
  const found = debugLines(input, lines);
  const o: Out = { facts: out, seen: new Set() };
  if (found.length === 0) return o.facts;
  const appService = showsAppService(input);
  const first = found[0]!;
  const express = found.some((d) => input.slice(d.start, d.tagStart).toLowerCase().includes('iisexpress'));
  push(o, 'server', express ? 'iis-express' : 'iis', first.tagStart, first.tagEnd);

  for (const d of found) {
    const msg = lineText(input, d);
    const lineEnd = d.event ? Math.min(d.end, input.indexOf('\n', d.msgStart) >= 0 ? input.indexOf('\n', d.msgStart) : d.end) : d.end;
    const lineStart = d.time ? d.time.start - 1 : d.tagStart;
    let signalled = false;
    const signal = (id: string): void => {
      if (push(o, 'signal', id, lineStart, lineEnd)) signalled = true;
    };

    if (d.module === 'aspnetcorev2_inprocess.dll') push(o, 'hosting-model', 'in-process', d.tagStart, d.tagEnd);
    else if (d.module === 'aspnetcorev2_outofprocess.dll') push(o, 'hosting-model', 'out-of-process', d.tagStart, d.tagEnd);

    if (d.event) {
      const r = messages(input, d.event.start, d.event.end, appService);
      pushHits(o, r.facts.filter((f) => f.name !== 'signal'));
      for (const f of r.facts) if (f.name === 'signal' && push(o, 'signal', f.value, f.start, f.end)) signalled = true;
    }

    if (msg.includes('caught at') || msg.includes('Unhandled non-standard exception')) {
      const c = CAUGHT.exec(msg);
      const textStart = c ? d.msgStart + c.index + c[0].length : d.msgStart;
      const close = msg.lastIndexOf("' caught at");
      const textEnd = close >= 0 ? d.msgStart + close : d.end;
      const r = messages(input, textStart, textEnd, appService);
      pushHits(o, r.facts.filter((f) => f.name !== 'signal'));
      for (const f of r.facts) if (f.name === 'signal' && push(o, 'signal', f.value, lineStart, lineEnd)) signalled = true;
      const inner = /HRESULT 0x([0-9a-fA-F]{1,8}) returned at/.exec(input.slice(textStart, textEnd));
      if (inner) codeAt(o, input, textStart + inner.index + 8, signal);
      if (r.signals === 0 && !inner) signal('ancm-debug-log.exception-caught');
    }

    if (msg.includes('HRESULT')) {
      const m = HRESULT_LINE.exec(msg);
      if (m && !msg.includes('caught at')) codeAt(o, input, d.msgStart + m.index + m[0].length - (m[1] as string).length - 2, signal);
    }
    if (msg.includes('LastError')) {
      const m = LAST_ERROR.exec(msg);
      const win32 = m ? Number(m[1]) : 0;
      if (m && !PROBE_LAST_ERRORS.has(win32)) {
        if (m[2]) codeAt(o, input, d.msgStart + m.index + m[0].length - m[2].length - 2, signal);
        else if (win32 > 0 && win32 <= 0xffff) {
          const hr = (0x80070000 | win32) >>> 0;
          const at = d.msgStart + m.index + m[0].length - (m[1] as string).length;
          if (!BENIGN.has(hr) && push(o, 'code', hr, at, at + (m[1] as string).length)) for (const s of debugCodeSignals(hr)) signal(s);
        }
      }
    }

    if (msg.includes('Detected app_offline file')) signal('ancm-debug-log.app-offline-detected');
    // IIS telling the module that this worker process stops (recycle, idle timeout, pool stop, iisreset)
    if (msg.includes('OnGlobalStopListening')) signal('ancm-debug-log.worker-stopping');

    if (msg.includes('Managed application exited with code')) {
      const m = EXITED.exec(msg);
      const code = m ? Number(m[1]) : 0;
      if (m && code !== 0) {
        signal('ancm-debug-log.managed-app-exited');
        const c = decimalAsCode(code);
        const at = d.msgStart + m.index + m[0].length - (m[1] as string).length;
        if (c !== undefined) push(o, 'code', c, at, at + (m[1] as string).length);
      }
    }

    if (msg.includes('Loading request handler')) {
      const lower = msg.toLowerCase();
      if (lower.includes('aspnetcorev2_inprocess.dll')) push(o, 'hosting-model', 'in-process', d.msgStart, d.end);
      else if (lower.includes('aspnetcorev2_outofprocess.dll')) push(o, 'hosting-model', 'out-of-process', d.msgStart, d.end);
    }

    if (msg.includes('Resolving hostfxr parameters')) {
      const m = RESOLVING.exec(msg);
      if (m) {
        const p = d.msgStart + m.index + m[0].indexOf("'") + 1;
        push(o, 'setting', `processPath=${m[1]}`, p, p + (m[1] as string).length);
        const a = d.msgStart + m.index + m[0].length - 1 - (m[2] as string).length;
        // an empty value is shown with its quotes
        if (m[2]) push(o, 'setting', `arguments=${m[2]}`, a, a + (m[2] as string).length);
        else push(o, 'setting', 'arguments=', a - 1, a + 1);
      }
    }

    if (signalled && d.time) push(o, 'timestamp', d.time.iso, d.time.start, d.time.end);
  }
  o.facts.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return o.facts;
}

/** A code written at `at` ("0x80070005"), unless it is one of the benign ones. */
function codeAt(o: Out, input: string, at: number, signal: (id: string) => void): void {
  const n = hexAt(input, at, true);
  if (!n || BENIGN.has(n.value)) return;
  push(o, 'code', n.value, n.start, n.end);
  for (const s of debugCodeSignals(n.value)) signal(s);
}

export const recogniser: Recogniser = {
  kind: 'ancm-debug-log',
  recognise: (input: string, lines: LineIndex, out: Fact[] = []): Fact[] => recognise(input, lines, out),
};
