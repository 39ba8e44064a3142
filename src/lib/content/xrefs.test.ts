import { describe, expect, it } from 'vitest';
import { checkCrossReferences, type SiteContent } from './xrefs.ts';
import { codePageSlug, codePageUrl } from './slugs.ts';

function site(over: Partial<SiteContent> = {}): SiteContent {
  return {
    causes: [
      {
        id: 'request-timeout',
        data: { statuses: ['502.3'], codes: ['0x80072EE2'], related: ['app-crash-runtime'], guides: ['reading-iis-logs'] },
      },
      { id: 'app-crash-runtime', data: { statuses: [], codes: [], related: [], guides: [] } },
    ],
    codes: [{ id: '502-3', data: { code: '502.3', kind: 'status', causes: ['request-timeout'], related: ['0x80072EE2'] } }],
    guides: [{ id: 'reading-iis-logs', data: { related: ['request-timeout'] } }],
    causeIds: new Set(['request-timeout', 'app-crash-runtime', 'keepalive-race']),
    codePageSlugs: new Set(['502-3', '0x80072ee2']),
    ...over,
  };
}

describe('codePageSlug', () => {
  it('turns statuses and hex codes into the public URL slugs', () => {
    expect(codePageSlug('502.3')).toBe('502-3');
    expect(codePageSlug('500.30')).toBe('500-30');
    expect(codePageSlug('502')).toBe('502');
    expect(codePageSlug('0x80072EE2')).toBe('0x80072ee2');
    expect(codePageUrl('0x80072EE2')).toBe('/codes/0x80072ee2/');
    expect(codePageSlug('80072EE2')).toBeNull();
    expect(codePageSlug('hello')).toBeNull();
  });
});

describe('checkCrossReferences', () => {
  it('accepts consistent content', () => {
    expect(checkCrossReferences(site())).toEqual([]);
  });

  it('names the file and the dangling cause id', () => {
    const s = site();
    s.causes[1]!.data.related = ['no-such-cause'];
    expect(checkCrossReferences(s)).toEqual([
      'content/causes/app-crash-runtime.mdx: related names unknown cause id "no-such-cause"',
    ]);
  });

  it('reports a known cause without an article', () => {
    const s = site();
    s.guides[0]!.data.related = ['keepalive-race'];
    expect(checkCrossReferences(s)[0]).toMatch(/reading-iis-logs\.mdx: related names cause "keepalive-race", which has no article/);
  });

  it('reports codes and statuses without a page, and unknown guides', () => {
    const s = site();
    s.causes[0]!.data.codes = ['0x80072EFD'];
    s.causes[0]!.data.statuses = ['503.2'];
    s.causes[0]!.data.guides = ['nope'];
    expect(checkCrossReferences(s)).toEqual([
      'content/causes/request-timeout.mdx: guides names unknown guide "nope"',
      'content/causes/request-timeout.mdx: statuses names "503.2", which has no page (/codes/503-2/)',
      'content/causes/request-timeout.mdx: codes names "0x80072EFD", which has no page (/codes/0x80072efd/)',
    ]);
  });

  it('checks code page file names and kinds', () => {
    const s = site();
    s.codes.push({ id: '502-5', filePath: 'content/codes/502-5.mdx', data: { code: '502.3', kind: 'error', causes: [], related: [] } });
    expect(checkCrossReferences(s)).toEqual([
      'content/codes/502-5.mdx: file name should be "502-3.mdx" for code "502.3"',
      'content/codes/502-5.mdx: kind "error" does not fit code "502.3"',
    ]);
  });

  it('reports an article whose file name is not a cause id', () => {
    const s = site();
    s.causes.push({ id: 'made-up', data: { statuses: [], codes: [], related: [], guides: [] } });
    expect(checkCrossReferences(s)).toContain('content/causes/made-up.mdx: "made-up" is not a cause id (add it to content/data/causes.json first)');
  });
});
