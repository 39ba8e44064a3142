/**
 * The bundled Chromium on a machine where it was never unpacked: the temporary folder is pointed
 * at a fresh, empty folder, so the unpack really happens here (the one under /tmp from earlier
 * runs is neither used nor touched). See chromium-unpack.ts for the race this guards against.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { placeIfAbsent } from './chromium-unpack.ts';
import { executablePath, launchBrowser } from './launch.ts';

const VARS = ['TMPDIR', 'TMP', 'TEMP'] as const;

/** Both browsers really run: each renders a page and reads it back. */
async function expectWorking(browsers: Browser[]): Promise<void> {
  for (const [i, b] of browsers.entries()) {
    const page = await b.newPage();
    await page.setContent(`<p>browser ${i}</p>`);
    expect(await page.textContent('p')).toBe(`browser ${i}`);
  }
}

describe.skipIf(!!process.env.CHROMIUM_PATH)('the bundled Chromium, unpacked into a fresh temporary folder', () => {
  let fresh = '';
  const saved: Partial<Record<(typeof VARS)[number], string>> = {};
  let browsers: Browser[] = [];

  beforeEach(() => {
    fresh = mkdtempSync(join(tmpdir(), 'bgg-fresh-tmp-'));
    for (const v of VARS) {
      saved[v] = process.env[v];
      process.env[v] = fresh;
    }
    expect(tmpdir()).toBe(fresh);
    expect(existsSync(join(fresh, 'chromium'))).toBe(false);
  });

  afterEach(async () => {
    await Promise.all(browsers.map((b) => b.close()));
    browsers = [];
    for (const v of VARS) {
      if (saved[v] === undefined) delete process.env[v];
      else process.env[v] = saved[v];
    }
    rmSync(fresh, { recursive: true, force: true });
  });

  it('survives two first launches at the same moment with no setup before them; the setup step then finds it and two workers launch it at once', async () => {
    // Each first launch unpacks into its own folder and renames into place: neither sees a
    // half-written file.
    browsers = await Promise.all([launchBrowser(), launchBrowser()]);
    await expectWorking(browsers);
    expect(existsSync(join(fresh, 'chromium'))).toBe(true);
    expect(readdirSync(fresh).filter((n) => n.startsWith('chromium-unpack-'))).toEqual([]);
    await Promise.all(browsers.map((b) => b.close()));
    // The global setup's step (tests/browser/global-setup.ts) on the unpacked folder:
    const path = await executablePath();
    expect(path).toBe(join(fresh, 'chromium'));
    expect(statSync(path).mode & 0o100).not.toBe(0);
    expect(readdirSync(fresh).filter((n) => n.startsWith('chromium-unpack-'))).toEqual([]);
    // What two workers then do at once:
    browsers = await Promise.all([launchBrowser(), launchBrowser()]);
    await expectWorking(browsers);
  }, 180_000);
});

describe('moving an unpacked entry into place', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bgg-place-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('never replaces a file already there: a Chromium started from it re-executes that path', () => {
    writeFileSync(join(dir, 'chromium'), 'first');
    const running = statSync(join(dir, 'chromium')).ino;
    writeFileSync(join(dir, 'late'), 'second');
    placeIfAbsent(join(dir, 'late'), join(dir, 'chromium'));
    expect(statSync(join(dir, 'chromium')).ino).toBe(running);
    expect(readFileSync(join(dir, 'chromium'), 'utf8')).toBe('first');
  });

  it('puts a file or a folder where nothing is, and keeps a folder already there', () => {
    writeFileSync(join(dir, 'staged'), 'binary');
    placeIfAbsent(join(dir, 'staged'), join(dir, 'chromium'));
    expect(readFileSync(join(dir, 'chromium'), 'utf8')).toBe('binary');
    mkdirSync(join(dir, 'fonts-a'));
    writeFileSync(join(dir, 'fonts-a', 'a.ttf'), 'a');
    placeIfAbsent(join(dir, 'fonts-a'), join(dir, 'fonts'));
    mkdirSync(join(dir, 'fonts-b'));
    writeFileSync(join(dir, 'fonts-b', 'b.ttf'), 'b');
    placeIfAbsent(join(dir, 'fonts-b'), join(dir, 'fonts'));
    expect(readdirSync(join(dir, 'fonts'))).toEqual(['a.ttf']);
  });
});
