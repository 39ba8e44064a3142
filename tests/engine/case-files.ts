/**
 * Reads the end-to-end cases in tests/fixtures/cases/*.txt. A case file starts with header
 * comment lines, then the paste itself:
 *
 *   # expect: request-timeout        the cause that must come out on top
 *   # kinds: iis-log, web-config     input kinds the paste contains (the case waits until
 *                                    recognisers for all of them are registered)
 *   # note: free text                optional
 *
 * The header lines are removed before the paste is diagnosed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CASES_DIR = fileURLToPath(new URL('../fixtures/cases/', import.meta.url));

export interface CaseFile {
  file: string;
  expect: string;
  kinds: string[];
  notes: string[];
  /** The paste without the header lines. */
  text: string;
}

const HEADER = /^# (expect|kinds|note):\s?(.*)$/;

export function parseCase(file: string, raw: string): CaseFile {
  const lines = raw.split('\n');
  let expect = '';
  let kinds: string[] = [];
  const notes: string[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const m = HEADER.exec(lines[i] ?? '');
    if (!m) break;
    const value = (m[2] ?? '').trim();
    if (m[1] === 'expect') expect = value;
    else if (m[1] === 'kinds') kinds = value.split(',').map((k) => k.trim()).filter(Boolean);
    else notes.push(value);
  }
  return { file, expect, kinds, notes, text: lines.slice(i).join('\n') };
}

export function readCases(dir: string = CASES_DIR): CaseFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseCase(f, readFileSync(join(dir, f), 'utf8')));
}
