import type { KindFragments } from '../shared/fragments.ts';
import { runOf } from '../shared/fragments.ts';

export const fragments: KindFragments = {
  pieces: [
    'HTTP Error 502.3 - Bad Gateway',
    'HTTP Error 500.',
    '<th>Error Code</th><td>',
    '0x80072ee2',
    '</td>',
    'Module\t',
    '<html>',
    '</html>',
    '\n',
    '&nbsp;',
    'The operation timed out',
    'HTTP Error 503. The service is unavailable.',
    'HTTP Error 503. The service\n> is unavailable.',
  ],
  adversarial: [
    runOf('x', 'HTTP Error 502.3 - '),
    runOf('<html>'),
    runOf('HTTP Error 500.30 - a\n'),
    runOf(' ', '<th>Module</th>'),
    runOf('&nbsp;', 'Error Code'),
    runOf('offline', '<title>'),
    runOf('HTTP Error 502.3 - Bad Gateway\n' + 'Module\t x\n'.repeat(20) + '<html>\n'),
    runOf('The operation timed    \n>       ', 'HTTP Error 502.3 - Bad Gateway\n'),
    runOf('HTTP Error 503. The    \n   service \n'),
    runOf('Fehlercode \t  0x8007000d \n', 'HTTP-Fehler 500.19 - x\n'),
    runOf('<th>Fehlercode</th><td>', 'HTTP-Fehler 500.19 - x\n'),
    runOf('Modul \t  ApplicationRequestRouting x\n', 'HTTP-Fehler 502.3 - x\n'),
  ],
};
