import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexLines } from '../../engine/lines.ts';
import { recogniser } from './recogniser.ts';
import { readAspNetCoreSettings } from './settings.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../tests/fixtures/web-config/${name}`, import.meta.url), 'utf8');
const signalsOf = (text: string): string[] =>
  recogniser
    .recognise(text, indexLines(text))
    .filter((f) => f.name === 'signal')
    .map((f) => String(f.value));

describe('readAspNetCoreSettings', () => {
  it('fills in ANCM defaults and notes an absent hostingModel', () => {
    const s = readAspNetCoreSettings('<aspNetCore processPath="dotnet" arguments=".\\App.dll" />');
    expect(s).toMatchObject({
      found: true,
      wellFormed: true,
      processPath: 'dotnet',
      arguments: '.\\App.dll',
      hostingModel: 'outofprocess',
      hostingModelSource: 'default',
      requestTimeout: '00:02:00',
      requestTimeoutMs: 120_000,
      startupTimeLimit: 120,
      shutdownTimeLimit: 10,
      rapidFailsPerMinute: 10,
      processesPerApplication: 1,
      stdoutLogEnabled: false,
      stdoutLogFile: '.\\aspnetcore-stdout',
      forwardWindowsAuthToken: true,
      disableStartUpErrorPage: false,
      explicit: ['processPath', 'arguments'],
      problems: [],
    });
    expect(s.notes.join(' ')).toMatch(/out of process/);
  });

  it('reads a whole file with fast-xml-parser: module, inheritance, children', () => {
    const s = readAspNetCoreSettings(fixture('outofprocess-tuned.config'));
    expect(s.wellFormed).toBe(true);
    expect(s.module).toBe('AspNetCoreModuleV2');
    expect(s.inheritInChildApplications).toBe(false);
    expect(s.hostingModel).toBe('outofprocess');
    expect(s.hostingModelSource).toBe('attribute');
    expect(s.requestTimeoutMs).toBe(1_200_000);
    expect(s.startupTimeLimit).toBe(300);
    expect(s.environmentVariables).toEqual({
      ASPNETCORE_ENVIRONMENT: 'Staging',
      ConnectionStrings__Main: 'Server=db;Database=reports;Trusted_Connection=True',
    });
    expect(s.handlerSettings).toEqual({ debugFile: '.\\logs\\aspnetcore-debug.log', debugLevel: 'FILE,TRACE' });
  });

  it('falls back to the scanner for broken XML and still reports the settings', () => {
    const s = readAspNetCoreSettings(fixture('invalid-xml.config'));
    expect(s.wellFormed).toBe(false);
    expect(s.xmlError).toBeTruthy();
    expect(s.found).toBe(true);
    expect(s.hostingModel).toBe('inprocess');
    expect(s.environmentVariables).toEqual({ ASPNETCORE_ENVIRONMENT: 'Production' });
    expect(s.problems.map((p) => p.signal)).toContain('web-config.invalid-xml');
  });

  it('agrees with the recogniser on problems for the same text', () => {
    for (const f of ['forum-fragment.txt', 'subapp-duplicate.config', 'v1-module.config', 'published-inprocess.config']) {
      const text = fixture(f);
      const fromWidget = readAspNetCoreSettings(text.slice(text.indexOf('<'), text.lastIndexOf('>') + 1))
        .problems.map((p) => p.signal)
        .sort();
      expect(fromWidget, f).toEqual(signalsOf(text).sort());
    }
  });

  it('reports a bare ampersand the XML validator lets through', () => {
    const s = readAspNetCoreSettings('<aspNetCore processPath="dotnet" arguments=".\\App.dll a&b" />');
    expect(s.wellFormed).toBe(false);
    expect(s.problems.map((p) => p.signal)).toEqual(['web-config.invalid-xml']);
  });

  it('handles input with no aspNetCore element and non-string input', () => {
    expect(readAspNetCoreSettings('<configuration />').found).toBe(false);
    expect(readAspNetCoreSettings(undefined as unknown as string).found).toBe(false);
  });
});

