/// <reference lib="webworker" />
/**
 * The FREB reader's worker: parses a trace, decodes its codes and runs the engine off the main
 * thread, so a multi-megabyte fr*.xml never freezes the tab. The full table of code names is
 * loaded here on first use, never by the page.
 */
import { curatedNames } from '../../lib/codes/curated.ts';
import { loadTable } from '../../lib/codes/table.ts';
import type { NameSource } from '../../lib/codes/table.ts';
import { frebFileReport } from '../../lib/report/freb-file.ts';
import type { FrebFileReport } from '../../lib/report/freb-file.ts';

export interface FrebRequestMessage {
  id: number;
  name: string;
  text: string;
  /** Size of the whole file when only its start was read. */
  truncatedFrom?: number;
}
export type FrebResponseMessage = { id: number; report: FrebFileReport } | { id: number; error: string };

let names: Promise<readonly NameSource[]> | undefined;
const sources = (): Promise<readonly NameSource[]> =>
  (names ??= loadTable().then(
    (table) => [curatedNames, table],
    () => [curatedNames],
  ));

self.onmessage = async (event: MessageEvent<FrebRequestMessage>) => {
  const { id, name, text, truncatedFrom } = event.data;
  let response: FrebResponseMessage;
  try {
    response = { id, report: frebFileReport(name, text, { names: await sources(), truncatedFrom }) };
  } catch (err) {
    response = { id, error: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(response);
};
