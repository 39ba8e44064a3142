/**
 * What the /analyze/ page shows: the report plus what the page cannot cheaply compute itself
 * (names of the Win32 codes from the code table, titles of the causes), so the page's island
 * needs neither the code table nor the cause catalogue.
 */
import { causeEntry } from '../engine/catalogue.ts';
import type { AnalysisReport } from './report.ts';

export interface FileEntry {
  name: string;
  bytes: number;
}

export interface AnalyzeView {
  report: AnalysisReport;
  files: FileEntry[];
  /** Files that were not read, with the reason. */
  skipped: { name: string; reason: string }[];
  /** Symbolic name per Win32 code in the report ("12002" -> "ERROR_WINHTTP_TIMEOUT"). */
  names: Record<string, string>;
  /** Title per cause id in the clusters. */
  causeTitles: Record<string, string>;
}

/** Build the view; `nameOf` names a code (the code table), undefined when it has no name. */
export function toAnalyzeView(
  report: AnalysisReport,
  files: FileEntry[],
  skipped: { name: string; reason: string }[],
  nameOf: (code: number) => string | undefined,
): AnalyzeView {
  const names: Record<string, string> = {};
  const codes = new Set<number>();
  for (const f of report.failures) codes.add(f.win32);
  for (const c of report.clusters) codes.add(c.win32);
  for (const k of Object.keys(report.byWin32)) codes.add(Number(k));
  for (const code of codes) {
    if (code === 0 || !Number.isInteger(code)) continue;
    let name: string | undefined;
    try {
      name = nameOf(code);
    } catch {
      name = undefined;
    }
    if (name) names[String(code)] = name;
  }
  const causeTitles: Record<string, string> = {};
  for (const c of report.clusters) for (const id of c.causes) causeTitles[id] = causeEntry(id)?.title ?? id;
  return { report, files, skipped, names, causeTitles };
}
