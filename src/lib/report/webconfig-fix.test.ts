import { describe, expect, it } from 'vitest';
import { intendedValue, settingFixes } from './webconfig-fix.ts';

describe('web.config fixes', () => {
  it('corrects a hosting model spelled another way, on its own line', () => {
    const text = '<aspNetCore processPath="dotnet"\n   hostingModel="in-process"\n   stdoutLogEnabled="false" />';
    expect(settingFixes(text, [{ name: 'hostingModel', written: 'in-process', state: 'invalid' }])).toEqual([
      { name: 'hostingModel', line: 2, before: 'hostingModel="in-process"', after: 'hostingModel="inprocess"', value: 'inprocess' },
    ]);
  });
  it('reads yes/no as booleans and seconds as a time span', () => {
    expect(intendedValue('stdoutLogEnabled', 'Yes', 'false')).toBe('true');
    expect(intendedValue('requestTimeout', '600')).toBe('00:10:00');
    expect(intendedValue('hostingModel', 'OutOfProc')).toBe('outofprocess');
  });
  it('offers nothing when the intent is not clear or the setting is fine', () => {
    expect(intendedValue('hostingModel', 'fast')).toBeNull();
    expect(intendedValue('processPath', 'yes', 'dotnet')).toBeNull();
    expect(settingFixes('<aspNetCore hostingModel="inprocess" />', [{ name: 'hostingModel', written: 'inprocess', state: 'set' }])).toEqual([]);
    expect(settingFixes('', [{ name: 'hostingModel', written: 'in-process', state: 'invalid' }])).toEqual([]);
  });
});
