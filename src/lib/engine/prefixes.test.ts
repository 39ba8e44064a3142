import { describe, expect, it } from 'vitest';
import { prefixServers, stripPrefixes } from './prefixes.ts';
import { indexLines } from './lines.ts';
import { diagnose } from './diagnose.ts';
import { expectLinear } from '../../../tests/support/linear.ts';

const MESSAGE = 'crit: Microsoft.AspNetCore.Server.Kestrel[0]';

/** The view of `line` after stripping, or the line itself when nothing was stripped. */
const stripped = (line: string): string => stripPrefixes(line)?.text ?? line;

describe('stripPrefixes: each format', () => {
  const cases: [string, string][] = [
    ['docker compose v2', `web-1  | ${MESSAGE}`],
    ['docker compose v1', `web_1  | ${MESSAGE}`],
    ['docker compose, project name with dashes', `shop-api-12 | ${MESSAGE}`],
    ['kubectl logs --prefix', `[pod/web-7d9f8c6b5-x2k9p/web] ${MESSAGE}`],
    ['syslog', `Mar 05 10:14:22 web1 dotnet[1234]: ${MESSAGE}`],
    ['syslog, padded day and no pid', `Mar  5 10:14:22 web1 kestrel-shop: ${MESSAGE}`],
    ['journalctl -o short-iso', `2024-03-05T10:14:22+0000 web1 dotnet[41871]: ${MESSAGE}`],
    ['journalctl -o short-iso, offset with a colon', `2024-03-05T10:14:22+00:00 web1 dotnet[41871]: ${MESSAGE}`],
    ['journalctl -o short-precise', `Mar 05 10:14:22.483921 web1 dotnet[1234]: ${MESSAGE}`],
    ['App Service log stream', `2024-03-05T10:14:22  PID[6500] Information ${MESSAGE}`],
    ['App Service log stream, error level', `2024-03-05T10:14:22.123Z PID[6500] Error       ${MESSAGE}`],
    ['docker --timestamps', `2024-03-05T10:14:22.123456789Z ${MESSAGE}`],
    ['Azure log stream', `2024-03-05T10:14:22.123Z ${MESSAGE}`],
    ['ISO time with an offset', `2024-03-05T10:14:22.123+01:00 ${MESSAGE}`],
    ['CloudWatch console (tab)', `2024-03-05T10:14:22.123Z\t${MESSAGE}`],
    ['aws logs tail with a stream name', `2024-03-05T10:14:22.123000+00:00 ecs/web/0a1b2c3d4e ${MESSAGE}`],
    ['App Service file log', `2024-03-05 10:14:22.123 +00:00 ${MESSAGE}`],
    ['CloudWatch Insights CSV export', `2024-03-05 10:14:22.123,"${MESSAGE}`],
    ['Application Insights export (tab)', `3/5/2024, 10:14:22.123 AM\t${MESSAGE}`],
    ['Application Insights export (CSV)', `3/5/2024, 10:14:22.123 PM,"${MESSAGE}`],
    ['kubectl --prefix and --timestamps', `[pod/web-1/web] 2024-03-05T10:14:22.123456789Z ${MESSAGE}`],
    ['compose and docker timestamps', `web-1  | 2024-03-05T10:14:22.123Z ${MESSAGE}`],
  ];
  for (const [name, line] of cases) {
    it(`removes ${name}`, () => {
      const view = stripPrefixes(line);
      expect(view?.text).toBe(MESSAGE);
      expect(view?.changed).toBe(1);
    });
  }

  it('keeps the indentation after a compose prefix', () => {
    expect(stripped('web-1  |       Now listening on: http://[::]:8080')).toBe('      Now listening on: http://[::]:8080');
  });

  it('leaves lines without a prefix alone, byte for byte', () => {
    const kept = [
      '2024-03-05 10:14:22 10.0.0.4 POST /api/reports - 443 - 203.0.113.7 Mozilla/5.0 - 502 3 12002 120016',
      '2025/01/20 09:31:45 [error] 2211#2211: *17 upstream timed out (110: Connection timed out)',
      'http 2025-03-12T10:15:32.123456Z app/my-alb/50dc6c495c0c9188 203.0.113.7:51234 10.0.1.25:8080 0.000 -1 -1 502 -',
      '[2025-03-12T10:15:32.123Z] "GET /api HTTP/1.1" 503 UF 0 91 3 - "-"',
      'info: Microsoft.Hosting.Lifetime[14]',
      '      Now listening on: http://localhost:5000',
      '   at System.Net.Sockets.Socket.Bind(EndPoint localEP)',
      'we get a 504 from the load balancer after about a minute',
      '502 Bad Gateway',
      'Request finished: 200',
    ];
    for (const line of kept) expect(stripPrefixes(line), line).toBeUndefined();
    expect(stripPrefixes(kept.join('\n'))).toBeUndefined();
  });

  it('does not take a line that is only a prefix-like token for a prefix', () => {
    expect(stripPrefixes('web-1  |')).toBeUndefined();
  });

  it('strips only the lines that have a prefix in a mixed paste, with any line ending', () => {
    const input = `web-1  | one\r\nplain two\rweb-1  | three\nplain four`;
    expect(stripPrefixes(input)?.text).toBe('one\r\nplain two\rthree\nplain four');
    expect(stripPrefixes(input)?.changed).toBe(2);
  });
});

describe('stripPrefixes: span mapping', () => {
  it('maps every character of the view back to the same character of the input', () => {
    const input = [
      'web-1  | info: Microsoft.Hosting.Lifetime[14]',
      'plain line',
      '[pod/web-7d9f/web] 2024-03-05T10:14:22.123Z Failed to bind to address http://0.0.0.0:80',
      'Mar 05 10:14:22 host app[1234]: Permission denied',
    ].join('\n');
    const view = stripPrefixes(input);
    expect(view).toBeDefined();
    const v = view!;
    for (let i = 0; i < v.text.length; i++) {
      const o = v.toOriginal({ start: i, end: i + 1 });
      expect(input.slice(o.start, o.end), `view offset ${i}`).toBe(v.text[i]);
    }
  });

  it('maps the same way in any order of look-ups', () => {
    const input = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? `plain ${i}` : `web-${i % 7}  | line ${i}`)).join('\n');
    const forward = stripPrefixes(input)!;
    const expected = Array.from({ length: forward.text.length }, (_, i) => forward.toOriginal({ start: i, end: i + 1 }).start);
    const other = stripPrefixes(input)!;
    const order = Array.from({ length: expected.length }, (_, i) => (i * 7919) % expected.length);
    for (const i of order) expect(other.toOriginal({ start: i, end: i + 1 }).start, `offset ${i}`).toBe(expected[i]);
    for (let i = expected.length - 1; i >= 0; i--) expect(other.toOriginal({ start: i, end: i }).start).toBe(expected[i]);
  });

  it('maps a span over a word, a whole line and an empty span', () => {
    const input = 'plain\nweb-1  | Permission denied\nweb-1  | next';
    const v = stripPrefixes(input)!;
    const at = v.text.indexOf('Permission denied');
    const word = v.toOriginal({ start: at, end: at + 'Permission denied'.length });
    expect(input.slice(word.start, word.end)).toBe('Permission denied');
    const empty = v.toOriginal({ start: at, end: at });
    expect(empty.start).toBe(empty.end);
    expect(input.slice(empty.start, empty.start + 10)).toBe('Permission');
  });
});

describe('diagnose() on prefixed console output', () => {
  it('recognises Kestrel behind docker compose and points evidence into the original paste', () => {
    const input = [
      'web-1  | crit: Microsoft.AspNetCore.Server.Kestrel[0]',
      'web-1  |       Unable to start Kestrel.',
      'web-1  |       System.IO.IOException: Failed to bind to address http://0.0.0.0:80.',
      'web-1  |        ---> System.Net.Sockets.SocketException (13): Permission denied',
    ].join('\n');
    const d = diagnose(input);
    expect(d.findings[0]?.cause).toBe('kestrel-bind-denied');
    for (const f of d.facts) expect(f.span.end).toBeLessThanOrEqual(input.length);
    for (const e of d.findings[0]?.evidence ?? []) {
      expect(input.slice(e.span.start, e.span.end)).toBe(e.text);
      expect(e.text).not.toMatch(/web-1 {2}\|/);
    }
    expect(d.unrecognised).toEqual([]);
  });

  it('reads the same findings with and without kubectl prefixes', () => {
    const lines = [
      'crit: Microsoft.AspNetCore.Server.Kestrel[0]',
      '      Unable to start Kestrel.',
      '      System.IO.IOException: Failed to bind to address http://0.0.0.0:80.',
      '       ---> System.Net.Sockets.SocketException (13): Permission denied',
    ];
    const plain = diagnose(lines.join('\n'));
    const prefixed = lines.map((l) => `[pod/shop-5c7b9d6f4-x2k9p/shop] 2024-03-05T10:14:22.123456789Z ${l}`).join('\n');
    const d = diagnose(prefixed);
    expect(d.findings.map((f) => f.cause)).toEqual(plain.findings.map((f) => f.cause));
    for (const f of d.findings) for (const e of f.evidence) expect(prefixed.slice(e.span.start, e.span.end)).toBe(e.text);
  });
});

describe('stripPrefixes: time', () => {
  // The work per line is a few anchored pattern tests, so a small input fits the processor
  // caches and a four times larger one does not, which alone bends the ratio. Start both sizes
  // past that point (about 2 MB and 8 MB), with more runs to smooth a busy machine.
  const SMALL = { runs: 9, maxGrowth: 0 };
  it('is linear in the input, with and without prefixes', () => {
    const prefixed = (n: number): string => 'web-1  | 2024-03-05T10:14:22.123Z info: Microsoft.Hosting.Lifetime[14]\n'.repeat(n);
    expectLinear('prefixed lines', prefixed, (s) => stripPrefixes(s), 32_000, SMALL);
    const near = (n: number): string => '2024-03-05T10:14:22.123 web_1 web-1 [pod/x Mar 05 10:14:22 host\n'.repeat(n);
    expectLinear('near-miss lines', near, (s) => stripPrefixes(s), 32_000, SMALL);
    // One line is read in well under a millisecond: time 200 readings of a line small enough that
    // both sizes stay in the processor's cache, so the ratio compares work, not memory traffic.
    const oneLine = (n: number): string => 'a'.repeat(n * 50);
    const manyTimes = (s: string): void => {
      for (let i = 0; i < 200; i++) stripPrefixes(s);
    };
    expectLinear('one long line', oneLine, manyTimes, 2_000, SMALL);
  }, 240_000);

  it('maps offsets in time linear in their number', () => {
    const make = (n: number) => stripPrefixes('web-1  | message text here\n'.repeat(n))!;
    expectLinear(
      'offset mapping',
      make,
      (view) => {
        let sum = 0;
        for (let i = 0; i < view.text.length; i += 3) sum += view.offsetToOriginal(i);
        return sum;
      },
      32_000,
      SMALL,
    );
  }, 240_000);
});

describe('prefixServers', () => {
  it('names where the output ran: a compose service is docker, a kubectl pod is kubernetes, each once', () => {
    const text = 'web-1  | info: started\nweb-1  | Now listening on: http://localhost:5000\n[pod/api-7d9f/api] ready\n';
    const facts = prefixServers(text, indexLines(text));
    expect(facts.map((f) => [f.name, f.value, text.slice(f.span.start, f.span.end)])).toEqual([
      ['server', 'docker', 'web-1  | '],
      ['server', 'kubernetes', '[pod/api-7d9f/api] '],
    ]);
  });
  it('reads nothing from lines without such a prefix, or a prefix alone on its line', () => {
    const text = '2024-05-01T10:00:00Z info: started\nshop-2 |\nplain line | with a bar\n';
    expect(prefixServers(text, indexLines(text))).toEqual([]);
  });
});
