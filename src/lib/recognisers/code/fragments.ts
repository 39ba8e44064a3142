import type { KindFragments } from '../shared/fragments.ts';
import { runOf } from '../shared/fragments.ts';

export const fragments: KindFragments = {
  pieces: ['0x80072EE2', 'Error code: 12029', '-2147012894', 'HRESULT 0x5', '\n', 'HRESULT_FROM_WIN32(', ')', ' '],
  adversarial: [
    runOf('9'),
    runOf('0x'),
    runOf('"'),
    runOf('<'),
    runOf(' '),
    runOf('12002\n'),
    runOf(')\n', '(' + 'a'.repeat(100)),
  ],
};
