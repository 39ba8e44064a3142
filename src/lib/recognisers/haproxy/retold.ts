/**
 * HAProxy termination states told bare, outside a log line: "we see SD-- in the haproxy logs",
 * "haproxy shows sH-- on the slow requests", "termination state cD--". The log-line reader reads
 * them in place; people retell the four characters on their own.
 *
 * Read: a four-character state (who ended the session and in which phase, then the two
 * persistence characters, dashes when unused) whose first two characters are in the state table,
 * only when the paste names HAProxy or its termination state. Nothing is read when a log line was.
 */
import type { Fact } from '../../engine/types.ts';
import { fact } from '../shared/proxy-lines.ts';

const NAMED = /haproxy|termination (?:state|flags?|codes?)|session state at disconnection/i;
/** Two state characters and two persistence characters (`--`, `NN`, `VN`, `-N` ...), standing alone. */
const STATE = /(?<![\w-])([CScsP][CRQHDT])([-NIDVEOU]{2})(?![\w-])/g;

/** Facts for each retold state whose first two characters `signals` names. */
export function readRetoldStates(input: string, signals: Readonly<Record<string, string>>, kind: 'haproxy'): Fact[] {
  if (!NAMED.test(input)) return [];
  const out: Fact[] = [];
  STATE.lastIndex = 0;
  for (let m = STATE.exec(input); m; m = STATE.exec(input)) {
    const state = m[1] as string;
    const signal = signals[state];
    if (!signal) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    if (out.length === 0) out.push(fact(kind, 'server', 'haproxy', span));
    out.push(fact(kind, 'setting', `termination_state=${m[0]}`, span));
    out.push(fact(kind, 'signal', signal, { start: m.index, end: m.index + 2 }));
  }
  return out;
}
