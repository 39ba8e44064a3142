/**
 * Runs the engine in a Web Worker (so a multi-megabyte paste never freezes the tab); the
 * engine's code is only downloaded with the worker, on first use. Newer requests supersede
 * older ones.
 */
import type { DiagnosisView } from '../../lib/report/view.ts';
import type { EngineResponse } from './engine.worker.ts';
import { workerClient } from './worker-client.ts';

const client = workerClient<{ text: string }, EngineResponse, DiagnosisView>(
  () => new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' }),
  (reply) => ('view' in reply ? { ok: reply.view } : { error: reply.error }),
  'The diagnosis worker failed to start.',
);

/** Start the worker (and its download) ahead of the first paste: on focus of the paste box. */
export function warmEngine(): void {
  client.warm();
}

/** Diagnose `text`; rejects with `superseded` when a newer request was made meanwhile. */
export function diagnoseInWorker(text: string): Promise<DiagnosisView> {
  return client.request({ text }, { supersede: true });
}

/** Stop a long-running diagnosis (the next request starts a fresh worker). */
export function cancelDiagnosis(): void {
  client.cancel();
}
