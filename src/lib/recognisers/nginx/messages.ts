/**
 * Classify the message part of an nginx error-log entry (the text between `*CID ` and
 * `, client:`), given in squeezed form (lower case, whitespace removed, see shared/proxy-lines.ts),
 * into a signal id of src/lib/signals/nginx.ts.
 * The errno is read by its text (shared/errno.ts).
 */

import type { Errno } from '../shared/errno.ts';
import { errnoOf } from '../shared/errno.ts';

export type { Errno, ErrnoKind } from '../shared/errno.ts';

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
  'upstreamsentinvalid"content-length"',
  'upstreamsent"content-length"and"transfer-encoding"',
  'upstreamsentunknown"transfer-encoding"',
  'upstreamsentduplicateheaderline',
  'upstreamsentmoredatathanspecified',
  'upstreamsentinvalidstatus',
];

/**
 * grpc_pass speaks HTTP/2 without TLS (grpc://) or over TLS (grpcs://) to the upstream; frames it
 * cannot parse mean the other end is not speaking that (an HTTP/1.x-only endpoint, TLS behind
 * grpc://): "too large http2 frame: 4740180" is the bytes "HTTP/1.1 400" read as a frame header.
 * ngx_http_grpc_module.c's framing errors, squeezed.
 */
const HTTP2_FRAMING = [
  'upstreamsenttoolargehttp2',
  'upstreamsenttooshorthttp2frame',
  'upstreamsentunexpectedhttp2frame',
  'upstreamsenthttp2framewithtoolong',
  'upstreamsenttruncatedhttp2header',
  'upstreamsentinvalidhttp2',
  'upstreamsentzerohttp2',
  'upstreamsenthttp2tableindex',
  'upstreamsentinvalidencodedheader',
  'upstreamsentheadersframe',
  'upstreamsentsettingsframe',
  'upstreamsenttoomanysettingsframes',
  'upstreamsentpingframe',
  'upstreamsenttoomanypingframes',
  'upstreamsentgoawayframe',
  'upstreamsentrststreamframe',
  'upstreamsentwindowupdateframe',
  'upstreamsentzerowindowupdate',
  'upstreamsenttoolargewindowupdate',
  'upstreamsentframeforunknownstream',
  'upstreamsentunexpectedpushpromiseframe',
  'upstreamsentno:statusheader',
  'upstreamsentduplicate:statusheader',
  'upstreamsentinvalid:status',
  'upstreamsentunexpected:status',
];

/** The HTTP/2 upstream ended or refused the stream (RST_STREAM, GOAWAY with an error code). */
const HTTP2_RESET = [
  'upstreamrejectedrequestwitherror',
  'upstreamsentgoawaywitherror',
  'upstreamprematurelyclosedstream',
  'upstreamsentframeforclosedstream',
];

/**
 * OpenSSL reason texts (squeezed) inside `SSL_do_handshake() failed (...)` that say the upstream
 * refused the handshake's terms: an alert it sent (handshake failure = 40, unrecognized name =
 * 112, protocol version = 70, bad certificate = 42, internal error = 80) or a local verdict on
 * its certificate or ciphers. "wrong version number" is not here: that is plain HTTP upstream.
 */
const TLS_REJECTED = [
  'alerthandshakefailure',
  'alertnumber40',
  'unrecognizedname',
  'alertnumber112',
  'alertprotocolversion',
  'alertnumber70',
  'alertbadcertificate',
  'alertnumber42',
  'alertinternalerror',
  'alertnumber80',
  'unsupportedprotocol',
  'nosharedcipher',
  'certificateverifyfailed',
];

/** Signal id for a squeezed nginx message, or undefined when it is not an upstream failure. */
export function classifyNginx(sq: string): Classified | undefined {
  const errno = errnoOf(sq);
  const action = actionOf(sq);
  const r = (signal: string): Classified => ({ signal, errno, action });

  if (sq.includes('upstreamprematurelysentresponse')) return r('nginx.premature-response');
  // nginx's [warn] after max_fails failures, in whatever phase the last one happened: it names
  // the consequence, not the failure (the [error] entry before it does).
  if (sq.includes('upstreamservertemporarilydisabled')) return r('nginx.upstream-disabled');
  // TLS to the upstream first: errno texts inside a handshake mean a protocol problem.
  if (sq.includes('upstreamsslcertificateverifyerror') || sq.includes('upstreamsslcertificatedoesnotmatch')) {
    return r('nginx.ssl-certificate-rejected');
  }
  if (sq.includes('peerclosedconnectioninsslhandshake')) return r('nginx.ssl-peer-closed');
  if (action === 'ssl' && sq.includes('upstreamtimedout')) return r('nginx.upstream-connect-timeout');
  if (sq.includes('ssl_do_handshake()failed') || action === 'ssl') {
    if (errno && (errno.kind === 'reset' || errno.kind === 'broken-pipe')) return r('nginx.ssl-peer-closed');
    if (errno && errno.kind === 'refused') return r('nginx.upstream-refused');
    for (const needle of TLS_REJECTED) if (sq.includes(needle)) return r('nginx.ssl-handshake-rejected');
    return r('nginx.ssl-handshake-failed');
  }

  for (const needle of HTTP2_FRAMING) if (sq.includes(needle)) return r('nginx.upstream-http2-invalid');
  for (const needle of HTTP2_RESET) if (sq.includes(needle)) return r('nginx.upstream-http2-reset');
  if (sq.includes('upstreamsenttoobig')) return r('nginx.header-too-big');
  if (sq.includes('upstreamsentnovalidhttp/1.0header')) return r('nginx.no-valid-http-header');
  if (sq.includes('upstreamsentinvalidchunkedresponse')) return r('nginx.invalid-chunked');
  for (const needle of INVALID_RESPONSE) if (sq.includes(needle)) return r('nginx.invalid-response');
  if (sq.includes('noliveupstreams')) {
    // Quoted together with the refused connect() that marked the servers down, the refusal is
    // the failure and `no live upstreams` its consequence.
    if (errno && errno.kind === 'refused') return r('nginx.upstream-refused');
    return r('nginx.no-live-upstreams');
  }
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
