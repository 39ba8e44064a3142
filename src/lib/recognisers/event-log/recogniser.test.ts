import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { indexLines } from '../../engine/lines.ts';
import type { Fact } from '../../engine/types.ts';
import { recogniser, FALLBACK_SIGNAL_IDS } from './recogniser.ts';
import { ANCM_SIGNAL_IDS } from '../shared/event-messages/ancm.ts';
import { WINDOWS_SIGNAL_IDS } from '../shared/event-messages/windows.ts';
import { signals as eventSignals } from '../../signals/event-log.ts';
import { signals as stdoutSignals } from '../../signals/stdout-log.ts';

function fixture(name: string): string {
  return readFileSync(new URL(`../../../../tests/fixtures/event-log/${name}`, import.meta.url), 'utf8');
}

function run(text: string): Fact[] {
  return recogniser.recognise(text, indexLines(text));
}

function values(facts: Fact[], name: string): (string | number)[] {
  return facts.filter((f) => f.name === name).map((f) => f.value);
}

const sorted = <T>(xs: T[]): T[] => [...xs].sort();
const E = (...ids: string[]): string[] => ids.map((i) => (i.includes('.') ? i : `event-log.${i}`));

describe('event-log recogniser: formats', () => {
  it('"Copy details as text" with its Event Xml: one record, facts once, time from the Date line', () => {
    const text = fixture('copy-details-createprocess.txt');
    const facts = run(text);
    expect(values(facts, 'signal')).toEqual(E('ancm-process-start-failed', 'ancm-file-not-found'));
    expect(values(facts, 'code')).toEqual([0x80070002]);
    expect(values(facts, 'server')).toEqual(['iis']);
    expect(values(facts, 'hosting-model')).toEqual(['out-of-process']);
    expect(values(facts, 'timestamp')).toEqual(['2024-03-05T10:14:22']);
    const code = facts.find((f) => f.name === 'code')!;
    expect(text.slice(code.span.start, code.span.end)).toBe('0x80070002');
  });

  it('General tab text of a V1 event: the exit code after the HRESULT is a host code', () => {
    const facts = run(fixture('general-tab-v1-exit-code.txt'));
    expect(values(facts, 'signal')).toEqual(E('ancm-process-start-failed', 'ancm-framework-missing'));
    expect(values(facts, 'code')).toEqual([0x80004005, 0x80008096]);
  });

  it('XML Friendly View: provider, id and time, captured stdout read with the stdout matchers', () => {
    const facts = run(fixture('friendly-view-1018.txt'));
    expect(sorted(values(facts, 'signal') as string[])).toEqual(
      sorted(E('ancm-managed-exception', 'stdout-log.unhandled-exception', 'stdout-log.startup-frame', 'stdout-log.certificate-key-access')),
    );
    expect(values(facts, 'timestamp')).toEqual(['2024-06-11T07:02:41.5318240Z']);
    expect(values(facts, 'exception')).toEqual(['System.Security.Cryptography.CryptographicException']);
    expect(values(facts, 'hosting-model')).toEqual(['in-process']);
    expect(facts.every((f) => f.kind === 'event-log')).toBe(true);
  });

  it('Get-WinEvent table: truncated messages fall back on provider group + id', () => {
    const text = fixture('get-winevent-table-truncated.txt');
    const facts = run(text);
    expect(values(facts, 'signal')).toEqual(
      E('ancm-rapid-fail', 'ancm-process-start-failed', 'ancm-process-start-failed', 'was-rapid-fail-protection', 'was-worker-terminated'),
    );
    const fallback = facts.filter((f) => f.value === 'event-log.was-worker-terminated')[0]!;
    expect(text.slice(fallback.span.start, fallback.span.end)).toBe('5009');
    expect(values(facts, 'timestamp')).toContain('2024-03-05T10:16:40');
    expect(values(facts, 'setting')).toEqual(['rapidFailsPerMinute=10']);
  });

  it('Format-List with a message wrapped in the middle of a word', () => {
    const facts = run(fixture('get-winevent-list-wrapped.txt'));
    expect(values(facts, 'signal')).toEqual(E('ancm-port-bind-failed'));
    expect(values(facts, 'timestamp')).toEqual(['2024-03-05T10:14:22']);
  });

  it('Get-EventLog list: the source comes after the message and still names the record', () => {
    const facts = run(fixture('get-eventlog-list.txt'));
    expect(values(facts, 'signal')).toEqual(E('ancm-add-application-failed', 'ancm-bad-exe-format'));
    expect(values(facts, 'code')).toEqual([0x800700c1]);
    expect(values(facts, 'server')).toEqual(['iis']);
    // TimeWritten right after TimeGenerated does not start a new record
    expect(values(facts, 'timestamp')).toEqual(['2024-03-05T10:14:22']);
  });

  it('App Service eventlog.xml: entities decoded, captured stdout split on &#xD;&#xA;', () => {
    const facts = run(fixture('app-service-eventlog.xml.txt'));
    expect(sorted(values(facts, 'signal') as string[])).toEqual(
      sorted(E('ancm-main-exited', 'stdout-log.unhandled-exception', 'stdout-log.key-vault-failure')),
    );
    expect(values(facts, 'code')).toEqual([0xe0434352]);
    expect(values(facts, 'exception')).toEqual(['Azure.Identity.CredentialUnavailableException']);
    expect(values(facts, 'server')).toContain('azure-app-service');
    // the successful start before it only tells the hosting model
    expect(values(facts, 'hosting-model')).toEqual(['in-process', 'in-process']);
    expect(values(facts, 'timestamp')).toEqual(['2024-07-02T09:12:44Z']);
  });

  it('translated frame labels (German) with the English ANCM message', () => {
    const facts = run(fixture('german-labels-1010.txt'));
    expect(values(facts, 'signal')).toEqual(E('ancm-add-application-failed', 'ancm-hostfxr-failed'));
    expect(values(facts, 'timestamp')).toEqual(['2024-03-05T10:14:22']);
  });

  it('.NET Runtime 1026 with the data on one line and a native exception code', () => {
    const facts = run(fixture('dotnet-runtime-xml-oneline.txt'));
    expect(values(facts, 'signal')).toEqual(E('dotnet-runtime-unhandled-exception', 'crash-native'));
    expect(values(facts, 'code')).toEqual([0xc0000005]);
    expect(values(facts, 'hosting-model')).toEqual(['in-process']);
    expect(values(facts, 'server')).toEqual(['iis']);
  });

  it('.NET Runtime 1026 as German and Chinese Windows write it', () => {
    for (const text of [
      'Application: w3wp.exe\nCoreCLR Version: 6.0.21\nDescription: The process was terminated due to an unhandled exception.\nException Info: System.InvalidOperationException: boom',
      'Anwendung: w3wp.exe\nCoreCLR-Version: 6.0.21\nBeschreibung: Der Prozess wurde aufgrund einer unbehandelten Ausnahme beendet.\nAusnahmeinformationen: System.InvalidOperationException: boom',
      '应用程序: w3wp.exe\nCoreCLR Version: 6.0.21\n说明: 由于未经处理的异常，进程终止。\n异常信息: System.InvalidOperationException: boom',
    ]) {
      const facts = run(text);
      expect(values(facts, 'signal'), text).toEqual(E('dotnet-runtime-unhandled-exception'));
      expect(values(facts, 'server'), text).toEqual(['iis']);
      expect(values(facts, 'exception'), text).toEqual(['System.InvalidOperationException']);
    }
  });

  it('Application Error in German, found by its shape', () => {
    const facts = run(fixture('app-error-german.txt'));
    expect(values(facts, 'signal')).toEqual(E('app-error-crash', 'crash-stack-overflow'));
    expect(values(facts, 'code')).toEqual([0xc00000fd]);
  });

  it('tab-delimited export: WAS events with and without a message', () => {
    const facts = run(fixture('was-tab-export.txt'));
    expect(values(facts, 'signal')).toEqual(
      E('was-worker-terminated', 'crash-stack-overflow', 'was-worker-communication-error', 'was-rapid-fail-protection'),
    );
    expect(values(facts, 'code')).toEqual([0xc00000fd]);
  });

  it('module load failure: V1 module, data decoded from the XML binary', () => {
    const facts = run(fixture('module-2280-binary.txt'));
    expect(values(facts, 'signal')).toEqual(E('ancm-v1-module-load-failed'));
    expect(values(facts, 'code')).toEqual([126]);
    expect(values(facts, 'timestamp')).toEqual(['2016-09-22T12:05:19']);
  });

  it('W3SVC-WP 2307 as XML data only: the configuration read failure, the empty file name read as no file at all', () => {
    const xml = (file: string) =>
      `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-IIS-W3SVC-WP" /><EventID Qualifiers="49152">2307</EventID></System>` +
      `<EventData><Data Name="ApplicationPool">Shop</Data><Data Name="ConfigException">Cannot read configuration file</Data><Data Name="FileName">${file}</Data><Data Name="LineNumber">0</Data></EventData></Event>`;
    expect(values(run(xml('\\\\?\\<EMPTY>')), 'signal')).toEqual(E('wp-config-file-unreadable'));
    expect(values(run(xml('\\\\?\\C:\\inetpub\\temp\\appPools\\Shop\\Shop.config')), 'signal')).toEqual(E('wp-config-read-failed'));
  });

  it('IIS Express source and hostfxr output after "Exception message:"', () => {
    const facts = run(fixture('iis-express-1027-framework.txt'));
    expect(values(facts, 'server')).toEqual(['iis-express']);
    expect(sorted(values(facts, 'signal') as string[])).toEqual(
      sorted(E('ancm-inprocess-handler-missing', 'stdout-log.framework-not-found', 'stdout-log.frameworks-found-list')),
    );
  });

  it('a wrapped message inside a longer paste; the debug-log line is left to its own kind', () => {
    const text = fixture('mixed-paste.txt');
    const facts = run(text);
    expect(values(facts, 'signal')).toEqual(E('ancm-process-start-failed', 'ancm-file-not-found'));
    expect(values(facts, 'code')).toEqual([0x80070002]);
    const debugLine = text.indexOf('[aspnetcorev2.dll]');
    expect(facts.every((f) => f.span.end <= debugLine || f.span.start > text.indexOf('\n', debugLine))).toBe(true);
  });

  it('Format-List with the message first: each message stays with its own record', () => {
    const facts = run(fixture('list-message-first.txt'));
    // an empty V1 message falls back on the id; the shutdown message is informational; the last
    // (wrapped) message carries a host exit code for bad arguments
    expect(values(facts, 'signal')).toEqual(E('ancm-process-start-failed', 'ancm-process-start-failed', 'ancm-host-invalid-args'));
    expect(values(facts, 'code')).toEqual([0x80004005, 0x80008081]);
    expect(values(facts, 'timestamp')).toEqual(['2018-08-17T15:37:04', '2018-08-17T15:35:59']);
  });

  it('"The description for Event ID ... cannot be found": the frame comes from that sentence', () => {
    const facts = run(fixture('description-not-found.txt'));
    expect(values(facts, 'signal')).toEqual(E('ancm-start-retries-exhausted'));
    expect(values(facts, 'server')).toEqual(['iis']);
  });

  it('a record of one provider holding another provider\'s message still gets its own fallback signal', () => {
    // ANCM 1007 (in-process start failure) with a .NET Runtime description pasted as its text
    const text = [
      'Event ID: 1007',
      'Source: IIS AspNetCore Module V2',
      'Application: w3wp.exe',
      'CoreCLR Version: 4.700.19.37902',
      'Description: The process was terminated due to an unhandled exception.',
      'Exception Info: System.InvalidOperationException: Key type not specified.',
    ].join('\n');
    const facts = run(text);
    expect(sorted(values(facts, 'signal') as string[])).toEqual(sorted(E('ancm-load-clr-failed', 'dotnet-runtime-unhandled-exception')));
    // the provider's own message: no second signal from the fallback
    const own = ['Event ID: 1007', 'Source: IIS AspNetCore Module V2', "Application '/LM/W3SVC/1/ROOT' with physical root 'C:\\site\\' failed to load coreclr. Exception message:", 'CLR worker thread exited prematurely'].join('\n');
    expect(values(run(own), 'signal')).toEqual(E('ancm-load-clr-failed', 'ancm-clr-thread-exited'));
    // a W3SVC-WP 2280 about another module keeps giving nothing
    const other = ['Event ID: 2280', 'Source: Microsoft-Windows-IIS-W3SVC-WP', 'The Module DLL C:\\Windows\\system32\\inetsrv\\rewrite.dll failed to load.  The data is the error.'].join('\n');
    expect(values(run(other), 'signal')).toEqual([]);
  });

  it('informational events give the hosting model; only the shutdown (1033) counts as a restart hint', () => {
    const facts = run(fixture('negative-info.txt'));
    expect(values(facts, 'signal')).toEqual(E('ancm-app-shutdown'));
    expect(values(facts, 'hosting-model')).toEqual(['out-of-process', 'in-process', 'in-process', 'out-of-process']);
    expect(values(facts, 'timestamp')).toEqual([]);
  });
});

describe('event-log recogniser: messages', () => {
  it('V2 stage and exit code forms', () => {
    const v2 =
      "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\app\\' created process with commandline '\"dotnet\" .\\App.dll' but either crashed, did not respond, or did not listen on the given port '4431', ErrorCode = '0x800705b4'";
    expect(values(run(v2), 'signal')).toEqual(E('ancm-process-no-response', 'ancm-start-timeout'));
    const v1 =
      "Application 'MACHINE/WEBROOT/APPHOST/API' with physical root 'C:\\api\\' created process with commandline 'dotnet .\\Api.dll' but either crashed or did not reponse or did not listen on the given port '1234', ErrorCode = '0x800705b4'";
    expect(values(run(v1), 'code')).toEqual([0x800705b4]);
  });

  it('Program.Main exit code 0 means the app stopped itself', () => {
    const text =
      "Application '/LM/W3SVC/1/ROOT' with physical root 'C:\\jobs\\' has exited from Program.Main with exit code = '0'. Please check the stderr logs for more information.";
    const facts = run(text);
    expect(values(facts, 'signal')).toEqual(E('ancm-main-exited-zero'));
    expect(values(facts, 'code')).toEqual([]);
  });

  it('V1 stdout warning with a decimal error code', () => {
    const text = 'Warning: Could not create stdoutLogFile \\\\?\\C:\\inetpub\\app\\logs\\stdout_4200_2017112717490.log, ErrorCode = -2147024891.';
    const facts = run(text);
    expect(values(facts, 'signal')).toEqual(E('ancm-stdout-log-unwritable', 'ancm-access-denied'));
    expect(values(facts, 'code')).toEqual([0x80070005]);
  });

  it('a V1 exit code wrapped onto the next line is still read', () => {
    for (const gap of ['\n: 8000808c.', ' :\n8000808c.', ' :\n> 8000808c.']) {
      const text = `Application 'MACHINE/WEBROOT/APPHOST/APP' with physical root 'C:\\app\\' failed to start process with commandline 'dotnet .\\App.dll', ErrorCode = '0x80004005${gap}`;
      const facts = run(text);
      expect(values(facts, 'code'), JSON.stringify(gap)).toEqual([0x80004005, 0x8000808c]);
      expect(values(facts, 'signal')).toContain('event-log.ancm-v1-deps-resolve-failed');
    }
    // a number on the next line that does not follow a colon is not the exit code
    const text = "Application 'A' with physical root 'C:\\a\\' failed to start process with commandline 'dotnet .\\A.dll', ErrorCode = '0x80004005'\n8000808c";
    expect(values(run(text), 'code')).toEqual([0x80004005]);
  });

  it('a command line that starts the 32-bit dotnet host', () => {
    const x86 = "Application '/LM/W3SVC/1/ROOT' with physical root 'C:\\app\\' failed to start process with commandline '\"C:\\Program Files (x86)\\dotnet\\dotnet.exe\" .\\App.dll', ErrorCode = '0x80004005 : 80008096.";
    expect(values(run(x86), 'signal')).toContain('event-log.ancm-dotnet-x86');
    const x64 = "Application '/LM/W3SVC/1/ROOT' with physical root 'C:\\app\\' failed to start process with commandline '\"C:\\Program Files\\dotnet\\dotnet.exe\" .\\App.dll', ErrorCode = '0x80004005 : 80008096.";
    expect(values(run(x64), 'signal')).not.toContain('event-log.ancm-dotnet-x86');
  });

  it('2.2-era in-process wording', () => {
    const text =
      "Application '/LM/W3SVC/1/ROOT' with physical root 'C:\\site\\' failed to load clr and managed application. CLR worker thread exited prematurely";
    expect(values(run(text), 'signal')).toEqual(E('ancm-load-clr-failed', 'ancm-clr-thread-exited'));
  });

  it('early in-process wording with a wait timeout', () => {
    const text =
      "Application '/LM/W3SVC/3/ROOT/Standard' with physical root 'c:\\inetpub\\wwwroot\\Standard\\' failed to load clr and managed application, ErrorCode = '0x80070102.";
    const facts = run(text);
    expect(values(facts, 'signal')).toEqual(E('ancm-load-clr-failed', 'ancm-startup-time-limit'));
    expect(values(facts, 'code')).toEqual([0x80070102]);
  });

  it('a module DLL that is not the ASP.NET Core Module gives no signal', () => {
    const text = 'The Module DLL C:\\Windows\\system32\\inetsrv\\rewrite.dll failed to load.  The data is the error.';
    expect(values(run(text), 'signal')).toEqual([]);
  });

  it('every emitted id is registered', () => {
    const ids = new Set([...eventSignals, ...stdoutSignals].map((s) => s.id));
    for (const id of [...ANCM_SIGNAL_IDS, ...WINDOWS_SIGNAL_IDS, ...FALLBACK_SIGNAL_IDS]) expect(ids.has(id), id).toBe(true);
    for (const name of ['copy-details-createprocess.txt', 'friendly-view-1018.txt', 'app-service-eventlog.xml.txt', 'was-tab-export.txt']) {
      for (const v of values(run(fixture(name)), 'signal')) expect(ids.has(v as string), String(v)).toBe(true);
    }
  });
});

