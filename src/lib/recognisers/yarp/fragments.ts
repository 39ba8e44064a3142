import type { KindFragments } from '../shared/fragments.ts';
import { runOf } from '../shared/fragments.ts';

export const fragments: KindFragments = {
  pieces: [
    'warn: Yarp.ReverseProxy.Forwarder.HttpForwarder[48]',
    '\n      ',
    'Request: An error was encountered before receiving a response.',
    'System.Net.Http.HttpRequestException: Connection refused (x:1)',
    'SocketException (10061)',
    'ForwarderError: ',
    '"error":"',
    '\\n',
    'Exception',
    '{"EventId":48}',
    'Proxying to http://x/',
    '\n',
  ],
  adversarial: [
    runOf('Yarp.ReverseProxy\n'),
    runOf('Exception', 'warn: Yarp.ReverseProxy.Forwarder.HttpForwarder[48]\n'),
    runOf('A', 'warn: Yarp.ReverseProxy.Forwarder.HttpForwarder[48]\n'),
    runOf('ForwarderError: ', 'Yarp.ReverseProxy '),
    runOf('Yarp.ReverseProxy "error":"'),
    runOf('a.', 'Yarp.ReverseProxy ', 'Exception'),
  ],
};
