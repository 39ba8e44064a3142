import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../engine/diagnose.ts';
import { expectLinear } from '../../../tests/support/linear.ts';
import { redact } from './redact.ts';

interface Row {
  text: string;
  secrets: string[];
}

function corpus(): Row[] {
  const lines = readFileSync(new URL('../../../tests/fixtures/redact/corpus.txt', import.meta.url), 'utf8').split('\n');
  const rows: Row[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line || line.startsWith('#') || line.startsWith('=>')) continue;
    const next = lines[i + 1] ?? '';
    if (!next.startsWith('=> ')) throw new Error(`corpus line ${i + 1} has no "=>" line after it`);
    rows.push({ text: line, secrets: next.slice(3).split(' | ') });
  }
  return rows;
}

describe('redact: the corpus', () => {
  const rows = corpus();
  it('has rows for every kind the issue names', () => {
    expect(rows.length).toBeGreaterThanOrEqual(20);
  });
  for (const row of rows) {
    it(`leaves none of ${row.secrets.join(', ')}`, () => {
      const out = redact(row.text).text;
      for (const s of row.secrets) expect(out, out).not.toContain(s);
    });
  }
});

describe('redact: placeholders', () => {
  it('gives the same value the same placeholder and different values different ones', () => {
    const r = redact('from 203.0.113.7 to 198.51.100.2, again 203.0.113.7; web1.contoso-shop.com and web2.contoso-shop.com, web1.contoso-shop.com');
    expect(r.text).toBe('from 10.0.0.1 to 10.0.0.2, again 10.0.0.1; host-1 and host-2, host-1');
    const ip = r.redactions.find((x) => x.original === '203.0.113.7');
    expect(ip).toMatchObject({ kind: 'ipv4', placeholder: '10.0.0.1', count: 2 });
  });

  it('keeps the cloud platform suffix and the well-known parts of identities', () => {
    expect(redact('https://orders-api.azurewebsites.net/health').text).toBe('https://host-1.azurewebsites.net/health');
    expect(redact('IIS APPPOOL\\OrdersPool').text).toBe('IIS APPPOOL\\pool-1');
    expect(redact('CONTOSO\\jdoe').text).toBe('DOMAIN-1\\user-1');
    expect(redact('C:\\Users\\jdoe\\source').text).toBe('C:\\Users\\user-1\\source');
  });

  it('keeps what diagnosis needs and what identifies nobody', () => {
    const kept = [
      'Now listening on: http://127.0.0.1:5000',
      'Now listening on: http://[::]:8080',
      'HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure',
      'System.Net.Http.HttpRequestException: Connection refused (localhost:5000)',
      'ASP.NET Core 8.0 on .NET 8, Microsoft.AspNetCore.Server.Kestrel',
      'C:\\inetpub\\wwwroot\\app\\web.config and .\\logs\\stdout and aspnetcorev2.dll',
      'NT AUTHORITY\\NETWORK SERVICE and BUILTIN\\IIS_IUSRS',
      'see https://learn.microsoft.com/aspnet/core/test/troubleshoot-azure-iis and nginx.org',
      "failed to start process with commandline 'dotnet .\\MyApp.dll', ErrorCode = '0x80070002'",
      '2024-03-05 10:14:22 W3SVC1 GET /api - 443 - 502 3 12002 120016',
      'Microsoft-IIS/10.0 nginx/1.24.0 version 10.0.17763.1',
      'appsettings.json web.config stdout.log',
    ];
    for (const k of kept) expect(redact(k).text).toBe(k);
  });

  it('lists what it replaced, once per value, in order of first appearance', () => {
    const r = redact('a 203.0.113.7 b CORP\\ann c 203.0.113.7');
    expect(r.redactions.map((x) => [x.kind, x.original, x.placeholder, x.count])).toEqual([
      ['ipv4', '203.0.113.7', '10.0.0.1', 2],
      ['domain', 'CORP', 'DOMAIN-1', 1],
      ['user', 'ann', 'user-1', 1],
    ]);
  });

  it('renders hostile text as text: it only replaces, never adds markup', () => {
    const evil = '<script>alert(1)</script> from 203.0.113.7';
    expect(redact(evil).text).toBe('<script>alert(1)</script> from 10.0.0.1');
  });
});

describe('redact: log structure survives', () => {
  it('a redacted IIS line diagnoses the same', () => {
    const line = '2024-03-05 10:14:22 10.1.4.27 POST /api/reports/export - 443 CORP\\jdoe 203.0.113.7 Mozilla/5.0 - 502 3 12002 120016';
    const before = diagnose(line).findings.map((f) => f.cause);
    const after = diagnose(redact(line).text).findings.map((f) => f.cause);
    expect(before[0]).toBe('request-timeout');
    expect(after).toEqual(before);
  });

  it('a redacted nginx line diagnoses the same', () => {
    const line = '2024/03/05 10:14:22 [error] 1234#1234: *56 connect() failed (111: Connection refused) while connecting to upstream, client: 198.51.100.23, server: api.northwindtraders.com, request: "GET / HTTP/1.1", upstream: "http://172.18.0.3:8080/", host: "api.northwindtraders.com"';
    const before = diagnose(line).findings.map((f) => f.cause);
    expect(before[0]).toBe('proxy-upstream-refused');
    expect(diagnose(redact(line).text).findings.map((f) => f.cause)).toEqual(before);
  });
});

describe('redact: robustness', () => {
  it('handles empty, binary and huge input', () => {
    expect(redact('')).toEqual({ text: '', redactions: [] });
    const binary = String.fromCharCode(...Array.from({ length: 512 }, (_, i) => i % 256));
    expect(typeof redact(binary).text).toBe('string');
  });

  it('stays linear on large and adversarial input', () => {
    const patterns = [
      '203.0.113.7 ', 'a.', 'a\\', '1.2.3.', 'ab:', 'eyJa.', 'x=y;+', 'Cookie: a=bcdef; ', 'host.example.co.', 'C:\\Users\\', '::', 'sig=',
      '2024-03-05 10:14:22 10.1.4.27 GET /api/x?code=abc&token=def - 443 CORP\\jdoe 203.0.113.7 Mozilla/5.0 .A=b;+C=d - 502 3 12002 120016\n',
    ];
    for (const p of patterns) expectLinear(JSON.stringify(p), (k) => p.repeat(k), (s) => redact(s), 2000);
  }, 120_000);
});
