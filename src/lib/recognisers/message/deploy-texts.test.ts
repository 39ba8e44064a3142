/**
 * Deployment texts of the message catalogue that a .NET app prints when its published output is
 * incomplete or mixed: SqlClient's not-supported stub (lib/) loaded instead of the platform's
 * assembly (runtimes/<os>/lib, chosen through deps.json). Each goes through diagnose().
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../engine/diagnose.ts';
import { WORD_WEIGHT } from '../../engine/word-findings.ts';
import { topCauseTests } from '../../../../tests/support/message-cases.ts';

describe('diagnose() with deployment texts of the message catalogue', () => {
  topCauseTests([
    ['System.PlatformNotSupportedException: System.Data.SqlClient is not supported on this platform.', 'incomplete-publish'],
    ['Microsoft.Data.SqlClient is not supported on this platform.\n   at Microsoft.Data.SqlClient.SqlConnection..ctor(String connectionString)', 'incomplete-publish'],
  ]);

  it('said in a sentence, the stub still names the publish, with leftover files second', () => {
    const d = diagnose('since the pipeline deploys the site, every page fails with "Microsoft.Data.SqlClient is not supported on this platform"');
    expect(d.findings.slice(0, 2).map((f) => f.cause)).toEqual(['incomplete-publish', 'stale-deployment-files']);
  });

  it('a platform that really lacks a feature is not read as a publish problem', () => {
    const text = 'System.PlatformNotSupportedException: Operation is not supported on this platform.';
    expect(diagnose(text, { words: false }).findings.map((f) => f.cause)).not.toContain('incomplete-publish');
    // The word model may still name it from the words alone, and says so.
    for (const f of diagnose(text).findings) {
      expect(f.confidence).toBeLessThanOrEqual(WORD_WEIGHT);
      for (const e of f.evidence) expect(e.note).toMatch(/^Words often seen in reports of this cause: /);
    }
  });

  it(".NET Core 3.x's 'no SDKs' answer to an argument that is not an app .dll names the arguments, not a missing framework", () => {
    const d = diagnose(
      "Application '/LM/W3SVC/1/ROOT' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline 'dotnet .\\shop.dll' with multiple retries. Failed to bind to port '1234'. First 30KB characters of captured stdout and stderr logs from multiple retries:\n  It was not possible to find any installed .NET Core SDKs\n  Did you mean to run .NET Core SDK commands? Install a .NET Core SDK from:\n      https://aka.ms/dotnet-download",
    );
    const causes = d.findings.map((f) => f.cause);
    expect(causes[0]).toBe('wrong-arguments');
    expect(causes.slice(0, 3)).toContain('app-dll-not-found');
    expect(causes.slice(0, 3)).not.toContain('framework-not-found');
  });
});

