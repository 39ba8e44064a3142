/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { indexLines } from '../../engine/lines.ts';
import type { Fact } from '../../engine/types.ts';
import fc from 'fast-check';
import { PORT_VARIABLE, firstPortVariable, recogniser } from './recogniser.ts';
import dockerRunLoopback from '../../../../tests/fixtures/dotnet-settings/docker-run-loopback.txt?raw';
import net8Image from '../../../../tests/fixtures/dotnet-settings/net8-image-expose-80.txt?raw';
import compose from '../../../../tests/fixtures/dotnet-settings/settings-in-compose.yaml.txt?raw';

function run(text: string): Fact[] {
  return recogniser.recognise(text, indexLines(text));
}
const signals = (text: string) => run(text).filter((f) => f.name === 'signal').map((f) => f.value);
const settings = (text: string) => run(text).filter((f) => f.name === 'setting').map((f) => f.value);

describe('dotnet-settings recogniser: address settings', () => {
  it('reads the settings ASP.NET Core takes its addresses from, with their values and spans', () => {
    const text = [
      'docker run -p 8080:5000 -e ASPNETCORE_URLS=http://+:5000 shop',
      'ENV ASPNETCORE_HTTP_PORTS=8080',
      '"DOTNET_URLS": "http://0.0.0.0:6000"',
      'dotnet Shop.dll --urls http://0.0.0.0:7000',
      '.UseUrls("http://*:9000")',
    ].join('\n');
    const facts = run(text).filter((f) => f.name === 'setting');
    expect(facts.map((f) => f.value)).toEqual([
      'ASPNETCORE_URLS=http://+:5000',
      'ASPNETCORE_HTTP_PORTS=8080',
      'DOTNET_URLS=http://0.0.0.0:6000',
      'urls=http://0.0.0.0:7000',
      'urls=http://*:9000',
    ]);
    for (const f of facts) expect(text.slice(f.span.start, f.span.end)).toContain(String(f.value).split('=').slice(1).join('='));
  });

  it('reads an endpoint URL of Kestrel\'s configuration, and a loopback-only Listen in code, as where the app listens', () => {
    const appsettings = '"Kestrel": {\n  "Endpoints": {\n    "Http": { "Url": "http://localhost:5000" }\n  }\n}\nThe app runs in a Docker container.';
    expect(settings(appsettings)).toEqual(['Kestrel:Endpoints:Url=http://localhost:5000']);
    expect(signals(appsettings)).toEqual(['dotnet-settings.loopback-in-container']);
    expect(settings('{ "Logging": {}, "Url": "http://localhost:5000" }')).toEqual([]);
    expect(signals('options.ListenLocalhost(5000); // inside the container')).toEqual(['dotnet-settings.loopback-in-container']);
    expect(signals('options.Listen(IPAddress.Loopback, 5000);')).toEqual([]);
  });

  it('names a setting once however often the paste repeats it', () => {
    expect(settings('ASPNETCORE_URLS=http://+:80\nASPNETCORE_URLS=http://+:80')).toEqual(['ASPNETCORE_URLS=http://+:80']);
  });

  it('sees a loopback address only in a paste about a container', () => {
    const inDocker = 'docker run -p 5006:5000 -e ASPNETCORE_URLS=http://127.0.0.1:5000 app';
    expect(signals(inDocker)).toEqual(['dotnet-settings.loopback-in-container']);
    expect(signals('Now listening on: http://localhost:5000\nit runs in a container')).toEqual(['dotnet-settings.loopback-in-container']);
    expect(signals('set ASPNETCORE_URLS=http://localhost:5000 and nginx proxies to it')).toEqual([]);
    expect(signals('docker run -e ASPNETCORE_URLS=http://+:5000 app')).toEqual([]);
  });

  it('reads a setting that did not take as the app binding elsewhere', () => {
    expect(signals('ASPNETCORE_URLS has no effect: appsettings.json pins the Kestrel endpoint')).toEqual(['dotnet-settings.address-setting-ignored']);
    expect(signals('The old WebHost does not read ASPNETCORE_HTTP_PORTS; it is not recognized.')).toEqual(['dotnet-settings.address-setting-ignored']);
    expect(signals('ASPNETCORE_URLS=http://+:5000')).toEqual([]);
  });
});

describe('dotnet-settings recogniser: the .NET 8 port change', () => {
  it('sees ASP.NET Core 8 or later together with port 8080, port 80 or the default port', () => {
    expect(signals('.Net 8 breaking change. App running on Port 8080 not 80')).toEqual(['dotnet-settings.net8-default-port']);
    expect(signals('It listened on port 80 before; this changed in .NET 8.')).toEqual(['dotnet-settings.net8-default-port']);
    expect(signals('FROM mcr.microsoft.com/dotnet/aspnet:8.0\nEXPOSE 80')).toEqual(['dotnet-settings.net8-default-port']);
    expect(signals('If ASPNETCORE_URLS is not set, the default port has changed')).toEqual(['dotnet-settings.net8-default-port']);
  });

  it('does not read other versions or other ports as the change', () => {
    expect(signals('.NET 6 app on port 8080')).toEqual([]);
    expect(signals('.NET 80 is not a version; port 8080')).toEqual([]);
    expect(signals('Upgraded to .NET 8 and now 500.30 at start-up with port 5000')).toEqual([]);
  });

  it('reads an upgrade to .NET 8 after which the app no longer answers as a weaker hint', () => {
    expect(signals('Services updated to .NET 8 were no longer responding, no errors in the logs.')).toEqual(['dotnet-settings.net8-upgrade-no-answer']);
    expect(signals('Services on .NET 8 were no longer responding.')).toEqual([]);
  });
});

describe('dotnet-settings recogniser: a port handed over by the platform', () => {
  it('tells a failed bind to $PORT from a mere mention of it', () => {
    expect(signals('Web process failed to bind to $PORT within 60 seconds of launch')).toEqual(['dotnet-settings.platform-port-not-bound']);
    expect(signals('The start command is: dotnet app.dll, and PORT is $PORT')).toEqual(['dotnet-settings.platform-port-variable']);
    expect(signals('var port = Environment.GetEnvironmentVariable("PORT") ?? "8080";')).toEqual(['dotnet-settings.platform-port-variable']);
    expect(signals('Dynamic port binding is not supported when binding to localhost.')).toEqual([]);
  });

  it('lets the platform variable speak instead of the .NET 8 change', () => {
    expect(signals('The container listened on the .NET default 8080, but the platform assigns $PORT; it never bound to it.')).toEqual([
      'dotnet-settings.platform-port-not-bound',
    ]);
  });

  it('reads nothing in text without settings', () => {
    expect(run('')).toEqual([]);
    expect(run('502 Bad Gateway\nnginx/1.24.0')).toEqual([]);
  });
});

describe('dotnet-settings recogniser: fixtures', () => {
  it('reads a docker run that tells the app to listen on localhost', () => {
    expect(settings(dockerRunLoopback)).toEqual(['ASPNETCORE_URLS=http://localhost:5000']);
    expect(signals(dockerRunLoopback)).toEqual(['dotnet-settings.loopback-in-container']);
  });

  it('reads an ASP.NET Core 8 image that still exposes port 80', () => {
    expect(signals(net8Image)).toEqual(['dotnet-settings.net8-default-port']);
  });

  it('reads every address setting of a compose file, several URLs in one value included, and no signal', () => {
    expect(settings(compose)).toEqual([
      'ASPNETCORE_HTTP_PORTS=8080',
      'ASPNETCORE_URLS=http://+:5000;https://+:5001',
      'urls=http://0.0.0.0:5000',
    ]);
    expect(signals(compose)).toEqual([]);
  });
});

describe('dotnet-settings recogniser: the port a proxy sends to against the port the app listens on', () => {
  it('reports a proxy or a port mapping aimed at a port the app does not listen on, at the app\'s address', () => {
    const nginx = 'location / {\n    proxy_pass http://localhost:5000;\n}\ninfo: Microsoft.Hosting.Lifetime[14]\n      Now listening on: http://localhost:5001';
    expect(signals(nginx)).toEqual(['dotnet-settings.port-mismatch']);
    const f = run(nginx).find((x) => x.value === 'dotnet-settings.port-mismatch')!;
    expect(nginx.slice(f.span.start, f.span.end)).toBe('http://localhost:5001');
    expect(signals('ports:\n  - "8080:80"\nenvironment:\n  - ASPNETCORE_URLS=http://+:5000')).toEqual(['dotnet-settings.port-mismatch']);
    expect(signals('docker run -d -p 8000:80 shop\nNow listening on: http://[::]:8080')).toContain('dotnet-settings.port-mismatch');
    expect(signals('ProxyPass / http://127.0.0.1:5000/\nNow listening on: http://localhost:5050')).toEqual(['dotnet-settings.port-mismatch']);
    expect(signals('upstream app {\n    server 127.0.0.1:5000;\n}\nNow listening on: http://127.0.0.1:5002')).toEqual(['dotnet-settings.port-mismatch']);
    expect(signals('"Destinations": { "d1": { "Address": "http://localhost:5001/" } }\nNow listening on: http://localhost:5000')).toEqual([
      'dotnet-settings.port-mismatch',
    ]);
    expect(signals('  ports:\n  - port: 80\n    targetPort: 80\nENV ASPNETCORE_HTTP_PORTS=8080')).toEqual(['dotnet-settings.port-mismatch']);
  });

  it('is silent when any target is a port the app listens on, or when one side is missing', () => {
    expect(signals('proxy_pass http://localhost:5000;\nNow listening on: http://localhost:5000\nNow listening on: https://localhost:5001')).toEqual([]);
    expect(signals('proxy_pass http://localhost:5001;\nNow listening on: http://localhost:5000\nNow listening on: https://localhost:5001')).toEqual([]);
    expect(signals('docker run -p 8080:8080 shop\nNow listening on: http://[::]:8080')).not.toContain('dotnet-settings.port-mismatch');
    // a scheme's default port counts: https without a port is 443
    expect(signals('proxy_pass https://api.internal:443;\nASPNETCORE_URLS=https://+')).toEqual([]);
    // no port the proxy names (an upstream group by name, a unix socket), or no app address at all
    expect(signals('proxy_pass http://backend;\nNow listening on: http://localhost:5000')).toEqual([]);
    expect(signals('proxy_pass http://unix:/run/app.sock;\nNow listening on: http://localhost:5000')).toEqual([]);
    expect(signals('proxy_pass http://localhost:5000;')).toEqual([]);
  });
});

describe('firstPortVariable', () => {
  it('finds the first match a scan of the whole paste finds (random pastes)', () => {
    const piece = fc.constantFrom('$', '{', 'PORT', 'PORTS', 'process.env.', 'GetEnvironmentVariable(', '"PORT"', ')', 'environ.get(', 'environ[', "'", ' ', '\n', '%', 'x', 'a'.repeat(30));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        PORT_VARIABLE.lastIndex = 0;
        const m = PORT_VARIABLE.exec(text);
        const hit = firstPortVariable(text);
        expect(hit && [hit.start, hit.end]).toEqual(m ? [m.index, m.index + m[0].length] : undefined);
      }),
      { numRuns: 1000 },
    );
  });
});
