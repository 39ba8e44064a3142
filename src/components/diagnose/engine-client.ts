/**
 * Runs the engine in a Web Worker (so a multi-megabyte paste never freezes the tab); the
 * engine's code is only downloaded with the worker, on first use. Newer diagnosis requests
 * supersede older ones; the other requests (Markdown, share links) run to the end.
 */
import type { DiagnosisView } from '../../lib/report/view.ts';
import type { Redaction } from '../../lib/redact/redact.ts';
import type { EngineRequest, EngineResponse, EngineResults } from './engine.worker.ts';

let worker: Worker | undefined;
let seq = 0;
const pending = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void; supersedable: boolean }>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<EngineResponse>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if ('result' in e.data) p.resolve(e.data.result as never);
    else p.reject(new Error(e.data.error));
  };
  worker.onerror = (e) => {
    for (const p of pending.values()) p.reject(new Error(e.message || 'The diagnosis worker failed to start.'));
    pending.clear();
    worker?.terminate();
    worker = undefined;
  };
  return worker;
}

type Body<T extends EngineRequest['type']> = Omit<Extract<EngineRequest, { type: T }>, 'id' | 'type'>;

/** Ask the worker; a 'diagnose' request rejects with `superseded` when a newer one was made meanwhile. */
export function ask<T extends EngineRequest['type']>(type: T, body: Body<T>): Promise<EngineResults[T]> {
  const id = ++seq;
  const supersedable = type === 'diagnose';
  if (supersedable) {
    for (const [oldId, p] of pending) {
      if (!p.supersedable) continue;
      p.reject(new Error('superseded'));
      pending.delete(oldId);
    }
  }
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: never) => void, reject, supersedable });
    getWorker().postMessage({ id, type, ...body });
  });
}

/** Diagnose `text` (with the reader's answers); rejects with `superseded` when a newer request was made meanwhile. */
export function diagnoseInWorker(text: string, answers: Record<string, string> = {}, redact = false): Promise<DiagnosisView> {
  return ask('diagnose', { text, answers, redact }).then((r) => r.view);
}

/** The view and what Redact would replace. */
export function diagnoseWithRedactions(text: string, answers: Record<string, string>, redact: boolean): Promise<{ view: DiagnosisView; redactions: Redaction[] }> {
  return ask('diagnose', { text, answers, redact });
}

/** Stop a long-running diagnosis (the next request starts a fresh worker). */
export function cancelDiagnosis(): void {
  for (const p of pending.values()) p.reject(new Error('cancelled'));
  pending.clear();
  worker?.terminate();
  worker = undefined;
}
