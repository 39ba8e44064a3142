/**
 * The diagnosis as Markdown, ready to post in a forum or an issue: the verdict, the evidence
 * (quoted once, from the text the view was made of: the redacted paste when Redact is on) and
 * the steps, then the other possibilities. Input text is fenced, never interpreted.
 */
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
  const [top, ...others] = view.findings;
  if (view.outOfScope) {
    out.push(`**Out of scope:** ${inline(view.outOfScope.what)}`, '', inline(view.outOfScope.advice), '', `See: ${siteOrigin}${view.outOfScope.link.href}`, '');
  } else if (top) {
    out.push(`**${top.word}:** ${inline(top.verdict)}`, '', `Cause: ${inline(top.title)} (${siteOrigin}${top.article})`, '');
  } else {
    out.push('No cause could be identified from this evidence.', '');
    if (view.pasteHint) out.push(inline(view.pasteHint), '');
  }
  if (view.kinds.length) out.push(`Evidence read: ${view.kinds.join(', ')}`, '');
  if (view.quote.length) {
    out.push('Evidence:', '', fence(view.quote.map((q) => q.parts.map((p) => p.text).join('')).join('\n')), '');
  }
  if (top && !view.outOfScope) {
    if (top.reasons.length) {
      out.push('Why:', '');
      for (const r of top.reasons) out.push(`- ${r.against ? 'Against: ' : ''}${inline(r.text)}`);
      out.push('');
    }
    if (top.nextSteps.length) {
      out.push('Steps:', '');
      for (const s of top.nextSteps) out.push(`1. ${inline(s)}`);
      out.push('');
    }
  }
  const rest = view.outOfScope ? view.findings : others;
  if (rest.length) {
    out.push('### Other possibilities', '');
    for (const f of rest) out.push(`- ${inline(f.title)} (${f.word.toLowerCase()}): ${siteOrigin}${f.article}`);
    out.push('');
  }
  if (view.thin) {
    out.push(`The evidence is thin. What to collect next (${inline(view.thin.label)}):`, '');
    for (const i of view.thin.items) out.push(`- ${inline(i.what)}: ${inline(i.where)}. ${inline(i.how)}`);
    out.push('');
  }
  if (view.codes.length) {
    out.push('### Decoded codes', '');
    for (const c of view.codes) out.push(`- \`${c.hex}\` (${c.unsigned}, ${c.signed}${c.win32 !== undefined ? `, Win32 ${c.win32}` : ''}): ${c.names.map(inline).join(', ') || 'no known name'}`);
    out.push('');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
