import type { KindFragments } from '../shared/fragments.ts';
import { runOf } from '../shared/fragments.ts';

export const fragments: KindFragments = {
  pieces: [
    '{"level":"error","ts":1796552000.1,"logger":"http.log.error","msg":"dial tcp 127.0.0.1:5000: connect: connection refused","status":502}',
    '2026/12/06 10:41:12.550\tERROR\thttp.log.error\tdial tcp 127.0.0.1:5000: connect: connection refused\t{"status": 502}',
    '[ERROR 502 /api/orders] dial tcp 127.0.0.1:5000: i/o timeout',
    'no upstreams available',
    'context deadline exceeded',
    '\n',
    ' ',
  ],
  adversarial: [
    runOf('{"level":"error","logger":"http.log.error","msg":"'),
    runOf('"status":'),
    runOf('[ERROR 502 '),
    runOf('dial tcp '),
    runOf('{', '', '}'),
  ],
};
