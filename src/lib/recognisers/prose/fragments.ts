import type { KindFragments } from '../shared/fragments.ts';
import { runOf } from '../shared/fragments.ts';

export const fragments: KindFragments = {
  pieces: [
    'we get a 504 from the load balancer after about a minute',
    'random 502s from nginx right after every deploy',
    '502 only when uploading big files',
    'IIS returns 502.3 after exactly 120 seconds',
    'Bad Gateway after 230 seconds on Azure App Service',
    "nginx couldn't connect since we changed the default port",
    'Bad Gateway',
    ' after ',
    ' minutes',
    '.',
    '\n',
    ' ',
  ],
  adversarial: [
    runOf('after about '),
    runOf('1 2 3 4 5 '),
    runOf('502 '),
    runOf('two minutes and '),
    runOf('nginx IIS Apache YARP '),
    runOf('a'.repeat(40) + ' '),
    runOf("couldn't connect to "),
    runOf('changed the port '),
  ],
};
