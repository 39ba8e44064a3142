import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDuration, formatPercent, formatTime, formatUnit } from './format.ts';

describe('format', () => {
  it('writes counts, sizes and shares', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(2_500_000)).toBe('2.5 MB');
    expect(formatBytes(3_210_000_000)).toBe('3.21 GB');
    expect(formatPercent(1, 3)).toBe('33%');
    expect(formatPercent(1, 1000)).toBe('0.1%');
    expect(formatPercent(1, 20000)).toBe('<0.1%');
    expect(formatPercent(0, 0)).toBe('0%');
  });
  it('writes durations', () => {
    expect(formatDuration(15)).toBe('15 ms');
    expect(formatDuration(2204)).toBe('2.2 s');
    expect(formatDuration(120_016)).toBe('120 s');
    expect(formatDuration(1_200_000)).toBe('20.0 min');
  });
  it('writes timeline times in UTC', () => {
    const t = Date.UTC(2024, 2, 5, 10, 14) / 1000;
    expect(formatTime(t, 60, false)).toBe('10:14');
    expect(formatTime(t, 3600, true)).toBe('Mar 5 10:14');
    expect(formatTime(t, 86_400, true)).toBe('Mar 5 2024');
    expect(formatUnit(60)).toBe('1 minute');
    expect(formatUnit(300)).toBe('5 minutes');
    expect(formatUnit(7200)).toBe('2 hours');
    expect(formatUnit(86_400)).toBe('1 day');
  });
});
