/**
 * Find .NET exception type names in one line of output, the way .NET prints them in exception
 * headers: "Unhandled exception. System.IO.IOException: ...", " ---> System.Net.Sockets.SocketException
 * (13): ...", "Exception Info: System.NullReferenceException". Stack frames ("at X.ThrowException()")
 * and bare words ("exception") are not names.
 *
 * Linear: one indexOf scan for "Exception" and a bounded walk back over the type name.
 */

export interface NameHit {
  name: string;
  start: number;
  end: number;
}

const MAX_NAME = 300;

function isIdent(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 /* _ */ || c === 46 /* . */ || c === 43 /* + */ || c === 96 /* ` */
  );
}

function isTerminator(c: number): boolean {
  // end of line is handled by the caller; ':' header, ' (' code, quotes and commas in messages
  return c === 58 || c === 32 || c === 9 || c === 39 || c === 34 || c === 44 || c === 41 || c === 59 || c === 13 || c === 10;
}

function isOpener(c: number): boolean {
  return c === 32 || c === 9 || c === 62 /* > */ || c === 39 || c === 34 || c === 58 /* : */ || c === 91 /* [ */;
}

/** Every exception type name written as such in `line`, in order, without duplicates. */
export function exceptionNames(line: string): NameHit[] {
  const out: NameHit[] = [];
  const seen = new Set<string>();
  let from = 0;
  for (;;) {
    const idx = line.indexOf('Exception', from);
    if (idx < 0) break;
    const end = idx + 9;
    from = end;
    if (end < line.length && !isTerminator(line.charCodeAt(end))) continue;
    let start = idx;
    const floor = Math.max(0, idx - MAX_NAME);
    while (start > floor && isIdent(line.charCodeAt(start - 1))) start--;
    // The walk stops at the first non-name character; the name must begin a word.
    if (start > 0 && !isOpener(line.charCodeAt(start - 1))) continue;
    while (start < idx && !/[A-Za-z_]/.test(line[start] as string)) start++;
    const name = line.slice(start, end);
    if (!name.includes('.') || name.includes('..')) continue;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ name, start, end });
  }
  return out;
}
