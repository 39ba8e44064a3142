/** The diagnosis as Markdown, for pasting into a ticket. Input text is fenced, never interpreted. */
import type { DiagnosisView } from './view.ts';

function fence(text: string): string {
  let ticks = '```';
  while (text.includes(ticks)) ticks += '`';
  return `${ticks}text\n${text}\n${ticks}`;
}

/** Escape Markdown inline syntax in text that came from the engine's vocabulary or the input. */
function inline(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => '\\' + c);
}

export function diagnosisMarkdown(view: DiagnosisView, siteOrigin: string): string {
  const out: string[] = ['## 502 diagnosis (Bad Gateway Guide)', ''];
  if (view.kinds.length) out.push(`Evidence read: ${view.kinds.join(', ')}`, '');
  if (!view.findings.length) out.push('No cause could be identified from this evidence.', '');
  if (!view.findings.length && view.pasteHint) out.push(view.pasteHint, '');
  view.findings.forEach((f, i) => {
    out.push(`### ${i + 1}. ${inline(f.title)} (${f.percent}%)`, '', `Article: ${siteOrigin}${f.article}`, '');
    if (f.evidence.length) {
      out.push('Evidence:', '');
      for (const e of f.evidence) out.push(`- line ${e.line}: ${inline(e.note)}`);
      out.push('', fence(f.evidence.map((e) => `${e.before}${e.match}${e.after}`).join('\n')), '');
    }
    if (f.nextSteps.length) {
      out.push('Next steps:', '');
      for (const s of f.nextSteps) out.push(`1. ${s}`);
      out.push('');
    }
  });
  if (view.codes.length) {
    out.push('### Decoded codes', '');
    for (const c of view.codes) out.push(`- \`${c.hex}\` (${c.unsigned}, ${c.signed}${c.win32 !== undefined ? `, Win32 ${c.win32}` : ''}): ${c.names.map(inline).join(', ') || 'no known name'}`);
    out.push('');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
