import { describe, expect, it } from 'vitest';
import type { RawConfig } from './rules.ts';
import { checkConfig, hostingModelOf, isDotnet, timeSpanSeconds } from './rules.ts';

const config = (attrs: Record<string, string>, extra: Partial<RawConfig> = {}): RawConfig => ({
  element: {
    elementName: 'aspNetCore',
    attrs: Object.entries(attrs).map(([name, value]) => ({ name, value })),
    env: [],
    handlerSettings: [],
    complete: true,
  },
  handlers: [{ name: 'aspNetCore', modules: 'AspNetCoreModuleV2' }],
  removesAspNetCore: 0,
  wholeFile: false,
  ...extra,
});
const signals = (c: RawConfig) => checkConfig(c).map((p) => p.signal);

describe('timeSpanSeconds', () => {
  it('reads IIS timeSpans and rejects minutes or seconds of 60 and more', () => {
    expect(timeSpanSeconds('00:02:00')).toBe(120);
    expect(timeSpanSeconds('360:00:00')).toBe(1_296_000);
    expect(timeSpanSeconds('1.00:00:30')).toBe(86_430);
    expect(timeSpanSeconds('00:60:00')).toBeUndefined();
    expect(timeSpanSeconds('120')).toBeUndefined();
  });
});

describe('checkConfig', () => {
  it('accepts a plain framework-dependent configuration', () => {
    expect(signals(config({ processPath: 'dotnet', arguments: '.\\App.dll', hostingModel: 'inprocess' }))).toEqual([]);
    expect(signals(config({ processPath: '.\\App.exe', hostingModel: 'InProcess' }))).toEqual([]);
    expect(signals(config({ processPath: '%LAUNCHER_PATH%', arguments: '%LAUNCHER_ARGS%' }))).toEqual([]);
  });
  it('checks arguments against processPath dotnet', () => {
    expect(signals(config({ processPath: 'C:\\Program Files\\dotnet\\dotnet.exe', arguments: 'exec App' }))).toEqual([
      'web-config.dotnet-arguments-not-dll',
    ]);
    expect(signals(config({ processPath: 'dotnet', arguments: '' }))).toEqual(['web-config.dotnet-arguments-empty']);
    expect(signals(config({ processPath: 'dotnet', arguments: 'run .\\App.dll' }))).toEqual(['web-config.dotnet-arguments-sdk-command']);
    expect(signals(config({ processPath: 'dotnet', arguments: 'watch run' }))).toEqual(['web-config.dotnet-arguments-sdk-command']);
    expect(signals(config({ processPath: 'dotnet', arguments: 'exec .\\App.dll' }))).toEqual([]);
    expect(signals(config({ processPath: 'dotnet', arguments: '"C:\\sites\\my app\\App.dll"' }))).toEqual([]);
  });
  it('names the 32-bit dotnet host as processPath', () => {
    for (const pp of ['C:\\Program Files (x86)\\dotnet\\dotnet.exe', '"%ProgramFiles(x86)%\\dotnet\\dotnet.exe"']) {
      expect(signals(config({ processPath: pp, arguments: '.\\App.dll' })), pp).toEqual(['web-config.dotnet-x86-host']);
    }
    expect(signals(config({ processPath: 'C:\\Program Files\\dotnet\\dotnet.exe', arguments: '.\\App.dll' }))).toEqual([]);
    // an app of one's own under Program Files (x86) is not the dotnet host
    expect(signals(config({ processPath: 'C:\\Program Files (x86)\\dotnet\\tools\\App.exe' }))).toEqual([]);
  });
  it('checks in-process specifics', () => {
    expect(signals(config({ processPath: '.\\App.dll', hostingModel: 'inprocess' }))).toEqual([
      'web-config.process-path-not-exe-inprocess',
    ]);
    expect(signals(config({ processPath: '.\\App', hostingModel: 'inprocess' }))).toEqual([]);
    expect(signals(config({ processPath: 'dotnet', arguments: 'a.dll', hostingModel: 'inprocess', requestTimeout: '00:05:00' }))).toEqual([
      'web-config.request-timeout-inprocess',
    ]);
  });
  it('names a processPath out of process that Windows would not start', () => {
    // An extension other than .exe: Windows adds .exe only to a name without one.
    expect(signals(config({ processPath: '.\\SomeService.Api ' }))).toEqual(['web-config.process-path-not-executable']);
    expect(signals(config({ processPath: '.\\App.dll', hostingModel: 'outofprocess' }))).toEqual(['web-config.process-path-not-executable']);
    for (const pp of ['.\\App.exe', '.\\App', 'C:\\tools\\start.cmd', 'run.bat', 'C:\\Program Files\\nodejs\\node']) {
      expect(signals(config({ processPath: pp })), pp).toEqual([]);
    }
    // in process the in-process rule says it, once
    expect(signals(config({ processPath: '.\\App.Api', hostingModel: 'inprocess' }))).toEqual(['web-config.process-path-not-exe-inprocess']);
  });
  it('names %LAUNCHER_ARGS% left beside a real processPath', () => {
    expect(signals(config({ processPath: '.\\MyApp.exe', arguments: '%LAUNCHER_ARGS%' }))).toEqual(['web-config.launcher-args-placeholder']);
    expect(signals(config({ processPath: 'dotnet', arguments: '%LAUNCHER_ARGS%' }))).toEqual(['web-config.launcher-args-placeholder']);
    expect(signals(config({ processPath: '.\\MyApp.exe', arguments: '--urls http://localhost:5000' }))).toEqual([]);
  });
  it('checks ranges and types', () => {
    const base = { processPath: 'dotnet', arguments: 'a.dll' };
    expect(signals(config({ ...base, requestTimeout: '361:00:00' }))).toEqual(['web-config.invalid-value']);
    expect(signals(config({ ...base, startupTimeLimit: '3601' }))).toEqual(['web-config.invalid-value']);
    expect(signals(config({ ...base, startupTimeLimit: '5' }))).toEqual(['web-config.startup-time-limit-low']);
    expect(signals(config({ ...base, processesPerApplication: '0' }))).toEqual(['web-config.invalid-value']);
    expect(signals(config({ ...base, stdoutLogEnabled: 'yes' }))).toEqual(['web-config.invalid-value']);
    expect(signals(config({ ...base, stdoutLogEnabled: 'True' }))).toEqual(['web-config.stdout-log-enabled']);
  });
  it('checks the handler entries and the document', () => {
    const base = { processPath: 'dotnet', arguments: 'a.dll' };
    const two = [
      { name: 'aspNetCore', modules: 'AspNetCoreModuleV2' },
      { name: 'aspNetCore', modules: 'AspNetCoreModuleV2' },
    ];
    expect(signals(config(base, { handlers: two }))).toEqual(['web-config.duplicate-handler']);
    expect(signals(config(base, { handlers: two, removesAspNetCore: 1 }))).toEqual([]);
    expect(signals(config(base, { wholeFile: true }))).toEqual(['web-config.no-inherit-guard']);
    expect(signals(config(base, { wholeFile: true, inheritInChildApplications: 'false' }))).toEqual([]);
    expect(signals(config(base, { handlers: [{ name: 'aspNetCore', modules: 'AspNetCoreModule' }] }))).toEqual([
      'web-config.v1-module',
    ]);
    expect(signals(config(base, { xmlError: 'bad' }))).toEqual(['web-config.invalid-xml']);
  });
  it('reads hosting models and the dotnet host', () => {
    expect(hostingModelOf(config({}))).toBe('outofprocess');
    expect(hostingModelOf(config({ hostingModel: '' }))).toBe('outofprocess');
    expect(hostingModelOf(config({ hostingModel: 'InProcess' }))).toBe('inprocess');
    expect(hostingModelOf(config({ hostingModel: 'in-process' }))).toBe('invalid');
    expect(isDotnet('"C:\\Program Files\\dotnet\\dotnet.exe"')).toBe(true);
    expect(isDotnet('.\\dotnetapp.exe')).toBe(false);
  });
});
