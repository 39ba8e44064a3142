import { describe, expect, it } from 'vitest';
import { curatedFor } from '../codes/curated.ts';
import { isCauseId } from '../engine/catalogue.ts';
import { clusterCauses, clusterNote, MAX_CAUSES, reasonCauses, reasonNote, statusText } from './clusters.ts';

describe('clusterCauses', () => {
  it('reads the win32 code through the curated codes', () => {
    expect(clusterCauses(502, 3, 12002, 120)[0]).toBe('request-timeout');
    expect(clusterCauses(502, 3, 12029, null)[0]).toBe('backend-connection-refused');
    expect(clusterCauses(502, 3, 12030, null).slice(0, 2)).toEqual(['backend-connection-reset', 'app-crash-runtime']);
    expect(clusterCauses(502, 3, 12152, null)[0]).toBe('invalid-backend-response');
    expect(clusterCauses(502, 3, 64, null)[0]).toBe('backend-connection-reset');
    expect(clusterCauses(502, 3, 1236, null)[0]).toBe('backend-connection-reset');
    // The same list the engine's data gives, cut to MAX_CAUSES.
    expect(clusterCauses(502, 3, 12030, null)).toEqual(curatedFor(12030)?.causes.slice(0, MAX_CAUSES));
  });

  it('falls back to the status table when the code says nothing', () => {
    expect(clusterCauses(503, 0, 0, null)[0]).toBe('app-pool-stopped');
    expect(clusterCauses(502, 5, 0, null).slice(0, 2)).toEqual(['framework-not-found', 'process-start-failure']);
    expect(clusterCauses(500, 30, 0, null)[0]).toBe('inprocess-start-failure');
    expect(clusterCauses(500, 37, 0, null)[0]).toBe('startup-time-limit');
    expect(clusterCauses(599, 0, 0, null)).toEqual([]);
  });

  it('puts the timeout cause first for dropped connections at a known limit', () => {
    expect(clusterCauses(200, 0, 64, 230)).toEqual(['azure-frontend-timeout']);
    expect(clusterCauses(500, 0, 1236, 230)[0]).toBe('azure-frontend-timeout');
    expect(clusterCauses(502, 3, 64, 230)[0]).toBe('azure-frontend-timeout');
    expect(clusterCauses(504, 0, 0, 60)[0]).toBe('proxy-upstream-timeout');
  });

  it('keeps ANCM timeouts as request-timeout, except at the 230 s front-end limit', () => {
    expect(clusterCauses(502, 3, 12002, 60)[0]).toBe('request-timeout');
    expect(clusterCauses(502, 3, 12002, null)[0]).toBe('request-timeout');
    expect(clusterCauses(502, 3, 12002, 230).slice(0, 2)).toEqual(['azure-frontend-timeout', 'request-timeout']);
    expect(clusterCauses(502, 3, 12030, 120)[0]).toBe('backend-connection-reset');
  });

  it('returns only catalogue ids, at most MAX_CAUSES, without duplicates', () => {
    for (const [st, sub, w, near] of [
      [502, 3, 12002, 120],
      [503, 0, 0, null],
      [500, 19, 13, null],
      [200, 0, 64, 230],
      [502, 3, 64, 230],
    ] as const) {
      const c = clusterCauses(st, sub, w, near);
      expect(c.length).toBeLessThanOrEqual(MAX_CAUSES);
      expect(new Set(c).size).toBe(c.length);
      for (const id of c) expect(isCauseId(id)).toBe(true);
    }
  });
});

describe('cluster notes', () => {
  it('write the status as the engine does', () => {
    expect(statusText(503, 0)).toBe('503');
    expect(statusText(502, 3)).toBe('502.3');
  });
  it('name the code and the timeout', () => {
    const n = clusterNote(502, 3, 12002, 120, 12);
    expect(n).toContain('12 requests answered 502.3');
    expect(n).toContain('ERROR_WINHTTP_TIMEOUT');
    expect(n).toContain('120 s');
    expect(clusterNote(200, 0, 64, 230, 1)).toContain('dropped on the client side');
    expect(clusterNote(503, 0, 0, null, 1)).toBe('1 request answered 503.');
    expect(clusterNote(500, 37, 0, 120, 3)).toContain('startupTimeLimit');
    expect(clusterNote(502, 3, 12002, 120, 3)).not.toContain('startupTimeLimit');
  });
});

describe('HTTP.sys reasons', () => {
  it('take their causes from the iis-log recogniser and its signals', () => {
    expect(reasonCauses(503, 'queuefull')[0]).toBe('thread-pool-starvation');
    expect(reasonCauses(-1, 'timer_apppool')[0]).toBe('thread-pool-starvation');
    expect(reasonCauses(503, 'appoffline')[0]).toBe('app-pool-stopped');
    expect(reasonCauses(503, 'AppShutdown')[0]).toBe('app-pool-recycle');
    expect(reasonCauses(-1, 'connection_abandoned_by_reqqueue')[0]).toBe('app-crash-runtime');
  });
  it('fall back to the status, and give nothing for client-side reasons', () => {
    expect(reasonCauses(503, 'somethingnew')[0]).toBe('app-pool-stopped');
    expect(reasonCauses(-1, 'timer_connectionidle')).toEqual([]);
    expect(reasonCauses(400, 'badrequest')).toEqual([]);
    expect(reasonCauses(503, 'x y <b>')).toEqual(reasonCauses(503, 'somethingnew'));
  });
  it('write the reason as Windows spells it', () => {
    expect(reasonNote(503, 'queuefull', 2)).toBe('2 requests answered 503 by HTTP.sys with the reason QueueFull (HTTP.sys error log).');
    expect(reasonNote(-1, 'timer_apppool', 1)).toContain('1 request dropped by HTTP.sys');
  });
});
