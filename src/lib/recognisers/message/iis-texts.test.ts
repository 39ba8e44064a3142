/**
 * IIS-side texts of the message catalogue: the ANCM error types as people write them without the
 * "HTTP Error x.y - ANCM" around them, the WAS texts about the pool identity and the listener
 * channels (each must win over the 5010 ping text it shares its opening with), and IIS's 503.2
 * text; IIS Express's "Failed to register URL"; HttpPlatformHandler's start events, the %LAUNCHER_PATH% placeholder named anywhere, and
 * IIS's own custom 500 page. Each goes through diagnose() and comes out with its cause.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../engine/diagnose.ts';
import { topCauseTests } from '../../../../tests/support/message-cases.ts';

describe('diagnose() with IIS-side texts of the message catalogue', () => {
  topCauseTests([
    ['In-Process Handler Load Failure after upgrading the hosting bundle', 'inprocess-handler-load-failure'],
    ['Out-Of-Process Handler Load Failure', 'outofprocess-handler-load-failure'],
    ['In-Process Start Failure when the site starts', 'inprocess-start-failure'],
    ['Failed to Find Native Dependencies', 'framework-not-found'],
    ['Request Handler Load Failure', 'inprocess-handler-load-failure'],
    ['Application DLL Not Found', 'app-dll-not-found'],
    // IIS Express or a Hostable Web Core host that cannot take its URL: the site never starts.
    [
      'Failed to register URL "http://*:8080/" for site "Feed" application "/". Error description: Cannot create a file when that file already exists. (0x800700b7)',
      'iis-site-stopped',
    ],
    [
      'The identity of application pool Shop is invalid. The user name or password that is specified for the identity may be incorrect, or the user may not have batch logon rights.',
      'app-pool-stopped',
    ],
    [
      'Application pool Shop has been disabled. Windows Process Activation Service (WAS) did not create a worker process to serve the application pool because the application pool identity is invalid.',
      'app-pool-stopped',
    ],
    ["A worker process '3456' serving application pool 'Shop' failed to stop a listener channel for protocol 'http' in the allotted time.", 'app-pool-recycle'],
    ["A listener channel for protocol 'http' in worker process '5424' serving application pool 'Shop' reported a listener channel failure.", 'app-crash-runtime'],
    ['HTTP Error 503.2 - Service Unavailable\nThe serverRuntime@appConcurrentRequestLimit setting is being exceeded.', 'thread-pool-starvation'],
  ]);

  it('a complete ANCM title keeps its own reading next to the bare error type it contains', () => {
    const causes = diagnose('HTTP Error 500.30 - ANCM In-Process Start Failure').findings.map((f) => f.cause);
    expect(causes[0]).toBe('inprocess-start-failure');
    // "Process Failure" alone is not an ANCM error type: a sentence with it is read as words only
    // (the prose reader's weak start-failure topic), never as a catalogue title.
    const said = diagnose('my process startup failure');
    expect(said.kinds).not.toContain('message');
    expect(said.facts.every((f) => f.kind === 'prose')).toBe(true);
  });

  it("HttpPlatformHandler's start events: a failed start with a real process id is a start failure", () => {
    const d = diagnose("Process '5120' failed to start. Port = 21744, Error Code = '-2147023829'.");
    expect(d.findings[0]?.cause).toBe('process-start-failure');
    expect(d.facts).toContainEqual(expect.objectContaining({ name: 'hosting-model', value: 'out-of-process' }));
  });

  it("'Process '0' failed to start' (the process was never created) names the command line: path or arguments", () => {
    const causes = diagnose('The app log only says "Process \'0\' failed to start." each time I open the site').findings.map((f) => f.cause);
    expect(causes.slice(0, 2).sort()).toEqual(['process-path-not-found', 'wrong-arguments']);
    // A real process id does not say that.
    const real = diagnose("Process '812' failed to start.").findings.map((f) => f.cause);
    expect(real.slice(0, 2)).not.toContain('wrong-arguments');
  });

  it('%LAUNCHER_PATH% left in a deployed web.config, said in words, is the process path', () => {
    for (const text of [
      'the processPath on the server still reads %LAUNCHER_PATH%, nothing replaced it when we copied the files',
      'publish left "%LAUNCHER_PATH%" and "%LAUNCHER_ARGS%" in web.config',
    ]) {
      const d = diagnose(text);
      expect(d.findings[0]?.cause, text).toBe('process-path-not-found');
      expect(d.kinds).toContain('message');
    }
  });

  it("IIS's custom 500 page (remote clients) names IIS and a 500, with the IIS-side causes of a bare 500", () => {
    const page = 'Server Error\n\n500 - Internal server error.\nThere is a problem with the resource you are looking for, and it cannot be displayed.';
    for (const text of [page, `<h2>500 - Internal server error.</h2>\n<h3>There is a problem with the resource you are looking for, and it cannot be displayed.</h3>`]) {
      const d = diagnose(text);
      expect(d.facts).toContainEqual(expect.objectContaining({ name: 'server', value: 'iis' }));
      const causes = d.findings.map((f) => f.cause);
      expect(causes.slice(0, 3)).toContain('inprocess-start-failure');
      expect(causes.slice(0, 3)).toContain('hosting-bundle-missing');
      expect(causes.slice(0, 3)).not.toContain('azure-frontend-timeout');
    }
  });

  it("'bad module AspNetCoreModuleV2' puts App Service's missing module second, above a bare 'internal server error'", () => {
    const d = diagnose('"The page cannot be displayed because an internal server error has occurred."\n\n"Handler "aspNetCore" has a bad module "AspNetCoreModuleV2" in its module list"');
    expect(d.findings.slice(0, 2).map((f) => f.cause)).toEqual(['hosting-bundle-missing', 'azure-runtime-missing']);
  });

  it('E_INVALIDARG in a start event is the command line CreateProcess was given, not a request IIS would not forward', () => {
    for (const text of [
      "Application 'MACHINE/WEBROOT/APPHOST/SHOP' with physical root 'C:\\inetpub\\shop\\' failed to start process with commandline 'dotnet .\\Shop.dll', ErrorCode = '0x80070057 : 0.",
      "Process '0' failed to start. Port = 8806, Error Code = '-2147024809'.",
    ]) {
      expect(diagnose(text).findings[0]?.cause, text).toBe('process-path-not-found');
    }
  });

  it("IIS's configuration errors read alone: permissions, malformed XML, an aspNetCore section nobody declared", () => {
    const top = (t: string): string | undefined => diagnose(t).findings[0]?.cause;
    expect(top('Config Error: Cannot read configuration file due to insufficient permissions')).toBe('access-denied');
    expect(top('appcmd said it cannot read the configuration file due to insufficient permissions')).toBe('access-denied');
    expect(top('Config Error   Configuration file is not well-formed XML\nConfig File   \\\\?\\C:\\inetpub\\shop\\web.config')).toBe('web-config-invalid');
    expect(top("Config Error The configuration section 'aspNetCore' cannot be read because it is missing a section declaration")).toBe('hosting-bundle-missing');
    expect(top("Error: The configuration section 'system.webServer/aspNetCore' cannot be read because it is missing a section declaration")).toBe('hosting-bundle-missing');
    // Another undeclared section (URL Rewrite's, WCF's) is not the ASP.NET Core Module's.
    const other = diagnose("Config Error The configuration section 'rewrite' cannot be read because it is missing a section declaration").findings.map((f) => f.cause);
    expect(other).not.toContain('hosting-bundle-missing');
    expect(other[0]).toBe('web-config-invalid');
  });
});

