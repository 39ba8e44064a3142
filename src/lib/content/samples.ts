/**
 * Sample blocks of an article: fenced code blocks whose meta has the word `sample`
 * (```log sample, ```text sample ambiguous). They show what the reader sees, and the tests
 * run each through the engine.
 */
export interface Sample {
  lang: string;
  ambiguous: boolean;
  text: string;
  /** 1-based line of the opening fence in the source. */
  line: number;
}

const FENCE = /^(\s{0,3})(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/;

export function extractSamples(source: string): Sample[] {
  const out: Sample[] = [];
  const lines = source.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = FENCE.exec(lines[i]!);
    if (!m) continue;
    const indent = m[1]!.length;
    const fence = m[2]!;
    const meta = m[4]!.trim().split(/\s+/);
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = lines[j]!.trim();
      if (close.startsWith(fence[0]!.repeat(fence.length)) && /^(`+|~+)$/.test(close)) break;
      body.push(indent ? lines[j]!.replace(new RegExp(`^ {0,${indent}}`), '') : lines[j]!);
    }
    if (meta.includes('sample')) out.push({ lang: m[3] || 'text', ambiguous: meta.includes('ambiguous'), text: body.join('\n'), line: i + 1 });
    i = j;
  }
  return out;
}
