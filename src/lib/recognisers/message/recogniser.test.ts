import { describe, expect, it } from 'vitest';
import { createMatcher } from './matcher.ts';
import { recogniser } from './recogniser.ts';
import { indexLines } from '../../engine/lines.ts';
import { MESSAGES } from './catalogue.ts';
import { expectLinear } from '../../../../tests/support/linear.ts';

const TEXTS = [
  "Application '{app}' with physical root '{root}' failed to start process with commandline '{cmd}', ErrorCode = '{hr}'.",
  'HTTP Error 500.38 - ANCM Application DLL Not Found',
  'An attempt was made to access a socket in a way forbidden by its access permissions.',
  'connect() failed (111: Connection refused) while connecting to upstream',
  'upstream timed out (110: Connection timed out) while reading response header from upstream',
  '由于目标计算机积极拒绝，无法连接。',
];
const m = createMatcher(TEXTS);
const entries = (input: string) => m.match(input).map((x) => x.entry);

describe('message matcher', () => {
  it('finds a whole message and points its span into the original input', () => {
    const input = 'xx HTTP Error 500.38 - ANCM Application DLL Not Found yy';
    const [hit] = m.match(input);
    expect(hit?.entry).toBe(1);
    expect(hit?.complete).toBe(true);
    expect(input.slice(hit!.start, hit!.end)).toBe('HTTP Error 500.38 - ANCM Application DLL Not Found');
  });

  it('ignores case, extra white space and line breaks inside the message', () => {
    const input = 'an ATTEMPT was made   to access a socket\r\n   in a way forbidden by its\naccess permissions.';
    const hits = m.match(input);
    expect(hits.map((h) => h.entry)).toEqual([2]);
    // The span ends at the last word: edge punctuation varies between copies and is not matched.
    expect(input.slice(hits[0]!.start, hits[0]!.end)).toBe(input.slice(0, -1));
  });

  it('reads typographic dashes and quotes as their ASCII forms', () => {
    expect(entries('HTTP Error 500.38 – ANCM Application DLL Not Found')).toEqual([1]);
    expect(entries('HTTP Error 500.38 — ANCM Application DLL Not Found')).toEqual([1]);
    expect(entries('Application “/LM/W3SVC/1/ROOT” with physical root ‘C:\\site\\’ failed to start process with commandline ‘dotnet app.dll’, ErrorCode = ‘0x80004005’.')).toEqual([0]);
  });

  it('accepts any value in a placeholder, including long ones', () => {
    const path = 'C:\\inetpub\\' + 'deep\\'.repeat(40);
    expect(entries(`Application '/LM/W3SVC/2/ROOT' with physical root '${path}' failed to start process with commandline '"C:\\Program Files\\dotnet\\dotnet.exe" .\\app.dll', ErrorCode = '0x80070002'.`)).toEqual([0]);
  });

  it('does not bridge a placeholder between blanks that holds no value at all', () => {
    const m2 = createMatcher(['service {service} does not have any active endpoints']);
    expect(m2.match('service default/api does not have any active endpoints').map((h) => h.complete)).toEqual([true]);
    expect(m2.match('App Service does not have the runtime')).toEqual([]);
  });

  it('matches a message cut at the start or the end', () => {
    expect(entries('ANCM Application DLL Not Found')).toEqual([1]);
    expect(entries('access a socket in a way forbidden by its access')).toEqual([2]);
    expect(entries("with physical root 'C:\\app\\' failed to start process with commandline")).toEqual([0]);
  });

  it('matches the whole opening of a message cut inside its first value, but not half an opening', () => {
    const opening = createMatcher(["Access to the path '{path}' is denied.", 'The file {name} was not found in the store.']);
    const cut = "Access to the path 'C:\\WINDOWS\\system32\\config\\systemprofile\\AppData\\Local\\ASP.NET\\DataProtection-Keys\\";
    const hits = opening.match(cut);
    expect(hits.map((h) => [h.entry, h.complete])).toEqual([[0, false]]);
    expect(cut.slice(hits[0]!.start, hits[0]!.end)).toBe('Access to the path');
    expect(opening.match('I have access to the')).toEqual([]);
    expect(opening.match('The file x.json')).toEqual([]);
  });

  it('matches translations written without spaces (CJK)', () => {
    expect(entries('System.Net.Sockets.SocketException (10061): 由于目标计算机积极拒绝，无法连接。 127.0.0.1:5000')).toEqual([5]);
  });

  it('prefers the longer message when one contains a shorter one', () => {
    const hits = m.match('upstream timed out (110: Connection timed out) while reading response header from upstream, client: 1.2.3.4');
    expect(hits.map((h) => h.entry)).toEqual([4]);
    expect(hits[0]?.complete).toBe(true);
  });

  it('finds nothing in unrelated text, in single shared words or inside other words', () => {
    expect(entries('The quick brown fox jumps over the lazy dog. Everything is fine; requests took 20 ms.')).toEqual([]);
    expect(entries('upstream')).toEqual([]);
    const short = createMatcher(['no healthy upstream']);
    expect(short.match('no healthy upstreams').length).toBe(0);
    expect(short.match('ano healthy upstream').length).toBe(0);
    expect(short.match('503 no healthy upstream').length).toBe(1);
    expect(entries('')).toEqual([]);
  });

  it('finds every occurrence, each with its own span', () => {
    const line = 'connect() failed (111: Connection refused) while connecting to upstream';
    const input = `${line}\n${line}\n`;
    const hits = m.match(input);
    expect(hits.map((h) => [h.start, h.end])).toEqual([
      [0, line.length],
      [line.length + 1, 2 * line.length + 1],
    ]);
  });

  it('runs in time linear in the input', () => {
    const block = 'info: nothing to see here 127.0.0.1:5000 GET /api 200\nconnect() failed (111: Connection refused) while connecting to upstream\n由于目标计算机积极拒绝，无法连接。\n';
    expectLinear('message matcher', (n) => block.repeat(n), (text) => m.match(text).length, 500);
  }, 60_000);

  it('builds over the whole catalogue and stays linear there', () => {
    const full = createMatcher(MESSAGES.map((e) => e.text));
    const block = 'web-1  | fail: Microsoft.AspNetCore.Server.Kestrel[0] Unable to start Kestrel.\n2024/03/05 10:14:22 [error] 1#1: *7 upstream prematurely closed connection while reading response header from upstream\nnothing here at all, just text\n';
    expectLinear('message catalogue', (n) => block.repeat(n), (text) => full.match(text).length, 300);
  }, 60_000);
});

describe('message recogniser', () => {
  const run = (input: string) => recogniser.recognise(input, indexLines(input));

  it('emits the entry signal and its facts with the matched span', () => {
    const input = 'HTTP Error 500.38 - ANCM Application DLL Not Found';
    const facts = run(input);
    expect(facts.find((f) => f.name === 'signal')?.value).toBe('message.ancm.title-500-38-old');
    expect(facts.filter((f) => f.name === 'status').map((f) => f.value)).toEqual(['500.38']);
    for (const f of facts) expect(input.slice(f.span.start, f.span.end)).toBe(input);
  });

  it('emits codes as numbers', () => {
    const facts = run('System.Net.Sockets.SocketException (10013): An attempt was made to access a socket in a way forbidden by its access permissions.');
    expect(facts.filter((f) => f.name === 'code').map((f) => f.value)).toContain(10013);
  });

  it('reads WSAECONNRESET as Windows prints it in German, French, Spanish and Chinese', () => {
    const lines: [string, string][] = [
      ['ConnectionResetError: [WinError 10054] Eine vorhandene Verbindung wurde vom Remotehost geschlossen', 'de'],
      ['IOException: Une connexion existante a dû être fermée par l’hôte distant.', 'fr'],
      ['Error: [WinError 10054] Se ha forzado la interrupción de una conexión existente por el host remoto', 'es'],
      ['ConnectionResetError: [WinError 10054] 远程主机强迫关闭了一个现有的连接。', 'zh-cn'],
    ];
    for (const [line, lang] of lines) {
      const facts = run(line);
      expect(facts.find((f) => f.name === 'signal')?.value, line).toBe(`message.windows-socket.wsaeconnreset-${lang}`);
      expect(facts.filter((f) => f.name === 'code').map((f) => f.value), line).toEqual([10054]);
    }
  });

  it('reads WSAEACCES and WSAEADDRINUSE as Japanese Windows prints them', () => {
    expect(run('System.Net.Sockets.SocketException (0x80004005): アクセス許可で禁じられた方法でソケットにアクセスしようとしました').filter((f) => f.name === 'code').map((f) => f.value)).toEqual([10013]);
    expect(run('OSError: [WinError 10048] 通常、各ソケット アドレスに対してプロトコル、ネットワーク アドレス、またはポートのどれか 1 つのみを使用できます。').filter((f) => f.name === 'code').map((f) => f.value)).toEqual([10048]);
  });

  it('reads localized IIS 500.19 titles and their status', () => {
    for (const title of ['HTTP-Fehler 500.19 - Internal Server Error', 'Error HTTP 500.19 – Internal Server Error']) {
      expect(run(title).filter((f) => f.name === 'status').map((f) => f.value), title).toEqual(['500.19']);
    }
  });

  it('reads a German translation of WSAEACCES', () => {
    const facts = run('SocketException (10013): Der Zugriff auf einen Socket war aufgrund der Zugriffsrechte des Sockets unzulässig.');
    expect(facts.find((f) => f.name === 'signal')?.value).toBe('message.windows-socket.wsaeacces-de');
  });

  it('never throws on hostile input', () => {
    for (const input of ['\u0000'.repeat(1000), '<script>alert(1)</script>', '{}{}{{{', '\uD800\uDC00'.repeat(50), ' \n'.repeat(1000)]) {
      expect(() => run(input)).not.toThrow();
    }
  });
});
