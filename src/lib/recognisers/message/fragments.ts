import type { KindFragments } from '../shared/fragments.ts';
import { runOf } from '../shared/fragments.ts';

export const fragments: KindFragments = {
  pieces: [
    'HTTP Error 500.38 - ANCM Application DLL Not Found',
    'An attempt was made to access a socket in a way forbidden by its access permissions.',
    'System.Net.Sockets.SocketException (10061): ',
    'No connection could be made because the target machine actively refused it.',
    'connect() failed (111: Connection refused) while connecting to upstream',
    '由于目标计算机积极拒绝，无法连接。',
    '“',
    '–',
    '\n',
    ' ',
  ],
  adversarial: [
    runOf('an attempt was made to '),
    runOf('access a socket '),
    runOf('failed to start '),
    runOf('由于目标'),
    runOf('“‘–— '),
    runOf('HTTP Error 500.'),
    runOf("Application '", '', "' failed to start process with commandline"),
  ],
};
