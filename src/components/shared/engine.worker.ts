/// <reference lib="webworker" />
/** The engine off the main thread: the page posts the paste, the worker answers with a view. */
import { diagnose } from '../../lib/engine/diagnose.ts';
import { toView } from '../../lib/report/view.ts';

export interface EngineRequest {
  id: number;
  text: string;
}
export type EngineResponse = { id: number; view: import('../../lib/report/view.ts').DiagnosisView } | { id: number; error: string };

self.onmessage = (event: MessageEvent<EngineRequest>) => {
  const { id, text } = event.data;
  let response: EngineResponse;
  try {
    response = { id, view: toView(text, diagnose(text)) };
  } catch (err) {
    response = { id, error: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(response);
};
