/**
 * Streaming W3C extended log scanner over bytes. push() takes Uint8Array chunks of any size
 * (lines may span chunks: the unfinished tail is copied, never the chunk kept); end() returns
 * the counters. The hot path walks bytes once, records where fields start, and parses the few
 * fields it needs in place: no per-line strings, no split, no regex. Strings are only made for
 * directive lines, the URL of a failure, the first few lines of each cluster (cluster-detail.ts),
 * and header-less lines that do not fit the default order.
 *
 * Layout: the latest `#Fields:` directive; before any, the IIS default order (plan.ts). A line
 * with more or fewer fields than its layout (a value with a space in it) keeps the fields
 * before the first free-text field from the left and reads the outcome fields from the right.
 *
 * Never throws on any input; time linear in the input.
 */
import { findMethod, httpErrLayout, isDate, isTime, layoutOf, locateTail, tokenize, type Layout, type Token } from '../recognisers/iis-log/fields.ts';
import { addTime, fieldsLine, MAX_SAMPLE_LINE, wantsSample, type Detail } from './cluster-detail.ts';
import { daysFromCivil, validDate } from './dates.ts';
import { bucketOf } from './histogram.ts';
import { DEFAULT_PLAN, fieldsOfDirective, planOf, type Plan } from './plan.ts';
import { addReason, addToSig, bandOf, emptySig, emptyStats, fitTime, OTHER_SIG, reasonDetail, reasonKey, SIG_CAP, sigDetail, sigKey, TIME_KEY_CAP, type Sig, type Stats } from './stats.ts';
import { markerIndex } from './timeouts.ts';
import { addKey } from './top-counter.ts';

/** Fields beyond this many in one line are not recorded (the line is still counted). */
const MAX_FIELDS = 256;
/** A line longer than this is counted as bad without being read. */
export const MAX_LINE = 64 * 1024;
/** URLs are kept to this many bytes. */
const MAX_URL = 400;
/** HTTP.sys reasons are kept to this many bytes. */
const MAX_REASON = 48;
const EMPTY_WORDS: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
/** Win32 codes of a connection the client side dropped. */
const CLIENT_GONE = new Set([64, 1229, 1236, 10053, 10054]);

export interface ScanOptions {
  /** Field names in effect at the start (the layout of the text before this part); null = default. */
  fields?: readonly string[] | null;
  /**
   * Keep the lines before the first `#Fields:` directive apart (in `prefix`), so a part read
   * with a guessed starting layout can be corrected (see split.ts).
   */
  separatePrefix?: boolean;
  /** Tests: rethrow internal errors instead of keeping the counts so far. */
  strict?: boolean;
  /** Bytes of sample lines and new cluster URLs this scanner may keep (DETAIL_BYTES by default). */
  detailBytes?: number;
}

/**
 * What one scanner keeps at most in cluster details (sample lines, and URLs new to a cluster's
 * counter). Each detail is bounded, but a crafted log can hold thousands of failure
 * combinations; past this budget, clusters are still counted, keep no further sample lines,
 * and their URL counts are marked inexact (each occurrence not counted widens the error bound).
 * Real logs, with a few dozen clusters, use well under a tenth of it.
 */
export const DETAIL_BYTES = 16 * 1024 * 1024;

export interface ScanResult {
  /** Everything (or, with separatePrefix, everything from the first #Fields directive on). */
  stats: Stats;
  /** With separatePrefix: the lines before the first #Fields directive. */
  prefix?: Stats;
  /** Bytes before the first #Fields directive line (all bytes when there is none). */
  prefixBytes: number;
  /** Was there a #Fields directive? */
  sawFields: boolean;
  /** Layout at the start and at the end (null = default order). */
  startFields: readonly string[] | null;
  endFields: readonly string[] | null;
}

export interface Scanner {
  push(chunk: Uint8Array): void;
  end(): ScanResult;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function createScanner(options: ScanOptions = {}): Scanner {
  const startFields = options.fields ?? null;
  let plan: Plan = startFields === null ? DEFAULT_PLAN : planOf(startFields);
  const main = emptyStats();
  const prefix = options.separatePrefix ? emptyStats() : undefined;
  let st: Stats = prefix ?? main;
  let sawFields = false;
  let prefixBytes = 0;
  let offset = 0; // bytes consumed so far (line starts are offset + index)
  // Offset where the input counted in `st` starts (sample offsets are relative to it).
  let stBase = 0;
  // The #Fields line in effect, for sample lines.
  let header: string | null = fieldsLine(plan.fields);
  let detailBytes = options.detailBytes ?? DETAIL_BYTES;
  // The line being read: its buffer, bounds and stream offset (for sample lines).
  let lineBuf: Uint8Array = new Uint8Array(0);
  let lineS = 0;
  let lineE = 0;
  let lineAt = 0;

  const starts = new Int32Array(MAX_FIELDS);
  let carry = new Uint8Array(4096);
  let carryWords = new Uint32Array(carry.buffer);
  // The word view of the buffer line() reads: w32 starts at byte wBase of the buffer's
  // ArrayBuffer; the buffer itself starts at byte bOff of it.
  let w32: Uint32Array<ArrayBufferLike> = carryWords;
  let wBase = 0;
  let bOff = 0;

  function view(buf: Uint8Array): void {
    if (buf === carry) {
      w32 = carryWords;
      wBase = 0;
      bOff = 0;
      return;
    }
    bOff = buf.byteOffset;
    wBase = (bOff + 3) & ~3;
    const end = bOff + buf.length;
    w32 = end - wBase >= 4 ? new Uint32Array(buf.buffer, wBase, (end - wBase) >> 2) : EMPTY_WORDS;
  }
  let carryLen = 0;
  let skipping = false; // inside an over-long line, dropping bytes up to the next newline
  const decoder = new TextDecoder('utf-8');
  const encoder = new TextEncoder();

  // Caches for the hot path.
  let cDateKey = -1;
  let cDay = -1;
  let cTimeKey = NaN;
  let cTimeArr: number[] | undefined;
  // Runs of the same status.sub-status are added to st.sub in one go.
  let cSubKey = -1;
  let cSubPending = 0;

  function flushSub(): void {
    if (cSubPending > 0) st.sub.set(cSubKey, (st.sub.get(cSubKey) ?? 0) + cSubPending);
    cSubKey = -1;
    cSubPending = 0;
  }

  function text(buf: Uint8Array, s: number, e: number): string {
    return decoder.decode(buf.subarray(s, e));
  }

  /** Unsigned integer of the field at p (up to 10 digits, ended by a byte <= 32 or e); -1 if none; -2 for '-'. */
  function uint(buf: Uint8Array, p: number, e: number): number {
    if (p >= e) return -1;
    let c = buf[p] as number;
    if (c === 45 /* - */) {
      if (p + 1 >= e || (buf[p + 1] as number) <= 32) return -2;
      // A signed value (some tools write sc-win32-status as a signed HRESULT).
      let v = 0;
      let q = p + 1;
      for (; q < e && q - p <= 11; q++) {
        c = buf[q] as number;
        if (!isDigit(c)) break;
        v = v * 10 + (c - 48);
      }
      if (q === p + 1 || (q < e && (buf[q] as number) > 32) || v > 2147483648) return -1;
      return (-v) >>> 0;
    }
    let v = 0;
    let q = p;
    for (; q < e && q - p < 11; q++) {
      c = buf[q] as number;
      if (!isDigit(c)) break;
      v = v * 10 + (c - 48);
    }
    if (q === p || (q < e && (buf[q] as number) > 32) || q - p > 10) return -1;
    return v;
  }

  /** Epoch day of a yyyy-mm-dd field, or -1. */
  function dayAt(buf: Uint8Array, p: number, e: number): number {
    if (p + 10 > e || (p + 10 < e && (buf[p + 10] as number) > 32)) return -1;
    if (buf[p + 4] !== 45 || buf[p + 7] !== 45) return -1;
    const y0 = buf[p] as number, y1 = buf[p + 1] as number, y2 = buf[p + 2] as number, y3 = buf[p + 3] as number;
    const m0 = buf[p + 5] as number, m1 = buf[p + 6] as number, d0 = buf[p + 8] as number, d1 = buf[p + 9] as number;
    if (!isDigit(y0) || !isDigit(y1) || !isDigit(y2) || !isDigit(y3) || !isDigit(m0) || !isDigit(m1) || !isDigit(d0) || !isDigit(d1)) return -1;
    const key = ((((((y0 - 48) * 10 + (y1 - 48)) * 10 + (y2 - 48)) * 10 + (y3 - 48)) * 10 + (m0 - 48)) * 10 + (m1 - 48)) * 100 + (d0 - 48) * 10 + (d1 - 48);
    if (key === cDateKey) return cDay;
    const y = Math.floor(key / 10000);
    const m = Math.floor(key / 100) % 100;
    const d = key % 100;
    const day = validDate(y, m, d) ? daysFromCivil(y, m, d) : -1;
    cDateKey = key;
    cDay = day;
    return day;
  }

  /** Seconds of the day of an hh:mm:ss[.fff] field, or -1. */
  function secondsAt(buf: Uint8Array, p: number, e: number): number {
    if (p + 8 > e || buf[p + 2] !== 58 || buf[p + 5] !== 58) return -1;
    const h0 = buf[p] as number, h1 = buf[p + 1] as number, m0 = buf[p + 3] as number, m1 = buf[p + 4] as number, s0 = buf[p + 6] as number, s1 = buf[p + 7] as number;
    if (!isDigit(h0) || !isDigit(h1) || !isDigit(m0) || !isDigit(m1) || !isDigit(s0) || !isDigit(s1)) return -1;
    if (p + 8 < e) {
      const c = buf[p + 8] as number;
      if (c > 32 && c !== 46 /* . */) return -1;
    }
    const h = (h0 - 48) * 10 + (h1 - 48);
    const m = (m0 - 48) * 10 + (m1 - 48);
    const s = (s0 - 48) * 10 + (s1 - 48);
    if (h > 23 || m > 59 || s > 60) return -1;
    return h * 3600 + m * 60 + s;
  }

  function countTime(epoch: number, is5xx: boolean, is502: boolean): void {
    if (epoch < st.first) st.first = epoch;
    if (epoch > st.last) st.last = epoch;
    const key = Math.floor(epoch / st.timeUnit);
    let arr: number[] | undefined;
    if (key === cTimeKey && cTimeArr) arr = cTimeArr;
    else {
      arr = st.time.get(key);
      if (!arr) {
        arr = [0, 0, 0];
        st.time.set(key, arr);
        if (st.time.size > TIME_KEY_CAP) {
          fitTime(st);
          cTimeKey = NaN;
          cTimeArr = undefined;
          countTimeAgain(epoch, is5xx, is502);
          // The entry just created was re-grouped; undo nothing: it held zeros.
          return;
        }
      }
      cTimeKey = key;
      cTimeArr = arr;
    }
    arr[0] = (arr[0] as number) + 1;
    if (is5xx) arr[1] = (arr[1] as number) + 1;
    if (is502) arr[2] = (arr[2] as number) + 1;
  }

  function countTimeAgain(epoch: number, is5xx: boolean, is502: boolean): void {
    const key = Math.floor(epoch / st.timeUnit);
    let arr = st.time.get(key);
    if (!arr) st.time.set(key, (arr = [0, 0, 0]));
    arr[0] = (arr[0] as number) + 1;
    if (is5xx) arr[1] = (arr[1] as number) + 1;
    if (is502) arr[2] = (arr[2] as number) + 1;
  }

  function countSig(status: number, sub: number, win32: number, band: number, ms: number): Detail {
    let key = sigKey(status, sub, win32);
    let s: Sig | undefined = st.sigs.get(key);
    if (!s) {
      if (st.sigs.size >= SIG_CAP) {
        key = OTHER_SIG;
        s = st.sigs.get(key);
      }
      if (!s) st.sigs.set(key, (s = emptySig()));
    }
    addToSig(s, band, ms);
    return sigDetail(s, bandOf(band, ms));
  }

  /** Window, sample line and URL of a cluster's line; `url` is undefined when not logged. */
  function detailed(d: Detail, epoch: number, url: string | undefined): void {
    addTime(d, epoch);
    if (wantsSample(d) && lineE - lineS <= MAX_SAMPLE_LINE && detailBytes > 0) {
      d.samples.push({ at: lineAt - stBase, line: text(lineBuf, lineS, lineE), fields: header });
      detailBytes -= lineE - lineS;
    }
    if (url === undefined) return;
    const known = d.urls.counts.has(url);
    if (known || detailBytes > 0) {
      if (!known) detailBytes -= url.length;
      addKey(d.urls, url);
    } else {
      // Over budget: not counted, and said so (the counter's error bound grows by one).
      d.urls.total++;
      d.urls.dropped++;
    }
  }

  /** The URL field at p (up to MAX_URL bytes), or undefined when not logged. */
  function urlAt(buf: Uint8Array, p: number, e: number): string | undefined {
    if (p < 0) return undefined;
    let q = p;
    const lim = Math.min(e, p + MAX_URL);
    while (q < lim && (buf[q] as number) > 32) q++;
    return text(buf, p, q);
  }

  /** Count one request whose fields have been located. Positions are byte offsets (-1 = absent). */
  /** The s-reason at p in lower case, or undefined for a dash or nothing. */
  function reasonAt(buf: Uint8Array, p: number, e: number): string | undefined {
    if (p < 0 || p >= e) return undefined;
    let q = p;
    const lim = Math.min(e, p + MAX_REASON);
    while (q < lim && (buf[q] as number) > 32) q++;
    if (q === p || (q === p + 1 && buf[p] === 45)) return undefined;
    return text(buf, p, q);
  }

  function record(buf: Uint8Array, e: number, pDate: number, pTime: number, pStatus: number, pSub: number, pWin32: number, pTaken: number, pUrl: number, pReason: number): boolean {
    const status = pStatus < 0 ? -1 : uint(buf, pStatus, e);
    if (status === -2) {
      if (pDate < 0 || dayAt(buf, pDate, e) < 0) return false;
      st.requests++;
      st.noStatus++;
      const reason = reasonAt(buf, pReason, e);
      const epoch = dated(buf, e, pDate, pTime, false, false);
      if (reason !== undefined) detailed(reasonDetail(st.reasonDetails, addReason(st.reasons, reasonKey(-1, reason), 1)), epoch, urlAt(buf, pUrl, e));
      return true;
    }
    if (status < 100 || status > 599) return false;
    let sub = pSub < 0 ? 0 : uint(buf, pSub, e);
    if (sub === -2) sub = 0;
    if (sub < 0 || sub > 999) return false;
    let win32 = pWin32 < 0 ? 0 : uint(buf, pWin32, e);
    if (win32 === -2) win32 = 0;
    if (win32 < 0 || win32 > 4294967295) return false;
    // HRESULT_FROM_WIN32 values (2147954402 = 0x80072EE2) are counted under their Win32 code.
    if (win32 >= 0x80070000 && win32 <= 0x8007ffff) win32 -= 0x80070000;
    // A dash or a damaged time-taken is read as unknown, not as a bad line.
    let ms = pTaken < 0 ? -1 : uint(buf, pTaken, e);
    if (ms < 0) ms = -1;

    st.requests++;
    st.status[status] = (st.status[status] as number) + 1;
    const sk = status * 1000 + sub;
    if (sk === cSubKey) cSubPending++;
    else {
      flushSub();
      cSubKey = sk;
      cSubPending = 1;
    }
    const is5xx = status >= 500;
    const is502 = status === 502;
    const band = ms >= 0 ? markerIndex(ms) : -1;
    const reason = reasonAt(buf, pReason, e);
    let detail: Detail | undefined;
    if (reason !== undefined) detail = reasonDetail(st.reasonDetails, addReason(st.reasons, reasonKey(status, reason), 1));
    else if (is5xx) detail = countSig(status, sub, win32, band, ms);
    else if (band >= 0 && CLIENT_GONE.has(win32)) detail = countSig(status, sub, win32, band, ms);
    const url = detail || is502 ? urlAt(buf, pUrl, e) : undefined;
    if (is502) {
      if (ms >= 0) {
        const b = bucketOf(ms);
        st.taken502[b] = (st.taken502[b] as number) + 1;
      } else st.noTaken502++;
      if (url !== undefined) addKey(st.urls, url);
    }
    const epoch = dated(buf, e, pDate, pTime, is5xx, is502);
    if (detail) detailed(detail, epoch, url);
    return true;
  }

  /** Count the line's time; returns it in epoch seconds, or -1 when it has none. */
  function dated(buf: Uint8Array, e: number, pDate: number, pTime: number, is5xx: boolean, is502: boolean): number {
    const day = pDate < 0 ? -1 : dayAt(buf, pDate, e);
    const sec = day < 0 || pTime < 0 ? -1 : secondsAt(buf, pTime, e);
    if (sec < 0) {
      st.undated++;
      return -1;
    }
    const epoch = day * 86400 + sec;
    countTime(epoch, is5xx, is502);
    return epoch;
  }

  /** A header-less line that does not fit the default order: the recogniser's shape rules. */
  function headerless(buf: Uint8Array, s: number, e: number): boolean {
    const line = text(buf, s, e);
    let tokens = tokenize(line, 0, line.length, []);
    // A few tokens before the date: a quote mark, a line number, a file name from grep or
    // findstr ("u_ex240402.log:2024-04-02 14:01:55 ..." or "u_ex240402.log: 2024-04-02 ...").
    for (let i = 0; i < Math.min(4, tokens.length - 1); i++) {
      const t = tokens[i] as Token;
      const colon = t.text.lastIndexOf(':');
      const rest = colon >= 0 ? t.text.slice(colon + 1) : '';
      if (rest.length === 10 && isDate(rest) && isTime((tokens[i + 1] as Token).text)) {
        tokens = [{ text: rest, start: t.start + colon + 1, end: t.end }, ...tokens.slice(i + 1)];
        break;
      }
      if (isDate(t.text) && isTime((tokens[i + 1] as Token).text)) {
        if (i > 0) tokens = tokens.slice(i);
        break;
      }
    }
    let want: number[];
    const layout: Layout | undefined = httpErrLayout(tokens, 0);
    if (layout) {
      const at = (n: string): number => layout.index.get(n) ?? -1;
      want = [at('date'), at('time'), at('sc-status'), -1, -1, -1, at('cs-uri'), at('s-reason')];
    } else {
      const method = findMethod(tokens, 0);
      if (method === undefined) return false;
      const tail = locateTail(tokens, method + 2);
      if (!tail) return false;
      want = [0, 1, tail.status, tail.sub, tail.win32, tail.timeTaken, method + 1, -1];
    }
    // The wanted fields, re-encoded side by side, so record() reads them like any line.
    const pieces: Uint8Array[] = [];
    const at: number[] = [];
    let size = 0;
    for (const i of want) {
      const t = i < 0 ? undefined : tokens[i]?.text;
      if (t === undefined) {
        at.push(-1);
        continue;
      }
      const b = encoder.encode(t);
      at.push(size);
      pieces.push(b);
      size += b.length + 1;
    }
    const out = new Uint8Array(size);
    let q = 0;
    for (const b of pieces) {
      out.set(b, q);
      q += b.length;
      out[q++] = 32;
    }
    return record(out, out.length, at[0] as number, at[1] as number, at[2] as number, at[3] as number, at[4] as number, at[5] as number, at[6] as number, at[7] as number);
  }

  /** A directive or comment line; a #Fields directive sets the layout. */
  function directive(buf: Uint8Array, s: number, e: number, lineStart: number): void {
    // Only #Fields lines matter; check the byte after '#' before making a string.
    const fields = e - s >= 8 && (buf[s + 1] === 70 || buf[s + 1] === 102) ? fieldsOfDirective(text(buf, s, Math.min(e, s + 8192))) : undefined;
    if (fields) {
      if (!sawFields) {
        sawFields = true;
        prefixBytes = lineStart;
        if (prefix) {
          // From here on, count into the main stats.
          flushSub();
          st = main;
          stBase = lineStart;
          cTimeKey = NaN;
          cTimeArr = undefined;
        }
      }
      plan = planOf(fields);
      header = fieldsLine(plan.fields);
    }
    st.lines++;
    st.comments++;
  }

  /** One line [s, e) without its terminator; `lineStart` is its offset in the stream. */
  function line(buf: Uint8Array, s: number, e: number, lineStart: number): void {
    // Skip leading blanks and a byte-order mark.
    while (s < e && (buf[s] as number) <= 32) s++;
    if (s + 2 < e && buf[s] === 0xef && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf) s += 3;
    while (e > s && (buf[e - 1] as number) <= 32) e--;
    if (s < e && buf[s] === 35 /* # */) {
      directive(buf, s, e, lineStart);
      return;
    }
    st.lines++;
    if (s >= e) {
      st.blank++;
      return;
    }
    lineBuf = buf;
    lineS = s;
    lineE = e;
    lineAt = lineStart;
    // Field starts.
    let n = 0;
    let j = s;
    // buf[e] is a blank, a line end or the carry's sentinel, so a field run stops there.
    // Long fields are skipped four bytes at a time through the word view of the buffer.
    const words = w32;
    const off = bOff - wBase; // byte index j is at offset off + j from the word view's start
    const wl = (off + e) >> 2; // words below this one end before e
    while (j < e) {
      if (n < MAX_FIELDS) starts[n] = j;
      n++;
      let c = buf[j] as number;
      while (c > 32 && ((off + j) & 3) !== 0) c = buf[++j] as number;
      if (c > 32 && off + j >= 0) {
        let w = (off + j) >> 2;
        // Any byte below 33 in x? (Mycroft's "has less than" test; exact on whether, not where.)
        while (w < wl) {
          const x = words[w] as number;
          if (((x - 0x21212121) & ~x & 0x80808080) !== 0) break;
          w++;
        }
        j = (w << 2) - off;
        c = buf[j] as number;
        while (c > 32) c = buf[++j] as number;
      }
      while (j < e && (buf[j] as number) <= 32) j++;
    }
    const p = plan;
    let ok = false;
    if (n > MAX_FIELDS) ok = false;
    else if (p.fields === null) {
      ok = (n === p.n && dayAt(buf, starts[0] as number, e) >= 0 && record(buf, e, pos(p.date), pos(p.time), pos(p.status), pos(p.sub), pos(p.win32), pos(p.taken), pos(p.url), pos(p.reason))) || headerless(buf, s, e);
    } else if (n === p.n) {
      ok = record(buf, e, pos(p.date), pos(p.time), pos(p.status), pos(p.sub), pos(p.win32), pos(p.taken), pos(p.url), pos(p.reason));
    } else {
      ok = shifted(buf, e, n, p);
    }
    if (!ok) st.bad++;
  }

  function pos(i: number): number {
    return i < 0 ? -1 : (starts[i] as number);
  }

  /**
   * A line with a different number of fields than its #Fields layout: fields up to the first
   * one that may hold free text (user agent, cookie, referer, query) are read from the left,
   * the fields after the last such field from the right.
   */
  function shifted(buf: Uint8Array, e: number, n: number, p: Plan): boolean {
    const { firstFree, lastFree } = p;
    if (lastFree < 0) return false;
    const d = n - p.n;
    const at = (i: number): number => {
      if (i < 0) return -1;
      if (i < firstFree) return i < n ? (starts[i] as number) : -1;
      if (i > lastFree) {
        const k = i + d;
        return k >= firstFree && k < n ? (starts[k] as number) : -1;
      }
      return -1;
    };
    if (p.status >= 0 && at(p.status) < 0) return false;
    return record(buf, e, at(p.date), at(p.time), at(p.status), at(p.sub), at(p.win32), at(p.taken), at(p.url), at(p.reason));
  }

  function consume(buf: Uint8Array): void {
    const len = buf.length;
    let i = 0;
    view(buf);
    while (i < len) {
      const nl = buf.indexOf(10, i);
      if (nl < 0) {
        stash(buf, i, len);
        return;
      }
      if (skipping) {
        skipping = false;
      } else if (carryLen > 0) {
        const lineStart = offset - carryLen;
        stash(buf, i, nl);
        if (!skipping) {
          view(carry);
          line(carry, 0, carryLen, lineStart);
          view(buf);
        }
        carryLen = 0;
        skipping = false;
      } else if (nl - i > MAX_LINE) {
        tooLong();
      } else {
        line(buf, i, nl, offset + i);
      }
      i = nl + 1;
    }
  }

  function tooLong(): void {
    st.lines++;
    st.bad++;
  }

  function stash(buf: Uint8Array, s: number, e: number): void {
    if (skipping) return;
    const len = e - s;
    if (carryLen + len > MAX_LINE) {
      tooLong();
      carryLen = 0;
      skipping = true;
      return;
    }
    if (carryLen + len + 1 > carry.length) {
      // A whole number of 32-bit words, for the word view.
      const next = new Uint8Array((Math.max(carry.length * 2, carryLen + len + 1) + 3) & ~3);
      next.set(carry.subarray(0, carryLen));
      carry = next;
      carryWords = new Uint32Array(carry.buffer);
    }
    carry.set(buf.subarray(s, e), carryLen);
    carryLen += len;
    carry[carryLen] = 10; // sentinel: the field scanner stops at it
  }

  return {
    push(chunk: Uint8Array) {
      try {
        if (!(chunk instanceof Uint8Array) || chunk.length === 0) return;
        consume(chunk);
        offset += chunk.length;
      } catch (e) {
        // Never throw on input; a failure here would be a bug, and the counts so far stand.
        if (options.strict) throw e;
      }
    },
    end(): ScanResult {
      try {
        if (carryLen > 0 && !skipping) {
          view(carry);
          line(carry, 0, carryLen, offset - carryLen);
        }
      } catch (e) {
        if (options.strict) throw e;
      }
      flushSub();
      carryLen = 0;
      skipping = false;
      if (!sawFields) prefixBytes = offset;
      if (prefix) {
        prefix.bytes = prefixBytes;
        main.bytes = offset - prefixBytes;
      } else main.bytes = offset;
      const startOf = startFields === null ? null : layoutOf(startFields).fields;
      if (prefix) {
        return { stats: main, prefix, prefixBytes, sawFields, startFields: startOf, endFields: plan.fields };
      }
      return { stats: main, prefixBytes, sawFields, startFields: startOf, endFields: plan.fields };
    },
  };
}

/** Scan one whole buffer (tests, small inputs). */
export function scanBytes(bytes: Uint8Array, options?: ScanOptions): ScanResult {
  const s = createScanner(options);
  s.push(bytes);
  return s.end();
}
