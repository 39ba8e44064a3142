import { describe, expect, it } from 'vitest';
import { cpuMs, expectLinear } from '../../../../../tests/support/linear.ts';
import { exceptionNames } from './exceptions.ts';

const names = (line: string): string[] => exceptionNames(line).map((h) => h.name);

describe('exceptionNames', () => {
  it('reads exception headers in their usual shapes', () => {
    expect(names('Unhandled exception. System.IO.FileNotFoundException: Could not find file')).toEqual(['System.IO.FileNotFoundException']);
    expect(names(' ---> System.Net.Sockets.SocketException (13): Permission denied')).toEqual(['System.Net.Sockets.SocketException']);
    expect(names('Exception Info: System.NullReferenceException')).toEqual(['System.NullReferenceException']);
    expect(names('Internal.Cryptography.CryptoThrowHelper+WindowsCryptographicException: Access is denied.')).toEqual([
      'Internal.Cryptography.CryptoThrowHelper+WindowsCryptographicException',
    ]);
  });

  it('gives the span of the name', () => {
    const line = 'x ---> Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed';
    const [h] = exceptionNames(line);
    expect(line.slice(h!.start, h!.end)).toBe('Microsoft.Data.SqlClient.SqlException');
  });

  it('lists each name once, in order', () => {
    expect(names("System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.")).toEqual([
      'System.OutOfMemoryException',
    ]);
  });

  it('ignores stack frames, unqualified words and prose', () => {
    expect(names('   at System.Threading.Tasks.TaskCompletionSource`1.SetException(Exception e)')).toEqual([]);
    expect(names('   at Microsoft.Data.SqlClient.SqlInternalConnection.OnError(SqlException exception, Boolean b)')).toEqual([]);
    expect(names('Unhandled Exception: something went wrong')).toEqual([]);
    expect(names('--- End of stack trace from previous location where exception was thrown ---')).toEqual([]);
  });

  it('is linear on long runs', () => {
    expectLinear('Exception run', (n) => 'Exception'.repeat(n), exceptionNames, 2_000, { clock: cpuMs });
    expectLinear('dotted run', (n) => 'a.'.repeat(n) + 'Exception:', exceptionNames, 8_000, { clock: cpuMs });
  }, 60_000);
});
