/**
 * IIS-side texts of the message catalogue: the ANCM error types as people write them without the
 * "HTTP Error x.y - ANCM" around them, the WAS texts about the pool identity and the listener
 * channels (each must win over the 5010 ping text it shares its opening with), and IIS's 503.2
 * text. Each goes through diagnose() and comes out with its cause.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../engine/diagnose.ts';
import { topCauseTests } from '../../../../tests/support/message-cases.ts';

describe('diagnose() with IIS-side texts of the message catalogue', () => {
  topCauseTests([
    ['In-Process Handler Load Failure after upgrading the hosting bundle', 'inprocess-handler-load-failure'],
    ['Out-Of-Process Handler Load Failure', 'outofprocess-handler-load-failure'],
    ['In-Process Start Failure when the site starts', 'inprocess-start-failure'],
    ['Failed to Find Native Dependencies', 'framework-not-found'],
    ['Request Handler Load Failure', 'inprocess-handler-load-failure'],
    ['Application DLL Not Found', 'app-dll-not-found'],
    [
      'The identity of application pool Shop is invalid. The user name or password that is specified for the identity may be incorrect, or the user may not have batch logon rights.',
      'app-pool-stopped',
    ],
    [
      'Application pool Shop has been disabled. Windows Process Activation Service (WAS) did not create a worker process to serve the application pool because the application pool identity is invalid.',
      'app-pool-stopped',
    ],
    ["A worker process '3456' serving application pool 'Shop' failed to stop a listener channel for protocol 'http' in the allotted time.", 'app-pool-recycle'],
    ["A listener channel for protocol 'http' in worker process '5424' serving application pool 'Shop' reported a listener channel failure.", 'app-crash-runtime'],
    ['HTTP Error 503.2 - Service Unavailable\nThe serverRuntime@appConcurrentRequestLimit setting is being exceeded.', 'thread-pool-starvation'],
  ]);

  it('a complete ANCM title keeps its own reading next to the bare error type it contains', () => {
    const causes = diagnose('HTTP Error 500.30 - ANCM In-Process Start Failure').findings.map((f) => f.cause);
    expect(causes[0]).toBe('inprocess-start-failure');
    // "Process Failure" alone is not an ANCM error type: a sentence with it is read as words only
    // (the prose reader's weak start-failure topic), never as a catalogue title.
    const said = diagnose('my process startup failure');
    expect(said.kinds).not.toContain('message');
    expect(said.facts.every((f) => f.kind === 'prose')).toBe(true);
  });
});
