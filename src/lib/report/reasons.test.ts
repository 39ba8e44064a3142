import { describe, expect, it } from 'vitest';
import { readerNote } from './reasons.ts';

describe('readerNote', () => {
  it('takes the decision-tree trace out and keeps the strongest hint', () => {
    const note = 'IIS log: 502.3 with sc-win32-status 12002 (ERROR_WINHTTP_TIMEOUT); Decision tree, answered by the evidence: "Which Windows error comes with the 502.3 (sc-win32-status in the IIS log, ErrorCode in Failed Request Tracing)?" -> 12002 / 0x80072EE2: the operation timed out';
    expect(readerNote(note)).toEqual({ text: 'IIS log: 502.3 with sc-win32-status 12002 (ERROR_WINHTTP_TIMEOUT)', against: false });
  });

  it('turns a lone tree step into the answer it fits, and marks evidence against', () => {
    const only = 'Decision tree, answered by the evidence: "When does the app close the connection?" -> When the app crashes or restarts, or I don\'t know';
    expect(readerNote(only)).toEqual({ text: "Fits: When the app crashes or restarts, or I don't know", against: false });
    expect(readerNote('A start failure is logged with it (lowers this cause)')).toEqual({ text: 'A start failure is logged with it', against: true });
  });

  it('keeps long notes short', () => {
    const long = `HTTP 500 Internal Server Error: ${'word '.repeat(80)}`;
    expect(readerNote(long)!.text.length).toBeLessThanOrEqual(200);
  });
});
