/**
 * Signals of the error-page recogniser: ANCM's own error pages (both generations of titles),
 * IIS detailed error pages (500.19 configuration errors, 500.21, 502.3 with the WinHTTP text,
 * 403.14), the HTTP.sys 503 page, app_offline pages and the Azure App Service front-end timeout.
 */
import type { SignalDef } from '../engine/types.ts';

const kind = 'error-page' as const;

export const signals: SignalDef[] = [
  {
    id: 'error-page.ancm-500-0-inprocess',
    kind,
    label: 'Error page: HTTP 500.0, ASP.NET Core IIS hosting failure (in-process) / ANCM In-Process Handler Load Failure',
    causes: {
      'inprocess-handler-load-failure': 0.5,
      'framework-not-found': 0.3,
      'process-path-not-found': 0.3,
      'wrong-arguments': 0.3,
      'hosting-bundle-missing': 0.2,
    },
  },
  {
    id: 'error-page.ancm-500-0-outofprocess',
    kind,
    label: 'Error page: HTTP 500.0, ASP.NET Core IIS hosting failure (out-of-process) / ANCM Out-Of-Process Handler Load Failure',
    causes: { 'outofprocess-handler-load-failure': 0.8, 'hosting-bundle-missing': 0.3 },
  },
  {
    id: 'error-page.ancm-500-30',
    kind,
    label: 'Error page: HTTP 500.30, ASP.NET Core app failed to start / ANCM In-Process Start Failure',
    causes: { 'inprocess-start-failure': 0.8, 'user-profile-not-loaded': 0.2, 'access-denied': 0.2, 'bitness-mismatch': 0.1 },
  },
  {
    id: 'error-page.ancm-500-30-shadow-copy',
    kind,
    label: 'Error page: HTTP 500.30, failed to copy to (or no permissions on) the shadow copy directory',
    causes: { 'access-denied': 0.8 },
  },
  {
    id: 'error-page.ancm-500-31',
    kind,
    label: 'Error page: HTTP 500.31, Failed to load ASP.NET Core runtime / ANCM Failed to Find Native Dependencies',
    // hostfxr_get_native_search_directories fails for a missing framework, and as well for a
    // missing or unreadable runtimeconfig.json (Invalid runtimeconfig.json / run as self-contained)
    causes: { 'framework-not-found': 0.9, 'azure-runtime-missing': 0.4, 'runtimeconfig-invalid': 0.3, 'bitness-mismatch': 0.2 },
  },
  {
    id: 'error-page.ancm-500-32',
    kind,
    label: 'Error page: HTTP 500.32, Failed to load .NET Core host / ANCM Failed to Load dll',
    causes: { 'bitness-mismatch': 1 },
  },
  {
    id: 'error-page.ancm-500-33',
    kind,
    label: 'Error page: HTTP 500.33, Failed to load ASP.NET Core request handler / ANCM Request Handler Load Failure',
    causes: { 'inprocess-handler-load-failure': 0.9 },
  },
  {
    id: 'error-page.ancm-500-34',
    kind,
    label: 'Error page: HTTP 500.34, ASP.NET Core does not support mixing hosting models',
    causes: { 'mixed-hosting-models': 1 },
  },
  {
    id: 'error-page.ancm-500-35',
    kind,
    label: 'Error page: HTTP 500.35, multiple in-process apps in the same app pool',
    causes: { 'multiple-inprocess-apps': 1 },
  },
  {
    id: 'error-page.ancm-500-36',
    kind,
    label: 'Error page: HTTP 500.36, the out-of-process handler could not be loaded',
    causes: { 'outofprocess-handler-load-failure': 1 },
  },
  {
    id: 'error-page.ancm-500-37',
    kind,
    label: 'Error page: HTTP 500.37, ASP.NET Core app failed to start within the startup time limit',
    causes: { 'startup-time-limit': 1 },
  },
  {
    id: 'error-page.ancm-500-38',
    kind,
    label: 'Error page: HTTP 500.38, Failed to locate ASP.NET Core app / ANCM Application DLL Not Found',
    causes: { 'app-dll-not-found': 1 },
  },
  {
    id: 'error-page.ancm-502-5',
    kind,
    label: 'Error page: HTTP 502.5, ANCM Out-Of-Process Startup Failure / Process Failure',
    causes: {
      // the shared framework the app targets is missing: the first reason the docs give for 502.5,
      // and the most common one confirmed in real threads; the generic cause stays a close second
      'framework-not-found': 0.6,
      'process-start-failure': 0.55,
      'port-binding-failure': 0.3,
      'process-path-not-found': 0.3,
      'wrong-arguments': 0.3,
      'startup-time-limit': 0.2,
    },
  },
  {
    id: 'error-page.iis-502-3-timeout',
    kind,
    label: 'Error page: HTTP 502.3 Bad Gateway, "The operation timed out" (0x80072EE2)',
    causes: { 'request-timeout': 0.9, 'thread-pool-starvation': 0.2 },
  },
  {
    id: 'error-page.iis-502-3-cannot-connect',
    kind,
    label: 'Error page: HTTP 502.3 Bad Gateway, "A connection with the server could not be established" (0x80072EFD)',
    causes: { 'backend-connection-refused': 0.9, 'app-crash-runtime': 0.3, 'port-binding-failure': 0.2 },
  },
  {
    id: 'error-page.iis-502-3-connection-error',
    kind,
    label: 'Error page: HTTP 502.3 Bad Gateway, "The connection with the server was terminated abnormally" (0x80072EFE)',
    causes: { 'backend-connection-reset': 0.8, 'app-crash-runtime': 0.5, 'app-pool-recycle': 0.3 },
  },
  {
    id: 'error-page.iis-502-3-invalid-response',
    kind,
    label: 'Error page: HTTP 502.3 Bad Gateway, "The server returned an invalid or unrecognized response" (0x80072F78)',
    causes: { 'invalid-backend-response': 0.9 },
  },
  {
    id: 'error-page.iis-502-3-invalid-parameter',
    kind,
    label: 'Error page: HTTP 502.3 Bad Gateway, "The parameter is incorrect" (0x80070057)',
    causes: { 'malformed-client-request': 0.8 },
  },
  {
    id: 'error-page.iis-500-19-invalid-data',
    kind,
    label: 'Error page: HTTP 500.19 with Error Code 0x8007000D (configuration data IIS does not understand)',
    causes: { 'hosting-bundle-missing': 0.6, 'web-config-invalid': 0.5 },
  },
  {
    id: 'error-page.config-section-undeclared',
    kind,
    label: 'Error page: the aspNetCore configuration section is missing a section declaration (module not registered)',
    causes: { 'hosting-bundle-missing': 0.9 },
  },
  {
    id: 'error-page.config-duplicate-entry',
    kind,
    label: 'Error page: "Cannot add duplicate collection entry" (0x800700B7), a handler added twice',
    causes: { 'subapp-inherits-handlers': 0.8, 'web-config-invalid': 0.3 },
  },
  {
    id: 'error-page.config-section-duplicate',
    kind,
    label: 'Error page: "Config section ... already defined" (the same section twice in one web.config)',
    causes: { 'web-config-invalid': 0.9 },
  },
  {
    id: 'error-page.config-path-not-found',
    kind,
    label: 'Error page: HTTP 500.19 with Error Code 0x80070003 (the configuration file\'s folder does not exist)',
    causes: { 'physical-path-wrong': 0.8, 'access-denied': 0.1 },
  },
  {
    id: 'error-page.config-access-denied',
    kind,
    label: 'Error page: "Cannot read configuration file due to insufficient permissions" (0x80070005)',
    causes: { 'access-denied': 0.9 },
  },
  {
    id: 'error-page.config-malformed',
    kind,
    label: 'Error page: "Configuration file is not well-formed XML"',
    causes: { 'web-config-invalid': 0.9 },
  },
  {
    id: 'error-page.config-unrecognized-attribute',
    kind,
    label: 'Error page: "Unrecognized attribute" in the configuration (often hostingModel with an old module schema)',
    causes: { 'web-config-invalid': 0.5, 'hosting-bundle-missing': 0.4 },
  },
  {
    id: 'error-page.config-unrecognized-attribute-other',
    kind,
    label: 'Error page: "Unrecognized attribute" naming an attribute outside the ASP.NET Core Module schema (a typo, or a setting this IIS version does not know)',
    causes: { 'web-config-invalid': 0.85 },
  },
  {
    id: 'error-page.config-locked',
    kind,
    label: 'Error page: "This configuration section cannot be used at this path" (section locked)',
    // 0x80070021: applicationHost.config locks the section (handlers and modules are locked by
    // default until the IIS role services that unlock them are installed), or a location tag does
    causes: { 'iis-features-missing': 0.7, 'web-config-invalid': 0.3 },
  },
  {
    id: 'error-page.bad-module',
    kind,
    label: 'Error page: HTTP 500.21, the handler has a bad module in its module list',
    causes: { 'hosting-bundle-missing': 0.9 },
  },
  {
    id: 'error-page.bad-module-app-service',
    kind,
    label: 'Error page: HTTP 500.21 on App Service, the site asks for a module version the instance lacks',
    causes: { 'azure-runtime-missing': 0.9, 'web-config-invalid': 0.2 },
  },
  {
    id: 'error-page.ancm-invalid-data',
    kind,
    label: 'Error page: HTTP 500.0 from the ASP.NET Core Module with 0x8007000D (ERROR_INVALID_DATA): the module is installed but rejects a value in its settings',
    causes: { 'web-config-invalid': 0.75 },
  },
  {
    id: 'error-page.iis-403-14',
    kind,
    label: 'Error page: HTTP 403.14, the server is configured not to list the directory (no app answered)',
    causes: { 'physical-path-wrong': 0.6 },
  },
  {
    id: 'error-page.service-unavailable',
    kind,
    label: 'Error page: "HTTP Error 503. The service is unavailable." (HTTP.sys: the application pool is not running)',
    causes: { 'app-pool-stopped': 0.7, 'vc-redist-missing': 0.2, 'module-missing-after-os-upgrade': 0.2 },
  },
  {
    id: 'error-page.server-shutdown',
    kind,
    label: 'Error page: 503 "Server has been shutdown" (the in-process server already stopped)',
    causes: { 'app-initiated-shutdown': 0.6, 'app-pool-recycle': 0.3 },
  },
  {
    id: 'error-page.app-offline',
    kind,
    label: 'Error page: an offline/maintenance page, the contents of app_offline.htm',
    causes: { 'app-offline': 0.6 },
  },
  {
    id: 'error-page.azure-frontend-timeout',
    kind,
    label: 'Error page: "The web server failed to respond within the specified time" (App Service front end)',
    causes: { 'azure-frontend-timeout': 0.8 },
  },
  {
    id: 'error-page.gateway-invalid-response',
    kind,
    label: 'Error page: "502 - Web server received an invalid response while acting as a gateway or proxy server"',
    causes: { 'app-crash-runtime': 0.2, 'backend-connection-reset': 0.2, 'request-timeout': 0.2, 'azure-frontend-timeout': 0.1 },
  },
  {
    id: 'error-page.arr-502-3',
    kind,
    label: 'Error page: 502.3 from Module ApplicationRequestRouting (IIS ARR as the reverse proxy, not ANCM)',
    causes: { 'arr-proxy-timeout': 0.6 },
  },
  {
    id: 'error-page.arr-no-server',
    kind,
    label: 'Error page: 502.4 from Module ApplicationRequestRouting (no server of the farm was available)',
    causes: { 'arr-no-server': 0.97 },
  },
  {
    id: 'error-page.httpsys-invalid-hostname',
    kind,
    label: 'HTTP.sys: "HTTP Error 400. The request hostname is invalid." (no site binding matches the host name)',
    causes: { 'iis-site-stopped': 0.95 },
  },
  {
    id: 'error-page.httpsys-not-found',
    kind,
    label: 'HTTP.sys: "HTTP Error 404. The requested resource is not found." (no started site listens for this URL)',
    causes: { 'iis-site-stopped': 0.8, 'physical-path-wrong': 0.15 },
  },
];
