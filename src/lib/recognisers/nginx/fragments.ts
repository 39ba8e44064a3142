import type { KindFragments } from '../shared/fragments.ts';
import { runOf } from '../shared/fragments.ts';

export const fragments: KindFragments = {
  pieces: [
    '2024/03/05 10:14:22 [error] 1#1: *1 ',
    'connect() failed (111: Connection refused)',
    ' while connecting to upstream',
    ', client: 1.2.3.4',
    ', request: "GET /a HTTP/1.1"',
    ', upstream: "http://x"',
    '"',
    '\n',
    ' ',
    '[05/Mar/2024:10:14:22 +0000] "GET / HTTP/1.1" 502 157',
    '502 Bad Gateway\nnginx',
    'upstream timed out (110: ',
    ' [default-x-80] [] ',
  ],
  adversarial: [
    runOf('2024/03/05 10:14:22 [error] '),
    runOf('9'),
    { label: 'quotes around "] \\""', make: (n) => '"'.repeat(n) + '] "' + '"'.repeat(n) },
    runOf(', client: ', '', 'upstream timed out while'),
    runOf('<'),
    runOf(' ', '', '502 Bad Gateway'),
    runOf('[01/Jan/2024:00:00:00 +0000] "'),
    runOf('(', 'upstream timed out (110: '),
    runOf('(1:(', '2024/03/05 10:14:22 [error] 1#1: *1 connect() '),
  ],
};
