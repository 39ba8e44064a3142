/** @jsxImportSource preact */
import type { DiagnosisView } from '../../lib/report/view.ts';
import type { Kind } from '../../lib/engine/types.ts';
import { shortList } from '../../lib/report/labels.ts';
import { encodeAnswers } from '../../lib/troubleshoot/fragment.ts';

/** The troubleshooter with what the paste already answered, so it opens on the open question. */
function troubleshooterLink(view: DiagnosisView): string {
  const hash = encodeAnswers(view.treeAnswers.map((t) => [t.node, t.answer] as const));
  return `/troubleshoot/${hash ? `#${hash}` : ''}`;
}

interface Props {
  view: DiagnosisView;
  kindLabels: Record<Kind, string>;
  headingLevel: 2 | 3;
}

export function DiagnosisResults({ view, kindLabels, headingLevel }: Props) {
  const H = `h${headingLevel}` as 'h2' | 'h3';
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4';
  return (
    <div class="diagnosis">
      <p class="diagnosis__read">
        {view.kinds.length
          ? <>Read {view.lines} line{view.lines === 1 ? '' : 's'}: {view.kinds.map((k) => kindLabels[k]).join(', ')}.</>
          : <>Nothing in this text looks like a log, trace, event, error page, config or code this guide knows.</>}
      </p>
      {view.notes.map((n) => <p class="diagnosis__note">{n}</p>)}
      {view.findings.length === 0 && view.pasteHint && <p class="diagnosis__paste-hint">{view.pasteHint}</p>}
      {view.findings.length > 0 && (
        <>
          <H>Likely causes</H>
          <ol class="diagnosis__findings">
            {view.findings.map((f, i) => (
              <li class="finding">
                <Sub class="finding__title">
                  <a href={f.article}>{f.title}</a>
                </Sub>
                <p class="finding__confidence">
                  <meter min={0} max={100} value={f.percent} aria-label={`Confidence for ${f.title}`}>{f.percent}%</meter> {f.percent}% confidence{i === 0 ? ' — most likely' : ''}
                </p>
                {f.evidence.length > 0 && (
                  <ul class="finding__evidence" aria-label="Evidence">
                    {f.evidence.map((e) => (
                      <li>
                        <span class="finding__line">Line {e.line}</span> <span class="finding__note">{e.note}</span>
                        <pre class="finding__text"><code>{e.before}<mark>{e.match}</mark>{e.after}</code></pre>
                      </li>
                    ))}
                  </ul>
                )}
                {f.nextSteps.length > 0 && (
                  <details class="finding__steps" open={i === 0}>
                    <summary>Next steps</summary>
                    <ol>{f.nextSteps.map((s) => <li>{s}</li>)}</ol>
                  </details>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {view.codes.length > 0 && (
        <>
          <H>Decoded codes</H>
          <table class="diagnosis__codes">
            <thead><tr><th scope="col">As seen</th><th scope="col">Hex</th><th scope="col">Decimal</th><th scope="col">Meaning</th></tr></thead>
            <tbody>
              {view.codes.map((c) => (
                <tr>
                  <td><code>{c.input}</code></td>
                  <td><a href={`/decode/#${c.hex.toLowerCase()}`}><code>{c.hex}</code></a></td>
                  <td>{c.unsigned}{c.signed !== c.unsigned ? ` / ${c.signed}` : ''}{c.win32 !== undefined ? ` (Win32 ${c.win32})` : ''}</td>
                  <td>{c.names.length ? c.names.join(', ') : 'No known name'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {view.questions.length > 0 && (
        <>
          <H>Questions that would narrow it down</H>
          <ul class="diagnosis__questions">
            {view.questions.map((q) => <li>{q.text} <a href={troubleshooterLink(view)}>Answer in the troubleshooter</a></li>)}
          </ul>
        </>
      )}
      {view.unrecognised.length > 0 && view.kinds.length > 0 && (
        <p class="diagnosis__unplaced">Lines not recognised: {shortList(view.unrecognised)}.</p>
      )}
    </div>
  );
}
