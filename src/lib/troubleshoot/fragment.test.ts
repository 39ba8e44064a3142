import { describe, expect, it } from 'vitest';
import { decodeAnswers, encodeAnswers } from './fragment.ts';

describe('troubleshooter fragment', () => {
  it('round-trips answers in order', () => {
    const a: [string, string][] = [['source', 'iis'], ['iis-status', 's502-3']];
    expect(decodeAnswers('#' + encodeAnswers(a))).toEqual(a);
  });

  it('drops malformed and repeated entries', () => {
    expect(decodeAnswers('#source=iis&source=nginx&bad%20id=x&x=%3Cscript%3E')).toEqual([['source', 'iis']]);
    expect(decodeAnswers('#request-timeout')).toEqual([]);
    expect(decodeAnswers('')).toEqual([]);
  });
});
