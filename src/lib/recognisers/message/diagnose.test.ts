/**
 * End to end: lines of the kinds issue 10 lists (a title alone, exception text without a log
 * frame, a typographic copy, a translation) go through diagnose() and come out with the right
 * cause on top, read by the message catalogue.
 */
import { describe, expect, it } from 'vitest';
import causes from '../../../../content/data/causes.json' with { type: 'json' };
import { diagnose } from '../../engine/diagnose.ts';

function top(input: string): { cause: string | undefined; kinds: string[] } {
  const d = diagnose(input);
  return { cause: d.findings[0]?.cause, kinds: d.kinds };
}

describe('diagnose() with the message catalogue', () => {
  it.each([
    ['HTTP Error 500.38 - ANCM Application DLL Not Found', 'app-dll-not-found'],
    ['HTTP Error 500.38 – Failed to locate ASP.NET Core app', 'app-dll-not-found'],
    ['ANCM Out-Of-Process Startup Failure', 'process-start-failure'],
    ['System.Net.Sockets.SocketException (10013): An attempt was made to access a socket in a way forbidden by its access permissions.', 'kestrel-bind-denied'],
    ['Unhandled exception. System.IO.IOException: Failed to bind to address http://127.0.0.1:5000: address already in use.', 'port-binding-failure'],
    ["Only one in-process application is allowed per IIS application pool. Please assign the application '/LM/W3SVC/2/ROOT/api' to a different IIS application pool.", 'multiple-inprocess-apps'],
    ['HTTP Error 500.32 - Failed to load .NET Core host', 'bitness-mismatch'],
    ['upstream sent too big header while reading response header from upstream', 'proxy-header-too-big'],
    ['System.Net.Sockets.SocketException (10013): Der Zugriff auf einen Socket war aufgrund der Zugriffsrechte des Sockets unzulässig.', 'kestrel-bind-denied'],
  ])('%s -> %s', (input, cause) => {
    const got = top(input);
    expect(got.cause).toBe(cause);
    expect(got.kinds).toContain('message');
  });

  it('places a message whose causes have no article yet, with no signal of its own', () => {
    const input = 'x509: certificate signed by unknown authority'; // points at backend-tls-failure only
    const d = diagnose(input);
    expect(d.kinds).toContain('message');
    expect(d.unrecognised).toEqual([]);
    const known = (causes as { id: string }[]).some((c) => c.id === 'backend-tls-failure');
    expect(d.facts.some((f) => f.kind === 'message' && f.name === 'signal')).toBe(known);
  });

  it('reads a cut-off title copied from a browser, with typographic quotes in a following line', () => {
    const d = diagnose('HTTP Error 500.31 – Failed to load ASP.NET Core runtime\nThe specified version of Microsoft.NetCore.App or Microsoft.AspNetCore.App was not found.');
    expect(d.findings[0]?.cause).toBe('framework-not-found');
    expect(d.unrecognised).toEqual([]);
  });
});
