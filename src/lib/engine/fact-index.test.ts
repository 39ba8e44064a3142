import { describe, expect, it } from 'vitest';
import type { Fact } from './types.ts';
import { indexFacts, valueKeys } from './fact-index.ts';

const f = (name: Fact['name'], value: Fact['value'], start = 0): Fact => ({ kind: 'iis-log', name, value, span: { start, end: start + 1 } });

describe('indexFacts', () => {
  it('files statuses under the exact value and the bare status', () => {
    const index = indexFacts([f('status', '502.3'), f('status', '503', 5)]);
    expect(index.byValue.get('status~502')).toHaveLength(1);
    expect(index.byValue.get('status=502.3')).toHaveLength(1);
    expect(index.byValue.get('status~503')).toHaveLength(1);
    expect(index.byValue.get('status=502.5')).toBeUndefined();
  });
  it('files a Win32 code and its HRESULT under one key', () => {
    const index = indexFacts([f('code', 12002), f('code', 2147954402, 3)]);
    expect(index.byValue.get(valueKeys('code', '0x80072EE2', true)[0] ?? '')).toHaveLength(2);
  });
  it('files exceptions under the full and the short type name', () => {
    const index = indexFacts([f('exception', 'System.IO.FileLoadException')]);
    expect(index.byValue.get('exception=fileloadexception')).toHaveLength(1);
    expect(index.byValue.get('exception=system.io.fileloadexception')).toHaveLength(1);
  });
  it('records kinds and names', () => {
    const index = indexFacts([f('signal', 'x.y'), { ...f('server', 'nginx'), kind: 'nginx' }]);
    expect([...index.kinds].sort()).toEqual(['iis-log', 'nginx']);
    expect(index.byName.get('signal')).toHaveLength(1);
  });
});
