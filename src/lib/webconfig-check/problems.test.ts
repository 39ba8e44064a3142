import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cpuMs, expectLinear } from '../../../tests/support/linear.ts';
import { CAUSE_IDS } from '../content/vocabulary.ts';
import { signals } from '../signals/web-config.ts';
import { ATTRIBUTES, checkWebConfig, duration, explainProblem, xmlErrorView } from './problems.ts';
import type { WebConfigCheck } from './problems.ts';

const read = (dir: string, name: string): string => readFileSync(new URL(`../../../tests/fixtures/${dir}/${name}`, import.meta.url), 'utf8');
const mine = (name: string) => checkWebConfig(read('web-config-checker', name));
const shared = (name: string) => checkWebConfig(read('web-config', name));
const ids = (c: WebConfigCheck) => c.problems.map((p) => p.id);
const row = (c: WebConfigCheck, name: string) => c.settings.find((r) => r.name === name);

const element = (attrs: string, handler = 'AspNetCoreModuleV2') =>
  `<configuration><location path="." inheritInChildApplications="false"><system.webServer><handlers><add name="aspNetCore" path="*" verb="*" modules="${handler}" resourceType="Unspecified" /></handlers><aspNetCore ${attrs} /></system.webServer></location></configuration>`;

describe('checkWebConfig: settings table', () => {
  it('lists every schema attribute with its effective value and default, marking what is written', () => {
    const c = shared('published-inprocess.config');
    expect(c.found).toBe(true);
    expect(c.wellFormed).toBe(true);
    expect(c.settings.map((r) => r.name)).toEqual(ATTRIBUTES.map((a) => a.name));
    expect(row(c, 'arguments')).toMatchObject({ written: '.\\Contoso.Shop.dll', effective: '.\\Contoso.Shop.dll', state: 'set' });
    expect(row(c, 'requestTimeout')).toMatchObject({ effective: '00:02:00 (2 min)', defaultValue: '00:02:00 (2 min)', state: 'default', appliesTo: 'out-of-process' });
    expect(row(c, 'requestTimeout')!.written).toBeUndefined();
    expect(row(c, 'startupTimeLimit')).toMatchObject({ effective: '120 s', state: 'default' });
    expect(c.hostingModel).toEqual({ value: 'in-process', source: 'attribute', written: 'inprocess' });
    expect(c.module).toEqual({ name: 'AspNetCoreModuleV2', version: 'V2' });
    expect(c.problems).toEqual([]);
  });

  it('shows written values in words and out-of-process settings as unused in process', () => {
    const c = checkWebConfig(element('processPath="dotnet" arguments=".\\A.dll" requestTimeout="01:30:00" startupTimeLimit="300" hostingModel="outofprocess"'));
    expect(row(c, 'requestTimeout')).toMatchObject({ written: '01:30:00', effective: '01:30:00 (1 h 30 min)', state: 'set' });
    expect(row(c, 'startupTimeLimit')).toMatchObject({ written: '300', effective: '300 s', state: 'set' });
    const ip = mine('selfcontained-inprocess.config');
    expect(row(ip, 'processesPerApplication')).toMatchObject({ written: '4', state: 'ignored' });
    expect(row(mine('requesttimeout-inprocess.config'), 'requestTimeout')).toMatchObject({ written: '00:10:00', state: 'ignored' });
  });

  it('marks values IIS rejects and caps rapid fails at 100', () => {
    const c = mine('out-of-range.config');
    expect(row(c, 'requestTimeout')).toMatchObject({ written: '400:00:00', state: 'invalid' });
    expect(row(c, 'startupTimeLimit')).toMatchObject({ written: '7200', state: 'invalid' });
    expect(row(c, 'stdoutLogEnabled')).toMatchObject({ written: 'yes', state: 'invalid' });
    expect(row(c, 'rapidFailsPerMinute')).toMatchObject({ written: '250', state: 'set' });
    expect(row(c, 'rapidFailsPerMinute')!.effective).toMatch(/^100 /);
    // The App Service front-end note is for a long timeout that works, not one IIS rejects.
    expect(c.notes.join(' ')).not.toMatch(/230 seconds/);
    const long = checkWebConfig(element('processPath="dotnet" arguments=".\\A.dll" hostingModel="outofprocess" requestTimeout="00:20:00"'));
    expect(long.notes.join(' ')).toMatch(/230 seconds/);
  });

  it('tells the default hosting model and the V1 module apart', () => {
    const none = checkWebConfig('<aspNetCore processPath="dotnet" arguments=".\\A.dll" />');
    expect(none.hostingModel).toEqual({ value: 'out-of-process', source: 'default' });
    expect(none.handlerFound).toBe(false);
    expect(none.notes.join(' ')).toMatch(/No hostingModel attribute/);
    expect(none.notes.join(' ')).toMatch(/No handler entry/);
    const v1 = shared('v1-module.config');
    expect(v1.module).toEqual({ name: 'AspNetCoreModule', version: 'V1' });
    expect(v1.hostingModel).toMatchObject({ value: 'out-of-process', source: 'v1-module', written: 'inprocess' });
    expect(row(v1, 'hostingModel')!.state).toBe('ignored');
  });

  it('lists environment variables and handler settings', () => {
    expect(mine('dotnet-run-arguments.config').environmentVariables).toEqual([{ name: 'ASPNETCORE_ENVIRONMENT', value: 'Development' }]);
    expect(mine('selfcontained-inprocess.config').handlerSettings).toEqual([
      { name: 'debugLevel', value: 'FILE,TRACE' },
      { name: 'debugFile', value: '.\\logs\\ancm-debug.log' },
    ]);
  });
});

describe('checkWebConfig: problems', () => {
  it('flags requestTimeout with in-process hosting and links the request-timeout article', () => {
    const c = mine('requesttimeout-inprocess.config');
    expect(ids(c)).toEqual(['web-config.request-timeout-inprocess']);
    expect(c.problems[0]).toMatchObject({ severity: 'warning', attribute: 'requestTimeout', cause: 'request-timeout', article: '/causes/request-timeout/' });
    expect(c.problems[0]!.causeTitle).not.toBe('request-timeout');
    // Out of process the same value is fine.
    expect(ids(checkWebConfig(element('processPath="dotnet" arguments=".\\A.dll" requestTimeout="00:10:00" hostingModel="outofprocess"')))).toEqual([]);
  });

  it('flags out-of-range and malformed values, errors first', () => {
    const c = mine('out-of-range.config');
    expect(ids(c)).toEqual(['web-config.invalid-value', 'web-config.invalid-value', 'web-config.invalid-value']);
    expect(c.problems.map((p) => p.attribute)).toEqual(['requestTimeout', 'startupTimeLimit', 'stdoutLogEnabled']);
    expect(c.problems.every((p) => p.cause === 'web-config-invalid' && p.severity === 'error')).toBe(true);
    for (const bad of ['00:60:00', '1:2', 'two minutes', '360:00:01']) {
      expect(ids(checkWebConfig(element(`processPath="dotnet" arguments=".\\A.dll" requestTimeout="${bad}"`))), bad).toContain('web-config.invalid-value');
    }
    expect(ids(checkWebConfig(element('processPath="dotnet" arguments=".\\A.dll" requestTimeout="360:00:00"')))).not.toContain('web-config.invalid-value');
  });

  it('flags dotnet with arguments that run an SDK command instead of the app .dll as wrong-arguments', () => {
    const c = mine('dotnet-run-arguments.config');
    expect(ids(c)).toEqual(['web-config.dotnet-arguments-sdk-command', 'web-config.stdout-log-enabled', 'web-config.no-inherit-guard']);
    expect(c.problems[0]).toMatchObject({ cause: 'wrong-arguments', severity: 'error', attribute: 'arguments' });
    expect(c.problems[0]!.detail).toContain('run --project');
    expect(c.problems[1]).toMatchObject({ cause: 'stdout-log-unwritable', severity: 'warning' });
    expect(c.problems[2]).toMatchObject({ cause: 'subapp-inherits-handlers', severity: 'note' });
    expect(c.notes.join(' ')).toMatch(/ASPNETCORE_ENVIRONMENT is Development/);
    expect(ids(checkWebConfig(element('processPath="C:\\Program Files\\dotnet\\dotnet.exe" arguments=""')))).toContain('web-config.dotnet-arguments-empty');
    expect(ids(checkWebConfig(element('processPath="dotnet" arguments="App"')))).toContain('web-config.dotnet-arguments-not-dll');
    expect(ids(checkWebConfig(element('processPath="dotnet" arguments="exec .\\App.dll --urls http://+:80"')))).toEqual([]);
  });

  it('flags the V1 module with in-process hosting', () => {
    const c = shared('v1-module.config');
    expect(ids(c)).toContain('web-config.v1-module-inprocess');
    expect(c.problems[0]!.severity).toBe('error');
    expect(ids(checkWebConfig(element('processPath="dotnet" arguments=".\\A.dll"', 'AspNetCoreModule')))).toEqual(['web-config.v1-module']);
  });

  it('notes an .exe hosted in process (single-file publish cannot work there)', () => {
    const c = mine('selfcontained-inprocess.config');
    expect(ids(c)).toEqual(['web-config-check.exe-inprocess']);
    expect(c.problems[0]).toMatchObject({ severity: 'note', cause: 'app-dll-not-found', attribute: 'processPath' });
    expect(c.notes.join(' ')).toMatch(/debug log is on \(debugLevel "FILE,TRACE"\), written to \.\\logs\\ancm-debug\.log/);
    expect(ids(checkWebConfig(element('processPath=".\\App.exe" hostingModel="outofprocess"')))).toEqual([]);
  });

  it('flags duplicate handlers and a missing inheritance guard', () => {
    const c = shared('subapp-duplicate.config');
    expect(ids(c)).toEqual(expect.arrayContaining(['web-config.duplicate-handler', 'web-config.no-inherit-guard', 'web-config.unknown-hosting-model']));
    expect(c.problems.find((p) => p.id === 'web-config.duplicate-handler')).toMatchObject({ cause: 'subapp-inherits-handlers', severity: 'error' });
    // A fragment without <configuration> cannot tell whether the guard is there.
    expect(ids(checkWebConfig('<handlers><add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" /></handlers><aspNetCore processPath="dotnet" arguments=".\\A.dll" />'))).toEqual([]);
  });

  it('flags attribute names IIS does not know, including letter case', () => {
    const c = mine('misspelt-attributes.config');
    expect(ids(c)).toEqual(['web-config-check.unknown-attribute', 'web-config-check.unknown-attribute']);
    expect(c.problems.map((p) => p.attribute)).toEqual(['RequestTimeout', 'stdoutLogFolder']);
    expect(c.problems[0]!.detail).toMatch(/"requestTimeout"/);
    expect(row(c, 'requestTimeout')!.state).toBe('invalid');
    // Namespaced attributes (config transforms) are not the schema's business.
    expect(ids(checkWebConfig(element('processPath="dotnet" arguments=".\\A.dll" xdt:Transform="SetAttributes"')))).toEqual([]);
  });

  it('reports malformed XML with the parser message and the line of the pasted text', () => {
    const c = mine('malformed-after-blank-lines.config');
    expect(c.wellFormed).toBe(false);
    expect(c.xmlError).toMatchObject({ line: 10, column: 3, text: '  </system.webServer>' });
    expect(c.xmlError!.message).toMatch(/closing tag 'aspNetCore' \(opened in line 9, col 5\)/);
    expect(c.problems[0]).toMatchObject({ id: 'web-config.invalid-xml', cause: 'web-config-invalid', severity: 'error' });
    expect(c.problems[0]!.detail).toMatch(/\(line 10, column 3\)$/);
    // The settings are still read from the broken file.
    expect(row(c, 'arguments')!.written).toBe('.\\Contoso.dll');
    const oneLine = checkWebConfig('<?xml version="1.0"?><aspNetCore processPath="dotnet" arguments="a.dll"></aspnetcore>');
    expect(oneLine.xmlError).toMatchObject({ line: 1, column: 73 });
  });

  it('keeps markup in values as plain strings', () => {
    const c = mine('hostile.config');
    expect(c.hostingModel.written).toBe('<script>window.__pwned=21</script>');
    expect(c.environmentVariables[0]).toEqual({ name: '<b>X</b>', value: '<iframe srcdoc="x"></iframe>' });
    expect(ids(c)).toContain('web-config.unknown-hosting-model');
  });

  it('links every problem to a real cause, with a title and an explanation', () => {
    const all = ['requesttimeout-inprocess.config', 'dotnet-run-arguments.config', 'out-of-range.config', 'misspelt-attributes.config', 'selfcontained-inprocess.config', 'malformed-after-blank-lines.config', 'hostile.config']
      .map(mine)
      .concat(['subapp-duplicate.config', 'v1-module.config', 'forum-fragment.txt', 'no-hosting-model.txt', 'invalid-xml.config'].map(shared));
    const problems = all.flatMap((c) => c.problems);
    expect(new Set(problems.map((p) => p.id)).size).toBeGreaterThanOrEqual(12);
    for (const p of problems) {
      expect(CAUSE_IDS.has(p.cause), p.id).toBe(true);
      expect(p.article).toBe(`/causes/${p.cause}/`);
      expect(p.explanation.length, p.id).toBeGreaterThan(40);
      expect(p.title.length, p.id).toBeGreaterThan(5);
    }
  });

  it('has an explanation and a real cause for every web-config signal the rules can raise', () => {
    for (const s of signals) {
      const p = explainProblem(s.id, 'detail');
      expect(p.explanation.length, s.id).toBeGreaterThan(40);
      expect(CAUSE_IDS.has(p.cause), s.id).toBe(true);
      expect(p.title, s.id).not.toMatch(/^web-config\./);
    }
  });
});

describe('checkWebConfig: any input', () => {
  it('handles text without an aspNetCore element', () => {
    const c = shared('no-aspnetcore.config');
    expect(c.found).toBe(false);
    expect(c.settings).toEqual([]);
    expect(checkWebConfig('').found).toBe(false);
    expect(checkWebConfig(42 as unknown as string).found).toBe(false);
  });

  it('never throws and stays linear on adversarial input', { timeout: 120_000, retry: 2 }, () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('<aspNetCore ', 'processPath="', 'dotnet', '"', '<', '>', '/>', ' requestTimeout="', '<configuration>', '&', '\n', '<?xml ?>'), { maxLength: 50 }), (parts) => {
        const c = checkWebConfig(parts.join(''));
        expect(Array.isArray(c.problems)).toBe(true);
      }),
      { numRuns: 300 },
    );
    for (const unit of ['<', '"', '0', ' ', '\n', '<aspNetCore a="', '<add name="aspNetCore" modules="AspNetCoreModuleV2" />']) {
      expectLinear(JSON.stringify(unit), (n) => unit.repeat(n), checkWebConfig, Math.ceil(16_000 / unit.length), { clock: cpuMs, maxGrowth: 1, runs: 5 });
    }
  });
});

describe('duration and xmlErrorView', () => {
  it('writes durations in words', () => {
    expect(duration(120)).toBe('2 min');
    expect(duration(5400)).toBe('1 h 30 min');
    expect(duration(1_296_000)).toBe('15 days');
    expect(duration(45)).toBe('45 s');
    expect(duration(0)).toBe('0 s');
  });

  it('keeps a message without a position as it is', () => {
    expect(xmlErrorView('<a>', 'The value of x has a bare "&" (write &amp;).')).toEqual({ message: 'The value of x has a bare "&" (write &amp;).' });
  });
});
