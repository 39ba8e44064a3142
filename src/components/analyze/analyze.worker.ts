/// <reference lib="webworker" />
/**
 * The analyzer off the main thread: reads each dropped file as a stream of bytes through the
 * scanner (nothing is uploaded; memory stays flat), reports progress, and answers with the
 * view. Cancelling terminates the worker.
 */
import { createScanner } from '../../lib/analyze/scanner.ts';
import { mergeStats, type Stats } from '../../lib/analyze/stats.ts';
import { toReport } from '../../lib/analyze/report.ts';
import { sniff } from '../../lib/analyze/sniff.ts';
import { toAnalyzeView, type AnalyzeView, type FileEntry } from '../../lib/analyze/view.ts';
import { curatedNames } from '../../lib/codes/curated.ts';
import { decode } from '../../lib/codes/decode.ts';
import { loadTable, type NameSource } from '../../lib/codes/table.ts';

export interface AnalyzeRequest {
  files: File[];
}

export type AnalyzeResponse =
  | { type: 'progress'; read: number; total: number; file: string; index: number; count: number }
  | { type: 'done'; view: AnalyzeView }
  | { type: 'error'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const PROGRESS_MS = 100;

function post(r: AnalyzeResponse): void {
  scope.postMessage(r);
}

async function analyze(files: File[]): Promise<AnalyzeView> {
  const total = files.reduce((a, f) => a + f.size, 0);
  let before = 0;
  let acc: Stats | undefined;
  const read: FileEntry[] = [];
  const skipped: { name: string; reason: string }[] = [];
  let last = 0;
  for (let index = 0; index < files.length; index++) {
    const file = files[index] as File;
    const head = new Uint8Array(await file.slice(0, 8192).arrayBuffer());
    const verdict = sniff(head);
    if (!verdict.ok) {
      skipped.push({ name: file.name, reason: verdict.reason });
      before += file.size;
      continue;
    }
    // Each file starts with no layout of its own (its #Fields header comes first).
    const scanner = createScanner();
    const reader = file.stream().getReader();
    let done = 0;
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) break;
      if (!value) continue;
      scanner.push(value);
      done += value.length;
      const now = Date.now();
      if (now - last >= PROGRESS_MS) {
        last = now;
        post({ type: 'progress', read: before + done, total, file: file.name, index, count: files.length });
      }
    }
    const stats = scanner.end().stats;
    acc = acc ? mergeStats(acc, stats) : stats;
    read.push({ name: file.name, bytes: file.size });
    before += file.size;
  }
  post({ type: 'progress', read: total, total, file: '', index: files.length, count: files.length });
  const report = toReport(acc ?? createScanner().end().stats);
  let sources: NameSource[] = [curatedNames];
  try {
    sources = [curatedNames, await loadTable()];
  } catch {
    // Curated names only.
  }
  return toAnalyzeView(report, read, skipped, (code) => decode(code, sources).names[0]);
}

scope.onmessage = (event: MessageEvent<AnalyzeRequest>) => {
  analyze(event.data.files).then(
    (view) => post({ type: 'done', view }),
    (err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
