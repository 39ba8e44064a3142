/**
 * End to end: lines of the kinds issue 10 lists (a title alone, exception text without a log
 * frame, a typographic copy, a translation) go through diagnose() and come out with the right
 * cause on top, read by the message catalogue.
 */
import { describe, expect, it } from 'vitest';
import causes from '../../../../content/data/causes.json' with { type: 'json' };
import { diagnose } from '../../engine/diagnose.ts';
import { topCauseTests } from '../../../../tests/support/message-cases.ts';

describe('diagnose() with the message catalogue', () => {
  topCauseTests([
    ['HTTP Error 500.38 - ANCM Application DLL Not Found', 'app-dll-not-found'],
    ['HTTP Error 500.38 – Failed to locate ASP.NET Core app', 'app-dll-not-found'],
    ['ANCM Out-Of-Process Startup Failure', 'framework-not-found'],
    ['System.Net.Sockets.SocketException (10013): An attempt was made to access a socket in a way forbidden by its access permissions.', 'kestrel-bind-denied'],
    ['Unhandled exception. System.IO.IOException: Failed to bind to address http://127.0.0.1:5000: address already in use.', 'port-binding-failure'],
    ["Only one in-process application is allowed per IIS application pool. Please assign the application '/LM/W3SVC/2/ROOT/api' to a different IIS application pool.", 'multiple-inprocess-apps'],
    ['HTTP Error 500.32 - Failed to load .NET Core host', 'bitness-mismatch'],
    ['upstream sent too big header while reading response header from upstream', 'proxy-header-too-big'],
    ["502 ERROR\nThe request could not be satisfied.\nCloudFront wasn’t able to connect to the origin. We can't connect to the server for this app or website at this time.", 'backend-tls-failure'],
    ['Proxy error: Could not proxy request /api/values from localhost:3000 to https://localhost:5001/.', 'proxy-upstream-refused'],
    ['Backend health: Unhealthy. The Intermediate certificate is missing from the certificate chain presented by the backend server.', 'backend-tls-failure'],
    ["Status code of the backend's HTTP response did not match the probe setting. Expected:200-399 Received:404.", 'backend-unhealthy'],
    ['System.Net.Sockets.SocketException (10013): Der Zugriff auf einen Socket war aufgrund der Zugriffsrechte des Sockets unzulässig.', 'kestrel-bind-denied'],
    ['HTTP Error 500.19 - Internal Server Error\nConfig Error: This configuration section cannot be used at this path.', 'iis-features-missing'],
    ["warn: Microsoft.AspNetCore.Server.Kestrel[0]\n      Unable to bind to http://localhost:5000 on the IPv6 loopback interface: 'Cannot assign requested address'.", 'proxy-upstream-refused'],
    ['Application: w3wp.exe\nDescription: The process was terminated due to an unhandled exception.\nException Info: System.FormatException: Could not parse the JSON file.', 'inprocess-start-failure'],
    ["System.InvalidOperationException: Unable to find the required services. Please add all the required services by calling 'IServiceCollection.AddRazorPages' inside the call to 'ConfigureServices(...)' in the application startup code.", 'inprocess-start-failure'],
  ]);

  it('places a message whose causes have no article yet, with no signal of its own', () => {
    const input = 'x509: certificate signed by unknown authority'; // points at backend-tls-failure only
    const d = diagnose(input);
    expect(d.kinds).toContain('message');
    expect(d.unrecognised).toEqual([]);
    const known = (causes as { id: string }[]).some((c) => c.id === 'backend-tls-failure');
    expect(d.facts.some((f) => f.kind === 'message' && f.name === 'signal')).toBe(known);
  });

  it('does not read the Linux errno of a .NET SocketException as a Windows error code', () => {
    // errno 32 (EPIPE), 11 (EAGAIN) and 13 (EACCES) are also Win32 codes with other meanings
    for (const line of [
      'System.Net.Sockets.SocketException (32): Broken pipe',
      'System.Net.Sockets.SocketException (11): Resource temporarily unavailable',
      'System.Net.Sockets.SocketException (13): Permission denied',
    ]) {
      const d = diagnose(line);
      expect(d.codes, line).toEqual([]);
      expect(d.findings.map((f) => f.cause), line).not.toContain('stale-deployment-files');
      expect(d.findings.map((f) => f.cause), line).not.toContain('hosting-bundle-missing');
    }
  });

  it('reads a cut-off title copied from a browser, with typographic quotes in a following line', () => {
    const d = diagnose('HTTP Error 500.31 – Failed to load ASP.NET Core runtime\nThe specified version of Microsoft.NetCore.App or Microsoft.AspNetCore.App was not found.');
    expect(d.findings[0]?.cause).toBe('framework-not-found');
    expect(d.unrecognised).toEqual([]);
  });
});
