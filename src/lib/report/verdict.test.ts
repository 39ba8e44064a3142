import { describe, expect, it } from 'vitest';
import { CAUSE_LIST } from '../engine/catalogue.ts';
import data from '../../../content/data/verdicts.json' with { type: 'json' };
import { verdictFor } from './verdict.ts';

describe('verdicts', () => {
  it('has one plain sentence for every cause in the catalogue', () => {
    for (const { id } of CAUSE_LIST) {
      const v = verdictFor(id);
      expect(v, id).toBeDefined();
      expect(v, id).toMatch(/^[A-Z].{30,240}\.$/);
      expect(v, id).not.toMatch(/\{fact:/);
    }
  });

  it('names only causes of the vocabulary', () => {
    const known = new Set(CAUSE_LIST.map((c) => c.id));
    // The twelve ids of cause-ids.md whose articles are being written may lead the catalogue.
    const coming = new Set(['backend-tls-failure', 'snat-port-exhaustion', 'resource-exhaustion', 'app-service-restart', 'arr-proxy-timeout', 'arr-no-server', 'iis-site-stopped', 'app-pool-config-failure', 'virtual-directory-not-application', 'runtimeconfig-invalid', 'incomplete-publish', 'client-aborted']);
    for (const id of Object.keys(data.verdicts)) expect(known.has(id) || coming.has(id), id).toBe(true);
  });

  it('reads shared numbers from facts.json', () => {
    expect(verdictFor('request-timeout')).toBe('IIS gave up after requestTimeout (120 s by default; web.config can set another value) while your app was still working on the request.');
    expect(verdictFor('no-such-cause')).toBeUndefined();
  });
});
