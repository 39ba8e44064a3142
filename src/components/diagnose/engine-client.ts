/**
 * Runs the engine in a Web Worker (so a multi-megabyte paste never freezes the tab); the
 * engine's code is only downloaded with the worker, on first use. Newer requests supersede
 * older ones.
 */
import type { DiagnosisView } from '../../lib/report/view.ts';
import type { EngineResponse } from './engine.worker.ts';

let worker: Worker | undefined;
let seq = 0;
const pending = new Map<number, { resolve: (v: DiagnosisView) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<EngineResponse>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if ('view' in e.data) p.resolve(e.data.view);
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

/** Start the worker (and its download) ahead of the first paste: on focus of the paste box. */
export function warmEngine(): void {
  try {
    getWorker();
  } catch {
    // A worker that cannot start reports itself on the first real request.
  }
}

/** Diagnose `text`; rejects with `superseded` when a newer request was made meanwhile. */
export function diagnoseInWorker(text: string): Promise<DiagnosisView> {
  const id = ++seq;
  for (const [oldId, p] of pending) {
    p.reject(new Error('superseded'));
    pending.delete(oldId);
  }
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    getWorker().postMessage({ id, text });
  });
}

/** Stop a long-running diagnosis (the next request starts a fresh worker). */
export function cancelDiagnosis(): void {
  for (const p of pending.values()) p.reject(new Error('cancelled'));
  pending.clear();
  worker?.terminate();
  worker = undefined;
}
