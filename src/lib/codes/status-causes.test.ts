import { describe, expect, it } from 'vitest';
import causes from '../../../content/data/causes.json' with { type: 'json' };
import { STATUSES, statusCauses, statusInfo } from './status-causes.ts';
import { parseStatus, formatStatus } from './forms.ts';
import { fact } from '../facts/facts.ts';

const causeIds = new Set(causes.map((c) => c.id));

describe('statuses.json', () => {
  it('covers every status the engine needs', () => {
    const need = ['500.0', '500.19', '500.21', '500.30', '500.31', '500.32', '500.33', '500.34', '500.35', '500.36', '500.37', '500.38', '502', '502.3', '502.5', '503', '503.0', '503.2', '503.3', '504'];
    for (const s of need) expect(statusInfo(s)?.status, s).toBe(s);
  });

  it.each(STATUSES.map((s) => [s.status, s] as const))('%s is well-formed', (status, s) => {
    const p = parseStatus(status);
    expect(p && formatStatus(p)).toBe(status);
    expect(s.title).toContain(status);
    expect(s.meaning.length).toBeGreaterThan(20);
    const entries = Object.entries(s.causes);
    expect(entries.length).toBeGreaterThan(0);
    for (const [id, w] of entries) {
      expect(causeIds.has(id), `${status}: unknown cause ${id}`).toBe(true);
      expect(w).toBeGreaterThan(0);
      expect(w).toBeLessThanOrEqual(1);
    }
  });

  it('sub-statuses named after one cause point at it most strongly', () => {
    const top = (s: string) => Object.entries(statusInfo(s)!.causes).sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(top('500.31')).toBe('framework-not-found');
    expect(top('500.32')).toBe('bitness-mismatch');
    expect(top('500.34')).toBe('mixed-hosting-models');
    expect(top('500.35')).toBe('multiple-inprocess-apps');
    expect(top('500.37')).toBe('startup-time-limit');
    expect(top('500.38')).toBe('app-dll-not-found');
    expect(top('504')).toBe('proxy-upstream-timeout');
    // A client that closed the connection first: nginx logs 499, an AWS load balancer 460.
    expect(top('499')).toBe('client-aborted');
    expect(top('460')).toBe('client-aborted');
  });

  it('502.5 names a failed step, not a cause: the most common specific cause first, the generic one next', () => {
    const ranked = Object.entries(statusInfo('502.5')!.causes).sort((a, b) => b[1] - a[1]).map(([c]) => c);
    expect(ranked.slice(0, 2)).toEqual(['framework-not-found', 'process-start-failure']);
  });
});

describe('lookups', () => {
  it('falls back from an unlisted sub-status to the plain status', () => {
    expect(statusInfo('502.7')?.status).toBe('502');
    expect(statusInfo('500.50')?.status).toBe('500');
    expect(statusCauses('502.7')?.note).toContain('read as 502');
  });

  it('rejects what is not a 4xx/5xx status', () => {
    for (const s of ['200', '502.', 'abc', '', '0x80070005', '600']) expect(statusInfo(s)).toBeUndefined();
    expect(statusInfo(undefined as unknown as string)).toBeUndefined();
    expect(statusInfo('418')).toBeUndefined();
  });

  it('gives the engine causes and a note', () => {
    const c = statusCauses(' 502.3 ');
    expect(c?.causes['request-timeout']).toBeGreaterThan(0);
    expect(c?.note).toMatch(/^HTTP 502\.3 Bad Gateway: /);
  });
});

describe('statuses and shared facts', () => {
  it('expands {fact:id} placeholders in the meanings', () => {
    for (const s of STATUSES) expect(s.meaning, s.status).not.toMatch(/\{fact:/);
    expect(STATUSES.find((s) => s.status === '500')?.meaning).toContain(fact('app-service.frontend-timeout').says);
  });
});
