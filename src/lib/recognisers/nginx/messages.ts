/**
 * Classify the message part of an nginx error-log entry (the text between `*CID ` and
 * `, client:`), given in squeezed form (lower case, whitespace removed, see nginx-records.ts),
 * into a signal id of src/lib/signals/nginx.ts.
 *
 * The errno is read by its text, not its number: glibc, musl, the BSDs/macOS and Windows number
 * the same error differently (ECONNREFUSED is 111 on Linux, 61 on macOS, 10061 on Windows) but
 * print recognisable texts.
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

export type NginxAction = 'connect' | 'ssl' | 'send' | 'header' | 'body' | 'client' | 'upgraded';

const ACTIONS: [string, NginxAction][] = [
  ['whileconnectingtoupstream', 'connect'],
  ['whilesslhandshakingtoupstream', 'ssl'],
  ['whilesendingrequesttoupstream', 'send'],
  ['whilereadingresponseheaderfromupstream', 'header'],
  ['whilereadingupstream', 'body'],
  ['whilesendingtoclient', 'client'],
  ['whileproxyingupgradedconnection', 'upgraded'],
];

/** The ` while …` phase of a squeezed message. */
export function actionOf(sq: string): NginxAction | undefined {
  for (const [needle, action] of ACTIONS) if (sq.includes(needle)) return action;
  return undefined;
}

export interface Classified {
  signal: string;
  errno?: Errno;
  action?: NginxAction;
}

const INVALID_RESPONSE = [
  'upstreamsentinvalidheader',
  'upstreamsentinvalidchunkedresponse',
  'upstreamsentinvalid"content-length"',
  'upstreamsent"content-length"and"transfer-encoding"',
  'upstreamsentunknown"transfer-encoding"',
  'upstreamsentduplicateheaderline',
  'upstreamsentmoredatathanspecified',
  'upstreamsentinvalidstatus',
];

/** Signal id for a squeezed nginx message, or undefined when it is not an upstream failure. */
export function classifyNginx(sq: string): Classified | undefined {
  const errno = errnoOf(sq);
  const action = actionOf(sq);
  const r = (signal: string): Classified => ({ signal, errno, action });

  if (sq.includes('upstreamprematurelysentresponse')) return r('nginx.premature-response');
  // TLS to the upstream first: errno texts inside a handshake mean a protocol problem.
  if (sq.includes('upstreamsslcertificateverifyerror') || sq.includes('upstreamsslcertificatedoesnotmatch')) {
    return r('nginx.ssl-certificate-rejected');
  }
  if (sq.includes('peerclosedconnectioninsslhandshake')) return r('nginx.ssl-peer-closed');
  if (action === 'ssl' && sq.includes('upstreamtimedout')) return r('nginx.upstream-connect-timeout');
  if (sq.includes('ssl_do_handshake()failed') || action === 'ssl') {
    if (errno && (errno.kind === 'reset' || errno.kind === 'broken-pipe')) return r('nginx.ssl-peer-closed');
    if (errno && errno.kind === 'refused') return r('nginx.upstream-refused');
    return r('nginx.ssl-handshake-failed');
  }

  if (sq.includes('upstreamsenttoobigheader')) return r('nginx.header-too-big');
  if (sq.includes('upstreamsentnovalidhttp/1.0header')) return r('nginx.no-valid-http-header');
  for (const needle of INVALID_RESPONSE) if (sq.includes(needle)) return r('nginx.invalid-response');
  if (sq.includes('noliveupstreams')) return r('nginx.no-live-upstreams');
  if (sq.includes('upstreamservertemporarilydisabled')) return r('nginx.upstream-disabled');
  if (sq.includes('noresolverdefinedtoresolve') || (sq.includes('couldnotberesolved') && !sq.includes('ssl'))) {
    return r('nginx.upstream-not-resolved');
  }

  if (sq.includes('upstreamtimedout')) {
    if (action === 'connect') return r('nginx.upstream-connect-timeout');
    if (action === 'header') return r('nginx.upstream-read-timeout');
    if (action === 'send') return r('nginx.upstream-send-timeout');
    if (action === 'body') return r('nginx.upstream-body-timeout');
    return r('nginx.upstream-timeout');
  }
  if (sq.includes('upstreamprematurelyclosedconnection') || sq.includes('upstreamprematurelyclosed')) {
    return r(action === 'body' ? 'nginx.upstream-closed-body' : 'nginx.upstream-closed');
  }

  // Errno-carrying failures of a system call on the upstream connection.
  const upstreamContext =
    action === 'connect' ||
    action === 'send' ||
    action === 'header' ||
    action === 'body' ||
    sq.includes('connect()to') ||
    sq.includes('connect()failed');
  if (!errno || !upstreamContext) return undefined;
  switch (errno.kind) {
    case 'refused':
      return r('nginx.upstream-refused');
    case 'no-route':
      return r('nginx.upstream-no-route');
    case 'permission':
      return r('nginx.upstream-permission-denied');
    case 'no-such-file':
      return sq.includes('unix:') ? r('nginx.unix-socket-missing') : r('nginx.upstream-connect-failed');
    case 'addr-not-available':
      return r('nginx.source-ports-exhausted');
    case 'again':
      return sq.includes('unix:') ? r('nginx.unix-socket-backlog-full') : r('nginx.upstream-connect-failed');
    case 'timed-out':
      if (action === 'connect' || action === undefined) return r('nginx.upstream-connect-timeout');
      if (action === 'header') return r('nginx.upstream-read-timeout');
      if (action === 'send') return r('nginx.upstream-send-timeout');
      return r('nginx.upstream-body-timeout');
    case 'reset':
      if (action === 'body') return r('nginx.upstream-closed-body');
      return r('nginx.upstream-reset');
    case 'broken-pipe':
      return r('nginx.upstream-broken-pipe');
    case 'host-not-found':
      return r('nginx.upstream-not-resolved');
    default:
      return action === 'connect' || sq.includes('connect()') ? r('nginx.upstream-connect-failed') : undefined;
  }
}
