import { describe, expect, it } from 'vitest';
import type { Fact } from './types.ts';
import { CONTEXT_RULES } from './rules.ts';
import { validateTest } from './fact-test.ts';
import { indexFacts } from './fact-index.ts';
import { ruleContributions } from './contributions.ts';
import { isCauseId } from './catalogue.ts';
import { SIGNAL_IDS } from '../signals/index.ts';
import { fact as sharedFact, factMs } from '../facts/facts.ts';

const f = (name: Fact['name'], value: Fact['value'], start = 0, kind: Fact['kind'] = 'iis-log'): Fact => ({
  kind,
  name,
  value,
  span: { start, end: start + 1 },
});
const fired = (facts: Fact[]): string[] => {
  const r = ruleContributions(indexFacts(facts), CONTEXT_RULES);
  return [...new Set([...r.contributions, ...r.weakenings].map((x) => x.key))].sort();
};

describe('context rules data', () => {
  it('has unique ids, valid tests, known causes and sane weights', () => {
    const ids = new Set<string>();
    for (const rule of CONTEXT_RULES) {
      expect(ids.has(rule.id), rule.id).toBe(false);
      ids.add(rule.id);
      expect(validateTest(rule.when, SIGNAL_IDS, rule.id)).toEqual([]);
      const targets = { ...rule.supports, ...rule.weakens };
      expect(Object.keys(targets).length, rule.id).toBeGreaterThan(0);
      for (const [cause, w] of Object.entries(targets)) {
        expect(isCauseId(cause), `${rule.id}: ${cause}`).toBe(true);
        expect(w > 0 && w <= 1, `${rule.id}: weight ${w}`).toBe(true);
      }
      expect(rule.note.length).toBeGreaterThan(20);
      expect(rule.note).not.toMatch(/[<>]/);
    }
  });
});

describe('the request timeout rules', () => {
  it('12002 at the 120 s default points to request-timeout', () => {
    expect(fired([f('status', '502.3'), f('code', 12002, 2), f('time-taken-ms', 120016, 4)])).toEqual(['rule:winhttp-timeout-at-request-timeout']);
  });
  it('12002 at a configured requestTimeout points to request-timeout too', () => {
    expect(fired([f('code', 12002), f('time-taken-ms', 300047, 2), f('setting', 'requestTimeout=00:05:00', 4, 'web-config')])).toEqual([
      'rule:winhttp-timeout-at-request-timeout',
    ]);
  });
  it('12002 far from any timeout lowers request-timeout a little', () => {
    const r = ruleContributions(indexFacts([f('code', 12002), f('time-taken-ms', 45000, 2)]), CONTEXT_RULES);
    expect(r.contributions).toEqual([]);
    expect(r.weakenings.map((w) => [w.key, w.cause])).toEqual([['rule:winhttp-timeout-elsewhere', 'request-timeout']]);
    expect(r.weakenings[0]?.factor).toBeLessThan(0.3);
  });
  it('12002 at about 30 s, with no requestTimeout in sight, points to the ARR proxy time-out', () => {
    const at30 = [f('code', 12002), f('time-taken-ms', factMs('arr.proxy-timeout') - 111, 2)];
    expect(fired(at30)).toContain('rule:winhttp-timeout-at-arr-default');
    const r = ruleContributions(indexFacts(at30), CONTEXT_RULES);
    expect(r.contributions.map((c) => [c.key, c.cause])).toContainEqual(['rule:winhttp-timeout-at-arr-default', 'arr-proxy-timeout']);
    // A web.config that sets requestTimeout to 30 s makes it ANCM's own time-out.
    expect(fired([...at30, f('setting', 'requestTimeout=00:00:30', 4, 'web-config')])).not.toContain('rule:winhttp-timeout-at-arr-default');
    expect(fired([f('code', 12002), f('time-taken-ms', 45_000, 2)])).not.toContain('rule:winhttp-timeout-at-arr-default');
  });
  it('about 230 s points to the App Service front end and weakens request-timeout', () => {
    const r = ruleContributions(indexFacts([f('status', '502.3'), f('code', 12002, 2), f('time-taken-ms', 230016, 4)]), CONTEXT_RULES);
    expect(r.contributions.map((c) => c.cause)).toContain('azure-frontend-timeout');
    expect(r.weakenings.map((w) => w.cause)).toEqual(['request-timeout']);
  });
  it('a 502.3 without a code at about 120 s still points to request-timeout', () => {
    expect(fired([f('status', '502.3'), f('time-taken-ms', 119800, 2)])).toEqual(['rule:bad-gateway-at-request-timeout']);
  });
  it('mentions the time-taken it saw', () => {
    const r = ruleContributions(indexFacts([f('code', 12002), f('time-taken-ms', 120016, 2)]), CONTEXT_RULES);
    expect(r.contributions[0]?.note).toMatch(/120 s default/);
    expect(r.contributions[0]?.note).toMatch(/120\.0 s/);
  });
});

describe('proxy timing rules', () => {
  it('a 504 from nginx points to the proxy timeout', () => {
    expect(fired([f('status', '504', 0, 'nginx')])).toEqual(['rule:proxy-gateway-timeout-status']);
  });
  it('Apache 503 means it could not connect', () => {
    expect(fired([f('status', '503', 0, 'apache')])).toEqual(['rule:apache-cannot-connect']);
  });
  it('does not fire on unrelated facts', () => {
    expect(fired([f('status', '200'), f('time-taken-ms', 15)])).toEqual([]);
  });
});

describe('rollout and platform rules', () => {
  const sig = (id: string, start: number, kind: Fact['kind']): Fact => f('signal', id, start, kind);
  it('refused and reset together on Kubernetes point to a rollout race', () => {
    expect(
      fired([f('server', 'kubernetes', 0, 'cloud-lb'), sig('cloud-lb.envoy-uf', 2, 'cloud-lb'), sig('cloud-lb.envoy-uc', 4, 'cloud-lb')]),
    ).toEqual(['rule:rollout-mixed-failures']);
    expect(fired([f('server', 'kubernetes', 0, 'cloud-lb'), sig('cloud-lb.envoy-uf', 2, 'cloud-lb')])).toEqual([]);
  });
  it('no route plus refused points to instances going away', () => {
    expect(fired([sig('nginx.upstream-no-route', 0, 'nginx'), sig('nginx.upstream-refused', 2, 'nginx')])).toEqual(['rule:no-route-and-refused']);
  });
  it('a TLS error in a database client is no backend TLS failure', () => {
    expect(fired([f('exception', 'SqlException', 0, 'message'), f('code', 2148074277, 2, 'message')])).toEqual(['rule:tls-in-the-database-client']);
    expect(fired([f('code', 2148074277, 2, 'message')])).toEqual([]);
  });
  it('a TLS failure whose inner error is an unexpected packet format is TLS sent to a plain port', () => {
    const failed = sig('message.dotnet-net.ssl-connection-failed', 0, 'message');
    expect(fired([failed, sig('stdout-log.https-unexpected-packet', 2, 'stdout-log')])).toEqual(['rule:tls-to-a-plain-port']);
    expect(fired([failed])).toEqual([]);
  });
  it('a closed connection next to the backend dying on a signal points to the crash', () => {
    expect(fired([sig('nginx.upstream-reset', 0, 'nginx'), sig('stdout-log.process-died-on-signal', 2, 'stdout-log')])).toEqual(['rule:closed-by-a-crash']);
    expect(fired([sig('nginx.upstream-reset', 0, 'nginx')])).toEqual([]);
    expect(fired([sig('stdout-log.process-died-on-signal', 2, 'stdout-log')])).toEqual([]);
  });
  it('a closed connection in a paste about gRPC or HTTP/2 points to a protocol mismatch', () => {
    expect(fired([sig('traefik.upstream-eof', 0, 'traefik'), sig('prose.topic-http2', 2, 'prose')])).toEqual(['rule:closed-on-grpc-or-http2']);
    expect(fired([sig('traefik.upstream-eof', 0, 'traefik')])).toEqual([]);
    expect(fired([sig('nginx.upstream-refused', 0, 'nginx'), sig('prose.topic-http2', 2, 'prose')])).toEqual([]);
  });
  it('a closed connection told as happening now and then points to the keep-alive race, unless a rollout or a long request explains it', () => {
    expect(fired([sig('nginx.upstream-closed', 0, 'nginx'), sig('prose.intermittent', 2, 'prose')])).toEqual(['rule:closed-now-and-then']);
    expect(fired([sig('cloud-lb.envoy-uc', 0, 'cloud-lb'), sig('prose.intermittent', 2, 'prose')])).toEqual(['rule:closed-now-and-then']);
    expect(fired([sig('nginx.upstream-closed', 0, 'nginx')])).toEqual([]);
    expect(fired([sig('nginx.upstream-closed', 0, 'nginx'), sig('prose.intermittent', 2, 'prose'), sig('prose.during-deploy', 4, 'prose')])).toEqual([]);
    expect(fired([sig('nginx.upstream-refused', 0, 'nginx'), sig('prose.intermittent', 2, 'prose')])).toEqual([]);
  });
  it('a missing runtime on App Service prefers azure-runtime-missing', () => {
    const r = ruleContributions(
      indexFacts([f('server', 'azure-app-service', 0, 'stdout-log'), sig('stdout-log.framework-not-found', 2, 'stdout-log')]),
      CONTEXT_RULES,
    );
    expect(r.contributions.map((c) => c.cause)).toEqual(['azure-runtime-missing']);
    expect(r.weakenings.map((w) => w.cause)).toEqual(['framework-not-found']);
  });

  it('an ANCM start failure whose host code says a runtime piece is missing counts too on App Service', () => {
    for (const id of ['event-log.ancm-host-lib-missing', 'event-log.ancm-framework-missing', 'event-log.ancm-dependencies-not-found']) {
      const on = ruleContributions(indexFacts([f('server', 'azure-app-service', 0, 'event-log'), sig(id, 2, 'event-log')]), CONTEXT_RULES);
      expect(on.contributions.map((c) => c.cause), id).toContain('azure-runtime-missing');
      const off = ruleContributions(indexFacts([f('server', 'iis', 0, 'event-log'), sig(id, 2, 'event-log')]), CONTEXT_RULES);
      expect(off.contributions.map((c) => c.cause), id).not.toContain('azure-runtime-missing');
    }
  });

  it('on App Service, an in-process handler that will not load and a runtime-store miss (8000808C) count too', () => {
    const causes = (facts: Fact[]) => ruleContributions(indexFacts(facts), CONTEXT_RULES).contributions.map((c) => c.cause);
    expect(causes([f('server', 'azure-app-service', 0, 'message'), sig('message.ancm.title-500-0-inprocess-old', 2, 'message')])).toContain(
      'azure-runtime-missing',
    );
    expect(causes([f('server', 'azure-app-service', 0, 'event-log'), f('code', 0x8000808c, 2, 'event-log')])).toContain('azure-runtime-missing');
    expect(causes([f('server', 'iis', 0, 'message'), sig('message.ancm.title-500-0-inprocess-old', 2, 'message')])).not.toContain(
      'azure-runtime-missing',
    );
  });
});

describe('.NET host and ANCM start rules', () => {
  const sig = (id: string, start: number, kind: Fact['kind']): Fact => f('signal', id, start, kind);
  it('a stdout log warning beside the host\'s own failure code weakens stdout-log-unwritable', () => {
    const r = ruleContributions(
      indexFacts([sig('event-log.ancm-stdout-log-unwritable', 0, 'event-log'), sig('event-log.ancm-v1-deps-resolve-failed', 2, 'event-log')]),
      CONTEXT_RULES,
    );
    expect(r.weakenings.map((w) => [w.key, w.cause])).toEqual([['rule:stdout-log-warning-beside-host-failure', 'stdout-log-unwritable']]);
    expect(fired([sig('event-log.ancm-stdout-log-unwritable', 0, 'event-log')])).toEqual([]);
  });
  it('hostpolicy not loaded from the app folder weakens framework-not-found, unless the host names the targeted framework', () => {
    const load = sig('message.hostfxr.hostpolicy-load-failed-1x', 0, 'message');
    expect(fired([load])).toEqual(['rule:hostpolicy-missing-in-app-folder']);
    expect(fired([load, sig('message.hostfxr.targeted-framework-not-found-1x', 2, 'message')])).toEqual([]);
  });
});

describe('certificates and sockets under IIS and App Service', () => {
  const sig = (id: string, start: number, kind: Fact['kind']): Fact => f('signal', id, start, kind);
  it('a certificate import that cannot find the file points to the missing user profile, not to a missing file', () => {
    const r = ruleContributions(
      indexFacts([f('code', 2, 0, 'message'), sig('stdout-log.certificate-import-frame', 2, 'stdout-log')]),
      CONTEXT_RULES,
    );
    expect(r.contributions.map((c) => c.cause)).toEqual(['user-profile-not-loaded']);
    expect(r.weakenings.map((w) => w.cause).sort()).toEqual(['app-dll-not-found', 'framework-not-found', 'process-path-not-found']);
    expect(fired([f('code', 2, 0, 'message')])).toEqual([]);
    expect(fired([sig('stdout-log.certificate-import-frame', 2, 'stdout-log')])).toEqual([]);
  });
  it('a CryptographicException in stdout points at the pool\'s user profile, but not in a container', () => {
    const crypto = f('exception', 'System.Security.Cryptography.CryptographicException', 0, 'stdout-log');
    expect(fired([crypto])).toContain('rule:keys-without-profile');
    expect(fired([crypto, f('server', 'docker', 2, 'prose')])).not.toContain('rule:keys-without-profile');
    expect(fired([crypto, f('server', 'kubernetes', 2, 'prose')])).not.toContain('rule:keys-without-profile');
  });
  it('WSAEACCES on App Service reads as the outbound connection limit, not as a port Kestrel may not bind', () => {
    const appService = f('server', 'azure-app-service', 0, 'stdout-log');
    const r = ruleContributions(indexFacts([appService, f('code', 10013, 2, 'message')]), CONTEXT_RULES);
    expect(r.contributions.map((c) => c.cause)).toEqual(['snat-port-exhaustion']);
    expect(r.weakenings.map((w) => w.cause).sort()).toEqual(['kestrel-bind-denied', 'port-binding-failure']);
    // elsewhere, or when Kestrel says it failed to bind, the code keeps its usual meaning
    expect(fired([f('server', 'iis', 0, 'stdout-log'), f('code', 10013, 2, 'message')])).toEqual([]);
    expect(fired([appService, f('code', 10013, 2, 'message'), sig('stdout-log.kestrel-bind-failed', 4, 'stdout-log')])).toEqual([]);
  });
});

describe('shutdowns on App Service', () => {
  it("read the app's own 'Application is shutting down...' there as a platform restart", () => {
    const appService = f('server', 'azure-app-service', 0, 'stdout-log');
    const shutdown = f('signal', 'stdout-log.application-shutting-down', 2, 'stdout-log');
    const r = ruleContributions(indexFacts([appService, shutdown]), CONTEXT_RULES);
    expect(r.contributions.map((c) => [c.key, c.cause])).toEqual([['rule:shutdown-on-app-service', 'app-service-restart']]);
    expect(fired([f('server', 'iis', 0, 'stdout-log'), shutdown])).toEqual([]);
  });
});

describe('a fixed listening port', () => {
  const sig = (id: string, start: number): Fact => f('signal', id, start, 'stdout-log');
  it('is no fault in a container, but stays one under IIS or when the port is taken', () => {
    const fixed = sig('stdout-log.listening-fixed-port', 2);
    const r = ruleContributions(indexFacts([f('server', 'docker', 0, 'prose'), fixed]), CONTEXT_RULES);
    expect(r.weakenings.map((w) => [w.key, w.cause])).toEqual([['rule:fixed-port-in-a-container', 'port-binding-failure']]);
    expect(fired([f('server', 'docker', 0, 'prose'), f('server', 'iis', 1, 'event-log'), fixed])).toEqual([]);
    expect(fired([f('server', 'kubernetes', 0, 'prose'), fixed, sig('stdout-log.kestrel-address-in-use', 4)])).toEqual([]);
    expect(fired([fixed])).toEqual([]);
  });
});

describe('a Kestrel bind failure under the ASP.NET Core Module', () => {
  it('reads out of process as the app binding its own address instead of ANCM\'s port', () => {
    const denied = f('signal', 'stdout-log.kestrel-bind-denied', 4, 'stdout-log');
    const oopStart = f('signal', 'event-log.ancm-process-start-failed', 0, 'event-log');
    const r = ruleContributions(indexFacts([oopStart, denied]), CONTEXT_RULES);
    expect(r.contributions.map((c) => [c.key, c.cause])).toContainEqual(['rule:kestrel-bind-under-ancm-out-of-process', 'port-binding-failure']);
    expect(r.weakenings.map((w) => [w.key, w.cause])).toEqual([['rule:kestrel-bind-under-ancm-out-of-process', 'kestrel-bind-denied']]);
    expect(fired([f('hosting-model', 'out-of-process', 0, 'web-config'), denied])).toContain('rule:kestrel-bind-under-ancm-out-of-process');
    // Without ANCM, or in a container, a bind failure is the app's own port problem.
    expect(fired([denied])).not.toContain('rule:kestrel-bind-under-ancm-out-of-process');
    expect(fired([f('server', 'docker', 0, 'prose'), f('status', '502.5', 2, 'prose'), denied])).not.toContain('rule:kestrel-bind-under-ancm-out-of-process');
  });
});

describe('crash timing', () => {
  it('an unhandled exception during a start failure weakens the runtime-crash reading', () => {
    const r = ruleContributions(
      indexFacts([f('code', 0xe0434352, 0, 'event-log'), f('signal', 'event-log.ancm-load-clr-failed', 2, 'event-log')]),
      CONTEXT_RULES,
    );
    expect(r.weakenings.map((w) => [w.key, w.cause])).toEqual([['rule:crash-during-startup', 'app-crash-runtime']]);
  });
  it('an exception only the start-up path throws (configuration, pipeline order) counts as a start failure', () => {
    const crash = f('signal', 'event-log.dotnet-runtime-unhandled-exception', 0, 'event-log');
    const r = ruleContributions(indexFacts([crash, f('signal', 'message.kestrel.config-json-parse', 2, 'message')]), CONTEXT_RULES);
    expect(r.weakenings.map((w) => [w.key, w.cause])).toEqual([['rule:crash-during-startup', 'app-crash-runtime']]);
    expect(ruleContributions(indexFacts([crash]), CONTEXT_RULES).weakenings).toEqual([]);
  });
  it('a stack overflow stays a runtime crash', () => {
    const r = ruleContributions(
      indexFacts([f('code', 0xe0434352, 0, 'event-log'), f('status', '502.5', 2), f('exception', 'System.StackOverflowException', 4, 'event-log')]),
      CONTEXT_RULES,
    );
    expect(r.weakenings).toEqual([]);
  });
});

describe('context rules and shared facts', () => {
  it('take their time windows and wording from content/data/facts.json', () => {
    const byId = new Map(CONTEXT_RULES.map((r) => [r.id, r]));
    const proxy = byId.get('proxy-default-timeout');
    const window = JSON.stringify(proxy?.when);
    const ms = factMs('nginx.proxy_read_timeout');
    expect(window).toContain(String(ms - 2_000));
    expect(window).toContain(String(ms + 2_500));
    expect(proxy?.note).toContain(sharedFact('apache.Timeout.debian').says);
    expect(byId.get('timeout-at-frontend-limit')?.note).toContain(sharedFact('app-service.frontend-timeout').says);
    expect(JSON.stringify(byId.get('winhttp-timeout-at-request-timeout')?.when)).toContain(String(factMs('ancm.requestTimeout')));
  });
});

describe('an address in use while the app connects out', () => {
  it('reads WSAEADDRINUSE from HttpClient as outbound ports running out, not a bind failure', () => {
    const inUse = f('code', 10048, 4, 'message');
    const client = f('exception', 'System.Net.Http.HttpRequestException', 0, 'stdout-log');
    const r = ruleContributions(indexFacts([client, inUse]), CONTEXT_RULES);
    expect(r.contributions.map((c) => [c.key, c.cause])).toContainEqual(['rule:address-in-use-while-connecting', 'snat-port-exhaustion']);
    expect(r.weakenings.map((w) => [w.key, w.cause]).sort()).toEqual([
      ['rule:address-in-use-while-connecting', 'kestrel-bind-denied'],
      ['rule:address-in-use-while-connecting', 'port-binding-failure'],
    ]);
    expect(fired([f('signal', 'stdout-log.connect-frame', 0, 'stdout-log'), inUse])).toContain('rule:address-in-use-while-connecting');
    // Kestrel binding its own address is the plain bind failure.
    expect(fired([inUse])).not.toContain('rule:address-in-use-while-connecting');
    expect(fired([client, inUse, f('signal', 'stdout-log.bind-frame', 8, 'stdout-log')])).not.toContain('rule:address-in-use-while-connecting');
  });
});

describe('an in-process handler that hostfxr never handed over', () => {
  it("weakens the handler reading when the event carries hostfxr's own reason", () => {
    const missing = f('signal', 'event-log.ancm-inprocess-handler-missing', 0, 'event-log');
    const reason = f('signal', 'message.hostfxr.app-to-execute-missing', 90, 'message');
    const r = ruleContributions(indexFacts([missing, reason]), CONTEXT_RULES);
    expect(r.weakenings.map((w) => [w.key, w.cause])).toContainEqual(['rule:inprocess-handler-missing-with-hostfxr-reason', 'inprocess-handler-load-failure']);
    expect(fired([missing])).not.toContain('rule:inprocess-handler-missing-with-hostfxr-reason');
  });
});

describe('a loopback listener in a container', () => {
  it('reads Kestrel on localhost inside a compose service or pod as unreachable from the proxy', () => {
    const loopback = f('setting', 'listeningScope=loopback', 10, 'stdout-log');
    expect(fired([f('server', 'docker', 0, 'stdout-log'), loopback])).toContain('rule:loopback-listener-in-a-container');
    expect(fired([f('server', 'kubernetes', 0, 'stdout-log'), loopback])).toContain('rule:loopback-listener-in-a-container');
    // On a host of its own, a proxy beside it reaches localhost.
    expect(fired([loopback])).not.toContain('rule:loopback-listener-in-a-container');
  });
});

describe('Kestrel closing a connection it gave up draining', () => {
  it('reads it behind IIS as the connection reset the module sees', () => {
    const drain = f('signal', 'message.kestrel.request-body-drain-timed-out', 10, 'message');
    expect(fired([drain, f('status', '502.3', 0, 'status')])).toContain('rule:kestrel-drain-close-behind-ancm');
    expect(fired([drain, f('server', 'iis', 0, 'prose')])).toContain('rule:kestrel-drain-close-behind-ancm');
    expect(fired([drain])).not.toContain('rule:kestrel-drain-close-behind-ancm');
  });
});
