import { describe, expect, it } from 'vitest';
import { indexLines } from '../../../engine/lines.ts';
import { buildView } from './text.ts';
import { matchMessages } from './messages.ts';
import { WINDOWS_SPECS, localisedCrashes } from './windows.ts';

function hits(text: string) {
  return matchMessages(buildView(text, 0, text.length, { compact: true }), text, WINDOWS_SPECS);
}

describe('Windows event specs', () => {
  it('WAS 5009 with its exit code', () => {
    const [h] = hits("A process serving application pool 'Shop' terminated unexpectedly. The process id was '7716'. The process exit code was '0xe0434352'.");
    expect(h!.signal).toBe('event-log.was-worker-terminated');
    expect(h!.facts.map((f) => f.value)).toEqual(['iis', 0xe0434352, 'event-log.crash-clr-exception']);
  });

  it('WAS 5021 and the IIS 6 wording: the pool identity cannot log on; a sentence about the identity is not the event', () => {
    const was =
      'The identity of application pool Shop is invalid. The user name or password that is specified for the identity may be incorrect, or the user may not have batch logon rights.';
    expect(hits(was).map((h) => h.signal)).toEqual(['event-log.was-pool-identity-invalid']);
    const iis6 = "The identity of application pool, 'DefaultAppPool' is invalid.  If it remains invalid when the first request for the application pool is processed, the application pool will be disabled.";
    expect(hits(iis6).map((h) => h.signal)).toEqual(['event-log.was-pool-identity-invalid']);
    const sentence = 'The identity of application pool Shop is ApplicationPoolIdentity and it has read rights on the folder.';
    expect(hits(sentence).map((h) => h.signal)).toEqual([undefined]);
  });

  it('exit code -1 (0xffffffff) is not a crash code', () => {
    const [h] = hits("A process serving application pool 'Shop' terminated unexpectedly. The process id was '7716'. The process exit code was '0xffffffff'.");
    expect(h!.facts.filter((f) => f.name !== 'server')).toEqual([]);
  });

  it('.NET Runtime 1026 reads the host and the exception type', () => {
    const text = 'Application: iisexpress.exe\nCoreCLR Version: 6.0.2223.42425\nDescription: The process was terminated due to an unhandled exception.\nException Info: System.AggregateException\n   at X.Y()';
    const [h] = hits(text);
    expect(h!.facts.map((f) => [f.name, f.value])).toEqual([
      ['server', 'iis-express'],
      ['hosting-model', 'in-process'],
      ['exception', 'System.AggregateException'],
    ]);
  });

  it('Application Error in English', () => {
    const text = 'Faulting application name: dotnet.exe, version: 8.0.1124.51707, time stamp: 0x6720a9c1\nFaulting module name: KERNELBASE.dll, version: 10.0.17763.5458, time stamp: 0x2e7b0ebb\nException code: 0xe0434352';
    const [h] = hits(text);
    expect(h!.signal).toBe('event-log.app-error-crash');
    expect(h!.facts.map((f) => f.value)).toEqual([0xe0434352, 'event-log.crash-clr-exception']);
  });

  it('Application Error 0xC0000135 with a C runtime DLL as the faulting module: the runtime is missing', () => {
    const crash = (module: string, code: string) =>
      hits(`Faulting application name: MyApp.exe, version: 1.0.0.0, time stamp: 0x576218d2\nFaulting module name: ${module}, version: 6.3.9600.18438, time stamp: 0x57ae642e\nException code: ${code}`)[0]!
        .facts.filter((f) => f.name === 'signal')
        .map((f) => f.value);
    expect(crash('api-ms-win-crt-runtime-l1-1-0.dll', '0xc0000135')).toEqual(['event-log.app-error-crt-missing']);
    expect(crash('VCRUNTIME140.dll', '0xc0000135')).toEqual(['event-log.app-error-crt-missing']);
    // the same module crashing (not missing), or another DLL missing, says nothing about the runtime
    expect(crash('ucrtbase.dll', '0xc0000409')).toEqual(['event-log.crash-native']);
    expect(crash('MyNative.dll', '0xc0000135')).toEqual([]);
  });

  it('Application Error in w3wp.exe faulting in the ASP.NET Core Module DLL', () => {
    const crash = (module: string) =>
      hits(`Faulting application name: w3wp.exe, version: 8.5.9600.16384, time stamp: 0x52157ba0\nFaulting module name: ${module}, version: 13.1.19320.0, time stamp: 0x5dcfdb7b\nException code: 0xc000001d`)[0]!
        .facts.filter((f) => f.name === 'signal')
        .map((f) => f.value);
    expect(crash('aspnetcorev2.dll')).toEqual(['event-log.crash-native', 'event-log.app-error-ancm-module-fault']);
    expect(crash('aspnetcore.dll')).toEqual(['event-log.crash-native', 'event-log.app-error-ancm-module-fault']);
    expect(crash('coreclr.dll')).toEqual(['event-log.crash-native']);
  });
});

describe('Windows Error Reporting', () => {
  it('CLR20r3 reports carry the exception type in P9', () => {
    const text = 'Fault bucket 1264276480542710354, type 5\nEvent Name: CLR20r3\nResponse: Not available\n\nProblem signature:\nP1: C:\\Program Files\\dotnet\\dotnet.exe\nP8: 8\nP9: System.InvalidOperationException\nP10: ';
    const [h] = hits(text);
    expect(h!.signal).toBe('event-log.wer-clr-crash');
    expect(h!.facts.map((f) => [f.name, f.value])).toEqual([['exception', 'System.InvalidOperationException']]);
  });
});

describe('localisedCrashes', () => {
  it('finds a French Application Error by its shape', () => {
    const text = [
      'Nom de l’application défaillante w3wp.exe, version : 10.0.17763.1, horodatage : 0xcfdb13d8',
      'Nom du module défaillant : KERNELBASE.dll, version : 10.0.17763.5458, horodatage : 0x2e7b0ebb',
      'Code d’exception : 0xc0000409',
      'Décalage d’erreur : 0x000000000010fdb2',
    ].join('\n');
    const found = localisedCrashes(text, indexLines(text), () => false);
    expect(found).toHaveLength(1);
    expect(found[0]!.facts.map((f) => f.value)).toEqual([0xc0000409, 'event-log.crash-native', 'iis']);
  });

  it('reads full-width commas and colons (Chinese Windows)', () => {
    const text = [
      '错误应用程序名称: dotnet.exe，版本: 2.2.27207.3，时间戳: 0x5c0ab1b7',
      '错误模块名称: coreclr.dll，版本: 4.6.27207.3，时间戳: 0x5c0a9582',
      '异常代码：0xc00000fd',
    ].join('\n');
    const found = localisedCrashes(text, indexLines(text), () => false);
    expect(found).toHaveLength(1);
    expect(found[0]!.facts.map((f) => f.value)).toEqual([0xc00000fd, 'event-log.crash-stack-overflow']);
  });

  it('needs the exception code line', () => {
    const text = 'Tool.exe, Version: 1.2.3, Stamp: 0x12345678\nnothing else';
    expect(localisedCrashes(text, indexLines(text), () => false)).toEqual([]);
  });
});
