import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { indexLines } from '../../engine/lines.ts';
import type { Fact } from '../../engine/types.ts';
import { recogniser, BENIGN } from './recogniser.ts';
import { recogniser as eventLog } from '../event-log/recogniser.ts';
import { signals as debugSignals } from '../../signals/ancm-debug-log.ts';
import { signals as eventSignals } from '../../signals/event-log.ts';
import { signals as stdoutSignals } from '../../signals/stdout-log.ts';

function fixture(name: string): string {
  return readFileSync(new URL(`../../../../tests/fixtures/ancm-debug-log/${name}`, import.meta.url), 'utf8');
}

function run(text: string): Fact[] {
  return recogniser.recognise(text, indexLines(text));
}

function values(facts: Fact[], name: string): (string | number)[] {
  return facts.filter((f) => f.name === name).map((f) => f.value);
}

describe('ancm-debug-log recogniser: fixtures', () => {
  it('2.2 log without timestamps: the event copy, the resolved processPath and the handler', () => {
    const facts = run(fixture('v22-clr-thread-exited.txt'));
    expect(values(facts, 'signal')).toEqual(['event-log.ancm-load-clr-failed', 'event-log.ancm-clr-thread-exited']);
    expect(values(facts, 'setting')).toEqual(['processPath=.\\Shop.Web.exe', 'arguments=']);
    expect(values(facts, 'hosting-model')).toEqual(['in-process']);
    expect(values(facts, 'code')).toEqual([]); // 0x8007023e is the module's wrapper for the exception above
    expect(values(facts, 'timestamp')).toEqual([]);
    expect(facts.every((f) => f.kind === 'ancm-debug-log')).toBe(true);
  });

  it('dotnet not found: the caught exception names the cause; probes and wrapper codes stay out', () => {
    const text = fixture('dotnet-not-found.txt');
    const facts = run(text);
    expect(values(facts, 'signal')).toEqual(['event-log.ancm-dotnet-not-found', 'event-log.ancm-add-application-failed']);
    expect(values(facts, 'code')).toEqual([]);
    expect(values(facts, 'setting')).toEqual(['processPath=dotnet', 'arguments=.\\Billing.Web.dll']);
    expect(values(facts, 'timestamp')).toEqual(['2024-04-02T08:11:27.583Z', '2024-04-02T08:11:27.585Z']);
    const sig = facts.find((f) => f.value === 'event-log.ancm-dotnet-not-found')!;
    expect(text.slice(sig.span.start, sig.span.end)).toMatch(/^\[2024-04-02T08:11:27\.583Z, PID: 5532\] \[aspnetcorev2\.dll\] InvalidOperationException/);
  });

  it('in-process exit with captured stdout in a multi-line event copy', () => {
    const facts = run(fixture('inprocess-exit-with-stdout.txt'));
    expect(values(facts, 'signal')).toEqual([
      'ancm-debug-log.managed-app-exited',
      'event-log.ancm-main-exited',
      'stdout-log.unhandled-exception',
      'stdout-log.startup-frame',
    ]);
    expect(values(facts, 'exception')).toEqual(['System.IO.FileNotFoundException']);
    expect(values(facts, 'hosting-model')).toEqual(['in-process']);
  });

  it('app_offline detection, reported once', () => {
    const facts = run(fixture('app-offline.txt'));
    expect(values(facts, 'signal')).toEqual(['ancm-debug-log.app-offline-detected']);
    expect(values(facts, 'server')).toEqual(['iis']);
  });

  it('a healthy start and a recycle: only the worker stop, no failure signal, no code', () => {
    const text = fixture('negative-recycle.txt');
    const facts = run(text);
    expect(values(facts, 'signal')).toEqual(['ancm-debug-log.worker-stopping']);
    const stop = facts.find((f) => f.name === 'signal')!;
    expect(text.slice(stop.span.start, stop.span.end)).toContain('OnGlobalStopListening');
    expect(values(facts, 'code')).toEqual([]);
    expect(values(facts, 'hosting-model')).toEqual(['in-process']);
  });

  it('lines inside test-runner output from IIS Express: codes that matter, LastError access denied', () => {
    const facts = run(fixture('test-runner-iisexpress.txt'));
    expect(values(facts, 'server')).toEqual(['iis-express']);
    expect(values(facts, 'code')).toEqual([0x80070005, 0x800700c1]);
    expect(values(facts, 'signal')).toEqual([
      'event-log.ancm-access-denied',
      'event-log.ancm-bad-exe-format',
      'event-log.ancm-add-application-failed',
    ]);
  });
});

describe('ancm-debug-log recogniser: ownership and noise', () => {
  it('the event-log recogniser leaves debug-log lines, event copies included, to this kind', () => {
    for (const name of ['v22-clr-thread-exited.txt', 'dotnet-not-found.txt', 'inprocess-exit-with-stdout.txt', 'test-runner-iisexpress.txt']) {
      const text = fixture(name);
      expect(eventLog.recognise(text, indexLines(text)), name).toEqual([]);
    }
  });

  it('knows the benign HRESULTs it skips', () => {
    expect(BENIGN.has(0x8007023e)).toBe(true);
    expect(BENIGN.has(0x800704e7)).toBe(true);
    expect(BENIGN.has(0x80070005)).toBe(false);
    const facts = run('[aspnetcorev2.dll] Failed HRESULT returned: 0x800704e7 at x.cpp:1 \n[aspnetcorev2.dll] Failed HRESULT returned: 0x8007000d at y.cpp:2 ');
    expect(values(facts, 'code')).toEqual([0x8007000d]);
  });

  it('an exception text no spec knows still counts as a caught exception', () => {
    const facts = run("[aspnetcorev2.dll] Exception 'bad allocation' caught at x.cpp:9 ");
    expect(values(facts, 'signal')).toEqual(['ancm-debug-log.exception-caught']);
  });

  it('a non-debug paste gives nothing', () => {
    expect(run('aspnetcorev2.dll failed to load\nManaged application exited with code 1')).toEqual([]);
  });

  it('every emitted signal is registered', () => {
    const ids = new Set([...debugSignals, ...eventSignals, ...stdoutSignals].map((s) => s.id));
    for (const name of ['v22-clr-thread-exited.txt', 'dotnet-not-found.txt', 'inprocess-exit-with-stdout.txt', 'app-offline.txt', 'test-runner-iisexpress.txt']) {
      for (const v of values(run(fixture(name)), 'signal')) expect(ids.has(v as string), String(v)).toBe(true);
    }
  });
});


describe('ancm-debug-log recogniser: LastError lines', () => {
  const line = (tail: string): string =>
    `[aspnetcorev2.dll] c:\\src\\aspnetcoremodulev2\\aspnetcore\\handlerresolver.cpp:224 Operation failed with LastError: ${tail}`;

  it('a line cut before the HR digits still gives HRESULT_FROM_WIN32 of the LastError', () => {
    const facts = run(line('193 HR: 0x'));
    expect(values(facts, 'code')).toEqual([0x800700c1]);
    expect(values(facts, 'signal')).toEqual(['event-log.ancm-bad-exe-format']);
    const code = facts.find((f) => f.name === 'code')!;
    expect(line('193 HR: 0x').slice(code.span.start, code.span.end)).toBe('193');
  });

  it('the HR written out wins, and probes for missing files stay quiet', () => {
    expect(values(run(line('193 HR: 0x800700c1')), 'code')).toEqual([0x800700c1]);
    expect(values(run(line('2 HR: 0x')), 'code')).toEqual([]);
    expect(values(run(line('3')), 'code')).toEqual([]);
  });
});
