import { describe, expect, it } from 'vitest';
import { reasonSpelling } from './httperr-reasons.ts';

describe('reasonSpelling', () => {
  it('spells known HTTP.sys reasons as Windows does, whatever the case', () => {
    expect(reasonSpelling('queuefull')).toBe('QueueFull');
    expect(reasonSpelling('TIMER_APPPOOL')).toBe('Timer_AppPool');
    expect(reasonSpelling('connection_abandoned_by_reqqueue')).toBe('Connection_Abandoned_By_ReqQueue');
  });
  it('leaves unknown reasons alone', () => {
    expect(reasonSpelling('somethingelse')).toBe('somethingelse');
  });
});
