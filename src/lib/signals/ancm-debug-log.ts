/**
 * Signals of the ancm-debug-log recogniser (the ASP.NET Core Module V2 debug log written when
 * handlerSettings debugLevel/debugFile or ASPNETCORE_MODULE_DEBUG are set).
 *
 * Event messages the module copies into this log ("Event Log: '...'") and the exception texts
 * it logs ("InvalidOperationException '...' caught at ...") are the same texts as in the event
 * log, so the recogniser reports them with the event-log signal ids (event-log.ancm-*), and
 * captured app output with the stdout-log ids: one message, one signal, wherever it was pasted.
 * The ids below are for lines that only the debug log has.
 */
import type { SignalDef } from '../engine/types.ts';

function def(what: string, label: string, causes: Record<string, number>): SignalDef {
  return { id: `ancm-debug-log.${what}`, kind: 'ancm-debug-log', label, causes };
}

export const signals: SignalDef[] = [
  def('app-offline-detected', 'ANCM debug log: app_offline.htm found, the app is held offline', { 'app-offline': 0.85 }),
  def('exception-caught', 'ANCM debug log: the module caught an exception while starting the app', {
    'inprocess-start-failure': 0.3,
    'process-start-failure': 0.25,
  }),
  def('worker-stopping', 'ANCM debug log: IIS is stopping this worker process (recycle, idle timeout or pool stop)', {
    'app-pool-recycle': 0.45,
    'app-pool-stopped': 0.15,
  }),
  def('managed-app-exited', 'ANCM debug log: the managed application exited with a non-zero code', {
    'inprocess-start-failure': 0.45,
    'app-crash-runtime': 0.2,
  }),
];
