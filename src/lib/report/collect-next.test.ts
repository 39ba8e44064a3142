import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLLECT_KEYS, collectNext } from './collect-next.ts';

describe('collectNext', () => {
  it('names a log, where it lives and how to turn it on for every component, and an existing guide', () => {
    for (const key of COLLECT_KEYS) {
      const a = collectNext([key]);
      expect(a.items.length, key).toBeGreaterThan(0);
      for (const i of a.items) {
        for (const field of [i.what, i.where, i.how]) expect(field.length, key).toBeGreaterThan(10);
        expect(i.how, key).not.toMatch(/\{fact:/);
      }
      expect(existsSync(new URL(`../../../content/guides/${a.guide}.mdx`, import.meta.url)), `${key}: guide ${a.guide}`).toBe(true);
    }
  });

  it('prefers the hop that answered: App Service over IIS, a proxy over Kestrel', () => {
    expect(collectNext(['iis', 'azure-app-service']).label).toBe('Azure App Service');
    expect(collectNext(['kestrel', 'nginx']).label).toBe('nginx');
    expect(collectNext([]).label).toBe('your setup');
    expect(collectNext(['something-new']).label).toBe('your setup');
  });
});
