/**
 * Reading the CLI's inputs: files or stdin, decoded from UTF-8 or UTF-16 (with or without a
 * byte-order mark), joined into one paste with a map from paste lines back to file lines.
 */
import { readFileSync } from 'node:fs';

export interface InputPart {
  /** File name as given, or "-" / "(stdin)". */
  name: string;
  /** 1-based line of the joined text where this part starts. */
  startLine: number;
  lines: number;
}

export interface JoinedInput {
  text: string;
  parts: InputPart[];
}

/** Decode bytes: BOMs first, then a UTF-16 guess from NUL positions, else UTF-8 (lenient). */
export function decodeBytes(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const n = Math.min(bytes.length, 4096);
  let oddNul = 0;
  let evenNul = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 1) oddNul++;
    else evenNul++;
  }
  if (n >= 8 && oddNul / (n / 2) > 0.4 && evenNul < oddNul / 10) return new TextDecoder('utf-16le').decode(bytes);
  if (n >= 8 && evenNul / (n / 2) > 0.4 && oddNul < evenNul / 10) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** Lines in a text; a final line break does not start another line. */
export function countLines(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      n++;
    }
  }
  const last = text.charCodeAt(text.length - 1);
  return text.length > 0 && (last === 10 || last === 13) ? n - 1 : n;
}

/** Join decoded parts; each starts on a new line. */
export function joinParts(parts: { name: string; text: string }[]): JoinedInput {
  let text = '';
  const out: InputPart[] = [];
  let line = 1;
  for (const p of parts) {
    if (text.length > 0 && !/[\r\n]$/.test(text)) {
      text += '\n';
      line++;
    }
    const lines = countLines(p.text);
    out.push({ name: p.name, startLine: line, lines });
    text += p.text;
    line += /[\r\n]$/.test(p.text) ? lines : Math.max(lines - 1, 0);
  }
  return { text, parts: out };
}

/** Read a file or stdin ("-"). Throws an Error whose message names the input. */
export function readInput(name: string): { name: string; text: string } {
  try {
    const bytes = name === '-' ? readFileSync(0) : readFileSync(name);
    return { name: name === '-' ? '(stdin)' : name, text: decodeBytes(bytes) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new Error(`cannot read ${name === '-' ? 'standard input' : name}: ${why}`);
  }
}

/** Map a line of the joined text to the part it came from and its line there. */
export function locate(parts: readonly InputPart[], line: number): { name: string; line: number } {
  let found = parts[0];
  for (const p of parts) if (p.startLine <= line) found = p;
  if (!found) return { name: '', line };
  return { name: found.name, line: line - found.startLine + 1 };
}
