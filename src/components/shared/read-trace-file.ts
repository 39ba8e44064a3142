/** Reads a dropped or chosen trace file: its text up to a cap, or why it cannot be used. */
import { looksBinary } from './read-file.ts';

/** FREB files run to a few MB; beyond this only the start is read (the request is at the top). */
export const MAX_TRACE_BYTES = 16_000_000;

export type TraceFile = { name: string; text: string; truncatedFrom?: number } | { name: string; error: string };

export async function readTraceFile(file: File): Promise<TraceFile> {
  const name = file.name || 'Unnamed file';
  try {
    const text = await file.slice(0, MAX_TRACE_BYTES).text();
    if (looksBinary(text)) {
      return { name, error: 'This is not a text file (it may be a zip, a dump or an image). Drop the fr*.xml file itself; if the traces came zipped, unzip them first.' };
    }
    return file.size > MAX_TRACE_BYTES ? { name, text, truncatedFrom: file.size } : { name, text };
  } catch {
    return { name, error: 'The browser could not read this file.' };
  }
}
