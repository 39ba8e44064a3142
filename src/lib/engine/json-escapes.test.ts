import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeJsonEscapes } from './json-escapes.ts';
import { stripPrefixes, stripPrefixesOfPieces } from './prefixes.ts';
import { indexLines } from './lines.ts';
import { diagnose } from './diagnose.ts';
import { expectLinear } from '../../../tests/support/linear.ts';

/** A paste as a JSON log record holds it: the text as one escaped string value. */
const asJsonRecord = (text: string): string => `{"time":"2024-03-05T10:14:22Z","level":"Error","message":${JSON.stringify(text)}}`;
/** A paste as a bare JSON string (a response body or a log field copied with its quotes). */
const asJsonString = (text: string): string => JSON.stringify(text);

describe('decodeJsonEscapes: which lines', () => {
  it('leaves a paste without JSON alone', () => {
    expect(decodeJsonEscapes('HTTP Error 502.5 - Process Failure')).toBeUndefined();
    // Windows paths and UNC shares are not escapes
    expect(decodeJsonEscapes('C:\\inetpub\\wwwroot\\new\\bin\\app.dll and \\\\server\\share\\nightly')).toBeUndefined();
    expect(decodeJsonEscapes('')).toBeUndefined();
  });

  it('decodes a JSON record: the message gets lines of its own, escapes become their characters', () => {
    const v = decodeJsonEscapes('{"log":"Unhandled exception. System.IO.IOException: \\u0027x\\u0027 failed\\n   at A.B()\\n","stream":"stderr"}');
    expect(v?.text).toBe('{"log":\nUnhandled exception. System.IO.IOException: \'x\' failed\n   at A.B()\n\n,"stream":"stderr"}');
    // the message key anywhere in the record; an escaped quote does not end the value
    const w = decodeJsonEscapes('{"time":"10:14:22","level":"Error","message":"said \\"no\\" \\\\ done","status":502}');
    expect(w?.text).toBe('{"time":"10:14:22","level":"Error","message":\nsaid "no" \\ done\n,"status":502}');
  });

  it('decodes a bare escaped string with two JSON-only escapes, and not a line with one', () => {
    expect(decodeJsonEscapes('"Failed to start\\r\\n   at Main()"')?.text).toBe('\nFailed to start\r\n   at Main()\n');
    expect(decodeJsonEscapes('  "Process terminated.\\n   at Main()",')?.text).toBe('  \nProcess terminated.\n   at Main()\n,');
    expect(decodeJsonEscapes('"C:\\Program Files\\dotnet\\dotnet.exe"')).toBeUndefined();
    expect(decodeJsonEscapes('The page said \\"Bad Gateway\\" twice \\n then')?.text).toBe('The page said "Bad Gateway" twice \n then');
    expect(decodeJsonEscapes('One \\"quote only')).toBeUndefined();
  });

  it('leaves the lines before a JSON line alone (a path there is not an escape)', () => {
    const v = decodeJsonEscapes('path C:\\new\\bin\\test here\n{"message": "a \\"b\\" c"}\n');
    expect(v?.text).toBe('path C:\\new\\bin\\test here\n{"message": \na "b" c\n}\n');
  });

  it('keeps \\b and \\f and unknown escapes as they are', () => {
    expect(decodeJsonEscapes('{"path":"C:\\bin\\fx\\q","id":"a"}')).toBeUndefined();
    expect(decodeJsonEscapes('{"path":"C:\\bin\\q","name":"\\"a\\""}')?.text).toBe('{"path":"C:\\bin\\q","name":""a""}');
  });

  it('maps every span back onto the escapes as pasted', () => {
    const input = 'plain line\n{"message":"Could not load \\u0027Foo\\u0027\\r\\nnext \\"quoted\\" end"}\nlast';
    const v = decodeJsonEscapes(input)!;
    const pairs: [string, string][] = [
      ["'Foo'", '\\u0027Foo\\u0027'],
      ['next', 'next'],
      ['"quoted"', '\\"quoted\\"'],
      ['Could', 'Could'],
      ['last', 'last'],
      ['plain', 'plain'],
    ];
    for (const [word, pasted] of pairs) {
      const at = v.text.indexOf(word);
      expect(at).toBeGreaterThanOrEqual(0);
      const span = v.toOriginal({ start: at, end: at + word.length });
      expect(input.slice(span.start, span.end)).toBe(pasted);
    }
  });
});

describe('decodeJsonEscapes: what diagnose() reads', () => {
  const pastes: [string, string][] = [
    ['HTTP Error 500.30 - ASP.NET Core app failed to start', 'inprocess-start-failure'],
    [
      "Application '/LM/W3SVC/2/ROOT' with physical root 'C:\\inetpub\\app\\' failed to start process with commandline 'dotnet .\\app.dll', ErrorCode = '0x80004005 : 80008083.",
      'framework-not-found',
    ],
    [
      "Unhandled exception. System.IO.FileNotFoundException: Could not load file or assembly 'Shop.Data, Version=2.0.0.0, Culture=neutral, PublicKeyToken=null'. The system cannot find the file specified.\n   at Program.<Main>$(String[] args)",
      'incomplete-publish',
    ],
    // messages the readers want at a line start ("Stack overflow.", "Process terminated."), and a
    // sentence the prose reader reads only as a line of its own
    ['Stack overflow.\n   at Shop.Models.Node.get_Parent()\n   at Shop.Models.Node.get_Parent()', 'app-crash-runtime'],
    ["Process terminated. Encountered infinite recursion while looking up resource 'Arg_NullReferenceException' in System.Private.CoreLib.\n   at System.Environment.FailFast(System.String)", 'app-crash-runtime'],
    // the runtime's missing-ICU message also starts so, and is a start failure
    ["Process terminated. Couldn't find a valid ICU package installed on the system.\n   at System.Environment.FailFast(System.String)", 'process-start-failure'],
    ['The site is slow and then I get 502 Bad Gateway from nginx after 60 seconds', 'proxy-upstream-timeout'],
    ['2024/03/05 10:14:22 [error] 31#31: *7 upstream prematurely closed connection while reading response header from upstream, client: 10.0.0.5, server: shop, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:5000/"', 'proxy-upstream-closed'],
  ];
  for (const [text, cause] of pastes) {
    it(`reads ${cause} from the same text as a JSON record and as a JSON string`, () => {
      const plain = diagnose(text).findings[0]?.cause;
      expect(plain).toBe(cause);
      for (const wrapped of [asJsonRecord(text), asJsonString(text)]) {
        const d = diagnose(wrapped);
        expect(d.findings[0]?.cause).toBe(cause);
        for (const f of d.findings) for (const e of f.evidence) expect(wrapped.slice(e.span.start, e.span.end)).toBe(e.text);
      }
    });
  }
});

describe('decodeJsonEscapes: records inside records', () => {
  it('reads a Serilog JSON line inside docker\'s JSON log: every message value starts a line', () => {
    const serilog = JSON.stringify({
      '@t': '2024-03-05T10:14:22Z',
      '@l': 'Fatal',
      '@mt': 'Host terminated unexpectedly',
      '@x': 'Stack overflow.\n   at Shop.Models.Node.get_Parent()\n   at Shop.Models.Node.get_Parent()',
    });
    for (const pasted of [serilog, JSON.stringify({ log: `${serilog}\n`, stream: 'stdout', time: '2024-03-05T10:14:22.1Z' })]) {
      const d = diagnose(pasted);
      expect(d.findings[0]?.cause).toBe('app-crash-runtime');
      for (const f of d.findings) for (const e of f.evidence) expect(pasted.slice(e.span.start, e.span.end)).toBe(e.text);
    }
  });
});

describe('decodeJsonEscapes: a second decode', () => {
  it('needs only the lines the first one edited', () => {
    const inner = JSON.stringify({ '@mt': 'Host terminated', '@x': 'Stack overflow.\n   at A.B()' });
    const pastes = [
      JSON.stringify({ log: `${inner}\n`, stream: 'stdout' }),
      `C:\\new\\bin\n${JSON.stringify({ log: `${inner}\n` })}\n{"id": 1}\n"a \\"b\\" \\u0027c\\u0027"\n${JSON.stringify({ msg: JSON.stringify({ msg: 'x "y" z' }) })}`,
    ];
    for (const pasted of pastes) {
      const first = decodeJsonEscapes(pasted);
      expect(first).toBeDefined();
      const whole = decodeJsonEscapes(first!.text);
      const edited = decodeJsonEscapes(first!.text, first!.edited);
      expect(edited?.text).toBe(whole?.text);
      expect(whole).toBeDefined();
      for (let i = 0; i <= whole!.text.length; i++) expect(edited!.offsetToOriginal(i)).toBe(whole!.offsetToOriginal(i));
    }
    expect(decodeJsonEscapes('{"msg":"a \\"b\\""}', [])).toBeUndefined();
  });
});

describe('the prefix view of the decoded text, made from its pieces', () => {
  const line = fc.oneof(
    fc.constantFrom(
      '2024-03-05T10:14:22.123Z {"log":"warn: Kestrel[22]\\n      Heartbeat took \\u0027long\\u0027\\r\\n","stream":"stdout"}',
      '{"log":"2024-03-05T10:14:22Z web-1  | fail: App[0]\\n2024-03-05T10:14:23Z [pod/web-1/app] crashed\\r","stream":"stderr"}',
      '{"message":"Mar 05 10:14:22 host app[12]: started \\"x\\"\\r"}',
      '"2024-03-05T10:14:22Z docker line\\n"',
      'web-1  | {"msg":"a \\"b\\" c","id":1}',
      'web_1  | plain line',
      '[pod/web-7d9f/web] 2024-03-05T10:14:22Z message',
      'Mar 05 10:14:22 host app[1234]: listening',
      '2024-03-05 10:14:22.123 +00:00 something',
      'C:\\new\\bin path',
      '2024-03-05T10:14:22Z',
      '',
      '\r',
    ),
    fc.string({ maxLength: 20 }),
  );
  const breaks = fc.constantFrom('\n', '\r\n', '\r');
  it('is the view stripPrefixes makes of the built text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(line, breaks), { maxLength: 12 }), (parts) => {
        const text = parts.map(([l, b]) => l + b).join('');
        const json = decodeJsonEscapes(text);
        if (!json) return;
        const fromPieces = stripPrefixesOfPieces(json.pieces(indexLines(text)));
        const built = stripPrefixes(json.text);
        expect(fromPieces?.text).toBe(built?.text);
        expect(fromPieces?.changed).toBe(built?.changed);
        if (!fromPieces || !built) return;
        for (let i = 0; i <= built.text.length; i++) expect(fromPieces.offsetToOriginal(i)).toBe(built.offsetToOriginal(i));
      }),
      { numRuns: 400 },
    );
  });
  it('needs no second decode when no edited line would be edited again', () => {
    const once = decodeJsonEscapes('{"log":"plain \\"x\\""}\n');
    expect(once?.editsAgain()).toBe(false);
    const twice = decodeJsonEscapes(JSON.stringify({ log: JSON.stringify({ msg: 'a "b" c' }) }));
    expect(twice?.editsAgain()).toBe(true);
  });
});

describe('decodeJsonEscapes: time', () => {
  const SMALL = { runs: 7, maxGrowth: 0 };
  it('is linear in the input, for JSON records, paths and one long line', () => {
    const records = (n: number): string => '{"log":"warn: Microsoft.AspNetCore.Server.Kestrel[22]\\n      Heartbeat took \\u0027longer\\u0027\\n","stream":"stdout"}\n'.repeat(n);
    expectLinear('json records', records, (s) => decodeJsonEscapes(s), 16_000, SMALL);
    const paths = (n: number): string => 'C:\\inetpub\\wwwroot\\new\\app.dll \\\\server\\share\n'.repeat(n);
    expectLinear('windows paths', paths, (s) => decodeJsonEscapes(s), 16_000, SMALL);
    const oneLine = (n: number): string => '\\"a\\n '.repeat(n * 10);
    expectLinear('one long escaped line', oneLine, (s) => decodeJsonEscapes(s), 16_000, SMALL);
    // Keyed lines with nothing to decode between paths whose escapes are not JSON ones.
    const keyedAndPaths = (n: number): string => 'C:\\Windows\\System32\\inetsrv\n{"id": 1, "level": "x"}\n'.repeat(n);
    expectLinear('keyed lines between paths', keyedAndPaths, (s) => decodeJsonEscapes(s), 16_000, SMALL);
    const manyValues = (n: number): string => `{${'"msg":"a \\"b\\"",'.repeat(n * 2)}"end":1}`;
    expectLinear('one record with many message values', manyValues, (s) => decodeJsonEscapes(s), 16_000, SMALL);
  }, 240_000);

  it('makes the prefix view from its pieces in linear time', () => {
    const prefixedRecords = (n: number): string => 'web-1  | 2024-03-05T10:14:22Z {"log":"fail: A[0]\\n2024-03-05T10:14:22Z x \\"y\\"\\r\\n","stream":"stderr"}\nweb-1  | plain\n'.repeat(n);
    expectLinear(
      'prefixes of decoded records',
      prefixedRecords,
      (s) => stripPrefixesOfPieces(decodeJsonEscapes(s)!.pieces(indexLines(s))),
      16_000,
      SMALL,
    );
  }, 240_000);

  it('maps offsets in time linear in their number', () => {
    const make = (n: number) => decodeJsonEscapes('{"msg":"a \\"b\\" c\\n"}\n'.repeat(n))!;
    expectLinear(
      'offset mapping',
      make,
      (view) => {
        let sum = 0;
        for (let i = 0; i < view.text.length; i += 3) sum += view.offsetToOriginal(i);
        return sum;
      },
      16_000,
      SMALL,
    );
  }, 240_000);
});
