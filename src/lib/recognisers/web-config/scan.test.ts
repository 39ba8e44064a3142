import { describe, expect, it } from 'vitest';
import { attr, readTag, scanWebConfig } from './scan.ts';

describe('readTag', () => {
  it('reads attributes with spans and the tag end', () => {
    const s = `<aspNetCore processPath="dotnet"\n  arguments='.\\App.dll' />`;
    const t = readTag(s, 0, '<aspNetCore'.length, 'aspNetCore');
    expect(t.attrs.map((a) => [a.name, a.value, s.slice(a.span.start, a.span.end)])).toEqual([
      ['processPath', 'dotnet', 'processPath="dotnet"'],
      ['arguments', '.\\App.dll', "arguments='.\\App.dll'"],
    ]);
    expect(t.selfClosing).toBe(true);
    expect(t.ended).toBe(true);
    expect(t.errors).toEqual([]);
    expect(t.span.end).toBe(s.length);
  });
  it('says why a tag is not well-formed, but not when it is only cut off', () => {
    const err = (s: string) => readTag(s, 0, '<aspNetCore'.length, 'aspNetCore').errors;
    expect(err('<aspNetCore a="1" a="2" />')).toHaveLength(1);
    expect(err('<aspNetCore a="x&y" />')).toHaveLength(1);
    expect(err('<aspNetCore a="1"b="2" />')).toHaveLength(1);
    expect(err('<aspNetCore a=1 />')).toHaveLength(1);
    expect(err('<aspNetCore a="x &amp; y" />')).toEqual([]);
    const cut = readTag('<aspNetCore a="1"', 0, 11, 'aspNetCore');
    expect([cut.ended, cut.errors]).toEqual([false, []]);
  });
});

describe('scanWebConfig', () => {
  it('collects the element, its children, ANCM handlers, removes, locations and the root', () => {
    const s =
      '<configuration><location path="." inheritInChildApplications="false"><system.webServer><handlers>' +
      '<remove name="aspNetCore"/><add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2"/>' +
      '<add name="StaticFile" path="*" verb="*" modules="StaticFileModule"/></handlers>' +
      '<aspNetCore processPath="dotnet"><environmentVariables><environmentVariable name="A" value="1"/></environmentVariables>' +
      '<handlerSettings><handlerSetting name="debugLevel" value="FILE"/></handlerSettings></aspNetCore>' +
      '</system.webServer></location></configuration>';
    const r = scanWebConfig(s);
    expect(r.elements).toHaveLength(1);
    const el = r.elements[0];
    expect(el?.closed).toBe(true);
    expect(el && s.slice(el.span.start, el.span.end).endsWith('</aspNetCore>')).toBe(true);
    expect(el?.env.map((t) => attr(t, 'name')?.value)).toEqual(['A']);
    expect(el?.handlerSettings.map((t) => attr(t, 'value')?.value)).toEqual(['FILE']);
    expect(r.handlers.map((h) => attr(h, 'modules')?.value)).toEqual(['AspNetCoreModuleV2']);
    expect(r.removes).toHaveLength(1);
    expect(r.locations).toHaveLength(1);
    expect(r.configurations).toEqual([{ start: 0, end: s.length }]);
  });
  it('ignores children outside an aspNetCore element and other add entries', () => {
    const r = scanWebConfig('<appSettings><add key="a" value="b"/></appSettings><environmentVariable name="X" value="1"/>');
    expect(r.elements).toEqual([]);
    expect(r.handlers).toEqual([]);
  });
});
