/**
 * Deployment texts of the message catalogue that a .NET app prints when its published output is
 * incomplete or mixed: SqlClient's not-supported stub (lib/) loaded instead of the platform's
 * assembly (runtimes/<os>/lib, chosen through deps.json). Each goes through diagnose().
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../engine/diagnose.ts';
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
    const d = diagnose('System.PlatformNotSupportedException: Operation is not supported on this platform.');
    expect(d.findings.map((f) => f.cause)).not.toContain('incomplete-publish');
  });
});
