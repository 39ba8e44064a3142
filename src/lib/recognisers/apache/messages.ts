/**
 * Classify an Apache httpd error-log message (squeezed: lower case, no whitespace) into a signal
 * id of src/lib/signals/apache.ts. Messages are matched by text, so 2.2 entries (no AH numbers,
 * `proxy: …` prefix) read like 2.4 ones.
 *
 * The APR status prefix `(111)Connection refused: ` (Windows: `(OS 10061)No connection could be
 * made because the target machine actively refused it.  : `) decides between look-alikes.
 */
import type { ErrnoKind } from '../shared/errno.ts';
import { errnoKindOfText } from '../shared/errno.ts';

export type AprKind = ErrnoKind | 'apr-timeout' | 'apr-eof' | 'apr-internal';

export interface AprStatus {
  number: number;
  /** Windows socket errors are written `(OS 10061)`. */
  os: boolean;
  kind: AprKind;
  /** Offset of the `(` in the squeezed text. */
  at: number;
  length: number;
}

const STATUS = /\((os)?(\d{1,6})\)(?=[a-z])/g;

/** The APR status prefix of a squeezed message. */
export function aprStatusOf(sq: string): AprStatus | undefined {
  STATUS.lastIndex = 0;
  for (let m = STATUS.exec(sq); m; m = STATUS.exec(sq)) {
    const after = m.index + m[0].length;
    const near = sq.slice(after, after + 240);
    const colon = near.indexOf(':');
    const text = colon < 0 ? near : near.slice(0, colon);
    const n = Number(m[2]);
    let kind: AprKind | undefined;
    if (n === 70007 || text.includes('timeoutspecifiedhasexpired')) kind = 'apr-timeout';
    else if (n === 70014 || text.includes('endoffilefound')) kind = 'apr-eof';
    else if (n === 20014 || text.startsWith('internalerror')) kind = 'apr-internal';
    else kind = errnoKindOfText(text) ?? 'other';
    return { number: n, os: m[1] === 'os', kind, at: m.index, length: m[0].length };
  }
  return undefined;
}

export interface ApacheClassified {
  signal: string;
  status?: AprStatus;
}

/**
 * The APR status of a message quoted without its `(70007)` number: the status text alone still
 * starts it ("The timeout specified has expired: proxy: error reading status line ...").
 */
function bareAprKind(sq: string): AprKind | undefined {
  if (sq.includes('thetimeoutspecifiedhasexpired')) return 'apr-timeout';
  if (sq.includes('endoffilefound')) return 'apr-eof';
  if (sq.includes('connectionresetbypeer')) return 'reset';
  if (sq.includes('connectionrefused')) return 'refused';
  return undefined;
}

const isTimeout = (k: AprKind | undefined) => k === 'apr-timeout' || k === 'timed-out';

/** The remote server of a squeezed AH01102 message on a port that speaks TLS ("remoteserver10.0.0.5:443"). */
const TLS_PORT_REMOTE = /errorreadingstatuslinefromremoteserver[^,;]{1,260}?:(?:443|8443)(?![0-9])/;

/** Signal id for a squeezed Apache message, or undefined when it is not a proxy failure. */
export function classifyApache(sq: string): ApacheClassified | undefined {
  const status = aprStatusOf(sq);
  const k = status?.kind ?? bareAprKind(sq);
  const r = (signal: string): ApacheClassified => ({ signal, status });

  if (
    sq.includes('peercertificatedoesnotmatchforhostname') ||
    sq.includes('peercertificatecnmismatch') ||
    sq.includes('peercertificateisexpired') ||
    sq.includes('certificateverification:error')
  ) {
    return r('apache.ssl-certificate-rejected');
  }
  if (sq.includes('errorduringsslhandshakewithremoteserver')) return r('apache.ssl-handshake-failed');
  if (
    sq.includes('sslproxyrequestedfor') ||
    sq.includes('failedtoenablesslsupport') ||
    sq.includes('ah01961') ||
    sq.includes('ah00961')
  ) {
    return r('apache.ssl-proxy-not-enabled');
  }
  if (sq.includes('sslproxyconnectfailed')) return r('apache.ssl-proxy-connect-failed');
  if (sq.includes('corruptstatuslinereturnedbyremoteserver')) return r('apache.corrupt-status-line');
  if (sq.includes('badhttp/1.1headerreturnedby') || sq.includes('ah01106')) return r('apache.bad-header');
  if (sq.includes('dnslookupfailurefor')) return r('apache.dns-failure');

  if (sq.includes('attempttoconnectto')) {
    if (sq.includes('unixdomainsocket') && k === 'no-such-file') return r('apache.unix-socket-missing');
    switch (k) {
      case 'refused':
        return r('apache.connect-refused');
      case 'no-route':
        return r('apache.connect-no-route');
      case 'permission':
        return r('apache.connect-permission-denied');
      case 'timed-out':
      case 'apr-timeout':
        return r('apache.connect-timeout');
      default:
        return r('apache.connect-failed');
    }
  }
  if (sq.includes('errorreadingstatuslinefromremoteserver')) {
    if (isTimeout(k)) return r('apache.status-line-timeout');
    if ((k === 'apr-eof' || k === 'reset') && TLS_PORT_REMOTE.test(sq)) return r('apache.status-line-tls-port');
    if (k === 'reset' || k === 'broken-pipe') return r('apache.status-line-reset');
    if (k === 'apr-eof') return r('apache.status-line-eof');
    if (k === 'apr-internal') return r('apache.status-line-internal-error');
    if (k === 'refused') return r('apache.connect-refused');
    return r('apache.status-line-error');
  }
  if (sq.includes('failedtomakeconnectiontobackend')) return r('apache.backend-connection-failed');
  if (sq.includes('disablingworkerfor')) return r('apache.worker-disabled');
  if (sq.includes('disabledconnectionfor')) return r('apache.worker-in-retry');
  if (sq.includes('passrequestbodyfailedto')) {
    return r(isTimeout(k) ? 'apache.request-body-timeout' : 'apache.request-body-failed');
  }
  if (sq.includes('ah01110') || sq.includes('errorreadingresponse')) {
    return r(isTimeout(k) ? 'apache.response-read-timeout' : 'apache.response-read-failed');
  }
  if (sq.includes('errorreadingfromremoteserver')) return r('apache.read-error');
  if (sq.includes('allworkersareinerrorstate')) return r('apache.balancer-all-workers-failed');
  if (sq.includes('intoerrorstate') && sq.includes('worker')) return r('apache.balancer-worker-error');
  return undefined;
}
