/**
 * Split a paste into Windows event records and read each record's frame: provider (source),
 * event id and time. Formats:
 * - event XML (Event Viewer's XML view, "Copy details as text" after "Event Xml:", App Service
 *   eventlog.xml, one event per line or many);
 * - label lines ("Source: ...", "Event ID: ...", Get-WinEvent / Get-EventLog `Format-List`,
 *   wevtutil text, the XML "Friendly View"); labels may be translated, so a label line is known by
 *   its value: a known provider name, a date, or an id under an id-like label;
 * - PowerShell tables (TimeCreated / Id / LevelDisplayName / Message columns, Get-EventLog's
 *   Index / Time / EntryType / Source / InstanceID / Message), messages possibly cut with "...";
 * - Event Viewer's tab-delimited export (Level, Date and Time, Source, Event ID, Task Category).
 * Messages themselves are matched elsewhere (recognisers/shared/event-messages/messages.ts); records tell which event a
 * message belongs to and give the fallback when the message is missing or truncated.
 */
import type { LineIndex, Span } from '../../engine/types.ts';
import { lineSpan } from '../../engine/lines.ts';
import { parseEventDate } from '../shared/event-messages/text.ts';

export type Family = 'ancm' | 'was' | 'w3svc' | 'dotnet-runtime' | 'application-error' | 'other';

export interface Located<T> {
  value: T;
  start: number;
  end: number;
}

export interface ProviderInfo {
  name: string;
  family: Family;
  server?: 'iis' | 'iis-express';
}

export interface EventRecord {
  start: number;
  end: number;
  format: 'xml' | 'label' | 'table' | 'tab';
  provider?: Located<ProviderInfo>;
  id?: Located<number>;
  time?: Located<string>;
}

const PROVIDERS: ReadonlyMap<string, { family: Family; server?: 'iis' | 'iis-express' }> = new Map([
  ['iis aspnetcore module v2', { family: 'ancm', server: 'iis' }],
  ['iis express aspnetcore module v2', { family: 'ancm', server: 'iis-express' }],
  ['iis aspnetcore module', { family: 'ancm', server: 'iis' }],
  ['iis express aspnetcore module', { family: 'ancm', server: 'iis-express' }],
  ['was', { family: 'was', server: 'iis' }],
  ['microsoft-windows-was', { family: 'was', server: 'iis' }],
  ['w3svc-wp', { family: 'w3svc', server: 'iis' }],
  ['iis-w3svc-wp', { family: 'w3svc', server: 'iis' }],
  ['microsoft-windows-iis-w3svc-wp', { family: 'w3svc', server: 'iis' }],
  ['w3svc', { family: 'w3svc', server: 'iis' }],
  ['microsoft-windows-iis-w3svc', { family: 'w3svc', server: 'iis' }],
  ['.net runtime', { family: 'dotnet-runtime' }],
  ['application error', { family: 'application-error' }],
  ['windows error reporting', { family: 'other' }],
  ['application hang', { family: 'other' }],
]);

/** A provider name as written (possibly cut short with "..." by a table), or undefined. */
export function providerOf(raw: string): ProviderInfo | undefined {
  let name = raw.trim();
  if (name.length === 0 || name.length > 60) return undefined;
  let truncated = false;
  if (name.endsWith('...') || name.endsWith('…')) {
    truncated = true;
    name = name.replace(/(\.\.\.|…)$/, '').trimEnd();
    if (name.length < 4) return undefined;
  }
  const key = name.toLowerCase();
  const exact = PROVIDERS.get(key);
  if (exact) return { name, ...exact };
  if (!truncated) return undefined;
  let found: { family: Family; server?: 'iis' | 'iis-express' } | undefined;
  for (const [k, v] of PROVIDERS) {
    if (!k.startsWith(key)) continue;
    if (found && (found.family !== v.family || found.server !== v.server)) return undefined;
    found = v;
  }
  return found ? { name, ...found } : undefined;
}

const EVENT_WORDS = ['event', 'ereignis', 'evento', 'événement', 'evenement', 'gebeurtenis', 'zdarzeni', 'händelse', 'hændelse', 'hendelse', 'tapahtuma', 'událost', 'olay', 'esemény', 'событ', 'イベント', '事件', '이벤트'];

/** Is this (possibly translated) label the event id label? */
export function isIdLabel(label: string): boolean {
  const norm = label.toLowerCase().replace(/[\s.'’\-_]/g, '');
  if (norm === 'id' || norm === 'eventid' || norm === 'instanceid') return true;
  // labels without "id" in them: Russian, Turkish, Hungarian
  if (norm === 'кодсобытия' || norm === 'olaykimliği' || norm === 'eseményazonosító') return true;
  if (!norm.includes('id')) return false;
  if (/record|process|thread|activity|session|correlation/.test(norm)) return false;
  return EVENT_WORDS.some((w) => norm.includes(w));
}

interface Anchor {
  type: 'provider' | 'id' | 'time';
  line: number;
  lineStart: number;
  start: number;
  end: number;
  provider?: ProviderInfo;
  id?: number;
  time?: string;
}

const FRIENDLY_NAME = /^\s*\[\s*Name\]\s+(.{1,60}?)\s*$/;
const FRIENDLY_ID = /^\s*-?\s*EventID\s+(\d{1,5})\s*$/;
const FRIENDLY_TIME = /^\s*\[\s*SystemTime\]\s+(\S{10,40})\s*$/;
const DIGITS = /^\d{1,5}$/;
const DESCRIPTION_MISSING = /The description for Event ID \(?\s?(\d{1,5})\s?\)? (?:from|in) [Ss]ource \(?\s?([^()]{1,60}?)\s?\)? cannot be found/;

/** A "label: value" line: label up to 45 characters, no markup in it. */
function labelLine(text: string): { label: string; value: string; valueStart: number } | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon > 45) return undefined;
  const label = text.slice(0, colon).trim();
  if (label.length === 0 || /[<>\\/{}[\]="]/.test(label)) return undefined;
  let v = colon + 1;
  while (v < text.length && (text.charCodeAt(v) === 32 || text.charCodeAt(v) === 9)) v++;
  let e = text.length;
  while (e > v && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  return { label, value: text.slice(v, e), valueStart: v };
}

const TABLE_WORDS: ReadonlySet<string> = new Set([
  'timecreated', 'id', 'leveldisplayname', 'message', 'providername', 'logname', 'machinename', 'recordid', 'level', 'index', 'time',
  'entrytype', 'source', 'instanceid', 'eventid', 'timegenerated', 'timewritten', 'username', 'category', 'taskdisplayname',
]);

interface Table {
  headerLine: number;
  msgCol: number;
  hasSource: boolean;
  groupProvider?: Located<ProviderInfo>;
  firstRow: number;
}

/** Is `c` a character String.prototype.trim() removes? */
function isTrimmed(c: number): boolean {
  if (c > 32 && c < 0xa0) return false;
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Same as `text.trim().length === 0`, without the copy. */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isTrimmed(text.charCodeAt(i))) return false;
  return true;
}

function isDashes(text: string): boolean {
  let dash = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 45) dash = true;
    else if (c !== 32 && c !== 9) return false;
  }
  return dash;
}

function tableHeader(text: string): { msgCol: number; hasSource: boolean } | undefined {
  if (!text.includes('Message')) return undefined;
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 12) return undefined;
  let hasId = false;
  let hasSource = false;
  for (const w of words) {
    const k = w.toLowerCase();
    if (!TABLE_WORDS.has(k)) return undefined;
    if (k === 'id' || k === 'instanceid' || k === 'eventid') hasId = true;
    if (k === 'source' || k === 'providername') hasSource = true;
  }
  if (!hasId) return undefined;
  return { msgCol: text.indexOf('Message'), hasSource };
}

/** Find every record in the input. `skip` spans (sorted) are not read. Linear in the input. */
export function findRecords(input: string, lines: LineIndex, skip: readonly Span[] = []): EventRecord[] {
  const n = lines.starts.length;
  const skipped = (offset: number): boolean => {
    // binary search over sorted spans
    let lo = 0;
    let hi = skip.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = skip[mid] as Span;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return true;
    }
    return false;
  };

  const explicit: EventRecord[] = [];
  const anchors: Anchor[] = [];
  const consumed = new Uint8Array(n + 2); // lines that belong to tables or XML blocks

  // 1. XML blocks.
  const xmlRe = /<Event[\s>]/g;
  // Next "</Event>" at or after the cursor; -1 once there is none left (searched once, not per block).
  let close = -2;
  for (let m = xmlRe.exec(input); m; m = xmlRe.exec(input)) {
    const start = m.index;
    if (skipped(start)) continue;
    if (close !== -1 && close < start) close = input.indexOf('</Event>', start);
    xmlRe.lastIndex = start + 6;
    const nextOpen = xmlRe.exec(input);
    let end: number;
    if (close >= 0 && (!nextOpen || close < nextOpen.index)) end = close + 8;
    else end = nextOpen ? nextOpen.index : Math.min(input.length, start + 200_000);
    const block = input.slice(start, end);
    const rec: EventRecord = { start, end, format: 'xml' };
    const p = /<Provider\b[^>]{0,300}?\bName\s*=\s*["']([^"']{1,100})["']/.exec(block);
    if (p) {
      const info = providerOf(p[1] as string);
      const at = start + p.index + p[0].length - 1 - (p[1] as string).length;
      if (info) rec.provider = { value: info, start: at, end: at + (p[1] as string).length };
    }
    const id = /<EventID\b[^>]{0,100}>\s*(\d{1,5})\s*</.exec(block);
    if (id) {
      const at = start + id.index + id[0].indexOf(id[1] as string, 8);
      rec.id = { value: Number(id[1]), start: at, end: at + (id[1] as string).length };
    }
    const t = /<TimeCreated\s+SystemTime\s*=\s*["']([^"']{8,40})["']/.exec(block);
    if (t) {
      const iso = parseEventDate(t[1] as string);
      const at = start + t.index + t[0].length - 1 - (t[1] as string).length;
      if (iso) rec.time = { value: iso, start: at, end: at + (t[1] as string).length };
    }
    explicit.push(rec);
    xmlRe.lastIndex = Math.max(end, start + 1);
  }
  const inXml = (offset: number): boolean => {
    let lo = 0;
    let hi = explicit.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = explicit[mid] as EventRecord;
      if (offset < r.start) hi = mid - 1;
      else if (offset >= r.end) lo = mid + 1;
      else return true;
    }
    return false;
  };

  // 2. Line formats.
  let table: Table | undefined;
  let lastTableRow: EventRecord | undefined;
  let lastGroup: { line: number; provider: Located<ProviderInfo> } | undefined;
  for (let ln = 1; ln <= n; ln++) {
    const { start, end } = lineSpan(input, lines, ln);
    if (skipped(start)) {
      table = undefined;
      continue;
    }
    const text = input.slice(start, end);
    const blank = isBlank(text);

    if (table) {
      if (blank) {
        table = undefined;
        lastTableRow = undefined;
        continue;
      }
      if (ln >= table.firstRow) {
        const prefix = text.slice(0, table.msgCol);
        if (isBlank(prefix)) {
          // continuation of the previous row's message (Format-Table -Wrap)
          if (lastTableRow) lastTableRow.end = end;
          consumed[ln] = 1;
          continue;
        }
        const row = tableRow(input, start, end, table);
        if (row) {
          explicit.push(row);
          lastTableRow = row;
          consumed[ln] = 1;
          continue;
        }
      }
      table = undefined;
      lastTableRow = undefined;
    }

    if (blank) continue;
    const header = tableHeader(text);
    if (header && ln < n) {
      let dl = ln + 1;
      while (dl <= n) {
        const s = lineSpan(input, lines, dl);
        if (!isBlank(input.slice(s.start, s.end))) break;
        dl++;
      }
      const ds = lineSpan(input, lines, Math.min(dl, n));
      if (dl <= n && isDashes(input.slice(ds.start, ds.end))) {
        table = { headerLine: ln, msgCol: header.msgCol, hasSource: header.hasSource, firstRow: dl + 1 };
        if (lastGroup && ln - lastGroup.line <= 3) {
          table.groupProvider = lastGroup.provider;
          // the group line ("ProviderName: X") is not a label record of its own
          for (let k = anchors.length - 1; k >= Math.max(0, anchors.length - 4); k--) {
            if ((anchors[k] as Anchor).line === lastGroup.line) {
              anchors.splice(k, 1);
              break;
            }
          }
        }
        consumed[ln] = 1;
        consumed[dl] = 1;
        ln = dl;
        continue;
      }
    }

    if (inXml(start)) continue;

    // Tab-delimited export rows.
    if (text.includes('\t')) {
      const row = tabRow(input, start, end);
      if (row) {
        explicit.push(row);
        consumed[ln] = 1;
        continue;
      }
    }

    // Friendly view.
    if (text.includes('Name]') || text.includes('SystemTime]') || text.includes('EventID')) {
      const fn = FRIENDLY_NAME.exec(text);
      if (fn) {
        const info = providerOf(fn[1] as string);
        const at = start + text.indexOf(fn[1] as string, text.indexOf(']'));
        if (info) anchors.push({ type: 'provider', line: ln, lineStart: start, start: at, end: at + (fn[1] as string).length, provider: info });
        continue;
      }
      const fi = FRIENDLY_ID.exec(text);
      if (fi) {
        const at = start + text.lastIndexOf(fi[1] as string);
        anchors.push({ type: 'id', line: ln, lineStart: start, start: at, end: at + (fi[1] as string).length, id: Number(fi[1]) });
        continue;
      }
      const ft = FRIENDLY_TIME.exec(text);
      if (ft) {
        const iso = parseEventDate(ft[1] as string);
        const at = start + text.indexOf(ft[1] as string);
        if (iso) anchors.push({ type: 'time', line: ln, lineStart: start, start: at, end: at + (ft[1] as string).length, time: iso });
        continue;
      }
    }

    // "The description for Event ID 1020 from source IIS AspNetCore Module cannot be found." (the
    // message DLL is not registered on the machine reading the log; the message follows as data)
    if (text.includes('The description for Event ID')) {
      const d = DESCRIPTION_MISSING.exec(text);
      const info = d ? providerOf(d[2] as string) : undefined;
      if (d) {
        const idAt = start + d.index + d[0].indexOf(d[1] as string);
        anchors.push({ type: 'id', line: ln, lineStart: start, start: idAt, end: idAt + (d[1] as string).length, id: Number(d[1]) });
        if (info) {
          const pAt = start + d.index + d[0].lastIndexOf(d[2] as string);
          anchors.push({ type: 'provider', line: ln, lineStart: start, start: pAt, end: pAt + (d[2] as string).length, provider: info });
        }
        continue;
      }
    }

    // Label lines.
    const lab = labelLine(text);
    if (!lab || lab.value.length === 0) continue;
    const vs = start + lab.valueStart;
    const ve = vs + lab.value.length;
    const info = providerOf(lab.value);
    if (info) {
      const a: Anchor = { type: 'provider', line: ln, lineStart: start, start: vs, end: ve, provider: info };
      anchors.push(a);
      lastGroup = { line: ln, provider: { value: info, start: vs, end: ve } };
      continue;
    }
    if (DIGITS.test(lab.value) && isIdLabel(lab.label)) {
      anchors.push({ type: 'id', line: ln, lineStart: start, start: vs, end: ve, id: Number(lab.value) });
      continue;
    }
    if (lab.value.length <= 40 && /^\d/.test(lab.value)) {
      const iso = parseEventDate(lab.value);
      if (iso) anchors.push({ type: 'time', line: ln, lineStart: start, start: vs, end: ve, time: iso });
    }
  }

  /**
   * A record's label block can start before its first anchor (Format-List with Message first,
   * "Log Name:" above "Source:"): walk back over label lines and their indented continuation
   * lines, up to a blank line, another record's anchors or a table/XML line.
   */
  function blockStart(line: number, previousAnchorLine: number): number {
    let first = line;
    for (let k = line - 1; k > Math.max(0, previousAnchorLine, line - 60); k--) {
      if (consumed[k]) break;
      const sp = lineSpan(input, lines, k);
      if (skipped(sp.start)) break;
      const t = input.slice(sp.start, sp.end);
      if (isBlank(t)) break;
      if (!labelLine(t) && !/^\s{8,}\S/.test(t)) break;
      first = k;
    }
    return lineSpan(input, lines, first).start;
  }

  // 3. Cluster label anchors into records: a provider, id or time seen twice starts a new record
  // (except a second time right after the first: Get-EventLog's TimeWritten after TimeGenerated).
  const clusters: EventRecord[] = [];
  let cur: EventRecord | undefined;
  let lastLine = -10;
  for (const a of anchors) {
    const has = cur ? (a.type === 'provider' ? cur.provider : a.type === 'id' ? cur.id : cur.time) !== undefined : true;
    if (cur && a.type === 'time' && has && a.line - lastLine <= 1) continue; // TimeWritten right after TimeGenerated
    if (!cur || has) {
      cur = { start: blockStart(a.line, lastLine), end: input.length, format: 'label' };
      clusters.push(cur);
    }
    if (a.type === 'provider' && a.provider) cur.provider = { value: a.provider, start: a.start, end: a.end };
    else if (a.type === 'id' && a.id !== undefined) cur.id = { value: a.id, start: a.start, end: a.end };
    else if (a.type === 'time' && a.time) cur.time = { value: a.time, start: a.start, end: a.end };
    lastLine = a.line;
  }

  // 4. Merge: the XML of "Copy details as text" repeats the record above it.
  const all = [...explicit, ...clusters].sort((x, y) => x.start - y.start);
  const out: EventRecord[] = [];
  for (let i = 0; i < all.length; i++) {
    const r = all[i] as EventRecord;
    const next = all[i + 1];
    if (r.format === 'label') r.end = next ? next.start : input.length;
    const prev = out[out.length - 1];
    if (prev && prev.format === 'label' && r.format === 'xml' && r.start < prev.end + 1 && sameEvent(prev, r)) {
      prev.end = Math.max(prev.end, r.end);
      if (!prev.provider && r.provider) prev.provider = r.provider;
      if (!prev.id && r.id) prev.id = r.id;
      if (!prev.time && r.time) prev.time = r.time;
      continue;
    }
    if (prev && prev.end > r.start) prev.end = r.start;
    out.push(r);
  }
  // A label record followed by a merged XML block ends where the next record starts.
  for (let i = 0; i < out.length - 1; i++) {
    const r = out[i] as EventRecord;
    const next = out[i + 1] as EventRecord;
    if (r.end > next.start) r.end = next.start;
  }
  return out.filter((r) => r.end > r.start);
}

function sameEvent(a: EventRecord, b: EventRecord): boolean {
  if (a.provider && b.provider && a.provider.value.family !== b.provider.value.family) return false;
  if (a.id && b.id && a.id.value !== b.id.value) return false;
  return true;
}

function tableRow(input: string, start: number, end: number, table: Table): EventRecord | undefined {
  const text = input.slice(start, end);
  const prefix = text.slice(0, Math.min(table.msgCol, text.length));
  const tokens: { t: string; s: number }[] = [];
  const re = /\S+/g;
  for (let m = re.exec(prefix); m; m = re.exec(prefix)) tokens.push({ t: m[0], s: m.index });
  if (tokens.length === 0) return undefined;
  let idTok: { t: string; s: number } | undefined;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const tok = tokens[i] as { t: string; s: number };
    if (DIGITS.test(tok.t)) {
      idTok = tok;
      break;
    }
  }
  if (!idTok) return undefined;
  const rec: EventRecord = { start, end, format: 'table' };
  rec.id = { value: Number(idTok.t), start: start + idTok.s, end: start + idTok.s + idTok.t.length };
  const iso = parseEventDate(prefix.trim());
  if (iso) {
    const first = tokens[0] as { t: string; s: number };
    rec.time = { value: iso, start: start + first.s, end: start + idTok.s };
  }
  if (table.hasSource) {
    const lower = prefix.toLowerCase();
    for (const key of PROVIDERS.keys()) {
      if (key.length < 4) continue;
      const at = lower.indexOf(key);
      if (at < 0) continue;
      const info = providerOf(prefix.slice(at, at + key.length));
      if (info && (!rec.provider || rec.provider.value.name.length < key.length)) rec.provider = { value: info, start: start + at, end: start + at + key.length };
    }
    if (!rec.provider) {
      // a cut-off source column ("IIS AspNetCore Mod..."): try each word start before the dots
      const dots = prefix.indexOf('...') >= 0 ? prefix.indexOf('...') : prefix.indexOf('…');
      if (dots > 0) {
        const cutEnd = prefix[dots] === '…' ? dots + 1 : dots + 3;
        for (const tok of tokens) {
          if (tok.s >= dots || dots - tok.s > 40) continue;
          const info = providerOf(prefix.slice(tok.s, cutEnd));
          if (info) {
            rec.provider = { value: info, start: start + tok.s, end: start + cutEnd };
            break;
          }
        }
      }
    }
    if (!rec.provider) {
      for (const tok of tokens) {
        const info = tok.t === 'WAS' ? providerOf(tok.t) : undefined;
        if (info) rec.provider = { value: info, start: start + tok.s, end: start + tok.s + 3 };
      }
    }
  } else if (table.groupProvider) rec.provider = table.groupProvider;
  return rec;
}

function tabRow(input: string, start: number, end: number): EventRecord | undefined {
  const text = input.slice(start, end);
  const fields = text.split('\t');
  if (fields.length < 4 || fields.length > 40) return undefined;
  let offset = 0;
  const offsets: number[] = [];
  for (const f of fields) {
    offsets.push(offset);
    offset += f.length + 1;
  }
  for (let i = 0; i + 1 < fields.length; i++) {
    const info = providerOf(fields[i] as string);
    if (!info) continue;
    const idText = (fields[i + 1] as string).trim();
    if (!DIGITS.test(idText)) continue;
    const rec: EventRecord = { start, end, format: 'tab' };
    const ps = start + (offsets[i] as number);
    rec.provider = { value: info, start: ps, end: ps + (fields[i] as string).length };
    const is = start + (offsets[i + 1] as number) + (fields[i + 1] as string).indexOf(idText);
    rec.id = { value: Number(idText), start: is, end: is + idText.length };
    for (let j = 0; j < i; j++) {
      const iso = parseEventDate(fields[j] as string);
      if (iso) {
        const ts = start + (offsets[j] as number);
        rec.time = { value: iso, start: ts, end: ts + (fields[j] as string).trimEnd().length };
        break;
      }
    }
    return rec;
  }
  return undefined;
}
