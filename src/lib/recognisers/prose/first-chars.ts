/**
 * How can a vocabulary pattern's match begin? The prose reader uses the answer to try, at each
 * word start, only the terms that can match there (recogniser.ts), instead of one huge
 * alternation of every term: cheaper to compile on a page's first diagnosis and to run.
 *
 * `leadingStrings(source, ignoreCase)` is the set of every match's first LEAD_LENGTH (three)
 * characters (a shorter string for a shorter match); `mayBegin` says whether a term with those
 * leads can match where the text begins with given characters. It reads the subset of
 * regular-expression syntax the vocabulary uses: literals, escapes (`\.`, `\d`, `\w`, `\uXXXX`),
 * classes with ranges, groups (`(?:...)`, capturing), lookarounds (zero width), `|`, and the
 * quantifiers `?`, `*`, `+`, `{m,n}`. The answer is a superset: when a construct is not
 * understood (`.`, `\s`, a negated class, ...), or the pattern can match the empty string, it is
 * `undefined` (anything), and the term is always tried.
 */

/** Strings of at most LENGTH characters; `undefined` stands for "anything". */
type Leads = Set<string> | undefined;

const LENGTH = 3;
/** How many characters of a match `leadingStrings` reads (three: "con" and "cor", not just "co"). */
export const LEAD_LENGTH = LENGTH;
/** Beyond this many strings the answer is "anything" (it would not filter much anyway). */
const MOST = 4000;
const DIGITS = '0123456789';
const WORD = DIGITS + 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_';

const EMPTY: Leads = new Set(['']);

function union(a: Leads, b: Leads): Leads {
  if (a === undefined || b === undefined) return undefined;
  const out = new Set(a);
  for (const s of b) out.add(s);
  return out.size > MOST ? undefined : out;
}

/** The leads of `a` followed by `b`. */
function concat(a: Leads, b: Leads): Leads {
  if (a === undefined) return undefined;
  const out = new Set<string>();
  for (const x of a) {
    if (x.length >= LENGTH) {
      out.add(x);
      continue;
    }
    if (b === undefined) return undefined;
    for (const y of b) out.add((x + y).slice(0, LENGTH));
    if (out.size > MOST) return undefined;
  }
  return out;
}

function chars(list: Iterable<string>): Set<string> {
  return new Set(list);
}

class Reader {
  i = 0;
  readonly src: string;
  constructor(src: string) {
    this.src = src;
  }

  alternation(): Leads {
    let leads: Leads = new Set();
    for (;;) {
      leads = union(leads, this.sequence());
      if (this.src[this.i] !== '|') return leads;
      this.i++;
    }
  }

  sequence(): Leads {
    let leads: Leads = EMPTY;
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') leads = concat(leads, this.quantified());
    return leads;
  }

  quantified(): Leads {
    const atom = this.atom();
    const q = this.src[this.i];
    let min = 1;
    let repeats = false;
    if (q === '?' || q === '*' || q === '+') {
      this.i++;
      min = q === '+' ? 1 : 0;
      repeats = q !== '?';
    } else if (q === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(this.src.slice(this.i));
      if (m) {
        this.i += m[0].length;
        min = Math.min(1, Number(m[1]));
        repeats = m[2] !== undefined || Number(m[1]) > 1;
      }
    }
    if (q !== undefined && '?*+{'.includes(q) && this.src[this.i] === '?') this.i++; // lazy
    let leads = atom;
    // Enough repetitions to fill LENGTH characters.
    if (repeats) for (let k = 1; k < LENGTH; k++) leads = union(leads, concat(leads, atom));
    return min === 0 ? union(leads, EMPTY) : leads;
  }

  atom(): Leads {
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
      return zeroWidth ? EMPTY : inner;
    }
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    if (c === '.') return undefined;
    if (c === '^' || c === '$') return EMPTY;
    return chars([c]);
  }

  escape(): Leads {
    const c = this.src[this.i++];
    if (c === undefined) return this.unknown();
    if (c === 'd') return chars(DIGITS);
    if (c === 'w') return chars(WORD);
    if (c === 'b' || c === 'B') return EMPTY;
    if (c === 'u' && /^[0-9a-fA-F]{4}$/.test(this.src.slice(this.i, this.i + 4))) {
      const ch = String.fromCharCode(parseInt(this.src.slice(this.i, this.i + 4), 16));
      this.i += 4;
      return chars([ch]);
    }
    if (/[A-Za-z0-9]/.test(c)) return undefined; // \s, \W, \x.., \1 ...: anything
    return chars([c]);
  }

  charClass(): Leads {
    if (this.src[this.i] === '^') {
      const end = this.src.indexOf(']', this.i + 1);
      this.i = end < 0 ? this.src.length : end + 1;
      return undefined;
    }
    const out = new Set<string>();
    let any = false;
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      const c = this.src[this.i++]!;
      if (c === '\\') {
        const e = this.src[this.i++];
        if (e === 'd') for (const d of DIGITS) out.add(d);
        else if (e === 'w') for (const w of WORD) out.add(w);
        else if (e === undefined || /[A-Za-z0-9]/.test(e)) any = true;
        else out.add(e);
        continue;
      }
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== undefined && this.src[this.i + 1] !== ']' && this.src[this.i + 1] !== '\\') {
        const to = this.src[this.i + 1]!;
        this.i += 2;
        for (let k = c.charCodeAt(0); k <= to.charCodeAt(0); k++) out.add(String.fromCharCode(k));
        continue;
      }
      out.add(c);
    }
    this.i++;
    return any ? undefined : out;
  }

  unknown(): Leads {
    this.i = this.src.length;
    return undefined;
  }
}

/**
 * The first three characters of every match of `source` (fewer for a shorter match), with
 * ASCII letters in lower case when `ignoreCase`; undefined when that is not known or the
 * pattern can match the empty string.
 */
export function leadingStrings(source: string, ignoreCase: boolean): ReadonlySet<string> | undefined {
  const reader = new Reader(source);
  const leads = reader.alternation();
  if (reader.i < source.length || leads === undefined || leads.has('')) return undefined;
  if (!ignoreCase) return leads;
  const out = new Set<string>();
  for (const s of leads) out.add(s.replace(/[A-Z]/g, (c) => c.toLowerCase()));
  return out;
}

/**
 * Can a term whose matches begin with one of `leads` match where the text begins with `start`
 * (its next LEAD_LENGTH characters, fewer at the end of the text)? Yes when a lead is `start` or a
 * prefix of it (a short match), or when the text ends within a lead that begins with it.
 */
export function mayBegin(leads: ReadonlySet<string>, start: string): boolean {
  for (let n = 1; n <= start.length; n++) if (leads.has(start.slice(0, n))) return true;
  if (start.length < LENGTH) for (const lead of leads) if (lead.startsWith(start)) return true;
  return false;
}
