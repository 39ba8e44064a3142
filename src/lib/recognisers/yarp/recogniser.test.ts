/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { indexLines } from '../../engine/lines.ts';
import type { Fact } from '../../engine/types.ts';
import { signals as yarpSignals } from '../../signals/yarp.ts';
import { recogniser } from './recogniser.ts';
import { FORWARDER_ERRORS } from './errors.ts';
import consoleRefused from '../../../../tests/fixtures/yarp/console-refused.txt?raw';
import windowsTimeoutTls from '../../../../tests/fixtures/yarp/windows-timeout-tls.txt?raw';
import jsonAndSerilog from '../../../../tests/fixtures/yarp/json-and-serilog.txt?raw';
import journald from '../../../../tests/fixtures/yarp/journald-and-negatives.txt?raw';
import moreErrors from '../../../../tests/fixtures/yarp/more-errors.txt?raw';
import previewNamespace from '../../../../tests/fixtures/yarp/preview-namespace.txt?raw';

function run(text: string): Fact[] {
  return recogniser.recognise(text, indexLines(text));
}
const named = (facts: Fact[], name: Fact['name']) => facts.filter((f) => f.name === name);
const values = (facts: Fact[], name: Fact['name']) => named(facts, name).map((f) => f.value);
const text = (input: string, f: Fact) => input.slice(f.span.start, f.span.end);

describe('yarp recogniser: console format', () => {
  it('reads event 48 with a refused connection, the exceptions and the destination', () => {
    const facts = run(consoleRefused);
    const sig = named(facts, 'signal');
    expect(sig.map((f) => f.value)).toEqual(['yarp.error-request', 'yarp.connection-refused']);
    expect(text(consoleRefused, sig[0] as Fact)).toBe('An error was encountered before receiving a response');
    expect(values(facts, 'exception')).toEqual([
      'System.Net.Http.HttpRequestException',
      'System.Net.Sockets.SocketException',
    ]);
    expect(values(facts, 'setting')).toEqual(['destination=orders-api:5000']);
    expect(values(facts, 'server')).toEqual(['yarp']);
    // The successful "Proxying to" entry and the failing entry with its stack are placed; the
    // unrelated hosting lines are not ours.
    const placed = named(facts, 'placed');
    expect(placed.map((f) => text(consoleRefused, f).split('\n').length)).toEqual([2, 10]);
    expect(named(facts, 'code')).toEqual([]);
  });

  it('reads timeouts, TLS failures and Windows socket codes, with the request path scope', () => {
    const facts = run(windowsTimeoutTls);
    expect(values(facts, 'signal')).toEqual([
      'yarp.error-request-timed-out',
      'yarp.activity-timeout',
      'yarp.error-request',
      'yarp.tls-failed',
      'yarp.certificate-rejected',
      'yarp.error-request',
      'yarp.connection-refused',
    ]);
    expect(values(facts, 'url')).toEqual(['/reports/yearly']);
    const codes = named(facts, 'code');
    expect(codes.map((f) => f.value)).toEqual([10061]);
    expect(text(windowsTimeoutTls, codes[0] as Fact)).toBe('10061');
    expect(values(facts, 'setting')).toEqual(['destination=localhost:5001']);
    expect(values(facts, 'exception')).toContain('System.Security.Authentication.AuthenticationException');
  });
});

describe('yarp recogniser: structured and other formats', () => {
  const facts = run(jsonAndSerilog);

  it('reads JSON console, Serilog compact JSON and Serilog text entries', () => {
    expect(values(facts, 'signal')).toEqual([
      'yarp.error-request',
      'yarp.response-ended',
      // The resets under a body-copy failure are that stage's own: not read again as a reset.
      'yarp.error-response-body-destination',
      'yarp.no-available-destinations',
      'yarp.error-request-body-destination',
    ]);
  });

  it('takes timestamps, paths and the cluster from structured fields', () => {
    expect(values(facts, 'timestamp')).toEqual([
      '2024-03-05T10:14:22.123Z',
      '2024-03-05T10:15:00.4561234Z',
      '2024-03-05 10:16:00.001 +00:00',
    ]);
    expect(values(facts, 'url')).toEqual(['/api/checkout', '/api/stream']);
    expect(values(facts, 'setting')).toEqual(['cluster=orders-cluster']);
  });

  it('reads a ForwarderError message quoted without its final period (an issue title)', () => {
    for (const title of ['Copying the response body was canceled', 'The request timed out before receiving a response']) {
      const facts = recogniser.recognise(title, indexLines(title));
      expect(facts.filter((f) => f.name === 'signal').map((f) => f.value)).toHaveLength(1);
    }
  });

  it('reads a ForwarderError named by the app itself', () => {
    const input = 'fail: MyGateway.ErrorLogging[0]\n      Proxy failed for /api/pay: ForwarderError: RequestTimedOut';
    expect(values(run(input), 'signal')).toEqual(['yarp.error-request-timed-out']);
  });

  it('reads exception types after JSON-escaped newlines', () => {
    const input =
      '{"Category":"Yarp.ReverseProxy.Forwarder.HttpForwarder","Message":"Request: An error was encountered before receiving a response.","Exception":"System.Net.Http.HttpRequestException: Connection refused (api:80)\\nSystem.Net.Sockets.SocketException (111): Connection refused"}';
    expect(values(run(input), 'exception')).toEqual([
      'System.Net.Http.HttpRequestException',
      'System.Net.Sockets.SocketException',
    ]);
  });

  it('reads event 66 (client cancellation) as a weak YARP error', () => {
    const input =
      'dbug: Yarp.ReverseProxy.Forwarder.HttpForwarder[66]\n      RequestCanceled: The request was canceled before receiving a response.';
    expect(values(run(input), 'signal')).toEqual(['yarp.error-request-canceled']);
  });
});

describe('yarp recogniser: every ForwarderError in a real log layout', () => {
  it('reads body, header, upgrade, creation and routing failures, and a truncated entry by its event id', () => {
    expect(values(run(moreErrors), 'signal')).toEqual([
      'yarp.error-request-body-canceled',
      'yarp.error-request-body-client',
      'yarp.error-response-headers',
      'yarp.error-response-body-canceled',
      'yarp.error-response-body-client',
      'yarp.error-upgrade-canceled',
      'yarp.error-upgrade-client',
      'yarp.error-upgrade-destination',
      'yarp.error-upgrade-activity-timeout',
      'yarp.error-request-creation',
      'yarp.no-cluster',
      'yarp.forwarding-error',
      'yarp.error-request',
      'yarp.no-route',
      'yarp.error-request-timed-out',
      'yarp.connect-timeout',
      'yarp.error-request',
      'yarp.invalid-response',
      'yarp.error-request-canceled',
      'yarp.error-request',
      'yarp.connection-reset',
    ]);
  });
});

describe('yarp recogniser: prefixes, near misses, robustness', () => {
  it('reads journald-prefixed entries and leaves successful forwards without signals', () => {
    const facts = run(journald);
    expect(values(facts, 'signal')).toEqual(['yarp.error-request', 'yarp.dns-failed']);
    expect(values(facts, 'setting')).toEqual(['destination=orders-api.default.svc:80']);
    expect(values(facts, 'placed')).toEqual(['YARP log entry', 'YARP log entry', 'YARP log entry', 'YARP log entry']);
    expect(named(facts, 'status')).toEqual([]);
  });

  it('does not read .NET exceptions outside a YARP entry', () => {
    const input =
      'fail: Microsoft.AspNetCore.Server.Kestrel[13]\n      System.Net.Http.HttpRequestException: Connection refused (localhost:5000)\n';
    expect(run(input)).toEqual([]);
  });

  it('maps every ForwarderError to a registered signal', () => {
    const ids = new Set(yarpSignals.map((s) => s.id));
    for (const e of FORWARDER_ERRORS) expect(ids.has(e.signal)).toBe(true);
    const all = [consoleRefused, windowsTimeoutTls, jsonAndSerilog, journald].join('\n');
    for (const f of named(run(all), 'signal')) expect(ids.has(f.value as string)).toBe(true);
  });

  it('recognises every logged ForwarderError message', () => {
    for (const e of FORWARDER_ERRORS.filter((x) => x.message)) {
      const input = `warn: Yarp.ReverseProxy.Forwarder.HttpForwarder[48]\n      ${e.name}: ${e.message}`;
      expect(values(run(input), 'signal')).toEqual([e.signal]);
    }
  });
});


describe('yarp recogniser: 2020 preview builds (Microsoft.ReverseProxy)', () => {
  it('reads a failed "Operation ended" and an HttpProxy Request error, with their inner failures', () => {
    const facts = run(previewNamespace);
    const sig = named(facts, 'signal');
    expect(sig.map((f) => f.value)).toEqual([
      'yarp.forwarding-error',
      'yarp.connection-refused',
      'yarp.error-request',
      'yarp.response-ended',
    ]);
    expect(text(previewNamespace, sig[0] as Fact)).toBe('Operation ended: ReverseProxy.Proxy, 2087.1033ms, error:');
    expect(values(facts, 'server')).toEqual(['yarp']);
    expect(values(facts, 'setting')).toContain('destination=http://localhost:5123/api/items');
  });
  it('places a successful "Operation ended" without an error and gives it no signal', () => {
    const tail = previewNamespace.slice(previewNamespace.lastIndexOf('info:'));
    const facts = run(tail);
    expect(named(facts, 'signal')).toEqual([]);
    expect(named(facts, 'placed')).toHaveLength(1);
  });
});
