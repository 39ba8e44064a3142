import type { KindFragments } from '../shared/fragments.ts';
import { runOf } from '../shared/fragments.ts';

export const fragments: KindFragments = {
  pieces: [
    'docker run -p 8080:5000 -e ASPNETCORE_URLS=http://127.0.0.1:5000 myapp',
    'ENV ASPNETCORE_HTTP_PORTS=8080',
    '"ASPNETCORE_URLS": "http://localhost:5000;https://localhost:5001"',
    'dotnet MyApp.dll --urls http://0.0.0.0:5000',
    '.UseUrls("http://*:80")',
    'Now listening on: http://localhost:5000',
    '"Kestrel": { "Endpoints": { "Http": { "Url": "http://localhost:5000" } } }',
    'options.ListenLocalhost(5000);',
    'After the upgrade to .NET 8 the app listens on port 8080, not 80.',
    'ASPNETCORE_URLS has no effect',
    'Heroku assigns a dynamic $PORT',
    '\n',
    ' ',
  ],
  adversarial: [
    runOf('ASPNETCORE_URLS='),
    runOf('ASPNETCORE_URLS '),
    runOf('--urls '),
    runOf('.UseUrls("'),
    runOf('Now listening on: '),
    runOf('.NET 8 '),
    runOf('default port '),
    runOf('-p 80'),
    runOf('"Url": "x"', '"Endpoints": {'),
    runOf('Endpoints "Url":"'),
    runOf('ListenLocalhost('),
  ],
};
