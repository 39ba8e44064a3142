import type { KindFragments } from '../shared/fragments.ts';
import { runOf } from '../shared/fragments.ts';

export const fragments: KindFragments = {
  pieces: [
    'Unhandled exception. ',
    'System.InvalidOperationException: ',
    'Failed to bind to address ',
    'http://127.0.0.1:5000',
    'Now listening on: ',
    "The framework '",
    "' was not found.",
    '\n',
    ' ',
    ':',
  ],
  adversarial: [
    runOf('Exception'),
    runOf('a.', '', 'Exception'),
    runOf(' ', '', 'x'),
    runOf("'", "The framework '"),
    runOf(':', 'Now listening on: '),
    runOf('Exception', '', 'Exception:'),
  ],
};
