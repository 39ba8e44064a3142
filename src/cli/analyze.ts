/**
 * Command-line front end of the IIS log analyzer:
 *
 *   npm run --silent analyze -- [--json] [--threads N] FILE...
 *
 * Reads each file in chunks through the byte scanner of src/lib/analyze/ (the same code the /analyze/
 * page runs in the browser) and prints a readable report, or with --json one JSON object.
 * A large file is cut in two at a line boundary; this thread reads one half, a worker thread the other;
 * the results are merged exactly (src/lib/analyze/split.ts). Memory stays flat: counters only.
 *
 * Exit status: 0 success, 2 bad usage or unreadable file (message on stderr).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createScanner, type ScanOptions, type ScanResult } from '../lib/analyze/scanner.ts';
import { combineParts, lastFieldsIn, lineStartAfter, planFixups } from '../lib/analyze/split.ts';
import { mergeStats, type Stats } from '../lib/analyze/stats.ts';

const USAGE = `Usage: npm run --silent analyze -- [--json] [--threads N] FILE...

Analyze IIS W3C logs (u_ex*.log, IIS Express, Azure App Service http/RawLogs, httperr*.log):
status, sub-status and sc-win32-status counts, 502s and 5xx over time, time-taken of the 502s
with the known timeouts marked, the URLs with the most 502s and a diagnosis per cluster
(with its time window, its own URLs and its first lines).

Options:
  --json         print one JSON object (totals, byStatus, bySubstatus, byWin32, failures,
                 timeline, timeTaken502, topUrls, clusters, files with the parts each
                 was read in)
  --threads N    threads per file over 64 MB, this one and N-1 workers (default: 2
                 when the machine has two cores)
  -h, --help     show this help

Exit status: 0 success, 2 bad usage or unreadable file.
`;

/**
 * Files smaller than this are read on this thread alone: starting a worker costs about as
 * much as scanning a few tens of megabytes.
 */
export const SPLIT_MIN_BYTES = 64 * 1024 * 1024;
const CHUNK = 1 << 20;
const WINDOW = 1 << 16;

interface RangeJob {
  analyzeRange: true;
  path: string;
  start: number;
  /** Exclusive. */
  end: number;
  options: ScanOptions;
}

/**
 * Stream bytes [start, end) of a file through a scanner, reading with a node:fs file handle
 * into one buffer that is reused for every chunk (the scanner copies only an unfinished line),
 * so memory stays flat however large the file.
 */
export async function scanRange(path: string, start: number, end: number, options: ScanOptions = {}): Promise<ScanResult> {
  const scanner = createScanner(options);
  if (end <= start) return scanner.end();
  const fh = await open(path, 'r');
  try {
    const buf = new Uint8Array(CHUNK);
    let pos = start;
    while (pos < end) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(CHUNK, end - pos), pos);
      if (bytesRead <= 0) break;
      scanner.push(buf.subarray(0, bytesRead));
      pos += bytesRead;
    }
  } finally {
    await fh.close();
  }
  return scanner.end();
}

function readAt(path: string, position: number, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(Math.max(0, length));
    const n = readSync(fd, buf, 0, buf.length, position);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** First line start at or after `from` (size when there is none). */
function lineStartFrom(path: string, from: number, size: number): number {
  for (let pos = from; pos < size; pos += WINDOW) {
    const window = readAt(path, pos, WINDOW);
    const i = lineStartAfter(window, 0);
    if (i >= 0) return pos + i;
  }
  return size;
}

function runWorker(job: RangeJob): Promise<ScanResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL(import.meta.url), { workerData: job });
    let done = false;
    w.once('message', (r: ScanResult) => {
      done = true;
      resolve(r);
      void w.terminate();
    });
    w.once('error', reject);
    w.once('exit', (code) => {
      if (!done) reject(new Error(`worker stopped with code ${code}`));
    });
  });
}

/**
 * Read one file. With threads >= 2 and a large file: cut at line boundaries, read the first
 * part here and the others in worker threads, re-read a part's prefix when its guessed
 * starting layout was wrong, merge.
 */
export interface ReadInfo {
  /** Parts read at once (1 = on this thread). */
  parts: number;
  /** Parts whose first lines were read again with the right layout. */
  fixups: number;
}

export async function analyzeFile(path: string, threads = Math.min(2, availableParallelism()), info?: ReadInfo, splitMinBytes = SPLIT_MIN_BYTES): Promise<Stats> {
  const size = statSync(path).size;
  const parts = Math.max(1, Math.min(Math.floor(threads), 8));
  if (info) {
    info.parts = 1;
    info.fixups = 0;
  }
  if (parts < 2 || size < splitMinBytes) return (await scanRange(path, 0, size)).stats;

  const bounds = [0];
  for (let k = 1; k < parts; k++) {
    const b = lineStartFrom(path, Math.floor((size * k) / parts), size);
    if (b > (bounds[bounds.length - 1] as number) && b < size) bounds.push(b);
  }
  bounds.push(size);
  // Guess each part's starting layout from the nearest #Fields before it (a wrong guess only
  // costs a re-read of that part's first lines).
  const headGuess = lastFieldsIn(readAt(path, 0, WINDOW).toString('utf8'));
  const jobs: RangeJob[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const start = bounds[k] as number;
    const before = k === 0 ? null : lastFieldsIn(readAt(path, Math.max(0, start - WINDOW), Math.min(WINDOW, start)).toString('utf8'));
    jobs.push({
      analyzeRange: true,
      path,
      start,
      end: bounds[k + 1] as number,
      options: k === 0 ? {} : { fields: before ?? headGuess, separatePrefix: true },
    });
  }
  let results: ScanResult[];
  try {
    // The first part is read on this thread, the others in worker threads.
    results = await Promise.all(jobs.map((j, k) => (k === 0 ? scanRange(j.path, j.start, j.end, j.options) : runWorker(j))));
  } catch {
    // No worker threads here: read the whole file on this thread.
    return (await scanRange(path, 0, size)).stats;
  }
  const fixed = new Map<number, Stats>();
  const fixups = planFixups(results);
  if (info) {
    info.parts = results.length;
    info.fixups = fixups.length;
  }
  for (const f of fixups) {
    const start = bounds[f.part] as number;
    fixed.set(f.part, (await scanRange(path, start, start + f.bytes, { fields: f.fields })).stats);
  }
  return combineParts(results, fixed);
}

/** Read several files (each starts with no layout of its own) and merge them in order. */
export async function analyzeFiles(paths: readonly string[], threads?: number): Promise<{ stats: Stats; reads: ReadInfo[] }> {
  let acc: Stats | undefined;
  const reads: ReadInfo[] = [];
  for (const p of paths) {
    const info: ReadInfo = { parts: 1, fixups: 0 };
    const s = await analyzeFile(p, threads, info);
    reads.push(info);
    acc = acc ? mergeStats(acc, s) : s;
  }
  if (!acc) throw new RangeError('no files');
  return { stats: acc, reads };
}

export async function main(argv: string[], io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  let values: { json?: boolean; help?: boolean; threads?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, threads: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (e) {
    io.err(`analyze: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    io.err(`analyze: name at least one log file\n\n${USAGE}`);
    return 2;
  }
  let threads: number | undefined;
  if (values.threads !== undefined) {
    threads = Number(values.threads);
    if (!Number.isInteger(threads) || threads < 1 || threads > 8) {
      io.err('analyze: --threads takes a whole number from 1 to 8\n');
      return 2;
    }
  }
  const files: { name: string; bytes: number; parts?: number }[] = [];
  for (const p of positionals) {
    try {
      const st = statSync(p);
      if (!st.isFile()) throw new Error('not a file');
      closeSync(openSync(p, 'r'));
      files.push({ name: p, bytes: st.size });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.err(`analyze: cannot read ${p}${code ? ` (${code})` : `: ${(e as Error).message}`}\n`);
      return 2;
    }
  }
  let stats: Stats;
  try {
    const read = await analyzeFiles(positionals, threads);
    stats = read.stats;
    read.reads.forEach((r, i) => {
      const f = files[i];
      if (f) f.parts = r.parts;
    });
  } catch (e) {
    io.err(`analyze: ${(e as Error).message}\n`);
    return 2;
  }
  // Loaded here, not at the top: worker threads only need the scanner.
  const { toReport } = await import('../lib/analyze/report.ts');
  const { reportText } = await import('../lib/analyze/report-text.ts');
  const report = toReport(stats);
  if (values.json) io.out(JSON.stringify({ ...report, files }, null, 2) + '\n');
  else io.out(reportText(report, positionals));
  return 0;
}

if (!isMainThread && (workerData as RangeJob | undefined)?.analyzeRange) {
  const job = workerData as RangeJob;
  scanRange(job.path, job.start, job.end, job.options).then(
    (r) => parentPort?.postMessage(r),
    (e: Error) => {
      throw e;
    },
  );
} else if (isMainThread) {
  const invoked = process.argv[1] ?? '';
  if (invoked.endsWith('analyze.ts') || invoked.endsWith('analyze.js')) {
    main(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }).then(
      (code) => {
        process.exitCode = code;
      },
      (e: Error) => {
        process.stderr.write(`analyze: ${e.message}\n`);
        process.exitCode = 2;
      },
    );
  }
}
