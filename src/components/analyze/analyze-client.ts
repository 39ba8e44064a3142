/**
 * Runs the analyzer in a Web Worker, one analysis at a time. The worker's code (scanner, code
 * names) is only downloaded when the first file is dropped. Cancelling terminates it.
 */
import type { AnalyzeView } from '../../lib/analyze/view.ts';
import type { AnalyzeResponse } from './analyze.worker.ts';

export interface Progress {
  read: number;
  total: number;
  file: string;
  index: number;
  count: number;
}

let worker: Worker | undefined;
let reject: ((e: Error) => void) | undefined;

function stop(): void {
  worker?.terminate();
  worker = undefined;
}

/** Analyze `files`; rejects with "cancelled" when cancelAnalysis() or a newer call stops it. */
export function analyzeInWorker(files: File[], onProgress: (p: Progress) => void): Promise<AnalyzeView> {
  cancelAnalysis();
  return new Promise((resolve, rej) => {
    reject = rej;
    const w = new Worker(new URL('./analyze.worker.ts', import.meta.url), { type: 'module' });
    worker = w;
    w.onmessage = (e: MessageEvent<AnalyzeResponse>) => {
      if (worker !== w) return;
      const m = e.data;
      if (m.type === 'progress') onProgress(m);
      else {
        reject = undefined;
        stop();
        if (m.type === 'done') resolve(m.view);
        else rej(new Error(m.message));
      }
    };
    w.onerror = (e) => {
      if (worker !== w) return;
      reject = undefined;
      stop();
      rej(new Error(e.message || 'The analyzer could not start.'));
    };
    w.postMessage({ files });
  });
}

export function cancelAnalysis(): void {
  const r = reject;
  reject = undefined;
  stop();
  r?.(new Error('cancelled'));
}
