import type { KindFragments } from '../shared/fragments.ts';
import { runOf } from '../shared/fragments.ts';

export const fragments: KindFragments = {
  pieces: [
    'time="2026-03-14T09:12:41Z" level=debug msg="',
    "'502 Bad Gateway' caused by: dial tcp 172.20.0.7:5000: connect: connection refused",
    '"',
    '192.0.2.41 - - [14/Mar/2026:10:20:05 +0000] "GET /api/orders HTTP/1.1" 502 11 "-" "curl/8.5.0" 1842 "orders@docker" "http://172.20.0.7:5000" 3ms',
    '{"DownstreamStatus":504,"Duration":60001532110,"OriginStatus":0,"RequestPath":"/api/export","RouterName":"export@docker"}',
    ' > 502 Bad Gateway error="',
    'http: server closed idle connection',
    '\n',
    ' ',
  ],
  adversarial: [
    runOf("'502 Bad Gateway' caused by: "),
    runOf('{"DownstreamStatus":'),
    runOf('\\"'),
    runOf('" 502 11 "-" "-" 1 "a" "'),
    runOf('time="', '', ' level=debug msg="x"'),
  ],
};
