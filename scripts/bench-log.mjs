// The IIS log both analyzer benchmarks read: written with the test fixtures' generator (same
// seed and settings every time), returning the counts the analyzer must report.
import { closeSync, openSync, writeSync } from 'node:fs';

export async function writeLog(file, lines) {
  const { generateLog, emptyExpected } = await import(new URL('../tests/fixtures/analyze/generate.ts', import.meta.url).href);
  const fd = openSync(file, 'w');
  const expected = emptyExpected();
  try {
    for (const part of generateLog({ lines, seed: 42, spacing: 0.08, batch: 20_000 }, expected)) writeSync(fd, part);
  } finally {
    closeSync(fd);
  }
  return expected;
}
