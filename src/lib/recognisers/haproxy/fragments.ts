import type { KindFragments } from '../shared/fragments.ts';
import { runOf } from '../shared/fragments.ts';

export const fragments: KindFragments = {
  pieces: [
    'Dec  6 10:15:02 lb1 haproxy[2211]: ',
    '203.0.113.24:51844 [06/Dec/2026:10:15:02.118] fe_main be_orders/orders1 0/0/-1/-1/3002 503 217 - - SC-- 12/12/0/0/3 0/0 "GET /api/orders HTTP/1.1"',
    '[WARNING]  (2211) : Server be_orders/orders1 is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms.',
    "backend 'be_orders' has no server available!",
    '198.51.100.9:40112 [06/Dec/2026:10:1\n5:03.220] fe_tcp be_orders/orders2 0/-1/30\n01 0 sC 3/3/0/0/3 0/0',
    ' sH-- ',
    '\n',
    ' ',
  ],
  adversarial: [
    runOf('0/0/-1/-1/'),
    runOf('[06/Dec/2026:10:15:02.118] '),
    runOf(' SC-- '),
    runOf(':8080 [06/Dec/2026:10:1\n'),
    runOf('Server a/b is DOWN, reason: '),
    runOf('fe be/s ', '', '0/0/0/0/0 502 0 - - SH--'),
  ],
};
