import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexLines } from '../../engine/lines.ts';
import type { Fact } from '../../engine/types.ts';
import { signals } from '../../signals/web-config.ts';
import { recogniser } from './recogniser.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../tests/fixtures/web-config/${name}`, import.meta.url), 'utf8');

const run = (text: string): Fact[] => recogniser.recognise(text, indexLines(text));
const values = (facts: Fact[], name: string): (string | number)[] =>
  facts.filter((f) => f.name === name).map((f) => f.value);
const spanOf = (text: string, facts: Fact[], name: string, value: string): string | undefined => {
  const f = facts.find((x) => x.name === name && x.value === value);
  return f && text.slice(f.span.start, f.span.end);
};

describe('web-config recogniser: fixtures', () => {
  it('reads a published in-process web.config without raising problems', () => {
    const text = fixture('published-inprocess.config');
    const facts = run(text);
    expect(values(facts, 'setting')).toEqual([
      'module=AspNetCoreModuleV2',
      'inheritInChildApplications=false',
      'processPath=dotnet',
      'arguments=.\\Contoso.Shop.dll',
      'stdoutLogEnabled=false',
      'stdoutLogFile=.\\logs\\stdout',
      'hostingModel=inprocess',
    ]);
    expect(spanOf(text, facts, 'setting', 'hostingModel=inprocess')).toBe('hostingModel="inprocess"');
    expect(values(facts, 'hosting-model')).toEqual(['in-process']);
    expect(values(facts, 'signal')).toEqual([]);
    // Every non-blank line of the file is placed, once.
    const nonBlank = text.split('\n').filter((l) => l.trim() !== '').length;
    expect(values(facts, 'placed').length).toBe(nonBlank);
  });

  it('reads out-of-process settings, environment variables and handler settings', () => {
    const text = fixture('outofprocess-tuned.config');
    const facts = run(text);
    const settings = values(facts, 'setting');
    expect(settings).toContain('requestTimeout=00:20:00');
    expect(settings).toContain('startupTimeLimit=300');
    expect(settings).toContain('env:ASPNETCORE_ENVIRONMENT=Staging');
    expect(settings).toContain('handlerSetting:debugLevel=FILE,TRACE');
    expect(values(facts, 'hosting-model')).toEqual(['out-of-process']);
    expect(values(facts, 'signal')).toEqual([]);
  });

  it('finds the problems in an element quoted in a question', () => {
    const text = fixture('forum-fragment.txt');
    const facts = run(text);
    expect(values(facts, 'signal').sort()).toEqual(
      [
        'web-config.dotnet-arguments-not-dll',
        'web-config.invalid-value',
        'web-config.request-timeout-inprocess',
        'web-config.stdout-log-enabled',
      ].sort(),
    );
    const args = facts.find((f) => f.value === 'web-config.dotnet-arguments-not-dll');
    expect(args && text.slice(args.span.start, args.span.end)).toBe('arguments="Contoso.Api"');
    expect(values(facts, 'hosting-model')).toEqual(['in-process']);
    // Only the element's two lines are placed, not the prose.
    expect(values(facts, 'placed')).toHaveLength(2);
  });

  it('flags in-process hosting with the V1 module', () => {
    const facts = run(fixture('v1-module.config'));
    expect(values(facts, 'signal')).toContain('web-config.v1-module-inprocess');
    expect(values(facts, 'signal')).not.toContain('web-config.v1-module');
    expect(values(facts, 'setting')).toContain('module=AspNetCoreModule');
    expect(values(facts, 'hosting-model')).toEqual(['out-of-process']);
  });

  it('flags XML that is not well-formed and points at the line', () => {
    const text = fixture('invalid-xml.config');
    const facts = run(text);
    expect(values(facts, 'signal')).toContain('web-config.invalid-xml');
    const f = facts.find((x) => x.value === 'web-config.invalid-xml');
    expect(f && f.span.end > f.span.start).toBe(true);
  });

  it('flags duplicate handlers, a missing inheritance guard, a bad hostingModel and odd limits', () => {
    const facts = run(fixture('subapp-duplicate.config'));
    expect(values(facts, 'signal').sort()).toEqual(
      [
        'web-config.duplicate-handler',
        'web-config.invalid-value',
        'web-config.no-inherit-guard',
        'web-config.startup-time-limit-low',
        'web-config.unknown-hosting-model',
      ].sort(),
    );
    expect(values(facts, 'hosting-model')).toEqual([]);
  });

  it('flags a mis-cased element and takes an absent hostingModel as out of process', () => {
    const facts = run(fixture('no-hosting-model.txt'));
    expect(values(facts, 'signal')).toEqual(['web-config.element-case']);
    expect(values(facts, 'hosting-model')).toEqual(['out-of-process']);
  });

  it('ignores a web.config without the ASP.NET Core Module (near miss)', () => {
    expect(run(fixture('no-aspnetcore.config'))).toEqual([]);
  });
});

describe('web-config recogniser: markup problems in fragments', () => {
  it('reports an unterminated value, a duplicate attribute and a bare ampersand', () => {
    for (const el of [
      '<aspNetCore processPath="dotnet arguments=".\\App.dll" />',
      '<aspNetCore processPath="dotnet" processPath="dotnet" arguments=".\\App.dll" />',
      '<aspNetCore processPath="dotnet" arguments=".\\App.dll a&b" />',
      '<aspNetCore processPath=dotnet />',
    ]) {
      expect(values(run(el), 'signal'), el).toContain('web-config.invalid-xml');
    }
  });
  it('does not call an element cut off at the end of a paste malformed', () => {
    const facts = run('<aspNetCore processPath="dotnet" arguments=".\\App.dll"');
    expect(values(facts, 'signal')).toEqual([]);
    expect(values(facts, 'setting')).toEqual(['processPath=dotnet', 'arguments=.\\App.dll']);
  });
  it('emits only registered signals', () => {
    const ids = new Set(signals.map((s) => s.id));
    for (const f of ['forum-fragment.txt', 'subapp-duplicate.config', 'invalid-xml.config', 'v1-module.config']) {
      for (const s of values(run(fixture(f)), 'signal')) expect(ids.has(s as string), String(s)).toBe(true);
    }
  });
});


describe('web-config recogniser: deployed mistakes', () => {
  it("reads Visual Studio's expanded launcher arguments left in a published file", () => {
    const text = '<aspNetCore processPath="dotnet" arguments=".\\Shop.dll -argFile IISExeLauncherArgs.txt" stdoutLogEnabled="false" />';
    const facts = run(text);
    expect(spanOf(text, facts, 'signal', 'web-config.vs-launcher-arguments')).toBe('arguments=".\\Shop.dll -argFile IISExeLauncherArgs.txt"');
    expect(values(run('<aspNetCore processPath="dotnet" arguments=".\\Shop.dll" />'), 'signal')).not.toContain('web-config.vs-launcher-arguments');
  });

  it('flags processPath left as the Visual Studio placeholder, on the attribute', () => {
    const text = '<aspNetCore processPath="%LAUNCHER_PATH%" arguments="%LAUNCHER_ARGS%" hostingModel="InProcess" />';
    const facts = run(text);
    expect(values(facts, 'signal')).toEqual(['web-config.launcher-placeholder']);
    expect(spanOf(text, facts, 'signal', 'web-config.launcher-placeholder')).toBe('processPath="%LAUNCHER_PATH%"');
    expect(values(run('<aspNetCore processPath="dotnet" arguments=".\\App.dll" />'), 'signal')).toEqual([]);
  });
  it('reads an element whose name lost the space before a transform attribute as a misspelt element', () => {
    const text = '<aspNetCorexdt:Transform="SetAttributes(startupTimeLimit)" startupTimeLimit="300">';
    const facts = run(text);
    expect(values(facts, 'signal')).toContain('web-config.element-case');
    expect(run('<aspNetCore.Something>')).not.toEqual([]);
    expect(run('<aspNetCoreish' + 'x'.repeat(100) + ' processPath="dotnet" />')).toEqual([]);
  });
});
