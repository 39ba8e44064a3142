import { describe, expect, it } from 'vitest';
import { otherLogKind } from './other-log.ts';

const NGINX = [
  '2024/03/05 10:15:22 [error] 1234#1234: *5678 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1, server: api, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:5000/", host: "api"',
  '2024/03/05 10:15:23 [notice] 1234#1234: signal process started',
  '2024/03/05 10:15:24 [error] 1234#1234: *5679 no live upstreams while connecting to upstream, client: 10.0.0.1',
].join('\n');

describe('otherLogKind', () => {
  it('names an nginx error log and keeps its error lines', () => {
    const k = otherLogKind(NGINX);
    expect(k?.label).toBe('an nginx error log');
    expect(k?.lines).toHaveLength(2);
    expect(k?.lines.every((l) => l.includes('[error]'))).toBe(true);
  });
  it('names an access log and keeps its 5xx lines', () => {
    const log = '10.0.0.1 - - [05/Mar/2024:10:15:22 +0000] "GET /a HTTP/1.1" 200 12 "-" "curl"\n10.0.0.1 - - [05/Mar/2024:10:15:23 +0000] "GET /b HTTP/1.1" 502 157 "-" "curl"';
    expect(otherLogKind(log)).toEqual({ label: 'an access log in the nginx or Apache format', lines: [log.split('\n')[1]] });
  });
  it('names Docker Compose output', () => {
    const log = 'shop-api-1  | Unhandled exception. System.IO.IOException: Failed to bind to address http://[::]:8080: address already in use.\nshop-api-1 exited with code 134\nnginx-1     | 2024/03/05 10:15:24 [error] 29#29: *1 no live upstreams';
    expect(otherLogKind(log)?.label).toBe('Docker Compose output');
  });
  it('leaves an IIS log and noise alone', () => {
    expect(otherLogKind('#Fields: date time cs-method\n2024-03-05 10:15:22 GET /a 502 3 12002 120015')).toBeNull();
    expect(otherLogKind('')).toBeNull();
    expect(otherLogKind('hello\nworld')).toBeNull();
  });
});
