/**
 * The CLI's two output formats: one JSON object (`toJson`) and a readable text report
 * (`toText`). Pure functions over a Diagnosis; no I/O.
 */
import type { Diagnosis } from '../lib/engine/types.ts';
import { indexLines, lineOf } from '../lib/engine/lines.ts';
import type { InputPart } from './read-input.ts';
import type { OutOfScope } from '../lib/engine/scope.ts';
import { confidenceWord } from '../lib/report/confidence.ts';
import { verdictFor } from '../lib/report/verdict.ts';
import { readerNote } from '../lib/report/reasons.ts';
import { thinEvidenceAdvice } from '../lib/report/collect-next.ts';
import type { CollectAdvice } from '../lib/report/collect-next.ts';
import { locate } from './read-input.ts';

export interface JsonEvidence {
  text: string;
  /** 1-based line in the joined input. */
  line: number;
  /** The file the line came from, and its line there (when several inputs were given). */
  file?: string;
  fileLine?: number;
  span: { start: number; end: number };
  kind: string;
  note: string;
}

export interface JsonReport {
  kinds: string[];
  codes: Diagnosis['codes'];
  findings: {
    cause: string;
    title: string;
    confidence: number;
    evidence: JsonEvidence[];
    article: string;
    nextSteps: string[];
  }[];
  questions: Diagnosis['questions'];
  unrecognised: number[];
  notes?: string[];
  /** The evidence comes from another stack (engine/scope.ts). */
  outOfScope?: OutOfScope;
  /** When there is no finding: what to paste instead. */
  pasteHint?: string;
  /** The evidence is thin (a status, a component, a sentence): what to collect next. */
  thin?: CollectAdvice;
  inputs?: InputPart[];
}

export function toJson(text: string, d: Diagnosis, parts: readonly InputPart[] = []): JsonReport {
  const lines = indexLines(text);
  const several = parts.length > 1;
  const report: JsonReport = {
    kinds: [...d.kinds],
    codes: d.codes.map((c) => {
      const out: Diagnosis['codes'][number] = { input: c.input, hex: c.hex, unsigned: c.unsigned, signed: c.signed, names: [...c.names] };
      if (c.win32 !== undefined) out.win32 = c.win32;
      return out;
    }),
    findings: d.findings.map((f) => ({
      cause: f.cause,
      title: f.title,
      confidence: f.confidence,
      evidence: f.evidence.map((e) => {
        const line = lineOf(lines, e.span.start);
        const ev: JsonEvidence = { text: e.text, line, span: { ...e.span }, kind: e.kind, note: e.note };
        if (several) {
          const where = locate(parts, line);
          ev.file = where.name;
          ev.fileLine = where.line;
        }
        return ev;
      }),
      article: f.article,
      nextSteps: [...f.nextSteps],
    })),
    questions: d.questions.map((q) => ({ node: q.node, text: q.text, answers: q.answers.map((a) => ({ ...a })) })),
    unrecognised: [...d.unrecognised],
  };
  if (d.notes && d.notes.length > 0) report.notes = [...d.notes];
  if (d.outOfScope) report.outOfScope = { ...d.outOfScope, link: { ...d.outOfScope.link }, evidence: [...d.outOfScope.evidence] };
  if (d.pasteHint) report.pasteHint = d.pasteHint;
  const thin = thinEvidenceAdvice(d);
  if (thin) report.thin = thin;
  if (several) report.inputs = parts.map((p) => ({ ...p }));
  return report;
}

/** "1-3, 7, 9-10" */
export function lineRanges(numbers: readonly number[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < numbers.length) {
    const start = numbers[i] as number;
    let end = start;
    while (i + 1 < numbers.length && numbers[i + 1] === end + 1) end = numbers[++i] as number;
    out.push(start === end ? String(start) : `${start}-${end}`);
    i++;
  }
  return out.join(', ');
}

function oneLine(s: string, max = 160): string {
  const first = s.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  const t = first.trim().replace(/\s+/g, ' ');
  const more = s.trim().includes('\n') ? ' …' : '';
  return t.length > max ? `${t.slice(0, max - 1)}…` : t + more;
}

function wrap(text: string, indent: string, width = 100): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width - indent.length) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l)).join('\n');
}

export function toText(text: string, d: Diagnosis, parts: readonly InputPart[] = []): string {
  const j = toJson(text, d, parts);
  const out: string[] = [];
  const where = (e: JsonEvidence): string => (e.file ? `${e.file}:${e.fileLine}` : `line ${e.line}`);
  // The verdict first: what happened in one sentence, how sure, and the first step.
  const top = j.findings[0];
  if (j.outOfScope) {
    out.push(`Out of scope: ${wrap(j.outOfScope.what, '  ')}`);
    out.push(`  ${wrap(j.outOfScope.advice, '  ')}`);
    out.push(`  See: ${j.outOfScope.link.href} (${j.outOfScope.link.label})`);
    if (top) out.push('  The findings below are only other possibilities.');
  } else if (top) {
    out.push(`${confidenceWord(top.confidence, true)}: ${wrap(verdictFor(top.cause) ?? top.title, '  ')}`);
    if (top.nextSteps[0]) out.push(`  First step: ${wrap(top.nextSteps[0], '  ')}`);
  } else {
    // Never silent: say what to paste instead (Diagnosis.pasteHint).
    out.push('No likely cause found in this input.');
    if (j.pasteHint) out.push(wrap(j.pasteHint, ''));
  }
  if (j.thin) {
    out.push('');
    out.push(`The evidence is thin. What to collect next (${j.thin.label}):`);
    for (const i of j.thin.items) out.push(`  - ${wrap(`${i.what}: ${i.where}. ${i.how}`, '    ')}`);
  }
  out.push('');
  if (parts.length > 0) out.push(`Input: ${parts.map((p) => `${p.name} (${p.lines} line${p.lines === 1 ? '' : 's'})`).join(', ')}`);
  out.push(`Kinds found: ${j.kinds.length > 0 ? j.kinds.join(', ') : 'none'}`);
  out.push('');
  if (j.findings.length > 0) {
    out.push(j.outOfScope ? 'Other possibilities:' : 'Likely causes, best first:');
    j.findings.forEach((f, i) => {
      out.push('');
      // Calibrated words (src/lib/report/confidence.ts), never a raw percentage.
      out.push(`${i + 1}. ${f.title} [${f.cause}] ${confidenceWord(f.confidence, i === 0 && !j.outOfScope)}`);
      if (f.evidence.length > 0) {
        out.push('   Evidence:');
        for (const e of f.evidence) {
          out.push(`     ${where(e)} (${e.kind}): ${oneLine(e.text)}`);
          // The reader's version of the note (the engine's own is in --json).
          const r = readerNote(e.note);
          if (r) out.push(`       ${wrap(`${r.against ? 'Against it: ' : ''}${r.text}`, '       ')}`);
        }
      }
      if (f.nextSteps.length > 0) {
        out.push('   Next steps:');
        for (const s of f.nextSteps) out.push(`     - ${wrap(s, '       ')}`);
      }
      out.push(`   Article: ${f.article}`);
    });
  }
  if (j.codes.length > 0) {
    out.push('');
    out.push('Decoded codes:');
    for (const c of j.codes) {
      const win32 = c.win32 !== undefined ? `, Win32 ${c.win32}` : '';
      const names = c.names.length > 0 ? `: ${c.names.slice(0, 4).join(', ')}` : '';
      out.push(`  ${c.input} = ${c.hex} (unsigned ${c.unsigned}, signed ${c.signed}${win32})${names}`);
    }
  }
  if (j.questions.length > 0) {
    out.push('');
    out.push('Open questions (answer them to narrow it down):');
    for (const q of j.questions) {
      out.push(`  ${q.text}`);
      for (const a of q.answers) out.push(`    - ${a.label}`);
    }
  }
  if (j.unrecognised.length > 0) {
    out.push('');
    const ranges = lineRanges(j.unrecognised);
    out.push(`Lines not recognised: ${ranges.length > 300 ? `${ranges.slice(0, 300)}…` : ranges}`);
  }
  if (j.notes && j.notes.length > 0) {
    out.push('');
    out.push('Notes:');
    for (const n of j.notes) out.push(`  - ${n}`);
  }
  return out.join('\n') + '\n';
}
