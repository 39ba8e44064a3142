import { describe, expect, it } from 'vitest';
import { cpuMs, expectLinear } from '../../../../tests/support/linear.ts';
import { indexLines } from '../../engine/lines.ts';
import { werReports } from './wer.ts';

function run(text: string) {
  return werReports(text, indexLines(text), () => false);
}

const NATIVE = [
  'Version=1',
  'EventType=BEX64',
  'NsAppName=w3wp.exe',
  'Sig[0].Name=Application Name',
  'Sig[0].Value=w3wp.exe',
  'Sig[3].Name=Fault Module Name',
  'Sig[3].Value=ucrtbase.dll',
  'Sig[7].Name=Exception Code',
  'Sig[7].Value=c0000409',
  'Sig[8].Name=Exception Data',
  'Sig[8].Value=0000000000000007',
  'DynamicSig[1].Name=OS Version',
  'DynamicSig[1].Value=10.0.14393.2.0.0.272.7',
].join('\n');

describe('werReports', () => {
  it('reads the exception code from the slot named "Exception Code", and the worker process', () => {
    const [h, ...rest] = run(NATIVE);
    expect(rest).toEqual([]);
    expect(h!.signal).toBe('event-log.wer-app-crash');
    expect(h!.facts.map((f) => [f.name, f.value])).toEqual([
      ['server', 'iis'],
      ['server', 'iis'],
      ['code', 0xc0000409],
      ['signal', 'event-log.crash-native'],
    ]);
    const code = h!.facts.find((f) => f.name === 'code')!;
    expect(NATIVE.slice(code.start, code.end)).toBe('c0000409');
  });

  it('keeps a forum quote prefix out of the way', () => {
    const quoted = NATIVE.split('\n').map((l) => `> ${l}`).join('\n');
    const [h] = run(quoted);
    const code = h!.facts.find((f) => f.name === 'code')!;
    expect(quoted.slice(code.start, code.end)).toBe('c0000409');
  });

  it('does not take the value of another slot for the code (slot numbers differ between report types)', () => {
    const text = ['EventType=APPCRASH', 'Sig[6].Name=Exception Offset', 'Sig[6].Value=c00000fd', 'Sig[7].Name=Exception Code', 'Sig[7].Value=c0000005'].join('\n');
    expect(run(text)[0]!.facts.filter((f) => f.name === 'code').map((f) => f.value)).toEqual([0xc0000005]);
  });

  it('CLR20r3 reports give the .NET crash signal and the exception type', () => {
    const text = ['EventType=CLR20r3', 'Sig[0].Name=Problem Signature 01', 'Sig[0].Value=dotnet.exe', 'Sig[8].Name=Problem Signature 09', 'Sig[8].Value=System.InvalidOperationException'].join('\n');
    const [h] = run(text);
    expect(h!.signal).toBe('event-log.wer-clr-crash');
    expect(h!.facts.map((f) => [f.name, f.value])).toEqual([['exception', 'System.InvalidOperationException']]);
  });

  it('ignores other event types and prose that mentions EventType=', () => {
    expect(run('EventType=WindowsUpdateFailure\nSig[0].Name=Exception Code\nSig[0].Value=c0000005')).toEqual([]);
    expect(run('set EventType=APPCRASH in the filter and look again')).toEqual([]);
  });

  it('two reports in one paste are read separately', () => {
    const text = `${NATIVE}\n\n${NATIVE.replace('c0000409', 'c00000fd')}`;
    expect(run(text).map((h) => h.facts.find((f) => f.name === 'code')!.value)).toEqual([0xc0000409, 0xc00000fd]);
  });

  it('stays linear on long runs of report-like lines', () => {
    expectLinear('Sig lines', (n) => `EventType=BEX\n${'Sig[1].Name=Exception Code\n'.repeat(n)}`, run, 600, { clock: cpuMs });
  }, 60_000);
});
