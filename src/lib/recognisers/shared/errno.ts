/**
 * Errno texts as proxies print them: "(111: Connection refused)" on Linux, "(61: ...)" on macOS,
 * "(10061: No connection could be made because the target machine actively refused it)" on
 * Windows. Read by their text, not their number: each platform numbers the same error
 * differently but prints recognisable words. Input is squeezed text (lower case, no spaces;
 * proxy-lines.ts). Used by the nginx and apache kinds.
 */

/** What the errno text in `(N: text)` says. */
export type ErrnoKind =
  | 'refused'
  | 'no-route'
  | 'permission'
  | 'no-such-file'
  | 'addr-not-available'
  | 'again'
  | 'timed-out'
  | 'reset'
  | 'broken-pipe'
  | 'host-not-found'
  | 'other';

export interface Errno {
  number: number;
  kind: ErrnoKind;
}

const ERRNO_TEXTS: [string, ErrnoKind][] = [
  ['connectionrefused', 'refused'],
  ['activelyrefused', 'refused'],
  ['noroutetohost', 'no-route'],
  ['hostisunreachable', 'no-route'],
  ['networkisunreachable', 'no-route'],
  ['unreachablehost', 'no-route'],
  ['permissiondenied', 'permission'],
  ['accessasocketinawayforbidden', 'permission'],
  ['nosuchfileordirectory', 'no-such-file'],
  ['assignrequestedaddress', 'addr-not-available'],
  ['requestedaddressisnotvalid', 'addr-not-available'],
  ['resourcetemporarilyunavailable', 'again'],
  ['connectiontimedout', 'timed-out'],
  ['operationtimedout', 'timed-out'],
  ['didnotproperlyrespond', 'timed-out'],
  ['connectionresetbypeer', 'reset'],
  ['forciblyclosedbytheremotehost', 'reset'],
  ['brokenpipe', 'broken-pipe'],
  ['hostnotfound', 'host-not-found'],
];

/** Kind of a squeezed errno text ("connectionrefused"), or undefined when unknown. */
export function errnoKindOfText(text: string): ErrnoKind | undefined {
  for (const [needle, kind] of ERRNO_TEXTS) if (text.includes(needle)) return kind;
  return undefined;
}

const ERRNO = /\((\d{1,5}):/g;

/** The `(N: text)` errno of a squeezed message, if any. */
export function errnoOf(sq: string): Errno | undefined {
  ERRNO.lastIndex = 0;
  for (let m = ERRNO.exec(sq); m; m = ERRNO.exec(sq)) {
    const after = m.index + m[0].length;
    const near = sq.slice(after, after + 200);
    const close = near.indexOf(')');
    const text = close < 0 ? near : near.slice(0, close);
    const kind = errnoKindOfText(text);
    if (kind) return { number: Number(m[1]), kind };
    if (/^[a-z]/.test(text)) return { number: Number(m[1]), kind: 'other' };
  }
  return undefined;
}
