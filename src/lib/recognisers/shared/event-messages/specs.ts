/** Every event message spec: ANCM's and the Windows ones (event-log and ancm-debug-log read both). */
import type { Spec } from './messages.ts';
import { ANCM_SPECS } from './ancm.ts';
import { WINDOWS_SPECS } from './windows.ts';

export const EVENT_SPECS: readonly Spec[] = [...ANCM_SPECS, ...WINDOWS_SPECS];
