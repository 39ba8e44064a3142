import type { KindFragments } from '../shared/fragments.ts';
import { runOf } from '../shared/fragments.ts';

export const fragments: KindFragments = {
  pieces: [
    '[Tue Mar 05 10:14:22.123456 2024] [proxy:error] [pid 1:tid 2] ',
    '(111)Connection refused: ',
    'AH00957: http: attempt to connect to 127.0.0.1:5000 (localhost) failed',
    '(OS 10061)No connection: ',
    'AH01102: error reading status line from remote server x',
    '\n',
    ' ',
    'The proxy server received an invalid response from an upstream server',
    'Reason: Error reading from remote server',
    'Apache/2.4.1 Server at x Port 80',
    '[05/Mar/2024:10:14:22 +0000] "GET / HTTP/1.1" 503 1',
  ],
  adversarial: [
    runOf('[Tue Mar 05 10:14:22.123456 2024] [proxy:error] '),
    runOf('('),
    runOf('(111)', '', 'attempt to connect to'),
    runOf('The proxy server received an invalid response from an upstream server. '),
    runOf('Apache', '', ' upstream server'),
    runOf(' ', '', 'AH01102:'),
    runOf('(1)(', '[Tue Mar 05 10:14:22 2024] [error] attempt to connect to '),
  ],
};
