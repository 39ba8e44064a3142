import { describe, expect, it } from 'vitest';
import { buildView } from './text.ts';
import { matchMessages } from './messages.ts';
import { ANCM_SPECS, codeContextSignals } from './ancm.ts';

function facts(text: string) {
  const view = buildView(text, 0, text.length, { compact: true });
  const hits = matchMessages(view, text, ANCM_SPECS);
  return {
    signals: hits.flatMap((h) => [...(h.signal ? [h.signal] : []), ...h.facts.filter((f) => f.name === 'signal').map((f) => f.value)]),
    codes: hits.flatMap((h) => h.facts.filter((f) => f.name === 'code').map((f) => f.value)),
    settings: hits.flatMap((h) => h.facts.filter((f) => f.name === 'setting').map((f) => f.value)),
    hosting: hits.flatMap((h) => h.facts.filter((f) => f.name === 'hosting-model').map((f) => f.value)),
  };
}

describe('codeContextSignals', () => {
  it('reads a code by where it was seen', () => {
    expect(codeContextSignals(0x80070002, 'oop-start')).toEqual(['event-log.ancm-file-not-found']);
    expect(codeContextSignals(0x80070002, 'stdout')).toEqual([]); // a missing log folder, not processPath
    expect(codeContextSignals(0x80070005, 'stdout')).toEqual(['event-log.ancm-access-denied']);
    expect(codeContextSignals(0x8000ffff, 'add-app')).toEqual(['event-log.ancm-hostfxr-failed']);
    expect(codeContextSignals(0x8000ffff, 'oop-start')).toEqual([]);
    expect(codeContextSignals(0xe0434352, 'oop-start')).toEqual(['event-log.ancm-app-exited-clr-exception']);
    expect(codeContextSignals(0xc00000fd, 'oop-start')).toEqual(['event-log.crash-stack-overflow']);
    expect(codeContextSignals(0x8007023e, 'add-app')).toEqual([]);
  });
});

describe('ANCM message specs', () => {
  it('1020 with multiple retries', () => {
    const f = facts("Application '/LM/W3SVC/4/ROOT' with physical root 'C:\\x\\' failed to start process with commandline 'dotnet .\\X.dll' with multiple retries. The last try of listening port is '2434'. See previous warnings for details.");
    expect(f.signals).toEqual(['event-log.ancm-start-retries-exhausted']);
    expect(f.hosting).toEqual(['out-of-process']);
  });

  it("V1's short start failure with a signed decimal code", () => {
    const f = facts("Process '5588' failed to start. Port = 21453, Error Code = '-2147024894'.");
    expect(f.signals).toEqual(['event-log.ancm-process-start-failed', 'event-log.ancm-file-not-found']);
    expect(f.codes).toEqual([0x80070002]);
    expect(f.hosting).toEqual(['out-of-process']);
    expect(facts("Process '5588' failed to start. Port = 21453, Error Code = '-2147023829'.").codes).toEqual([0x8007042b]);
  });

  it('settings from rapid-fail, startup time limit and hosting model messages', () => {
    expect(facts("Maximum rapid fail count per minute of '25' exceeded.").settings).toEqual(['rapidFailsPerMinute=25']);
    expect(facts("Managed server didn't initialize after 300000 ms.").settings).toEqual(['startupTimeLimit=300']);
    expect(facts("Unknown hosting model 'in-process'. Please specify either hostingModel=\"inprocess\"").settings).toEqual([
      'hostingModel=in-process',
    ]);
  });

  it('in-process initialization with a hostfxr return code', () => {
    const f = facts("Application '/LM/W3SVC/1/ROOT' with physical root 'C:\\a\\' failed to load coreclr. Exception message:\nError occurred when initializing in-process application, Return code: 0x80008096");
    expect(f.signals).toEqual(['event-log.ancm-load-clr-failed', 'event-log.ancm-initialization-failed', 'event-log.ancm-framework-missing']);
    expect(f.codes).toEqual([0x80008096]);
  });

  it('V1 status and command-line parse failures', () => {
    expect(facts("Application 'MACHINE/WEBROOT/APPHOST/A' with physical root 'C:\\a\\' created process with commandline 'x.exe'but failed to get its status, ErrorCode = '0x80070005'.").signals).toEqual([
      'event-log.ancm-process-start-failed',
      'event-log.ancm-access-denied',
    ]);
    expect(facts("Application 'MACHINE/WEBROOT/APPHOST/A' failed to parse processPath and arguments due to internal error, ErrorCode = '0x80070057'.").signals).toEqual([
      'event-log.ancm-invalid-commandline',
    ]);
  });

  it('older and newer wordings of the same exception text', () => {
    const older = facts("Application 'C:\\inetpub\\tools\\' failed to start. Exception message:\nApplication .dll was not found at C:\\inetpub\\tools\\Tools.dll. Confirm the application dll is present and is not published as a single executable.");
    expect(older.signals).toEqual(['event-log.ancm-inprocess-start-failed', 'event-log.ancm-app-dll-missing', 'event-log.ancm-app-dll-missing']);
    expect(facts('Unable to find hostfxr directory at C:\\Program Files\\dotnet\\host\\fxr').signals).toEqual(['event-log.ancm-hostfxr-path-failed']);
  });

  it('the success messages carry no signal', () => {
    expect(facts("Application '/LM/W3SVC/2/ROOT' started process '5520' successfully and process '5520' is listening on port '21457'.").signals).toEqual([]);
  });
});
