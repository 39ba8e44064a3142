/**
 * Every cause id the project has agreed on (60), copied from the shared cause-id list. The real
 * corpus may expect any of them, including ids the engine's catalogue (content/data/causes.json)
 * does not hold yet; a learning case expecting such an id stays pending until the engine knows it.
 */
export const CAUSE_IDS: readonly string[] = [
  // IIS and the ASP.NET Core Module
  'request-timeout',
  'backend-connection-refused',
  'backend-connection-reset',
  'invalid-backend-response',
  'malformed-client-request',
  'process-start-failure',
  'port-binding-failure',
  'inprocess-start-failure',
  'framework-not-found',
  'hosting-bundle-missing',
  'bitness-mismatch',
  'inprocess-handler-load-failure',
  'mixed-hosting-models',
  'multiple-inprocess-apps',
  'outofprocess-handler-load-failure',
  'startup-time-limit',
  'app-dll-not-found',
  'process-path-not-found',
  'access-denied',
  'user-profile-not-loaded',
  'stdout-log-unwritable',
  'web-config-invalid',
  'wrong-arguments',
  'subapp-inherits-handlers',
  'module-missing-after-os-upgrade',
  'iis-features-missing',
  'physical-path-wrong',
  'stale-deployment-files',
  'app-pool-stopped',
  'app-offline',
  'app-crash-runtime',
  'app-pool-recycle',
  'thread-pool-starvation',
  'vc-redist-missing',
  'app-initiated-shutdown',
  'iis-site-stopped',
  'app-pool-config-failure',
  'virtual-directory-not-application',
  'runtimeconfig-invalid',
  'incomplete-publish',
  'arr-proxy-timeout',
  'arr-no-server',
  'resource-exhaustion',
  'client-aborted',
  // Azure App Service
  'azure-frontend-timeout',
  'azure-runtime-missing',
  'app-service-restart',
  'snat-port-exhaustion',
  // Reverse proxies in front of Kestrel
  'proxy-upstream-refused',
  'proxy-upstream-closed',
  'proxy-upstream-timeout',
  'proxy-header-too-big',
  'proxy-permission-denied',
  'kestrel-bind-denied',
  'proxy-protocol-mismatch',
  'keepalive-race',
  'backend-unhealthy',
  'pod-shutdown-race',
  'yarp-forwarder-error',
  'backend-tls-failure',
];

const KNOWN = new Set(CAUSE_IDS);

export function isAgreedCauseId(id: string): boolean {
  return KNOWN.has(id);
}
