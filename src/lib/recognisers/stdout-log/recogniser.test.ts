import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { indexLines } from '../../engine/lines.ts';
import type { Fact } from '../../engine/types.ts';
import { recogniser } from './recogniser.ts';
import { showsAppService } from '../shared/stdout/app-service.ts';
import { signals } from '../../signals/stdout-log.ts';
import { STDOUT_SIGNAL_IDS, matchStdoutLine } from '../shared/stdout/matchers.ts';
import { lineSpan } from '../../engine/lines.ts';

function fixture(name: string): string {
  return readFileSync(new URL(`../../../../tests/fixtures/stdout-log/${name}`, import.meta.url), 'utf8');
}

function run(text: string): Fact[] {
  return recogniser.recognise(text, indexLines(text));
}

function values(facts: Fact[], name: string): (string | number)[] {
  return facts.filter((f) => f.name === name).map((f) => f.value);
}

function signalsOf(text: string): string[] {
  return (values(run(text), 'signal') as string[]).sort();
}

const S = (...ids: string[]): string[] => ids.map((i) => `stdout-log.${i}`).sort();

describe('stdout-log recogniser: fixtures', () => {
  it('3.x host: framework not found, with the list of installed frameworks', () => {
    expect(signalsOf(fixture('framework-missing-3x.txt'))).toEqual(S('framework-not-found', 'frameworks-found-list'));
  });

  it('8.x host: missing 32-bit framework', () => {
    expect(signalsOf(fixture('framework-missing-8x-x86.txt'))).toEqual(
      S('framework-not-found', 'framework-x86-missing', 'frameworks-found-list'),
    );
  });

  it('framework missing in an App Service stdout file: App Service runtime signal, server, file timestamp', () => {
    const facts = run(fixture('app-service-framework.txt'));
    expect((values(facts, 'signal') as string[]).sort()).toEqual(
      S('framework-not-found', 'framework-missing-app-service', 'frameworks-found-list'),
    );
    expect(values(facts, 'server').sort()).toEqual(['azure-app-service', 'iis']);
    expect(values(facts, 'timestamp')).toEqual(['2024-03-05T10:14:22Z']);
  });

  it('2.x startup exception with its exception type and the listening address', () => {
    const facts = run(fixture('startup-exception-2x.txt'));
    expect((values(facts, 'signal') as string[]).sort()).toEqual(S('startup-exception', 'startup-frame'));
    expect(values(facts, 'exception')).toEqual(['System.IO.FileNotFoundException']);
    expect(values(facts, 'setting')).toEqual(['listeningOn=http://127.0.0.1:21457', 'listeningScope=loopback']);
  });

  it('unhandled exception in an in-process app: exception and hosting model', () => {
    const facts = run(fixture('unhandled-inprocess-net8.txt'));
    expect((values(facts, 'signal') as string[]).sort()).toEqual(S('startup-frame', 'unhandled-exception'));
    expect(values(facts, 'exception')).toEqual(['System.InvalidOperationException']);
    expect(values(facts, 'hosting-model')).toEqual(['in-process']);
  });

  it('hosting failed with a SQL login for the app pool identity', () => {
    const facts = run(fixture('hosting-failed-sql.txt'));
    expect((values(facts, 'signal') as string[]).sort()).toEqual(S('hosting-failed', 'sql-login-app-pool', 'sql-startup-failure'));
    expect(values(facts, 'exception')).toEqual(['Microsoft.Data.SqlClient.SqlException']);
  });

  it('a database client whose pool ran dry is load, not a failed start: no sql-startup-failure', () => {
    const signalsOf = (line: string): string[] => matchStdoutLine(line).filter((h) => h.name === 'signal').map((h) => String(h.value));
    expect(signalsOf("Npgsql.NpgsqlException (0x80004005): The connection pool has been exhausted, either raise 'Max Pool Size' (currently 100) or 'Timeout' (currently 15 seconds) in your connection string.")).not.toContain('stdout-log.sql-startup-failure');
    expect(signalsOf('MySqlConnector.MySqlException (0x80004005): Connect Timeout expired. All pooled connections are in use.')).not.toContain('stdout-log.sql-startup-failure');
    expect(signalsOf('MySql.Data.MySqlClient.MySqlException (0x80004005): Too many connections')).not.toContain('stdout-log.sql-startup-failure');
    // A connection that fails outright still is.
    expect(signalsOf('Npgsql.NpgsqlException (0x80004005): Failed to connect to 10.0.0.5:5432')).toContain('stdout-log.sql-startup-failure');
  });

  it('journalctl: address in use, crash exit, restart loop', () => {
    const facts = run(fixture('journal-address-in-use.txt'));
    expect((values(facts, 'signal') as string[]).sort()).toEqual(
      S('kestrel-start-failed', 'kestrel-address-in-use', 'systemd-process-crashed', 'systemd-exit-failure', 'systemd-restart-loop'),
    );
    expect(values(facts, 'server')).toEqual(['kestrel']);
    expect(values(facts, 'exception')).toEqual(['System.IO.IOException', 'Microsoft.AspNetCore.Connections.AddressInUseException']);
  });

  it('journalctl short-iso: OOM kill with timestamps', () => {
    const facts = run(fixture('journal-oom-iso.txt'));
    expect((values(facts, 'signal') as string[]).sort()).toEqual(S('systemd-oom-killed', 'systemd-process-killed'));
    expect(values(facts, 'timestamp')).toEqual(['2024-03-05T10:14:22+0000']);
  });

  it('Windows socket access denied while binding', () => {
    expect(signalsOf(fixture('bind-denied-windows.txt'))).toEqual(S('kestrel-start-failed', 'kestrel-bind-failed', 'kestrel-bind-denied'));
  });

  it('Data Protection without a user profile', () => {
    const facts = run(fixture('ephemeral-keys.txt'));
    expect((values(facts, 'signal') as string[]).sort()).toEqual(S('data-protection-ephemeral', 'data-protection-key-missing'));
    expect(values(facts, 'exception')).toEqual(['System.Security.Cryptography.CryptographicException']);
  });

  it('stack overflow, both runtime wordings', () => {
    expect(signalsOf(fixture('stack-overflow-net8.txt'))).toEqual(S('stack-overflow'));
    expect(signalsOf(fixture('stack-overflow-2x.txt'))).toEqual(S('stack-overflow'));
  });

  it('wrong arguments: SDK command message (2.x) and "does not exist" (6+)', () => {
    expect(signalsOf(fixture('sdk-command-2x.txt'))).toEqual(S('sdk-command'));
    expect(signalsOf(fixture('app-does-not-exist-8x.txt'))).toEqual(S('sdk-command'));
  });

  it('hosted service stops the host', () => {
    const facts = run(fixture('hosted-service-stop.txt'));
    expect((values(facts, 'signal') as string[]).sort()).toEqual(S('hosted-service-stopped-host', 'application-shutting-down'));
  });

  it('hard-coded URLs: overridden address and a fixed port', () => {
    const facts = run(fixture('hardcoded-urls.txt'));
    expect((values(facts, 'signal') as string[]).sort()).toEqual(S('urls-overridden', 'listening-fixed-port'));
    expect(values(facts, 'setting')).toEqual(['listeningOn=http://localhost:5000', 'listeningScope=loopback']);
  });

  it('stale assemblies: load failure and version mismatch', () => {
    const facts = run(fixture('stale-assemblies.txt'));
    expect((values(facts, 'signal') as string[]).sort()).toEqual(
      S('unhandled-exception', 'assembly-load-failed', 'assembly-version-mismatch'),
    );
    expect(values(facts, 'exception')).toEqual(['System.IO.FileLoadException']);
  });

  it('thread pool starvation, new and old heartbeat wording', () => {
    const facts = run(fixture('thread-pool-starvation.txt'));
    expect(values(facts, 'signal')).toEqual(['stdout-log.thread-pool-starvation']);
    expect(values(facts, 'server')).toEqual(['kestrel']);
  });

  it('a Redis timeout with more busy workers than the pool minimum is starvation; one within the minimum is not', () => {
    const text = fixture('redis-timeout-workers.txt');
    const facts = run(text);
    const sig = facts.filter((f) => f.name === 'signal' && f.value === 'stdout-log.redis-workers-over-minimum');
    expect(sig).toHaveLength(1);
    expect(text.slice(sig[0]!.span.start, sig[0]!.span.end)).toContain('WORKER: (Busy=214,');
  });

  it('a healthy app log gives no signal', () => {
    const facts = run(fixture('negative-healthy.txt'));
    expect(values(facts, 'signal')).toEqual([]);
    expect(values(facts, 'setting')).toEqual(['listeningOn=http://127.0.0.1:26311', 'listeningScope=loopback']);
    expect(values(facts, 'exception')).toEqual([]);
  });
});

describe('stdout-log recogniser: placement', () => {
  it('finds stdout lines inside a longer mixed paste, with spans on the right text', () => {
    const text = [
      '2024-03-05 10:14:22 10.0.0.4 GET / - 443 - 203.0.113.7 Mozilla/5.0 - 502 5 0 16',
      'some notes from the operator',
      '   Unhandled exception. System.IO.DirectoryNotFoundException: Could not find a part of the path.',
    ].join('\r\n');
    const facts = run(text);
    const sig = facts.find((f) => f.name === 'signal');
    expect(sig).toBeDefined();
    expect(text.slice(sig!.span.start, sig!.span.end)).toBe('Unhandled exception. System.IO.DirectoryNotFoundException:');
    const ex = facts.find((f) => f.name === 'exception')!;
    expect(text.slice(ex.span.start, ex.span.end)).toBe('System.IO.DirectoryNotFoundException');
  });

  it('reports a repeated line once', () => {
    const line = 'Unhandled exception. System.Exception: boom';
    const facts = run(`${line}\n${line}\n${line}`);
    expect(values(facts, 'signal')).toEqual(['stdout-log.unhandled-exception']);
  });

  it('detects App Service paths only when they are there', () => {
    expect(showsAppService('D:\\home\\site\\wwwroot> dotnet app.dll')).toBe(true);
    expect(showsAppService('C:\\inetpub\\wwwroot\\app')).toBe(false);
    expect(showsAppService('      D:\\Program Files (x86)\\dotnet\\shared\\Microsoft.NETCore.App')).toBe(true);
    expect(showsAppService('      C:\\Program Files (x86)\\dotnet\\shared\\Microsoft.NETCore.App')).toBe(false);
  });
});

describe('stdout-log recogniser: reading only candidate lines', () => {
  /** Every line through the matchers, first occurrence of each fact kept: what the recogniser must equal. */
  function everyLine(text: string): Fact[] {
    const lines = indexLines(text);
    const out: Fact[] = [];
    const seen = new Set<string>();
    for (let ln = 1; ln <= lines.starts.length; ln++) {
      const { start, end } = lineSpan(text, lines, ln);
      for (const h of matchStdoutLine(text.slice(start, end), { appService: showsAppService(text) })) {
        const key = `${h.name}\u0000${h.value}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ kind: 'stdout-log', name: h.name, value: h.value, span: { start: start + h.start, end: start + h.end } });
      }
    }
    return out;
  }

  it('finds the same facts as reading every line', () => {
    const piece = fc.constantFrom(
      'Unhandled exception. System.IO.IOException: x',
      'Now listening on: http://localhost:5000',
      'Mar 05 10:14:22 web1 dotnet[1234]: ',
      'address already in use',
      'EXCEPTION',
      'Failed to bind to address http://[::]:80',
      'code=exited, status=1/FAILURE',
      'D:\\home\\LogFiles\\stdout_20240101120000_1.log',
      'plain words',
      '\n',
      '\r\n',
      '\r',
      ' ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(run(text)).toEqual(everyLine(text));
      }),
      { numRuns: 400 },
    );
  });

  it('finds the same facts as reading every line, on every fixture', () => {
    for (const dir of ['stdout-log', 'event-log', 'cases']) {
      for (const name of readdirSync(new URL(`../../../../tests/fixtures/${dir}/`, import.meta.url))) {
        const text = readFileSync(new URL(`../../../../tests/fixtures/${dir}/${name}`, import.meta.url), 'utf8');
        expect(run(text), `${dir}/${name}`).toEqual(everyLine(text));
      }
    }
  });
});

describe('stdout-log recogniser: robustness', () => {
  it('every emitted signal is registered', () => {
    const ids = new Set(signals.map((s) => s.id));
    for (const id of STDOUT_SIGNAL_IDS) expect(ids.has(id), id).toBe(true);
  });
});

describe('stdout-log: what running out of memory points to', () => {
  it('an OutOfMemoryException is a crash and names what ran out: memory', async () => {
    const { diagnose } = await import('../../engine/diagnose.ts');
    for (const text of [
      "Unhandled exception. System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.",
      'Insufficient memory to continue the execution of the program.',
    ]) {
      const causes = diagnose(text).findings.map((f) => f.cause);
      expect(causes[0], text).toBe('app-crash-runtime');
      expect(causes.slice(0, 2), text).toContain('resource-exhaustion');
    }
  });
});
