/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { indexLines } from '../../engine/lines.ts';
import type { Fact } from '../../engine/types.ts';
import { signals as apacheSignals } from '../../signals/apache.ts';
import { recogniser } from './recogniser.ts';
import error24 from '../../../../tests/fixtures/apache/error-24.txt?raw';
import error22 from '../../../../tests/fixtures/apache/error-22-and-windows.txt?raw';
import flattened from '../../../../tests/fixtures/apache/flattened.txt?raw';
import access from '../../../../tests/fixtures/apache/access.txt?raw';
import sslCertificate from '../../../../tests/fixtures/apache/ssl-certificate.txt?raw';
import proxyErrorPage from '../../../../tests/fixtures/apache/proxy-error-page.html?raw';
import renderedPages from '../../../../tests/fixtures/apache/error-pages-rendered.txt?raw';
import moreErrors from '../../../../tests/fixtures/apache/more-errors.txt?raw';
import nginxDocker from '../../../../tests/fixtures/nginx/docker-compose-refused.txt?raw';

function run(text: string): Fact[] {
  return recogniser.recognise(text, indexLines(text));
}
const named = (facts: Fact[], name: Fact['name']) => facts.filter((f) => f.name === name);
const values = (facts: Fact[], name: Fact['name']) => named(facts, name).map((f) => f.value);
const text = (input: string, f: Fact) => input.slice(f.span.start, f.span.end);

describe('apache recogniser: 2.4 error log', () => {
  const facts = run(error24);

  it('classifies each mod_proxy message by text and APR status', () => {
    expect(values(facts, 'signal')).toEqual([
      'apache.connect-refused',
      'apache.worker-disabled',
      'apache.backend-connection-failed',
      'apache.worker-in-retry',
      'apache.status-line-timeout',
      // AH00898 right after the status-line time-out is the same read: placed, not weighed twice.
      'apache.status-line-reset',
      'apache.status-line-eof',
      'apache.status-line-internal-error',
      'apache.connect-permission-denied',
      'apache.ssl-handshake-failed',
      'apache.unix-socket-missing',
      'apache.request-body-failed',
      'apache.ssl-proxy-not-enabled',
      'apache.corrupt-status-line',
      'apache.balancer-worker-error',
    ]);
  });

  it('gives the evidence span from the APR status to the end of the entry', () => {
    const first = named(facts, 'signal')[0] as Fact;
    expect(text(error24, first)).toBe(
      '(111)Connection refused: AH00957: http: attempt to connect to 127.0.0.1:5000 (localhost:5000) failed',
    );
  });

  it('extracts timestamp, client, backend and the request path', () => {
    expect(values(facts, 'timestamp')).toContain('2024-03-05T10:20:41.551234');
    expect(values(facts, 'setting')).toEqual(
      expect.arrayContaining([
        'backend=127.0.0.1:5000',
        'backend=localhost:5000',
        'client=203.0.113.7:51234',
        'remote=127.0.0.1:5001',
        'backend=/run/myapp/kestrel.sock',
      ]),
    );
    expect(values(facts, 'url')).toEqual(['/reports/export', '/', '/']);
    expect(values(facts, 'server')).toEqual(['apache']);
    // The startup notice is placed, not signalled; so is the AH00898 that repeats the status-line time-out.
    expect(values(facts, 'placed')).toEqual(['Apache error log entry', 'AH00898 after the status-line error']);
  });
});

describe('apache recogniser: more mod_proxy failures', () => {
  it('reads no-route, other connect errors, body and response failures, SSL, bad headers, DNS, a status line lost on a TLS port', () => {
    const facts = run(moreErrors);
    expect(values(facts, 'signal')).toEqual([
      'apache.connect-no-route',
      'apache.connect-failed',
      'apache.status-line-error',
      'apache.response-read-failed',
      'apache.response-read-timeout',
      'apache.request-body-timeout',
      'apache.ssl-proxy-connect-failed',
      'apache.bad-header',
      'apache.dns-failure',
      'apache.access-504',
      'apache.balancer-all-workers-failed',
      // End of file from port 443: plain HTTP sent to a TLS port; port 4430 is just a port.
      'apache.status-line-tls-port',
      'apache.status-line-eof',
    ]);
    expect(values(facts, 'url')).toEqual(['/api/trace', '/api/items', '/api/upload']);
  });
});

describe('apache recogniser: backend certificate checks (mod_ssl as a proxy client)', () => {
  it('reads AH02411, AH02005, AH02004 and AH02039 as a rejected certificate, AH00898 as the handshake failure', () => {
    const facts = run(sslCertificate);
    expect(values(facts, 'signal')).toEqual([
      'apache.ssl-certificate-rejected',
      'apache.ssl-handshake-failed',
      'apache.ssl-certificate-rejected',
      'apache.ssl-certificate-rejected',
      'apache.ssl-certificate-rejected',
    ]);
  });
});

describe('apache recogniser: other versions and platforms', () => {
  it('reads 2.2 entries without AH numbers', () => {
    const facts = run(error22);
    expect(values(facts, 'signal')).toEqual([
      'apache.connect-refused',
      'apache.status-line-timeout',
      // (the AH00898 after the status-line time-out is placed only)
      'apache.connect-refused',
      'apache.connect-timeout',
    ]);
    expect(values(facts, 'timestamp')[0]).toBe('2024-03-05T10:14:22');
    expect(values(facts, 'url')).toEqual(['/api/orders']);
  });

  it('reports Windows socket errors (OS 10061) as codes', () => {
    const facts = run(error22);
    const codes = named(facts, 'code');
    expect(codes.map((f) => f.value)).toEqual([10061, 10060]);
    for (const c of codes) expect(text(error22, c)).toBe(String(c.value));
  });

  it('splits entries that lost their newlines', () => {
    const facts = run(flattened);
    expect(values(facts, 'signal')).toEqual(['apache.connect-refused', 'apache.backend-connection-failed']);
    expect(values(facts, 'setting')).toEqual(['backend=127.0.0.1:8080', 'client=10.1.1.1:4444']);
  });

  it('reads a bare AH message without its header', () => {
    const input = 'I see "(70007)The timeout specified has expired: AH01102: error reading status line from remote server localhost:5000"';
    expect(values(run(input), 'signal')).toEqual(['apache.status-line-timeout']);
  });

  it('joins an entry hard-wrapped at 80 columns', () => {
    const line =
      '[Tue Mar 05 10:20:41.551234 2024] [proxy_http:error] [pid 1240:tid 140300] (70007)The timeout specified has expired: [client 198.51.100.23:60212] AH01102: error reading status line from remote server localhost:5000';
    const input = (line.match(/.{1,80}/g) as string[]).join('\n');
    const facts = run(input);
    expect(values(facts, 'signal')).toEqual(['apache.status-line-timeout']);
    expect(values(facts, 'setting')).toContain('backend=localhost:5000');
  });
});

describe('apache recogniser: access log and pages', () => {
  it('takes combined lines when the paste is about Apache, reading 503 as a failed connect', () => {
    const facts = run(access);
    expect(values(facts, 'status')).toEqual(['503', '502']);
    expect(values(facts, 'signal')).toEqual(['apache.access-503', 'apache.access-502']);
    expect(values(facts, 'url')).toEqual(['/api/orders', '/reports/export']);
    expect(values(facts, 'placed')).toEqual(['Apache access log line']);
  });

  it('leaves combined lines of an nginx paste alone', () => {
    const facts = run(nginxDocker);
    expect(facts).toEqual([]);
  });

  it('reads the Proxy Error page with its reason, request and server signature', () => {
    const facts = run(proxyErrorPage);
    expect(values(facts, 'status')).toEqual(['502']);
    expect(values(facts, 'signal')).toEqual(['apache.error-page-502', 'apache.read-error']);
    expect(values(facts, 'url')).toEqual(['/api/orders']);
    expect(values(facts, 'setting')).toEqual(['version=Apache/2.4.41']);
    const status = named(facts, 'status')[0] as Fact;
    expect(text(proxyErrorPage, status)).toBe(
      'The proxy server received an invalid\nresponse from an upstream server',
    );
  });

  it('finds a page sentence cut mid-word, in capitals, and the reason after a long gap of blanks', () => {
    const page = `<p>THE PROXY SERVER RECEI\nVED AN INVALID RESPONSE FROM AN upstream server.<br />\n${' '.repeat(3000)}\nReason: <strong>Error reading from remote server</strong></p>`;
    const facts = run(`noise: 1, 2, 3\n${page}\nmore noise`);
    expect(values(facts, 'status')).toEqual(['502']);
    expect(values(facts, 'signal')).toEqual(['apache.error-page-502', 'apache.read-error']);
    const input = `noise: 1, 2, 3\n${page}\nmore noise`;
    expect(text(input, named(facts, 'status')[0] as Fact)).toBe('THE PROXY SERVER RECEI\nVED AN INVALID RESPONSE FROM AN upstream server');
    const read = named(facts, 'signal').find((f) => f.value === 'apache.read-error') as Fact;
    expect(text(input, read)).toBe('Error reading from remote server');
  });

  it('reads the sentence as written when the paste holds a character whose lower case is longer', () => {
    const lower = run('İstanbul: the proxy server received an invalid response from an upstream server');
    expect(values(lower, 'status')).toEqual(['502']);
    const upper = run('İstanbul: The Proxy Server received an invalid response from an upstream server');
    expect(values(upper, 'status')).toEqual([]);
  });

  it('reads rendered 503 and 504 pages', () => {
    const facts = run(renderedPages);
    expect(values(facts, 'status')).toEqual(['504', '503']);
    expect(values(facts, 'signal')).toEqual(['apache.error-page-504', 'apache.error-page-503']);
    expect(values(facts, 'setting')).toEqual(['version=Apache/2.4.57', 'version=Apache/2.4.52']);
  });
});

describe('apache recogniser: near misses and robustness', () => {
  it('ignores non-proxy Apache entries and other text', () => {
    const input = [
      '[Tue Mar 05 09:00:00.000001 2024] [core:error] [pid 10:tid 10] [client 192.0.2.1:5000] AH00128: File does not exist: /var/www/html/favicon.ico',
      '[Tue Mar 05 09:00:01.000001 2024] [mpm_event:notice] [pid 10:tid 10] AH00492: caught SIGWINCH, shutting down gracefully',
      'AH00558: apache2: Could not reliably determine the server\'s fully qualified domain name',
      '2024/03/05 10:14:22 [error] 29#29: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 1.2.3.4',
    ].join('\n');
    const facts = run(input);
    expect(named(facts, 'signal')).toEqual([]);
    expect(values(facts, 'placed')).toEqual(['Apache error log entry', 'Apache error log entry']);
  });

  it('only emits registered signal ids', () => {
    const ids = new Set(apacheSignals.map((s) => s.id));
    const all = [error24, error22, flattened, access, proxyErrorPage, renderedPages].join('\n');
    for (const f of named(run(all), 'signal')) expect(ids.has(f.value as string)).toBe(true);
  });
});


describe('apache recogniser: AH00898 beside the status-line error', () => {
  const sigs = (input: string) =>
    recogniser.recognise(input, indexLines(input)).filter((f) => f.name === 'signal').map((f) => f.value);

  it('weighs the bare "Error reading from remote server" only when no status-line error says why', () => {
    const page = 'Proxy Error\nThe proxy server received an invalid response from an upstream server.\nReason: Error reading from remote server';
    expect(sigs(page)).toContain('apache.read-error');
    const pair =
      '[proxy_http:error] [pid 7] (104)Connection reset by peer: [client 10.0.0.5:4100] AH01102: error reading status line from remote server 10.0.0.9:8080\n' +
      '[proxy:error] [pid 7] [client 10.0.0.5:4100] AH00898: Error reading from remote server returned by /api/orders';
    expect(sigs(pair)).toContain('apache.status-line-reset');
    expect(sigs(pair)).not.toContain('apache.read-error');
  });
});
