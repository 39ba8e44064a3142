/**
 * Signals of the freb recogniser (IIS Failed Request Tracing, fr*.xml, as XML or as the text
 * freb.xsl renders). The error code set by the ASP.NET Core Module with 502.3 names the WinHTTP
 * failure; ANCM's own trace events (ANCM_*) add start failures and hosting-model hints.
 */
import type { SignalDef } from '../engine/types.ts';

const kind = 'freb' as const;

export const signals: SignalDef[] = [
  {
    id: 'freb.ancm-502-3-timeout',
    kind,
    label: 'FREB: the ASP.NET Core Module set 502.3 with 0x80072EE2 (ERROR_WINHTTP_TIMEOUT)',
    causes: { 'request-timeout': 0.95, 'thread-pool-starvation': 0.2 },
  },
  {
    id: 'freb.ancm-502-3-cannot-connect',
    kind,
    label: 'FREB: the ASP.NET Core Module set 502.3 with 0x80072EFD (ERROR_WINHTTP_CANNOT_CONNECT)',
    causes: { 'backend-connection-refused': 0.9, 'app-crash-runtime': 0.3, 'port-binding-failure': 0.2 },
  },
  {
    id: 'freb.ancm-502-3-connection-error',
    kind,
    label: 'FREB: the ASP.NET Core Module set 502.3 with 0x80072EFE (ERROR_WINHTTP_CONNECTION_ERROR)',
    causes: { 'backend-connection-reset': 0.8, 'app-crash-runtime': 0.5, 'app-pool-recycle': 0.3 },
  },
  {
    id: 'freb.ancm-502-3-invalid-response',
    kind,
    label: 'FREB: the ASP.NET Core Module set 502.3 with 0x80072F78 (ERROR_WINHTTP_INVALID_SERVER_RESPONSE)',
    causes: { 'invalid-backend-response': 0.95 },
  },
  {
    id: 'freb.ancm-502-3-invalid-parameter',
    kind,
    label: 'FREB: the ASP.NET Core Module set 502.3 with 0x80070057 (ERROR_INVALID_PARAMETER, "The parameter is incorrect")',
    causes: { 'malformed-client-request': 0.9 },
  },
  {
    id: 'freb.ancm-502-3-connection-aborted',
    kind,
    label: 'FREB: the ASP.NET Core Module set 502.3 with 0x80070040 or 0x800704D4 (connection dropped)',
    causes: { 'backend-connection-reset': 0.6, 'app-pool-recycle': 0.3, 'app-crash-runtime': 0.3 },
  },
  {
    id: 'freb.ancm-invalid-data',
    kind,
    label: 'FREB: the ASP.NET Core Module itself set a 500 with 0x8007000D (ERROR_INVALID_DATA): the module is installed but rejects a value in its settings',
    causes: { 'web-config-invalid': 0.75 },
  },
  {
    id: 'freb.ancm-start-failed',
    kind,
    label: 'FREB: ANCM_START_APPLICATION_FAIL (the ASP.NET Core Module could not start the app)',
    causes: { 'process-start-failure': 0.5, 'inprocess-start-failure': 0.4 },
  },
  {
    id: 'freb.config-exception',
    kind,
    label: 'FREB: MODULE_SET_RESPONSE_ERROR_STATUS carries ConfigExceptionInfo (IIS could not read the configuration)',
    causes: { 'web-config-invalid': 0.6, 'hosting-bundle-missing': 0.4 },
  },
  {
    id: 'freb.config-section-undeclared',
    kind,
    label: 'FREB: the aspNetCore configuration section is not declared (the ASP.NET Core Module is not registered)',
    causes: { 'hosting-bundle-missing': 0.9 },
  },
  {
    id: 'freb.config-duplicate-entry',
    kind,
    label: 'FREB: duplicate configuration entry (a handler added twice, often inherited by a sub-application)',
    causes: { 'subapp-inherits-handlers': 0.8, 'web-config-invalid': 0.3 },
  },
  {
    id: 'freb.time-taken-trigger',
    kind,
    label: 'FREB: the trace fired on time taken (failureReason TIME_TAKEN): the request was slow',
    causes: { 'thread-pool-starvation': 0.2, 'request-timeout': 0.2 },
  },
  {
    id: 'freb.arr-timeout',
    kind,
    label: 'FREB: ApplicationRequestRouting set 502.3 with ERROR_WINHTTP_TIMEOUT (IIS ARR gave up waiting for the backend)',
    causes: { 'arr-proxy-timeout': 0.97 },
  },
  {
    id: 'freb.arr-no-server',
    kind,
    label: 'FREB: ApplicationRequestRouting set 502.4 (no server of the farm was available)',
    causes: { 'arr-no-server': 0.97 },
  },
];
