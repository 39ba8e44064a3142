import { describe, expect, it } from 'vitest';
import { indexLines } from '../../engine/lines.ts';
import { debugLines, debugRanges } from './ancm-debug-lines.ts';

describe('debugLines', () => {
  it('reads the module tag, the optional time/PID prefix and text before it', () => {
    const text = [
      '[aspnetcorev2.dll] Initializing logs for x',
      '[2023-12-06T12:53:59.460Z, PID: 15720] [aspnetcorev2_inprocess.dll] Starting app_offline monitoring',
      'iisexpress stdout: [2022-11-30T20:03:47.264Z, PID: 2728] [aspnetcorev2_outofprocess.dll] Failed HRESULT returned: 0x8007023e at x.cpp:70 ',
      'plain line',
    ].join('\r\n');
    const d = debugLines(text, indexLines(text));
    expect(d.map((x) => x.module)).toEqual(['aspnetcorev2.dll', 'aspnetcorev2_inprocess.dll', 'aspnetcorev2_outofprocess.dll']);
    expect(d[0]!.time).toBeUndefined();
    expect(d[1]!.time?.iso).toBe('2023-12-06T12:53:59.460Z');
    expect(text.slice(d[2]!.time!.start, d[2]!.time!.end)).toBe('2022-11-30T20:03:47.264Z');
    expect(text.slice(d[1]!.msgStart, d[1]!.end)).toBe('Starting app_offline monitoring');
  });

  it('folds a multi-line event copy up to "End Event Log Message."', () => {
    const text = [
      "[aspnetcorev2_inprocess.dll] Event Log: 'Application '/LM/W3SVC/1/ROOT' with physical root 'C:\\a\\' has exited from Program.Main with exit code = '1'. First 30KB characters of captured stdout and stderr logs:",
      'Unhandled exception. System.Exception: boom',
      "' ",
      'End Event Log Message.',
      '[aspnetcorev2.dll] next',
    ].join('\n');
    const lines = indexLines(text);
    const d = debugLines(text, lines);
    expect(d).toHaveLength(2);
    const ev = text.slice(d[0]!.event!.start, d[0]!.event!.end);
    expect(ev).toContain('Unhandled exception. System.Exception: boom');
    expect(ev).not.toContain('End Event Log Message');
    expect(debugRanges(text, lines, d)).toEqual([{ start: 0, end: text.length }]);
  });

  it('a one-line event copy ends before its closing marker', () => {
    const text = "[aspnetcorev2.dll] Event Log: 'Failed to start application '/LM/W3SVC/1/ROOT', ErrorCode '0x8000ffff'.' \nEnd Event Log Message.";
    const d = debugLines(text, indexLines(text));
    expect(text.slice(d[0]!.event!.start, d[0]!.event!.end)).toBe("Failed to start application '/LM/W3SVC/1/ROOT', ErrorCode '0x8000ffff'.' ");
    expect(d[0]!.end).toBe(text.length);
  });

  it('finds nothing in text without the tag', () => {
    const text = 'aspnetcorev2.dll is the module\n[aspnetcorev2] no dll';
    expect(debugLines(text, indexLines(text))).toEqual([]);
  });
});
