/**
 * Is a dropped file something the analyzer can read? Looks at the first bytes only: archives
 * and compressed files, UTF-16 text, and binary data are turned away with a reason.
 */

export type Sniff = { ok: true } | { ok: false; reason: string };

const MAGIC: readonly { bytes: readonly number[]; what: string }[] = [
  { bytes: [0x1f, 0x8b], what: 'a gzip archive: extract the log first' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive: extract the log first' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive: extract the log first' },
  { bytes: [0x4d, 0x44, 0x4d, 0x50], what: 'a memory dump, not a log' },
  { bytes: [0x45, 0x6c, 0x66, 0x46], what: 'a Windows event log file (.evtx): export the events as text or XML and paste them on the Diagnose page' },
];

export function sniff(head: Uint8Array): Sniff {
  for (const m of MAGIC) {
    if (head.length >= m.bytes.length && m.bytes.every((b, i) => head[i] === b)) return { ok: false, reason: `This is ${m.what}.` };
  }
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) {
    return { ok: false, reason: 'This file is UTF-16 text; IIS writes its logs as UTF-8 or ANSI. Save it as UTF-8 and drop it again.' };
  }
  const n = Math.min(head.length, 8192);
  let odd = 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = head[i] as number;
    if (c === 0) {
      if (i % 2 === 1) odd++;
      bad++;
    } else if (c < 9 || (c > 13 && c < 32 && c !== 27)) bad++;
  }
  if (n >= 16 && odd > n / 4) {
    return { ok: false, reason: 'This file looks like UTF-16 text; IIS writes its logs as UTF-8 or ANSI. Save it as UTF-8 and drop it again.' };
  }
  if (n > 0 && bad / n > 0.02) return { ok: false, reason: 'This file does not look like text.' };
  return { ok: true };
}
