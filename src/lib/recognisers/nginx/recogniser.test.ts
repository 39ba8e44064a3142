/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { indexLines } from '../../engine/lines.ts';
import type { Fact } from '../../engine/types.ts';
import { signals as nginxSignals } from '../../signals/nginx.ts';
import { recogniser, schemePortMismatch } from './recogniser.ts';
import dockerRefused from '../../../../tests/fixtures/nginx/docker-compose-refused.txt?raw';
import ingressTimeout from '../../../../tests/fixtures/nginx/ingress-timeout.txt?raw';
import wrapped from '../../../../tests/fixtures/nginx/wrapped.txt?raw';
import messages from '../../../../tests/fixtures/nginx/upstream-messages.txt?raw';
import otherPlatforms from '../../../../tests/fixtures/nginx/other-platforms.txt?raw';
import flattened from '../../../../tests/fixtures/nginx/flattened.txt?raw';
import errorPage from '../../../../tests/fixtures/nginx/error-page.html?raw';
import errorPageCurl from '../../../../tests/fixtures/nginx/error-page-curl.txt?raw';
import errorPageRendered from '../../../../tests/fixtures/nginx/error-page-rendered.txt?raw';
import negatives from '../../../../tests/fixtures/nginx/negatives.txt?raw';
import moreMessages from '../../../../tests/fixtures/nginx/more-messages.txt?raw';
import headerlessWrapped from '../../../../tests/fixtures/nginx/headerless-wrapped.txt?raw';
import schemeMismatch from '../../../../tests/fixtures/nginx/scheme-port-mismatch.txt?raw';
import access499 from '../../../../tests/fixtures/nginx/access-499.txt?raw';
import fastcgiGone from '../../../../tests/fixtures/nginx/fastcgi-worker-gone.txt?raw';
import { diagnose } from '../../engine/diagnose.ts';

function run(text: string): Fact[] {
  return recogniser.recognise(text, indexLines(text));
}
const named = (facts: Fact[], name: Fact['name']) => facts.filter((f) => f.name === name);
const values = (facts: Fact[], name: Fact['name']) => named(facts, name).map((f) => f.value);
const text = (input: string, f: Fact) => input.slice(f.span.start, f.span.end);

describe('nginx recogniser: client closed request', () => {
  it('reads a 499 access-log line as the client going away, and a 200 as nothing', () => {
    const facts = run(access499);
    expect(values(facts, 'signal')).toEqual(['nginx.access-499']);
    expect(values(facts, 'time-taken-ms')).toContain(30001);
  });
});

describe('nginx recogniser: a message quoted as a title', () => {
  it('reads it capitalised and cut short', () => {
    expect(values(run('Upstream prematurely closed connection'), 'signal')).toEqual(['nginx.upstream-closed']);
    expect(values(run('Upstream sent too big header while reading response header from upstream'), 'signal')).toEqual(['nginx.header-too-big']);
  });
});

describe('nginx recogniser: a FastCGI worker that went away', () => {
  it('marks a reset or early close from a fastcgi:// upstream, and not one from an http:// upstream', () => {
    const facts = run(fastcgiGone);
    const gone = facts.filter((f) => f.value === 'nginx.fastcgi-worker-gone');
    expect(gone.map((f) => text(fastcgiGone, f))).toEqual(['fastcgi://', 'fastcgi://']);
    const lines = fastcgiGone.split('\n');
    expect(gone.every((f) => f.span.start < lines[0]!.length + lines[1]!.length + 2)).toBe(true);
  });

  it('puts a crashed worker above a keep-alive race: nginx does not reuse FastCGI connections by default', () => {
    const line = fastcgiGone.split('\n')[0]!;
    const causes = diagnose(line).findings.map((f) => f.cause);
    expect(causes.indexOf('app-crash-runtime')).toBeGreaterThanOrEqual(0);
    expect(causes.indexOf('app-crash-runtime')).toBeLessThan(causes.indexOf('keepalive-race'));
    const http = diagnose(fastcgiGone.split('\n')[2]!).findings.map((f) => f.cause);
    expect(http.indexOf('keepalive-race')).toBeGreaterThanOrEqual(0);
    expect(http.indexOf('keepalive-race')).toBeLessThan(http.indexOf('app-crash-runtime'));
  });
});

describe('nginx recogniser: error log', () => {
  it('reads a refused upstream inside docker compose output, with its fields', () => {
    const facts = run(dockerRefused);
    const sig = named(facts, 'signal');
    expect(sig.map((f) => f.value)).toEqual(['nginx.upstream-refused', 'nginx.access-502']);
    expect(text(dockerRefused, sig[0] as Fact)).toBe(
      'connect() failed (111: Connection refused) while connecting to upstream',
    );
    expect(values(facts, 'setting')).toEqual(
      expect.arrayContaining([
        'upstream=http://172.18.0.3:5000/api/orders?page=2',
        'host=localhost:8080',
        'server_name=localhost',
        'client=172.18.0.1',
      ]),
    );
    const urls = named(facts, 'url');
    expect(urls.map((f) => f.value)).toEqual(['/api/orders?page=2', '/api/orders?page=2']);
    for (const u of urls) expect(text(dockerRefused, u)).toBe('/api/orders?page=2');
    expect(values(facts, 'timestamp')).toContain('2024-03-05T10:14:22');
    expect(values(facts, 'server')).toEqual(['nginx']);
    // The 200 line is placed but says nothing else.
    expect(values(facts, 'status')).toEqual(['502']);
  });

  it('classifies every upstream message by its text and errno', () => {
    const facts = run(messages);
    expect(values(facts, 'signal')).toEqual([
      'nginx.upstream-permission-denied',
      'nginx.unix-socket-missing',
      'nginx.header-too-big',
      'nginx.upstream-reset',
      'nginx.no-live-upstreams-group',
      'nginx.ssl-handshake-failed',
      'nginx.upstream-scheme-port-mismatch',
      'nginx.no-valid-http-header',
      'nginx.upstream-scheme-port-mismatch',
      'nginx.invalid-response',
      'nginx.source-ports-exhausted',
      'nginx.upstream-no-route',
      'nginx.upstream-connect-timeout',
      'nginx.upstream-broken-pipe',
      'nginx.upstream-closed-body',
      'nginx.ssl-peer-closed',
      'nginx.ssl-certificate-rejected',
      'nginx.upstream-not-resolved',
      'nginx.ssl-handshake-rejected',
      'nginx.invalid-chunked',
    ]);
    expect(values(facts, 'setting')).toContain('upstream=http://unix:/var/www/myapp/kestrel.sock:/api/health');
    expect(values(facts, 'url')).toContain('/signin-oidc?code=abc&state=xyz');
    expect(values(facts, 'setting')).toContain('server_name=_');
  });

  it('reads backlog, other connect errors, body and tunnel timeouts, early responses', () => {
    expect(values(run(moreMessages), 'signal')).toEqual([
      'nginx.unix-socket-backlog-full',
      'nginx.upstream-connect-failed',
      'nginx.upstream-body-timeout',
      'nginx.upstream-timeout',
      'nginx.premature-response',
      'nginx.upstream-scheme-port-mismatch',
      'nginx.upstream-disabled',
      'nginx.upstream-closed',
      // localhost: the addresses of one host (127.0.0.1 and ::1); without the field: not known
      'nginx.no-live-upstreams-host',
      'nginx.no-live-upstreams',
      // grpc_pass to an endpoint that answers HTTP/1.1, then one that resets the stream
      'nginx.upstream-http2-invalid',
      'nginx.upstream-http2-reset',
    ]);
    // The last entry sits inside a JSON log line with escaped quotes.
    expect(values(run(moreMessages), 'url')).toContain('/api/cart');
    expect(values(run(moreMessages), 'setting')).toContain('upstream=http://10.244.1.7:8080/api/cart');
  });

  it('reads macOS and Windows errno numbers by their text, and journald prefixes', () => {
    const facts = run(otherPlatforms);
    expect(values(facts, 'signal')).toEqual([
      'nginx.upstream-refused',
      'nginx.upstream-refused',
      'nginx.upstream-send-timeout',
    ]);
    // Windows socket error numbers are Windows codes.
    const codes = named(facts, 'code');
    expect(codes.map((f) => f.value)).toEqual([10061]);
    expect(text(otherPlatforms, codes[0] as Fact)).toBe('10061');
    expect(values(facts, 'url')).toContain('/api/blob');
  });

  it('joins hard (mid-word) and soft (at spaces) wrapped entries', () => {
    const facts = run(wrapped);
    expect(values(facts, 'signal')).toEqual(['nginx.upstream-closed', 'nginx.upstream-read-timeout']);
    expect(values(facts, 'setting')).toEqual(
      expect.arrayContaining([
        'upstream=http://127.0.0.1:5000/checkout',
        'server_name=shop.example.com',
        'upstream=http://127.0.0.1:5000/reports/yearly',
      ]),
    );
    expect(values(facts, 'url')).toEqual(['/checkout', '/reports/yearly']);
    // The hard-wrapped signal span runs across the line break and maps back to the input.
    const first = named(facts, 'signal')[0] as Fact;
    expect(text(wrapped, first).replace(/\n/g, '')).toBe(
      'upstream prematurely closed connection while reading response header from upstream',
    );
  });

  it('splits several entries that lost their newlines', () => {
    const facts = run(flattened);
    expect(values(facts, 'signal')).toEqual(['nginx.upstream-refused', 'nginx.upstream-read-timeout']);
    expect(values(facts, 'url')).toEqual(['/a', '/b']);
    expect(values(facts, 'placed')).toEqual(['nginx error log entry']);
  });

  it('reads a bare, wrapped message next to the rendered 504 page', () => {
    const facts = run(headerlessWrapped);
    expect(values(facts, 'signal')).toEqual(['nginx.upstream-read-timeout', 'nginx.error-page-504']);
    const sig = named(facts, 'signal')[0] as Fact;
    expect(text(headerlessWrapped, sig)).toBe(
      'upstream timed out (110: Unknown error) while reading response header from upstream',
    );
    expect(values(facts, 'setting')).toEqual(['upstream=http://127.0.0.1:5005/reports', 'version=nginx/1.18.0 (Ubuntu)']);
  });

  it('reads a bare message pasted without its header', () => {
    const input = 'I keep getting: upstream prematurely closed connection while reading response header from upstream';
    expect(values(run(input), 'signal')).toEqual(['nginx.upstream-closed']);
  });

  it('reads a certificate verify error wrapped before its phase as one entry', () => {
    const input = 'upstream SSL certificate verify error: (20:unable to get local issuer certificate)\nwhile SSL handshaking to upstream';
    expect(values(run(input), 'signal')).toEqual(['nginx.ssl-certificate-rejected']);
  });

  it('reads "upstream server temporarily disabled" as the consequence it is, in any phase', () => {
    const input = [
      '2025/01/09 09:28:40 [error] 20#20: *43 SSL_do_handshake() failed (SSL: error:0A000410:SSL routines::ssl/tls alert handshake failure:SSL alert number 40) while SSL handshaking to upstream, client: 127.0.0.1, server: _',
      '2025/01/09 09:28:40 [warn] 20#20: *43 upstream server temporarily disabled while SSL handshaking to upstream, client: 127.0.0.1, server: _',
      '2025/01/09 09:28:41 [warn] 20#20: *44 upstream server temporarily disabled while connecting to upstream, client: 127.0.0.1, server: _',
    ].join('\n');
    expect(values(run(input), 'signal')).toEqual(['nginx.ssl-handshake-rejected', 'nginx.upstream-disabled', 'nginx.upstream-disabled']);
  });

  it('takes a refused connect() quoted with "no live upstreams" as the failure, the bare message as no live upstreams', () => {
    const both = 'I get `no live upstreams while connecting to upstream` and `connect() failed (111: Connection refused) while connecting to upstream`';
    expect(values(run(both), 'signal')).toEqual(['nginx.upstream-refused']);
    expect(values(run('no live upstreams while connecting to upstream'), 'signal')).toEqual(['nginx.no-live-upstreams']);
  });
});

describe('nginx recogniser: access log', () => {
  it('reads ingress-nginx lines: time, upstream address and per-try statuses', () => {
    const facts = run(ingressTimeout);
    expect(values(facts, 'signal')).toEqual([
      'nginx.upstream-read-timeout',
      'nginx.access-504',
      'nginx.access-502',
      'nginx.access-all-upstreams-failed',
    ]);
    expect(values(facts, 'status')).toEqual(['504', '502']);
    expect(values(facts, 'time-taken-ms')).toEqual([60002, 4]);
    expect(values(facts, 'setting')).toEqual(
      expect.arrayContaining([
        'proxy_upstream_name=default-reports-api-80',
        'upstream=10.244.1.7:8080',
        'upstream_status=504',
        'upstream=10.244.1.9:8080, 10.244.2.4:8080, 10.244.3.2:8080',
        'upstream_status=502, 502, 502',
      ]),
    );
    expect(values(facts, 'server')).toEqual(expect.arrayContaining(['nginx', 'kubernetes']));
    expect(values(facts, 'url')).toEqual(['/reports/export', '/reports/export', '/orders']);
  });

  it('reads key=value timing extras of custom formats', () => {
    const input =
      '198.51.100.2 - - [05/Mar/2024:10:00:00 +0100] "GET /slow HTTP/1.1" 504 167 "-" "curl/8.5.0" rt=60.004 uct="0.000" uht="-" urt="60.004" us="504"';
    const facts = run(input);
    expect(values(facts, 'time-taken-ms')).toEqual([60004]);
    expect(values(facts, 'setting')).toContain('upstream_status=504');
    expect(values(facts, 'timestamp')).toEqual(['2024-03-05T10:00:00+01:00']);
  });

  it('leaves combined lines to Apache when the paste is about Apache only', () => {
    const input =
      '[Tue Mar 05 10:14:22.123456 2024] [proxy:error] [pid 1234:tid 5678] AH00940: http: disabled connection for (localhost:5000)\n' +
      '203.0.113.7 - - [05/Mar/2024:10:14:22 +0000] "GET /api HTTP/1.1" 503 299 "-" "curl/8.5.0"\n';
    expect(run(input)).toEqual([]);
  });
});

describe('nginx recogniser: error page', () => {
  it('reads the raw page once, with the version', () => {
    const facts = run(errorPage);
    expect(values(facts, 'status')).toEqual(['502']);
    expect(values(facts, 'signal')).toEqual(['nginx.error-page-502']);
    expect(values(facts, 'setting')).toEqual(['version=nginx/1.24.0 (Ubuntu)']);
  });

  it('reads curl -i output with the page body as one 504', () => {
    const facts = run(errorPageCurl);
    expect(values(facts, 'status')).toEqual(['504']);
    expect(values(facts, 'signal')).toEqual(['nginx.error-page-504']);
  });

  it("reads the 503 page (limit_req, limit_conn, or an ingress with no ready endpoints)", () => {
    const page =
      '<html>\n<head><title>503 Service Temporarily Unavailable</title></head>\n<body>\n<center><h1>503 Service Temporarily Unavailable</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>';
    const facts = run(page);
    expect(values(facts, 'status')).toEqual(['503']);
    expect(values(facts, 'signal')).toEqual(['nginx.error-page-503']);
    expect(values(facts, 'server')).toEqual(['nginx']);
  });

  it('reads the page as rendered text', () => {
    const facts = run(errorPageRendered);
    expect(values(facts, 'signal')).toEqual(['nginx.error-page-502']);
    expect(values(facts, 'server')).toEqual(['nginx']);
  });

  it('does not claim a 502 page of another server', () => {
    const page =
      '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>Microsoft-Azure-Application-Gateway/v2</center></body></html>';
    expect(run(page)).toEqual([]);
  });
});

describe('nginx recogniser: near misses and robustness', () => {
  it('finds no signal in notices, file-not-found errors, buffering warnings and 2xx/4xx lines', () => {
    const facts = run(negatives);
    expect(named(facts, 'signal')).toEqual([]);
    expect(named(facts, 'status')).toEqual([]);
    // Every line is placed so it is not reported as unrecognised.
    expect(named(facts, 'placed').length).toBe(7);
  });

  it('only emits registered signal ids', () => {
    const ids = new Set(nginxSignals.map((s) => s.id));
    const all = [dockerRefused, ingressTimeout, wrapped, messages, otherPlatforms, flattened, errorPage].join('\n');
    for (const f of named(run(all), 'signal')) expect(ids.has(f.value as string)).toBe(true);
  });

  it('keeps every span inside the input', () => {
    const all = [dockerRefused, ingressTimeout, wrapped, messages, errorPageCurl].join('\n');
    for (const f of run(all)) {
      expect(f.span.start).toBeGreaterThanOrEqual(0);
      expect(f.span.end).toBeLessThanOrEqual(all.length);
      expect(f.span.end).toBeGreaterThanOrEqual(f.span.start);
    }
  });
});


describe('nginx recogniser: scheme and port of the upstream', () => {
  it('flags plain HTTP to a TLS port and TLS to a plain port when the upstream broke off', () => {
    const facts = run(schemeMismatch);
    const hits = named(facts, 'signal').filter((f) => f.value === 'nginx.upstream-scheme-port-mismatch');
    expect(hits.map((f) => text(schemeMismatch, f))).toEqual(['http://10.1.0.27:443', 'https://10.1.0.27:80']);
  });
  it('says nothing about the scheme of a refused connection or an unremarkable port', () => {
    const facts = run(schemeMismatch);
    const refusedLine = schemeMismatch.split('\n')[2] as string;
    const at = schemeMismatch.indexOf(refusedLine);
    const onRefused = named(facts, 'signal').filter(
      (f) => f.value === 'nginx.upstream-scheme-port-mismatch' && f.span.start >= at && f.span.end <= at + refusedLine.length,
    );
    expect(onRefused).toEqual([]);
    expect(schemePortMismatch('http://127.0.0.1:4430/')).toBe(0);
  });
  it('reads the authority forms nginx writes', () => {
    expect(schemePortMismatch('http://[fd00::5]:443/x')).toBe('http://[fd00::5]:443'.length);
    expect(schemePortMismatch('HTTPS://app:5000')).toBe('HTTPS://app:5000'.length);
    expect(schemePortMismatch('http://app:443x/')).toBe(0);
    expect(schemePortMismatch('http://app/')).toBe(0);
  });
  it("reads grpc_pass's grpc:// as plain and grpcs:// as TLS", () => {
    expect(schemePortMismatch('grpc://10.244.206.92:8443')).toBe('grpc://10.244.206.92:8443'.length);
    expect(schemePortMismatch('grpcs://app:80/x')).toBe('grpcs://app:80'.length);
    expect(schemePortMismatch('grpcs://app:8443')).toBe(0);
    expect(schemePortMismatch('grpc://app:5000')).toBe(0);
  });
});

describe('nginx recogniser: a message quoted short', () => {
  it('reads "upstream sent too big" without its "header" as the oversized response header', () => {
    for (const input of ['I am getting "upstream sent too big" in the ingress controller log', 'nginx keeps saying upstream sent too big; which buffer?']) {
      expect(values(run(input), 'signal')).toEqual(['nginx.header-too-big']);
    }
    expect(values(run('upstream sent too large http2 frame: 4740180 while reading response header from upstream'), 'signal')).not.toContain('nginx.header-too-big');
  });
});

describe('nginx: upstream prematurely closed before the response header', () => {
  it('puts a protocol mismatch (TLS, HTTP/2-only or WebSocket-only listener) right after the closed connection', async () => {
    const { diagnose } = await import('../../engine/diagnose.ts');
    for (const input of [
      'upstream prematurely closed connection while reading response header from upstream',
      '2024/03/05 10:14:22 [error] 31#31: *7 upstream prematurely closed connection while reading response header from upstream, client: 10.0.0.2, server: _, request: "GET /ws HTTP/1.1", upstream: "http://10.0.0.9:5000/ws"',
    ]) {
      expect(diagnose(input).findings.slice(0, 2).map((f) => f.cause)).toEqual(['proxy-upstream-closed', 'proxy-protocol-mismatch']);
    }
  });
});
