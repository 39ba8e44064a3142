import type { KindFragments } from '../shared/fragments.ts';
import { runOf } from '../shared/fragments.ts';

export const fragments: KindFragments = {
  pieces: [
    'https 2024-03-05T10:15:32.123456Z app/x/1 1.2.3.4:1 5.6.7.8:80 0.000 -1 -1 502 - 1 2 "GET http://a/ HTTP/1.1" "ua"',
    'ERRORINFO_UPSTREAM_TIMED_OUT',
    '"httpStatus":502',
    '"timeTaken":20.0',
    '"errorInfo":"OriginTimeout"',
    '[2024-03-05T10:14:22.880Z] "GET /a HTTP/1.1" 503 UF ',
    'upstream connect error or disconnect/reset before headers. reset reason: ',
    '502 Bad Gateway Microsoft-Azure-Application-Gateway/v2',
    '"response_flags":"UC","response_code":503',
    '"GET /health HTTP/1.1" 404 26 "-" "ELB-HealthChecker/2.0"',
    'kube-probe/1.29',
    ' HTTP/1.1 ',
    'ingress.kubernetes.io/backends: {"k8s-be-1":"UNHEALTHY"}',
    '\n',
    '\t',
    ' ',
  ],
  adversarial: [
    runOf('http 2024-03-05T12:00:00.000000Z app/x '),
    runOf(' app/'),
    runOf('ERRORINFO_UPSTREAM_TIMED_OUT\n'),
    runOf('"errorInfo":"OriginTimeout"'),
    runOf('[2024-03-05T10:14:22.880Z] "GET /'),
    runOf('upstream connect error or disconnect/reset before headers.'),
    runOf('502 Bad Gateway Microsoft-Azure-Application-Gateway/v2 '),
    runOf('"', '', ' app/'),
    runOf('ELB-HealthChecker/ HTTP/1.1 '),
    runOf('ingress.kubernetes.io/backends UNHEALTHY '),
    runOf('"status":', '', 'kube-probe/'),
  ],
};
