/** Reads a dropped or chosen file for the paste box, refusing what it cannot use. */

/** The engine reads about 2 MB; more would only slow the tab. */
export const MAX_FILE_CHARS = 2_000_000;

export interface ReadResult {
  text: string | null;
  notice: string;
}

export async function readDroppedFile(file: File): Promise<ReadResult> {
  try {
    const head = await file.slice(0, MAX_FILE_CHARS).text();
    if (looksBinary(head)) {
      return { text: null, notice: `${file.name} does not look like text (it may be a zip, a dump or an image). Drop the log, trace or config file itself.` };
    }
    const cut = file.size > MAX_FILE_CHARS;
    return {
      text: head,
      notice: cut
        ? `${file.name} is ${(file.size / 1e6).toFixed(1)} MB; the first ${(MAX_FILE_CHARS / 1e6).toFixed(0)} MB were read. For a long log, paste the lines around the failures instead.`
        : `Read ${file.name}.`,
    };
  } catch {
    return { text: null, notice: `${file.name} could not be read.` };
  }
}

/** Many NULs or replacement characters in the first few KB: not text (UTF-16 logs are kept). */
export function looksBinary(s: string): boolean {
  const n = Math.min(s.length, 8192);
  if (n === 0) return false;
  let nul = 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) nul++;
    else if (c === 0xfffd || (c < 9 && c !== 0)) bad++;
  }
  // UTF-16 text read as bytes has about every other character NUL and no garbage otherwise.
  if (nul / n > 0.3 && bad / n < 0.02) return false;
  return nul / n > 0.01 || bad / n > 0.05;
}
