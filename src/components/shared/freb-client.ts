/**
 * Talks to the FREB reader's worker. Each trace is its own request (several files are read one
 * after the other by the same worker); a failed worker rejects what it held and is replaced.
 */
import type { FrebFileReport } from '../../lib/report/freb-file.ts';
import type { FrebRequestMessage, FrebResponseMessage } from './freb.worker.ts';
import { readTraceFile } from './read-trace-file.ts';
import { workerClient } from './worker-client.ts';

const client = workerClient<Omit<FrebRequestMessage, 'id'>, FrebResponseMessage, FrebFileReport>(
  () => new Worker(new URL('./freb.worker.ts', import.meta.url), { type: 'module' }),
  (reply) => ('report' in reply ? { ok: reply.report } : { error: reply.error }),
  'The trace reader could not start.',
);

/** Read one trace (a file's text or a paste) in the worker. */
export function readTraceInWorker(name: string, text: string, truncatedFrom?: number): Promise<FrebFileReport> {
  return client.request({ name, text, truncatedFrom });
}

export type TraceOutcome = { state: 'done'; report: FrebFileReport } | { state: 'error'; message: string };
/** One trace in a widget's list, while it is read and after. */
export type TraceEntry = { key: number; name: string } & ({ state: 'reading' } | TraceOutcome);

/** Read a dropped or chosen file and its trace; every failure becomes a message for the reader. */
export async function readTraceFromFile(file: File): Promise<TraceOutcome> {
  const read = await readTraceFile(file);
  if ('error' in read) return { state: 'error', message: read.error };
  try {
    return { state: 'done', report: await readTraceInWorker(read.name, read.text, read.truncatedFrom) };
  } catch (err) {
    return { state: 'error', message: `The trace could not be read: ${err instanceof Error ? err.message : String(err)}` };
  }
}
