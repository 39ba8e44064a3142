/**
 * Varnish Cache in front of the app: the 503 it makes up ("Backend fetch failed") says only that
 * the fetch failed; the FetchError record of varnishlog says why (a sick backend, a refused
 * connection, a first-byte time-out, response headers too big for its buffers, storage full), in
 * the words of the version that wrote it. Each goes through diagnose() and comes out with its cause.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../engine/diagnose.ts';
import { topCauseTests } from '../../../../tests/support/message-cases.ts';

describe('diagnose() with Varnish Cache texts', () => {
  topCauseTests([
    ['-   FetchError     backend boot.web1: unhealthy', 'backend-unhealthy'],
    ['-   FetchError     Director cluster returned no backend\n-   FetchError     No backend', 'backend-unhealthy'],
    ['-   FetchError     backend boot.api: fail errno 111 (Connection refused)', 'proxy-upstream-refused'],
    ['-   FetchError     first byte timeout', 'proxy-upstream-timeout'],
    ['-   FetchError     HTC overflow (Buffer/workspace too small)\n-   BerespStatus   503\n-   BerespReason   Backend fetch failed', 'proxy-header-too-big'],
    ['-   FetchError     http first read error: overflow', 'proxy-header-too-big'],
    ['-   FetchError     http first read error: EOF', 'proxy-upstream-closed'],
    ['-   FetchError     HTC eof (Unexpected end of input)', 'proxy-upstream-closed'],
    ['-   FetchError     Could not get storage', 'resource-exhaustion'],
  ]);

  it('reads the made-up 503 page as a failed fetch with its usual causes, and no IIS cause', () => {
    const page = '<!DOCTYPE html>\n<html>\n  <head>\n    <title>503 Backend fetch failed</title>\n  </head>\n  <body>\n    <h1>Error 503 Backend fetch failed</h1>\n    <p>Backend fetch failed</p>\n    <h3>Guru Meditation:</h3>\n    <p>XID: 98311</p>\n    <hr>\n    <p>Varnish cache server</p>\n  </body>\n</html>';
    const top = diagnose(page).findings.slice(0, 3).map((f) => f.cause);
    expect(top).toContain('backend-unhealthy');
    expect(top).toContain('proxy-upstream-refused');
    expect(top.some((c) => c.startsWith('app-pool'))).toBe(false);
  });
});
