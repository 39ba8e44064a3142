/** Invented training texts for the word model's tests: four causes, words of their own and words in common. */
import type { TrainingText } from './train.ts';

export const TEXTS: readonly TrainingText[] = [
  { cause: 'timeout', text: 'upstream timed out after 60 seconds' },
  { cause: 'timeout', text: 'the request timed out while reading the response' },
  { cause: 'timeout', text: 'gateway timeout after 60 seconds on a long report' },
  { cause: 'refused', text: 'connect failed: connection refused by upstream' },
  { cause: 'refused', text: 'connection refused, nothing listening on the port' },
  { cause: 'refused', text: 'no process listening: connection refused' },
  { cause: 'tls', text: 'SSL handshake failed with the upstream certificate' },
  { cause: 'tls', text: 'certificate verify failed during the SSL handshake' },
  { cause: 'tls', text: 'the upstream certificate has expired' },
  { cause: 'header', text: 'upstream sent too big header while reading response header' },
  { cause: 'header', text: 'too big header from a large cookie' },
  { cause: 'header', text: 'response header too big after login' },
];
