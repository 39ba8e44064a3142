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

  it('an unhandled exception printed after "Application started." came from a running app', () => {
    const text = [
      'info: Microsoft.Hosting.Lifetime[0]',
      '      Now listening on: http://0.0.0.0:5080',
      'info: Microsoft.Hosting.Lifetime[0]',
      '      Application started. Press Ctrl+C to shut down.',
      'Unhandled exception. System.InvalidCastException: Unable to cast object of type \'System.String\' to type \'System.Int32\'.',
      '   at Shop.Reports.Exporter.<Flush>b__4_0(Object state)',
    ].join('\n');
    const d = diagnose(text);
    expect(d.facts.some((f) => f.value === 'stdout-log.crashed-after-start')).toBe(true);
    expect(d.findings[0]?.cause).toBe('app-crash-runtime');
  });

  it('the same exception printed before the app said it started is not read as a crash after start', () => {
    const text = [
      'Unhandled exception. System.InvalidCastException: Unable to cast object of type \'System.String\' to type \'System.Int32\'.',
      '   at Shop.Settings.Load(IConfiguration configuration)',
      'info: Microsoft.Hosting.Lifetime[0]',
      '      Application started. Press Ctrl+C to shut down.',
    ].join('\n');
    const d = diagnose(text);
    expect(d.facts.some((f) => f.value === 'stdout-log.crashed-after-start')).toBe(false);
    expect(d.findings[0]?.cause).not.toBe('app-crash-runtime');
  });
});

describe('a socket refused with "permission denied": binding or connecting out', () => {
  it('a bind refused on Linux without the error number is Kestrel not allowed its port', () => {
    const text = [
      'Unhandled Exception: System.Net.Sockets.SocketException: Permission denied',
      '   at System.Net.Sockets.Socket.UpdateStatusAfterSocketErrorAndThrowException(SocketError error, String callerName)',
      '   at System.Net.Sockets.Socket.DoBind(EndPoint endPointSnapshot, SocketAddress socketAddress)',
      '   at System.Net.Sockets.Socket.Bind(EndPoint localEP)',
    ].join('\n');
    expect(top(text)).toBe('kestrel-bind-denied');
  });

  it('WSAEACCES while connecting out is the outbound limit, not a bind', () => {
    const text = [
      'System.Net.Http.HttpRequestException: An attempt was made to access a socket in a way forbidden by its access permissions. (api.partner.example:443)',
      ' ---> System.Net.Sockets.SocketException (10013): An attempt was made to access a socket in a way forbidden by its access permissions.',
      '   at System.Net.Http.HttpConnectionPool.ConnectToTcpHostAsync(String host, Int32 port, HttpRequestMessage initialRequest, Boolean async, CancellationToken cancellationToken)',
    ].join('\n');
    const d = diagnose(text);
    expect(d.findings[0]?.cause).toBe('snat-port-exhaustion');
    const bind = [
      'System.Net.Sockets.SocketException (10013): An attempt was made to access a socket in a way forbidden by its access permissions.',
      '   at System.Net.Sockets.Socket.DoBind(EndPoint endPointSnapshot, SocketAddress socketAddress)',
      '   at System.Net.Sockets.Socket.Connect(EndPoint remoteEP)',
    ].join('\n');
    expect(top(bind)).toBe('kestrel-bind-denied');
  });
});
