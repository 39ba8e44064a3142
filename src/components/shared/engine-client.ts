/**
 * Runs the engine in a Web Worker (so a multi-megabyte paste never freezes the tab); the
 * engine's code is only downloaded with the worker, on first use. Newer diagnosis requests
 * supersede older ones; the other requests (Markdown, share links) run to the end.
 */
import type { DiagnosisView } from '../../lib/report/view.ts';
import type { Redaction } from '../../lib/redact/redact.ts';
import type { EngineRequest, EngineResponse, EngineResults } from './engine.worker.ts';
import { workerClient } from './worker-client.ts';

type Request = EngineRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
type Result = EngineResults[keyof EngineResults];

const client = workerClient<Request, EngineResponse, Result>(
  () => new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' }),
  (reply) => ('result' in reply ? { ok: reply.result } : { error: reply.error }),
  'The diagnosis worker failed to start.',
);

/** Start the worker (and its download) ahead of the first paste: on focus of the paste box. */
export function warmEngine(): void {
  client.warm();
}

type Body<T extends EngineRequest['type']> = Omit<Extract<EngineRequest, { type: T }>, 'id' | 'type'>;

/** Ask the worker; a 'diagnose' request rejects with `superseded` when a newer one was made meanwhile. */
export function ask<T extends EngineRequest['type']>(type: T, body: Body<T>): Promise<EngineResults[T]> {
  const message = { type, ...body } as unknown as Request;
  return client.request(message, { supersede: type === 'diagnose' }) as Promise<EngineResults[T]>;
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
  client.cancel();
}
