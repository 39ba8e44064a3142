/**
 * Signals of the dotnet-settings recogniser: where an ASP.NET Core app listens (ASPNETCORE_URLS,
 * ASPNETCORE_HTTP_PORTS / HTTP_PORTS, --urls, UseUrls) and the facts around it that a paste
 * carries in any wording. Since ASP.NET Core 8 the container images listen on port 8080
 * (ASPNETCORE_HTTP_PORTS=8080), no longer 80; URLS wins over HTTP_PORTS, and Kestrel endpoints
 * configured in code or appsettings.json win over both ("Overriding address(es)").
 */
import type { SignalDef } from '../engine/types.ts';

function def(what: string, label: string, causes: Record<string, number>): SignalDef {
  return { id: `dotnet-settings.${what}`, kind: 'dotnet-settings', label, causes };
}

export const signals: SignalDef[] = [
  def('loopback-in-container', 'The app is told to listen on a loopback address (localhost, 127.0.0.1) inside a container: nothing outside the container can reach it', {
    'proxy-upstream-refused': 0.6,
  }),
  def('net8-default-port', 'ASP.NET Core 8 and later container images listen on port 8080, no longer 80: whatever still targets 80 finds nothing there', {
    'proxy-upstream-refused': 0.45,
    'port-binding-failure': 0.2,
  }),
  def('net8-upgrade-no-answer', 'The app stopped answering after an upgrade to ASP.NET Core 8 or later (whose container images moved from port 80 to 8080)', {
    'proxy-upstream-refused': 0.3,
  }),
  def('address-setting-ignored', 'An address setting (ASPNETCORE_URLS, HTTP_PORTS, --urls) did not take: the app listens somewhere else than it was told', {
    'port-binding-failure': 0.55,
    'proxy-upstream-refused': 0.2,
  }),
  def('port-mismatch', 'The proxy or the port mapping sends to a port the app does not listen on (proxy_pass, ProxyPass, a YARP destination, -p host:container or a targetPort against "Now listening on:" or the app\'s address settings)', {
    'proxy-upstream-refused': 0.6,
    'port-binding-failure': 0.25,
  }),
  def('platform-port-variable', 'The platform hands the port over in a variable ($PORT): an app listening on a port of its own is never reached', {
    'port-binding-failure': 0.35,
    'proxy-upstream-refused': 0.15,
  }),
  def('platform-port-not-bound', 'The app did not bind the port the platform handed over in a variable ("failed to bind to $PORT")', {
    'port-binding-failure': 0.7,
  }),
];
