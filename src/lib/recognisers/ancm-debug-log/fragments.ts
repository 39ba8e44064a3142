import type { KindFragments } from '../shared/fragments.ts';
import { runOf } from '../shared/fragments.ts';

export const fragments: KindFragments = {
  pieces: [
    '[aspnetcorev2.dll] ',
    "Event Log: '",
    'End Event Log Message.',
    "InvalidOperationException '",
    "' caught at ",
    'Failed HRESULT returned: 0x',
    '\n',
    '[2024-01-01T00:00:00.000Z, PID: 1] ',
  ],
  adversarial: [
    runOf("[aspnetcorev2.dll] Event Log: '"),
    runOf('[aspnetcorev2.dll] Failed HRESULT returned: 0x8007000d at x\n'),
    runOf("'", "[aspnetcorev2.dll] InvalidOperationException '"),
  ],
};
