/**
 * Signals of the iis-log recogniser: W3C extended log lines (u_ex*.log, IIS Express, App Service
 * http/RawLogs) and HTTP.sys error-log lines (httperr*.log, `s-reason`).
 *
 * A bare status is weighed by the engine from the `status` fact; signals name only the
 * combinations that say more than the status alone (502.3 with its WinHTTP code, 500.19 with
 * its Win32 code, a dropped client connection, an HTTP.sys reason).
 */
import type { SignalDef } from '../engine/types.ts';

const kind = 'iis-log' as const;

export const signals: SignalDef[] = [
  {
    id: 'iis-log.502-3-timeout',
    kind,
    label: 'IIS log: 502.3 with sc-win32-status 12002 (ERROR_WINHTTP_TIMEOUT)',
    causes: { 'request-timeout': 0.9, 'thread-pool-starvation': 0.2 },
  },
  {
    id: 'iis-log.502-3-cannot-connect',
    kind,
    label: 'IIS log: 502.3 with sc-win32-status 12029 (ERROR_WINHTTP_CANNOT_CONNECT)',
    causes: { 'backend-connection-refused': 0.9, 'app-crash-runtime': 0.3, 'port-binding-failure': 0.2 },
  },
  {
    id: 'iis-log.502-3-connection-error',
    kind,
    label: 'IIS log: 502.3 with sc-win32-status 12030 (ERROR_WINHTTP_CONNECTION_ERROR)',
    causes: { 'backend-connection-reset': 0.8, 'app-crash-runtime': 0.5, 'app-pool-recycle': 0.3 },
  },
  {
    id: 'iis-log.502-3-invalid-response',
    kind,
    label: 'IIS log: 502.3 with sc-win32-status 12152 (ERROR_WINHTTP_INVALID_SERVER_RESPONSE)',
    causes: { 'invalid-backend-response': 0.9 },
  },
  {
    id: 'iis-log.502-3-invalid-parameter',
    kind,
    label: 'IIS log: 502.3 with sc-win32-status 87 / 0x80070057 (ERROR_INVALID_PARAMETER)',
    causes: { 'malformed-client-request': 0.8 },
  },
  {
    id: 'iis-log.502-3-connection-aborted',
    kind,
    label: 'IIS log: 502.3 with sc-win32-status 64 or 1236 (connection dropped)',
    causes: { 'backend-connection-reset': 0.6, 'app-pool-recycle': 0.3, 'app-crash-runtime': 0.3 },
  },
  {
    id: 'iis-log.500-19-invalid-data',
    kind,
    label: 'IIS log: 500.19 with sc-win32-status 13 (ERROR_INVALID_DATA, config not understood)',
    causes: { 'hosting-bundle-missing': 0.6, 'web-config-invalid': 0.5 },
  },
  {
    id: 'iis-log.500-19-duplicate',
    kind,
    label: 'IIS log: 500.19 with sc-win32-status 183 (ERROR_ALREADY_EXISTS, duplicate config entry)',
    causes: { 'subapp-inherits-handlers': 0.7, 'web-config-invalid': 0.3 },
  },
  {
    id: 'iis-log.500-19-access-denied',
    kind,
    label: 'IIS log: 500.19 with sc-win32-status 5 (ERROR_ACCESS_DENIED reading config)',
    causes: { 'access-denied': 0.8 },
  },
  {
    id: 'iis-log.500-19-path-not-found',
    kind,
    label: 'IIS log: 500.19 with sc-win32-status 3 (ERROR_PATH_NOT_FOUND, the configuration path does not exist)',
    causes: { 'physical-path-wrong': 0.5 },
  },
  {
    id: 'iis-log.client-disconnected',
    kind,
    label: 'IIS log: the client side went away (sc-win32-status 64, 1229, 1236, 10053 or 10054)',
    causes: { 'client-aborted': 0.85, 'azure-frontend-timeout': 0.3, 'proxy-upstream-timeout': 0.2, 'thread-pool-starvation': 0.2 },
  },
  {
    id: 'iis-log.httperr-app-offline',
    kind,
    label: 'HTTP.sys error log: 503 AppOffline (the application pool was taken offline after failures)',
    causes: { 'app-pool-stopped': 0.9, 'vc-redist-missing': 0.2, 'module-missing-after-os-upgrade': 0.2 },
  },
  {
    id: 'iis-log.httperr-disabled',
    kind,
    label: 'HTTP.sys error log: 503 Disabled (the application pool is stopped)',
    causes: { 'app-pool-stopped': 0.8 },
  },
  {
    id: 'iis-log.httperr-queue-full',
    kind,
    label: 'HTTP.sys error log: 503 QueueFull (the application pool queue is full)',
    causes: { 'thread-pool-starvation': 0.5, 'app-pool-stopped': 0.3 },
  },
  {
    id: 'iis-log.httperr-app-pool-busy',
    kind,
    label: 'HTTP.sys error log: AppPoolTimer, Timer_AppPool or Timer_ReqQueue (the worker did not pick up requests in time)',
    causes: { 'thread-pool-starvation': 0.5 },
  },
  {
    id: 'iis-log.httperr-app-shutdown',
    kind,
    label: 'HTTP.sys error log: 503 AppShutdown (the application pool shut down by policy)',
    causes: { 'app-pool-recycle': 0.6, 'app-pool-stopped': 0.2 },
  },
  {
    id: 'iis-log.httperr-connection-abandoned',
    kind,
    label: 'HTTP.sys error log: Connection_Abandoned_By_AppPool / _ReqQueue (the worker process quit with requests pending)',
    causes: { 'app-crash-runtime': 0.6, 'app-pool-recycle': 0.3 },
  },
  {
    id: 'iis-log.httperr-hostname',
    kind,
    label: 'HTTPERR: Hostname (HTTP.sys found no site binding for the host name and answered 400)',
    causes: { 'iis-site-stopped': 0.95 },
  },
  {
    id: 'iis-log.httperr-not-found',
    kind,
    label: 'HTTPERR: NotFound (HTTP.sys found no started site for the URL and answered 404)',
    causes: { 'iis-site-stopped': 0.85 },
  },
];
