/**
 * An unhandled .NET exception is a start failure or a crash while serving depending on where it
 * was thrown: frames of Kestrel's connection loop (libuv or socket transport) or of the runtime's
 * own threads (thread-pool items, timers, async void) with no start-up frame mean the app was
 * running; Main, Startup or the host's start in the stack mean it never came up.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../engine/diagnose.ts';

const top = (text: string): string | undefined => diagnose(text).findings[0]?.cause;

describe('unhandled exceptions: serving or starting', () => {
  it('a crash in Kestrel\'s socket transport is a crash at run time', () => {
    const text = [
      'Unhandled exception. System.ObjectDisposedException: Cannot access a disposed object.',
      '   at System.Net.Sockets.Socket.ReceiveAsync(SocketAsyncEventArgs e)',
      '   at Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets.Internal.SocketReceiver.ReceiveAsync(Memory`1 buffer)',
      '   at Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets.Internal.SocketConnection.DoReceive()',
    ].join('\n');
    expect(top(text)).toBe('app-crash-runtime');
  });

  it('an exception from a timer callback or async void method ends the running process', () => {
    const timer = [
      'Unhandled exception. System.InvalidOperationException: Sequence contains no elements',
      '   at Shop.Jobs.PriceRefresher.OnTick(Object state)',
      '   at System.Threading.TimerQueueTimer.CallCallback(Boolean isThreadPool)',
    ].join('\n');
    expect(top(timer)).toBe('app-crash-runtime');
    const asyncVoid = [
      'Unhandled Exception: System.NullReferenceException: Object reference not set to an instance of an object.',
      '   at Shop.Handlers.OrderListener.OnMessage(Object sender, EventArgs e)',
      '   at System.Threading.Tasks.Task.<>c.<ThrowAsync>b__139_1(Object state)',
      '   at System.Threading.ThreadPoolWorkQueue.Dispatch()',
    ].join('\n');
    expect(top(asyncVoid)).toBe('app-crash-runtime');
  });

  it("a programming error logged from Kestrel's loop is a crash; a client's reset there is not", () => {
    const bug = [
      'fail: Microsoft.AspNetCore.Server.Kestrel[0]',
      '      System.ObjectDisposedException: Cannot access a disposed object.',
      '         at Microsoft.AspNetCore.Server.Kestrel.Transport.Libuv.Internal.LibuvOutputConsumer.WriteOutputAsync()',
      '         at Microsoft.AspNetCore.Server.Kestrel.Transport.Libuv.Internal.LibuvThread.DoPostWork()',
    ].join('\n');
    expect(top(bug)).toBe('app-crash-runtime');
    const reset = [
      'Microsoft.AspNetCore.Server.Kestrel.Internal.Networking.UvException: Error -4077 ECONNRESET connection reset by peer',
      '   at Microsoft.AspNetCore.Server.Kestrel.Internal.Networking.UvWriteReq.UvWriteCb(IntPtr ptr, Int32 status)',
    ].join('\n');
    expect(top(reset)).toBe('client-aborted');
  });

  it('the same frames under Main or the host start are a start failure', () => {
    const text = [
      'Unhandled exception. System.InvalidOperationException: Unable to resolve service for type \'Shop.IClock\'.',
      '   at System.Threading.ThreadPoolWorkQueue.Dispatch()',
      '   at Microsoft.Extensions.Hosting.Internal.Host.StartAsync(CancellationToken cancellationToken)',
      '   at Program.<Main>$(String[] args) in /src/Program.cs:line 12',
    ].join('\n');
    expect(top(text)).not.toBe('app-crash-runtime');
  });
});
