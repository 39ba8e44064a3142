/** Spawns the CLI with the Node that runs the tests (Node 24 strips the TypeScript types). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('./diagnose.ts', import.meta.url));
const SEED = '2024-03-05 10:14:22 10.0.0.4 POST /api/reports/export - 443 - 203.0.113.7 Mozilla/5.0 - 502 3 12002 120016\n';
const dir = mkdtempSync(join(tmpdir(), 'bgg-cli-'));

function run(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { input: input ?? '', encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Every test starts a Node process: a wide time-out for a busy machine.
describe('diagnose CLI', { timeout: 120_000 }, () => {
  it('reads stdin and prints one JSON object with the seed diagnosis', () => {
    const r = run(['--json'], SEED);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['kinds', 'codes', 'findings', 'questions', 'unrecognised']));
    expect(j.kinds).toContain('iis-log');
    expect(j.findings[0].cause).toBe('request-timeout');
    expect(j.findings[0].article).toBe('/causes/request-timeout/');
    expect(j.findings[0].evidence[0].line).toBe(1);
    const confidences = j.findings.map((f: { confidence: number }) => f.confidence);
    expect(confidences).toEqual([...confidences].sort((a: number, b: number) => b - a));
    expect(j.codes.find((c: { unsigned: number }) => c.unsigned === 12002)?.names).toContain('ERROR_WINHTTP_TIMEOUT');
  });

  it('reads files and "-" and prints a readable report', () => {
    const file = join(dir, 'u_ex240305.log');
    writeFileSync(file, SEED);
    const r = run([file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^(Very likely|Likely): IIS gave up after requestTimeout/);
    expect(r.stdout).toMatch(/1\. The app did not answer within requestTimeout \[request-timeout\] (Very likely|Likely)\n/);
    expect(r.stdout).toContain('line 1 (iis-log)');
    expect(r.stdout).toContain('Article: /causes/request-timeout/');
    const dash = run(['-'], SEED);
    expect(dash.status).toBe(0);
    expect(dash.stdout).toContain('[request-timeout]');
  });

  it('--redact prints the redacted paste and the report of it, which diagnoses the same', () => {
    const paste = SEED.replace('10.0.0.4', '10.20.30.40').replace(' - 443 - ', ' - 443 CONTOSO\\jdoe ');
    const r = run(['--redact', '-'], paste);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Redacted paste \(4 values replaced\):/);
    for (const secret of ['10.20.30.40', '203.0.113.7', 'CONTOSO', 'jdoe']) expect(r.stdout).not.toContain(secret);
    expect(r.stdout).toContain('DOMAIN-1\\user-1');
    expect(r.stdout).toContain('[request-timeout]');
    const j = JSON.parse(run(['--redact', '--json', '-'], paste).stdout);
    expect(j.findings[0].cause).toBe('request-timeout');
    expect(j.redacted.replacements).toBe(4);
    expect(JSON.stringify(j)).not.toContain('jdoe');
  }, 60_000);

  it('reads a UTF-16 file as Windows tools write it', () => {
    const file = join(dir, 'utf16.log');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SEED, 'utf16le')]));
    const j = JSON.parse(run(['--json', file]).stdout);
    expect(j.findings[0].cause).toBe('request-timeout');
  });

  it('exits 1 when nothing is recognised', () => {
    const r = run(['--json'], 'hello world\nnothing here\n');
    expect(r.status).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.findings).toEqual([]);
    expect(j.unrecognised).toEqual([1, 2]);
    expect(j.pasteHint).toMatch(/^Nothing in this text was recognised\. Paste /);
  });

  it('exits 2 and names the file when it cannot be read', () => {
    const missing = join(dir, 'no-such-file.log');
    const r = run([missing]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(missing);
    expect(r.stdout).toBe('');
  });

  it('exits 2 on a bad option and prints help on --help', () => {
    const bad = run(['--colour']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Unknown option|unknown option/i);
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage:');
  });
});
