import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { STDOUT_TRIGGER, journalPrefix, matchStdoutLine, mayMatchStdoutLine, readStdoutLine } from './matchers.ts';

const sig = (line: string, appService = false): string[] =>
  matchStdoutLine(line, { appService })
    .filter((h) => h.name === 'signal')
    .map((h) => h.value as string);

describe('journalPrefix', () => {
  it('reads classic and ISO journalctl prefixes', () => {
    expect(journalPrefix('Mar 05 10:14:23 web1 dotnet[41871]: crit: x')).toEqual({ end: 36, process: 'dotnet' });
    expect(journalPrefix('2024-03-05T10:14:22+0000 web1 kernel: Out of memory')).toMatchObject({ process: 'kernel', iso: '2024-03-05T10:14:22+0000' });
    expect(journalPrefix('crit: Microsoft.AspNetCore.Server.Kestrel[0]')).toBeUndefined();
  });
});

describe('matchStdoutLine', () => {
  it('reads "Process terminated." as a fail-fast, except the ICU library missing at start-up', () => {
    const values = (line: string) => matchStdoutLine(line).map((h) => h.value);
    expect(values('Process terminated. Encountered infinite recursion while looking up resource')).toContain('stdout-log.fail-fast');
    expect(values("Process terminated. Couldn't find a valid ICU package installed on the system.")).not.toContain('stdout-log.fail-fast');
  });

  it('classifies a bind failure by the reason on the line', () => {
    expect(sig('System.IO.IOException: Failed to bind to address http://127.0.0.1:5000: address already in use.')).toEqual([
      'stdout-log.kestrel-address-in-use',
    ]);
    expect(sig('System.IO.IOException: Failed to bind to address http://[::]:80: permission denied.')).toEqual(['stdout-log.kestrel-bind-denied']);
    expect(sig('System.IO.IOException: Failed to bind to address http://0.0.0.0:80.')).toEqual(['stdout-log.kestrel-bind-failed']);
  });

  it("reads a container killed at its memory limit as Kubernetes, Docker and platforms' JSON write it", () => {
    expect(sig('    Reason:       OOMKilled')).toEqual(['stdout-log.container-oom-killed']);
    expect(sig('"OOMKilled": true,')).toEqual(['stdout-log.container-oom-killed']);
    expect(sig('budibase   CPU 172.95%   MEM 1023MiB / 1GiB  (99.94%)')).toEqual(['stdout-log.container-memory-at-limit']);
    expect(sig('3f2a9c1d0b7e   api   0.52%   511.8MiB / 512MiB   99.96%   1.2kB / 0B   0B / 0B   12')).toEqual(['stdout-log.container-memory-at-limit']);
    expect(sig('3f2a9c1d0b7e   api   0.52%   120MiB / 512MiB   23.44%   1.2kB / 0B   0B / 0B   12')).toEqual([]);
    expect(sig('{"type":"server_failed","details":{"oomKilled":{"memoryLimit":"2Gi"}}}')).toEqual(['stdout-log.container-oom-killed']);
  });

  it('tells an assembly that is not there from one of the wrong version', () => {
    expect(
      sig("System.IO.FileNotFoundException: Could not load file or assembly 'Shop.Module.Storage, Culture=neutral, PublicKeyToken=null'. The system cannot find the file specified."),
    ).toEqual(['stdout-log.assembly-file-missing']);
    expect(sig("System.IO.FileLoadException: Could not load file or assembly 'Newtonsoft.Json, Version=13.0.0.0'. The located assembly's manifest definition does not match the assembly reference.")).toEqual([
      'stdout-log.assembly-version-mismatch',
      'stdout-log.assembly-load-failed',
    ]);
    expect(sig("Could not load file or assembly 'Shop.Data, Version=1.0.0.0'. Access is denied.")).toEqual(['stdout-log.assembly-load-failed']);
    // The type alone says the file is missing when the message is cut before its last sentence.
    expect(sig("FileNotFoundException: Could not load file or assembly 'Shop.Data, Version=5.0.0.0'")).toEqual(['stdout-log.assembly-file-missing']);
  });

  it('recognises the framework line with its architecture', () => {
    expect(sig("The framework 'Microsoft.AspNetCore.App', version '8.0.0' (x86) was not found.").sort()).toEqual([
      'stdout-log.framework-not-found',
      'stdout-log.framework-x86-missing',
    ]);
    expect(sig("The framework 'Microsoft.AspNetCore.App', version '8.0.0' (x64) was not found.", true).sort()).toEqual([
      'stdout-log.framework-missing-app-service',
      'stdout-log.framework-not-found',
    ]);
  });

  it('takes the port of the listening address into account', () => {
    expect(sig('Now listening on: https://localhost:5001')).toEqual(['stdout-log.listening-fixed-port']);
    expect(sig('Now listening on: http://[::]:80')).toEqual(['stdout-log.listening-fixed-port']);
    expect(sig('Now listening on: http://127.0.0.1:40123')).toEqual([]);
  });

  it("knows App Service's resource-log categories", () => {
    const servers = (line: string) => matchStdoutLine(line).filter((h) => h.name === 'server').map((h) => h.value);
    expect(servers('{"category": "AppServiceConsoleLogs", "resultDescription": "Started"}')).toEqual(['azure-app-service']);
    expect(servers('{"category": "ContainerAppConsoleLogs"}')).toEqual([]);
  });

  it('port 8080 on every interface, the default of current container images', () => {
    expect(sig('      Now listening on: http://[::]:8080')).toEqual(['stdout-log.listening-container-default']);
    expect(sig('Now listening on: http://0.0.0.0:8080')).toEqual(['stdout-log.listening-container-default']);
    expect(sig('Now listening on: http://localhost:8080')).toEqual(['stdout-log.listening-fixed-port']);
    expect(sig('Now listening on: http://[::]:80')).toEqual(['stdout-log.listening-fixed-port']);
  });

  it('a loopback address inside a docker compose log', () => {
    expect(sig('web_1    |       Now listening on: http://localhost:5000').sort()).toEqual([
      'stdout-log.listening-fixed-port',
      'stdout-log.listening-loopback-in-container',
    ]);
    expect(sig('api-1  | Now listening on: http://127.0.0.1:8080').sort()).toEqual([
      'stdout-log.listening-fixed-port',
      'stdout-log.listening-loopback-in-container',
    ]);
    expect(sig('web_1    |       Now listening on: http://[::]:8080')).toEqual(['stdout-log.listening-container-default']);
  });

  it("knows App Service on Linux by its startup script's line", () => {
    const servers = (line: string) => matchStdoutLine(line).filter((h) => h.name === 'server').map((h) => h.value);
    expect(servers('2020-02-26T13:17:07.246774534Z Trying to find the startup DLL name...')).toEqual(['azure-app-service']);
    expect(servers('Trying to find the startup dll name...')).toEqual(['azure-app-service']);
  });

  it('a socket listing with the port bound to loopback only (ss, netstat, lsof)', () => {
    const scope = (line: string) => matchStdoutLine(line).filter((h) => h.name === 'setting').map((h) => h.value);
    for (const line of [
      'LISTEN 0 1024 [::1]:8096 [::]:* users:(("granian",pid=81,fd=6))',
      'tcp   LISTEN 0      511        127.0.0.1:3000      0.0.0.0:*',
      'tcp        0      0 127.0.0.1:5000          0.0.0.0:*               LISTEN      1234/dotnet',
      '  TCP    127.0.0.1:5000         0.0.0.0:0              LISTENING       4412',
      'dotnet  4412 app  210u  IPv4 0x1  0t0  TCP localhost:5000 (LISTEN)',
    ]) {
      expect(sig(line), line).toEqual(['stdout-log.socket-listening-loopback']);
      expect(scope(line), line).toEqual(['listeningScope=loopback']);
    }
    // Every interface, a peer on loopback, or no listening state: nothing.
    expect(sig('tcp        0      0 0.0.0.0:5000            0.0.0.0:*               LISTEN      1234/dotnet')).toEqual([]);
    expect(sig('LISTEN 0 4096 *:8080 *:* users:(("dotnet",pid=1,fd=3))')).toEqual([]);
    expect(sig('tcp        0      0 10.0.0.4:5000          127.0.0.1:5122          ESTABLISHED 1234/dotnet')).toEqual([]);
    expect(sig('the proxy is listening on 127.0.0.1:8080')).toEqual([]);
  });

  it('recognises "address in use" (10048) in translated Windows wording', () => {
    for (const line of [
      '查看日志错误消息：通常每个套接字地址(协议/网络地址/端口)只允许使用一次',
      'System.Net.Sockets.SocketException (10048): Normalerweise darf jede Socketadresse (Protokoll, Netzwerkadresse oder Anschluss) nur jeweils einmal verwendet werden.',
      'Une seule utilisation de chaque adresse de socket (protocole/adresse réseau/port) est habituellement autorisée.',
    ]) {
      expect(sig(line), line).toContain('stdout-log.kestrel-address-in-use');
    }
  });

  it('recognises the loader message for a missing C runtime', () => {
    const line = "The program can't start because api-ms-win-crt-runtime-l1-1-0.dll is missing from your computer. Try reinstalling the program to fix this problem.";
    expect(matchStdoutLine(line).map((h) => h.value)).toContain('stdout-log.vc-runtime-missing');
    expect(matchStdoutLine('Loaded api-ms-win-crt-runtime-l1-1-0.dll').map((h) => h.value)).not.toContain('stdout-log.vc-runtime-missing');
  });

  it('reads systemd exit statuses', () => {
    expect(sig('kestrel.service: Main process exited, code=exited, status=1/FAILURE')).toEqual(['stdout-log.systemd-exit-failure']);
    expect(sig('kestrel.service: Main process exited, code=exited, status=150/n/a')).toEqual(['stdout-log.systemd-exit-framework-missing']);
    expect(sig('kestrel.service: Main process exited, code=exited, status=0/SUCCESS')).toEqual([]);
  });

  it('gives offsets relative to the line, past the journal prefix', () => {
    const line = 'Mar 05 10:14:23 web1 dotnet[1]:       Application is shutting down...   ';
    const [h] = matchStdoutLine(line).filter((x) => x.name === 'signal');
    expect(line.slice(h!.start, h!.end)).toBe('Application is shutting down...');
  });

  it('reads the HRESULT of a host DLL that failed to load', () => {
    const line = 'Failed to load the dll from [C:\\Program Files\\dotnet\\host\\fxr\\3.1.1\\hostfxr.dll], HRESULT: 0x800700C1';
    const code = matchStdoutLine(line).find((h) => h.name === 'code')!;
    expect(code.value).toBe(0x800700c1);
    expect(line.slice(code.start, code.end)).toBe('0x800700C1');
  });

  it('TLS and HTTP/2 protocol mismatches', () => {
    expect(sig('      The handshake failed due to an unexpected packet format.')).toEqual(['stdout-log.https-unexpected-packet']);
    expect(sig('dbug: Microsoft.AspNetCore.Server.Kestrel.Https[1] Failed to authenticate HTTPS connection.')).toEqual(['stdout-log.https-handshake-failed']);
    expect(sig('HTTP/2 connection error (PROTOCOL_ERROR): Invalid HTTP/2 connection preface.')).toEqual(['stdout-log.http2-only-endpoint']);
  });

  it('reads an NTSTATUS failure a process exited with, and nothing from a clean exit', () => {
    const codes = (line: string) => matchStdoutLine(line).filter((h) => h.name === 'code');
    const line = "The program '[24256] iisexpress.exe' has exited with code -1073741819 (0xc0000005) 'Access violation'.";
    const hits = codes(line);
    expect(hits.map((h) => h.value)).toEqual([0xc0000005]);
    expect(line.slice(hits[0]!.start, hits[0]!.end)).toBe('0xc0000005');
    expect(codes("The program '[4711] dotnet.exe' has exited with code -532462766 (0xe0434352).").map((h) => h.value)).toEqual([0xe0434352]);
    expect(codes("The program '[4711] dotnet.exe' has exited with code 0 (0x0).")).toEqual([]);
    expect(codes("The program '[4711] dotnet.exe' has exited with code -1 (0xffffffff).")).toEqual([]);
    expect(codes('The thread 0x2a1c has exited with code 259 (0x103).')).toEqual([]);
  });

  it('spans "Unhandled exception." up to the exception type, leaving its message to the catalogue', () => {
    const line = 'Unhandled Exception: System.IO.IOException: The configured user limit (128) on the number of inotify instances has been reached.';
    const hit = matchStdoutLine(line).find((h) => h.value === 'stdout-log.unhandled-exception');
    expect(hit && line.slice(hit.start, hit.end)).toBe('Unhandled Exception: System.IO.IOException:');
    const net = 'Unhandled exception. System.Net.Sockets.SocketException (10013): An attempt was made to access a socket';
    const h2 = matchStdoutLine(net).find((h) => h.value === 'stdout-log.unhandled-exception');
    expect(h2 && net.slice(h2.start, h2.end)).toBe('Unhandled exception. System.Net.Sockets.SocketException (10013):');
  });

  it('reads the kernel OOM killer by its own line, with or without the "Out of memory" lead', () => {
    expect(sig('[961030.365725] Killed process 3673 (dotnet) total-vm:29592364kB, anon-rss:3565416kB, file-rss:256kB')).toEqual(['stdout-log.systemd-oom-killed']);
    // The kernel's summary line of the kill (4.19 and later), before "Out of memory: Killed process".
    expect(sig('[159805.364253] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=3f6d,mems_allowed=0,global_oom,task=gunicorn,pid=1234,uid=0')).toEqual(['stdout-log.systemd-oom-killed']);
    expect(sig('Killed process 3673 (dotnet)')).toEqual([]);
  });

  it('reads a container that died on a signal by its exit status (128 + SIGSEGV, SIGABRT, SIGBUS) or the shell message', () => {
    expect(sig('web_1 exited with code 139')).toEqual(['stdout-log.process-died-on-signal']);
    expect(sig('api-1 exited with code 134')).toEqual(['stdout-log.process-died-on-signal']);
    expect(sig('Segmentation fault (core dumped)')).toEqual(['stdout-log.process-died-on-signal']);
    expect(sig('Aborted (core dumped)')).toEqual(['stdout-log.process-died-on-signal']);
    // PHP-FPM's master on a dead worker, the kernel's segfault record
    expect(sig('[12-Sep-2014 11:57:19] WARNING: [pool www] child 26045 exited on signal 11 (SIGSEGV) after 82.764425 seconds from start')).toEqual(['stdout-log.process-died-on-signal']);
    expect(sig('May  2 11:33:49 ubuntu kernel: [148522.291772] php5-fpm[37887]: segfault at 2c ip 00000000006fbc7a sp 00007fffd9773590 error 4')).toEqual(['stdout-log.process-died-on-signal']);
    expect(sig('[12-Sep-2014 11:57:19] NOTICE: [pool www] child 26079 started')).toEqual([]);
    // dockerd's restart record
    expect(sig('dockerd: restarting container ... exitCode=139 exitedAt="2026-04-30 06:45:01 +0000 UTC" restartCount=6')).toEqual(['stdout-log.process-died-on-signal']);
    expect(sig('dockerd: restarting container ... exitCode=1 exitedAt="2026-04-30 06:45:01 +0000 UTC" restartCount=6')).toEqual([]);
    // a clean exit, an ordinary failure, a Windows exit code and a longer number are not signals
    expect(sig('web_1 exited with code 0')).toEqual([]);
    expect(sig('web_1 exited with code 1')).toEqual([]);
    expect(sig("The program '[4711] dotnet.exe' has exited with code 139 (0x8b).")).toEqual([]);
    expect(sig('web_1 exited with code 1390')).toEqual([]);
    // the words inside another program's message are not the shell's
    expect(sig('nginx: worker process 17 exited on signal 11 (Segmentation fault)')).toEqual([]);
  });

  it('reads the SDK muxer refusing what follows dotnet as an SDK command (the arguments name no app DLL)', () => {
    expect(sig('web_1  | Could not execute because the specified command or file was not found.')).toEqual(['stdout-log.sdk-command']);
    expect(sig('  * You intended to execute a .NET program, but dotnet-MyApp does not exist.')).toEqual(['stdout-log.sdk-command']);
  });

  it('reads thread pool starvation in either spelling .NET tools use', () => {
    expect(sig('warn: ThreadPool starvation detected: queue length 4312')).toEqual(['stdout-log.thread-pool-starvation']);
    expect(sig('Possible thread pool starvation: 120 work items waiting')).toEqual(['stdout-log.thread-pool-starvation']);
  });

  it("names the stack frames of a certificate import", () => {
    expect(sig('   at Internal.Cryptography.Pal.CertificatePal.FilterPFXStore(Byte[] rawData, SafePasswordHandle password, PfxCertStoreFlags pfxCertStoreFlags)')).toEqual([
      'stdout-log.certificate-import-frame',
    ]);
    expect(sig('   at System.Security.Cryptography.X509Certificates.X509Certificate2..ctor(String fileName, String password)')).toEqual([
      'stdout-log.certificate-import-frame',
    ]);
    expect(sig('The X509Certificate2 class represents a certificate.')).toEqual([]);
  });

  it('does not take prose for a stack overflow', () => {
    expect(sig('See https://stackoverflow.com/a/1 - Stack overflow. is a site')).toEqual([]);
  });
});

describe('the pre-check', () => {
  const FIXTURES = fileURLToPath(new URL('../../../../../tests/fixtures/', import.meta.url));
  const filesUnder = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? filesUnder(p) : p.endsWith('.ts') ? [] : [p];
    });

  it('never drops a fact: every fixture line gives the same facts with and without it', () => {
    let candidates = 0;
    let lines = 0;
    for (const file of filesUnder(FIXTURES)) {
      for (const line of readFileSync(file, 'utf8').split(/\r\n|\r|\n/)) {
        lines++;
        for (const appService of [false, true]) expect(matchStdoutLine(line, { appService }), line).toEqual(readStdoutLine(line, { appService }));
        if (mayMatchStdoutLine(line)) candidates++;
      }
    }
    // It is a filter: most lines of other kinds are not read at all.
    expect(candidates).toBeLessThan(lines / 2);
  });

  it('never drops a fact on random lines made of the words the checks look for', () => {
    const words = STDOUT_TRIGGER.source.split('|').map((w) => w.replace(/\\(.)/g, '$1'));
    const piece = fc.oneof(fc.constantFrom(...words), fc.constantFrom(' ', ': ', "'", '(13)', '0x8007000D', 'x86', '.log', 'HRESULT: 0x80070005'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const line = parts.join('');
        expect(matchStdoutLine(line)).toEqual(readStdoutLine(line));
      }),
      { numRuns: 500 },
    );
  });
});

describe('the rule filter', () => {
  const FIXTURES = fileURLToPath(new URL('../../../../../tests/fixtures/', import.meta.url));
  const filesUnder = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? filesUnder(p) : p.endsWith('.ts') ? [] : [p];
    });

  it('never drops a fact: every fixture line gives the same facts as with every rule tested', () => {
    for (const file of filesUnder(FIXTURES)) {
      for (const line of readFileSync(file, 'utf8').split(/\r\n|\r|\n/)) {
        if (!mayMatchStdoutLine(line)) continue;
        for (const appService of [false, true]) expect(readStdoutLine(line, { appService }), line).toEqual(readStdoutLine(line, { appService }, false));
      }
    }
  });

  it('never drops a fact on random lines of the words, in any case and with runs of blanks', () => {
    const words = STDOUT_TRIGGER.source.split('|').map((w) => w.replace(/\\(.)/g, '$1'));
    const word = fc.tuple(fc.constantFrom(...words), fc.constantFrom('same', 'upper', 'lower', 'blanks')).map(([w, how]) =>
      how === 'upper' ? w.toUpperCase() : how === 'lower' ? w.toLowerCase() : how === 'blanks' ? w.replace(/ /g, '  \t') : w,
    );
    const piece = fc.oneof(word, fc.constantFrom(' ', '   ', '\t', 'Stack overflow.', 'Process terminated. ', '\u0130', 'K'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const line = parts.join('');
        expect(readStdoutLine(line)).toEqual(readStdoutLine(line, undefined, false));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('App Service from the .NET install hostfxr names', () => {
  const servers = (line: string): unknown[] => matchStdoutLine(line).filter((h) => h.name === 'server').map((h) => h.value);

  it('the D: drive install of App Service workers names the platform, another drive does not', () => {
    expect(servers('      D:\\Program Files (x86)\\dotnet\\shared\\Microsoft.NETCore.App')).toEqual(['azure-app-service']);
    expect(servers('  - Check application dependencies and target a framework version installed at: D:\\Program Files\\dotnet\\')).toEqual(['azure-app-service']);
    expect(servers('      C:\\Program Files (x86)\\dotnet\\shared\\Microsoft.NETCore.App')).toEqual([]);
    expect(servers('      D:\\Program Files (x86)\\dotnetcore-tools\\x')).toEqual([]);
  });
});

describe('Kestrel bind failures as terminals print them', () => {
  it('reads a message padded with blanks where a terminal wrapped it', () => {
    expect(sig('System.IO.IOException: Failed to bind to address http://[::]:80: address already                      in use.')).toContain('stdout-log.kestrel-address-in-use');
  });

  it("reads the libuv transport's EACCES as a denied bind, and EADDRINUSE as an address in use", () => {
    expect(sig('Microsoft.AspNetCore.Server.Kestrel.Transport.Libuv.Internal.Networking.UvException: Error -13 EACCES permission denied')).toEqual(['stdout-log.kestrel-bind-denied']);
    expect(sig('Microsoft.AspNetCore.Server.Kestrel.Transport.Libuv.Internal.Networking.UvException: Error -98 EADDRINUSE address already in use')).toEqual(['stdout-log.kestrel-address-in-use']);
    expect(sig('open /etc/app.conf: EACCES, permission check passed')).toEqual([]);
  });
});
