import type { LineIndex, Span } from './types.ts';

/**
 * Start offset of every line. Handles \n, \r\n and lone \r. Linear: the next \n and the next \r
 * are each found with one native forward search, redone only once the walk has passed it. The
 * walk runs twice, to count the lines and then to fill an array of that size (growing a large
 * array one push at a time costs several times more than the searches).
 */
export function indexLines(input: string): LineIndex {
  const count = lineEnds(input, undefined);
  const starts = new Array<number>(count + 1);
  starts[0] = 0;
  lineEnds(input, starts);
  return { starts };
}

/** Number of line ends in `input`; with `starts`, also stores where each next line starts (from index 1). */
function lineEnds(input: string, starts: number[] | undefined): number {
  let k = 0;
  let lf = input.indexOf('\n');
  let cr = input.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    let i: number;
    if (cr < 0 || (lf >= 0 && lf < cr)) i = lf;
    else {
      i = cr;
      if (input.charCodeAt(i + 1) === 10) i++;
    }
    k++;
    if (starts) starts[k] = i + 1;
    if (lf >= 0 && lf <= i) lf = input.indexOf('\n', i + 1);
    if (cr >= 0 && cr <= i) cr = input.indexOf('\r', i + 1);
  }
  return k;
}

/** 1-based line number of the character at `offset` (binary search). */
export function lineOf(lines: LineIndex, offset: number): number {
  const s = lines.starts;
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((s[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * `lineOf` for offsets that mostly come in increasing order (the spans of facts sorted by place):
 * a few steps forward from the previous answer, a binary search otherwise. The same answers as
 * `lineOf`, in any order.
 */
export class LineCursor {
  private readonly lines: LineIndex;
  /** The previous answer. */
  private ln = 1;

  constructor(lines: LineIndex) {
    this.lines = lines;
  }

  lineOf(offset: number): number {
    const s = this.lines.starts;
    let ln = this.ln;
    if (offset >= (s[ln - 1] as number)) {
      for (let k = 0; k < 8; k++) {
        const next = s[ln];
        // Line ln starts at or before the offset; the next one, if any, after it.
        if (next === undefined || next > offset) return (this.ln = ln);
        ln++;
      }
    }
    return (this.ln = lineOf(this.lines, offset));
  }

  /** The line of `end`, given that `start` <= `end` lies on line `first` (mostly the same line). */
  lineOfEnd(first: number, end: number): number {
    const next = this.lines.starts[first];
    return next === undefined || end < next ? first : lineOf(this.lines, end);
  }
}

/** Span of line `n` (1-based), without its line terminator. */
export function lineSpan(input: string, lines: LineIndex, n: number): Span {
  const start = lines.starts[n - 1] ?? input.length;
  let end = lines.starts[n] ?? input.length;
  while (end > start && (input.charCodeAt(end - 1) === 10 || input.charCodeAt(end - 1) === 13)) end--;
  return { start, end };
}

/** Call `fn(text, start, lineNumber)` for every line, without its terminator. */
export function forEachLine(
  input: string,
  lines: LineIndex,
  fn: (text: string, start: number, lineNumber: number) => void,
): void {
  for (let n = 1; n <= lines.starts.length; n++) {
    const { start, end } = lineSpan(input, lines, n);
    fn(input.slice(start, end), start, n);
  }
}
