/**
 * Which characters can a vocabulary pattern's match start with? The prose reader uses the answer
 * to try, at each word start, only the terms that can match there (recogniser.ts), instead of one
 * huge alternation of every term: cheaper to compile on a page's first diagnosis and to run.
 *
 * Reads the subset of regular-expression syntax the vocabulary uses: literals, escapes (`\.`,
 * `\d`, `\w`, `\s`, `\uXXXX`), classes with ranges, groups (`(?:...)`, capturing), lookarounds
 * (zero width), `|`, and the quantifiers `?`, `*`, `+`, `{m,n}`. The answer is a superset: when a
 * construct is not understood, or the pattern can match the empty string, it is `undefined`
 * (anything), and the term is always tried.
 */

/** `undefined` stands for "any character". */
type Chars = Set<string> | undefined;

interface Part {
  first: Chars;
  /** Can match the empty string. */
  empty: boolean;
}

const DIGITS = '0123456789';
const WORD = DIGITS + 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_';

function union(a: Chars, b: Chars): Chars {
  if (a === undefined || b === undefined) return undefined;
  const out = new Set(a);
  for (const c of b) out.add(c);
  return out;
}

class Reader {
  i = 0;
  readonly src: string;
  constructor(src: string) {
    this.src = src;
  }

  alternation(): Part {
    let first: Chars = new Set();
    let empty = false;
    for (;;) {
      const seq = this.sequence();
      first = union(first, seq.first);
      empty ||= seq.empty;
      if (this.src[this.i] !== '|') return { first, empty };
      this.i++;
    }
  }

  sequence(): Part {
    let first: Chars = new Set();
    let empty = true;
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.quantified();
      if (empty) first = union(first, atom.first);
      empty &&= atom.empty;
    }
    return { first, empty };
  }

  quantified(): Part {
    const atom = this.atom();
    const q = this.src[this.i];
    if (q === '?' || q === '*') {
      this.i++;
      atom.empty = true;
    } else if (q === '+') {
      this.i++;
    } else if (q === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(this.src.slice(this.i));
      if (m) {
        this.i += m[0].length;
        if (Number(m[1]) === 0) atom.empty = true;
      }
    }
    if (this.src[this.i] === '?' && (q === '?' || q === '*' || q === '+' || q === '{')) this.i++; // lazy
    return atom;
  }

  atom(): Part {
    const c = this.src[this.i++]!;
    if (c === '(') {
      let zeroWidth = false;
      if (this.src[this.i] === '?') {
        const kind = this.src.slice(this.i, this.i + 3);
        if (kind.startsWith('?:')) this.i += 2;
        else if (kind === '?<=' || kind === '?<!') {
          this.i += 3;
          zeroWidth = true;
        } else if (kind.startsWith('?=') || kind.startsWith('?!')) {
          this.i += 2;
          zeroWidth = true;
        } else return this.unknown();
      }
      const inner = this.alternation();
      if (this.src[this.i] !== ')') return this.unknown();
      this.i++;
      return zeroWidth ? { first: new Set(), empty: true } : inner;
    }
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    if (c === '.') return { first: undefined, empty: false };
    if (c === '^' || c === '$') return { first: new Set(), empty: true };
    return { first: new Set([c]), empty: false };
  }

  escape(): Part {
    const c = this.src[this.i++];
    if (c === undefined) return this.unknown();
    if (c === 'd') return { first: new Set(DIGITS), empty: false };
    if (c === 'w') return { first: new Set(WORD), empty: false };
    if (c === 'b' || c === 'B') return { first: new Set(), empty: true };
    if (c === 'u' && /^[0-9a-fA-F]{4}$/.test(this.src.slice(this.i, this.i + 4))) {
      const ch = String.fromCharCode(parseInt(this.src.slice(this.i, this.i + 4), 16));
      this.i += 4;
      return { first: new Set([ch]), empty: false };
    }
    if (/[A-Za-z0-9]/.test(c)) return { first: undefined, empty: false }; // \s, \W, \x.., \1 ...: anything
    return { first: new Set([c]), empty: false };
  }

  charClass(): Part {
    if (this.src[this.i] === '^') {
      const end = this.src.indexOf(']', this.i + 1);
      this.i = end < 0 ? this.src.length : end + 1;
      return { first: undefined, empty: false };
    }
    const chars = new Set<string>();
    let any = false;
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      const c = this.src[this.i++]!;
      if (c === '\\') {
        const e = this.src[this.i++];
        if (e === 'd') for (const d of DIGITS) chars.add(d);
        else if (e === 'w') for (const w of WORD) chars.add(w);
        else if (e === undefined || /[A-Za-z0-9]/.test(e)) any = true;
        else chars.add(e);
        continue;
      }
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== undefined && this.src[this.i + 1] !== ']' && this.src[this.i + 1] !== '\\') {
        const to = this.src[this.i + 1]!;
        this.i += 2;
        for (let k = c.charCodeAt(0); k <= to.charCodeAt(0); k++) chars.add(String.fromCharCode(k));
        continue;
      }
      chars.add(c);
    }
    this.i++;
    return { first: any ? undefined : chars, empty: false };
  }

  unknown(): Part {
    this.i = this.src.length;
    return { first: undefined, empty: true };
  }
}

/**
 * The characters a match of `source` can start with (both cases of ASCII letters when
 * `ignoreCase`), or undefined when that is not known or the pattern can match empty.
 */
export function firstChars(source: string, ignoreCase: boolean): ReadonlySet<string> | undefined {
  const reader = new Reader(source);
  const part = reader.alternation();
  if (reader.i < source.length || part.empty || part.first === undefined) return undefined;
  if (!ignoreCase) return part.first;
  const out = new Set<string>();
  for (const c of part.first) {
    out.add(c);
    if (/[A-Za-z]/.test(c)) {
      out.add(c.toLowerCase());
      out.add(c.toUpperCase());
    }
  }
  return out;
}
