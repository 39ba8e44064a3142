import type { KindFragments } from '../shared/fragments.ts';
import { runOf } from '../shared/fragments.ts';

export const fragments: KindFragments = {
  pieces: [
    '2024-01-02 03:04:05 ',
    '#Fields: ',
    'date time s-ip cs-method cs-uri-stem sc-status sc-substatus sc-win32-status time-taken',
    ' 502 3 12002 5',
    '10.0.0.1 GET /x - 443 - ',
    '\n',
    ' ',
    '#Software: Microsoft Internet Information Services 10.0',
  ],
  adversarial: [
    runOf('1'),
    runOf('2024-01-01 00:00:00 '),
    runOf(' '),
    runOf('2024-01-01 00:00:00 10.0.0.1 GET /x ' + '1 '.repeat(200) + '\n'),
    runOf('a-b ', '#Fields: '),
    runOf('2024-01-01 00:00:00 GET /x ' + '-'.repeat(100) + '\n'),
  ],
};
