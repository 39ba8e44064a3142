import type { KindFragments } from '../shared/fragments.ts';
import { runOf } from '../shared/fragments.ts';

export const fragments: KindFragments = {
  pieces: ['502', '502.3', 'HTTP ', 'Status: ', '500.30', '\n', ' ', 'HTTP/1.1 502 Bad Gateway', 'sc-status'],
  adversarial: [runOf('5'), runOf('502.'), runOf('502\n'), runOf(' '), runOf('HTTP ')],
};
