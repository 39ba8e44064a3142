import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateText } from '../../tests/fixtures/analyze/generate.ts';
import { analyzeFile, SPLIT_MIN_BYTES, type ReadInfo } from './analyze.ts';

const CLI = fileURLToPath(new URL('./analyze.ts', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/analyze/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'analyze-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// Every test starts Node processes: a wide time-out for a busy machine.
describe('npm run analyze', { timeout: 120_000 }, () => {
  it('prints a readable report', () => {
    const r = run(join(FIXTURES, 'iis10-bom-crlf.log'));
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('7 requests');
    expect(r.out).toContain('ERROR_WINHTTP_TIMEOUT');
    expect(r.out).toContain('/causes/request-timeout/');
  });

  it('prints one JSON object with --json', () => {
    const r = run('--json', join(FIXTURES, 'iis10-bom-crlf.log'), join(FIXTURES, 'app-service-rawlogs.log'));
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.totals.requests).toBe(12);
    expect(j.byStatus['502']).toBe(5);
    expect(j.bySubstatus['502.3']).toBe(5);
    expect(j.byWin32['12002']).toBe(3);
    const c120 = j.clusters.find((c: { near: number | null }) => c.near === 120);
    expect(c120).toMatchObject({ count: 3, status: '502.3', win32: 12002 });
    expect(c120.causes[0]).toBe('request-timeout');
    expect(j.clusters.find((c: { near: number | null }) => c.near === 230).causes[0]).toBe('azure-frontend-timeout');
    expect(j.files.map((f: { name: string }) => f.name.split('/').pop())).toEqual(['iis10-bom-crlf.log', 'app-service-rawlogs.log']);
  });

  it('reads a large file on two threads with the same result as on one', () => {
    const { text, expected } = generateText({ lines: 440_000, seed: 21, spacing: 0.2, batch: 20_000 });
    expect(text.length).toBeGreaterThan(SPLIT_MIN_BYTES);
    const file = join(dir, 'u_ex240305.log');
    writeFileSync(file, text);
    const one = run('--json', '--threads', '1', file);
    const two = run('--json', '--threads', '2', file);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    const j = JSON.parse(one.out);
    const j2 = JSON.parse(two.out);
    expect(j.files[0].parts).toBe(1);
    expect(j2.files[0].parts).toBe(2);
    expect({ ...j2, files: [] }).toEqual({ ...j, files: [] });
    expect(j.totals.requests).toBe(expected.requests);
    expect(j.totals.bad).toBe(0);
    expect(j.byStatus).toEqual(expected.byStatus);
    expect(j.byWin32).toEqual(expected.byWin32);
    rmSync(file);
  });

  it('re-reads the start of the second part when the field set changed before the cut', async () => {
    // The field set changes half-way, so the second part's guess from the file head is wrong.
    const { text, expected } = generateText({ lines: 20_000, seed: 22, fieldChange: true, spacing: 1 });
    const file = join(dir, 'u_ex240306.log');
    writeFileSync(file, text);
    const info: ReadInfo = { parts: 0, fixups: 0 };
    const split = await analyzeFile(file, 2, info, 1024);
    expect(info).toEqual({ parts: 2, fixups: 1 });
    expect(split).toEqual(await analyzeFile(file, 1));
    expect(split.requests).toBe(expected.requests);
  });

  it('exits 2 with a message on bad usage or an unreadable file', () => {
    const none = run();
    expect(none.code).toBe(2);
    expect(none.err).toContain('Usage');
    const unknown = run('--frobnicate', 'x.log');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('frobnicate');
    const threads = run('--threads', 'many', join(FIXTURES, 'iis10-bom-crlf.log'));
    expect(threads.code).toBe(2);
    const missing = run(join(dir, 'does-not-exist.log'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('does-not-exist.log');
    expect(missing.out).toBe('');
    const folder = run(dir);
    expect(folder.code).toBe(2);
  });

  it('shows help with exit 0', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('--json');
  });
});
