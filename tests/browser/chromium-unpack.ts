/**
 * The npm-shipped Chromium (@sparticuz/chromium) comes brotli-packed and unpacks itself into the
 * temporary folder (os.tmpdir(): the binary `chromium`, its `fonts/` and the SwiftShader
 * libraries) the first time it is asked for its path. That first unpack is not safe to run twice
 * at once: the package writes the binary in place, and a second process that asks meanwhile sees
 * the file exist and launches it half written (`spawn ETXTBSY`). A machine that unpacked it in an
 * earlier run never shows this; every fresh machine does.
 *
 * So the browser stage unpacks once, in vitest's global setup, before any worker starts; and the
 * unpack itself is atomic: the package unpacks into a private folder beside the final place (a
 * child process with TMPDIR pointing there) and each entry is moved into place, the binary last.
 * A process that finds `chromium` therefore always finds it whole, even when two test runs or
 * scripts start at the same moment.
 *
 * An entry already in place is never replaced, only created where absent (a hard link for a file,
 * a rename for a folder): a running Chromium starts its zygote and child processes by executing
 * its own path again, so a binary renamed over it while it starts leaves it executing
 * `chromium (deleted)` and it dies ("LaunchProcess: failed to execvp", "Cannot communicate with
 * zygote"). Two concurrent first launches showed that, a few times in twenty under load.
 */
import { execFile } from 'node:child_process';
import { existsSync, linkSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where @sparticuz/chromium keeps (or will keep) the unpacked binary. */
export function unpackedChromiumPath(): string {
  return join(tmpdir(), 'chromium');
}

/**
 * Puts `from` at `to` unless something is there already; what is there is kept, never replaced
 * (another process put the same thing in place a moment ago, and may be running it).
 */
export function placeIfAbsent(from: string, to: string): void {
  try {
    if (statSync(from).isDirectory()) renameSync(from, to);
    else linkSync(from, to);
  } catch (e) {
    if (!['EEXIST', 'ENOTEMPTY'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
  }
}

/** Unpacks the bundled Chromium if it is not there yet, atomically; returns the binary's path. */
export async function unpackChromium(): Promise<string> {
  const dir = tmpdir();
  const target = join(dir, 'chromium');
  if (existsSync(target)) return target;
  const staging = mkdtempSync(join(dir, 'chromium-unpack-'));
  try {
    // Resolved with require's resolver: vitest's global setup runs in Vite's module runner, which
    // has no import.meta.resolve (a fresh machine, where this code runs, showed it).
    const pkg = pathToFileURL(createRequire(import.meta.url).resolve('@sparticuz/chromium')).href;
    const script = `const { default: c } = await import(${JSON.stringify(pkg)}); process.stdout.write(await c.executablePath());`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TMPDIR: staging, TMP: staging, TEMP: staging } });
    if (stdout !== join(staging, 'chromium')) throw new Error(`@sparticuz/chromium unpacked to ${stdout}, not into ${staging}`);
    // Libraries and fonts first, the binary last: its presence means "complete".
    for (const name of readdirSync(staging)) if (name !== 'chromium') placeIfAbsent(join(staging, name), join(dir, name));
    placeIfAbsent(join(staging, 'chromium'), target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return target;
}
