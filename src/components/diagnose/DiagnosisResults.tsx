/** @jsxImportSource preact */
/**
 * The diagnosis, answer first: the top cause as one plain sentence with its calibrated word and
 * first step, its reasons (one line each) over the paste quoted once with the matches marked;
 * then at most two other findings, each with the question that tells it apart, answerable here;
 * the rest folded under "Other possibilities (n)". Evidence from another stack is said first,
 * and thin evidence says what to collect next.
 */
import type { DiagnosisView, FindingView } from '../../lib/report/view.ts';
import type { Kind, Question } from '../../lib/engine/types.ts';
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
  idPrefix?: string;
  /** Answer a decision-tree question (undefined takes the answer back); the findings re-rank. */
  onAnswer?: (node: string, answer: string | undefined) => void;
}

/** Findings shown before expanding, the top one included. */
export const VISIBLE_FINDINGS = 3;

export function DiagnosisResults({ view, kindLabels, headingLevel, idPrefix = 'diagnose', onAnswer }: Props) {
  const H = `h${headingLevel}` as 'h2' | 'h3';
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4';
  const scope = view.outOfScope;
  const top = scope ? undefined : view.findings[0];
  const alternatives = scope ? view.findings : view.findings.slice(1);
  const shown = scope ? [] : alternatives.slice(0, VISIBLE_FINDINGS - 1);
  const folded = alternatives.slice(shown.length);

  const ask = (q: Question, label?: string) => (
    <fieldset class="finding__question">
      <legend>{label ?? q.text}</legend>
      {label && <p class="finding__question-text">{q.text}</p>}
      <div class="finding__answers">
        {q.answers.map((a) => (
          <button type="button" class="button button--small" disabled={!onAnswer} onClick={() => onAnswer?.(q.node, a.id)}>
            {a.label}
          </button>
        ))}
      </div>
    </fieldset>
  );

  const alternative = (f: FindingView) => (
    <li class="finding">
      <Sub class="finding__title">
        <a href={f.article}>{f.title}</a>
      </Sub>
      <p class="finding__confidence">{f.word}</p>
      <p class="finding__verdict">{f.verdict}</p>
      {f.question && ask(f.question, 'To tell it apart:')}
      {!f.question && (
        <p class="finding__confirm">
          <a href={`${f.article}#confirm-it`}>How to confirm it</a>
        </p>
      )}
    </li>
  );

  const quoted = view.quote.length > 0 && (
        <figure class="diagnosis__quote">
          <figcaption>Your paste, with the parts that decided it marked</figcaption>
          <pre tabIndex={0} aria-label="Quoted evidence"><code>{view.quote.map((q) => (
            <><span class="diagnosis__qline" aria-hidden="true">{String(q.line).padStart(3)} </span>{q.parts.map((p) => (p.mark ? <mark>{p.text}</mark> : p.text))}{'\n'}</>
          ))}</code></pre>
        </figure>
      );

  return (
    <div class="diagnosis">
      <p class="diagnosis__read">
        {view.kinds.length
          ? <>Read {view.lines} line{view.lines === 1 ? '' : 's'}: {view.kinds.map((k) => kindLabels[k]).join(', ')}.</>
          : <>Nothing in this text looks like a log, trace, event, error page, config or code this guide knows.</>}
      </p>
      {view.notes.map((n) => <p class="diagnosis__note">{n}</p>)}
      {view.findings.length === 0 && !scope && view.pasteHint && <p class="diagnosis__paste-hint">{view.pasteHint}</p>}

      {scope && (
        <div class="diagnosis__answer diagnosis__answer--scope">
          <H class="diagnosis__verdict">Not an ASP.NET Core failure</H>
          <p>{scope.what}</p>
          <p>{scope.advice}</p>
          <p>
            Nearest useful page: <a href={scope.link.href}>{scope.link.label}</a>
          </p>
          <p class="diagnosis__note">Seen in your paste: {scope.evidence.map((e, i) => <>{i > 0 && ', '}<code>{e}</code></>)}</p>
        </div>
      )}

      {top && (
        <div class="diagnosis__answer">
          <p class="diagnosis__word">{top.word}</p>
          <H class="diagnosis__verdict">{top.verdict}</H>
          {top.nextSteps[0] && (
            <p class="diagnosis__first-step">
              <strong>First step:</strong> {top.nextSteps[0]}
            </p>
          )}
          <p class="diagnosis__cause">
            Cause: <a href={top.article}>{top.title}</a>
          </p>
          {top.reasons.length > 0 && (
            <>
              <Sub>Why</Sub>
              <ul class="diagnosis__reasons">
                {top.reasons.map((r) => (
                  <li class={r.against ? 'is-against' : undefined}>
                    <span class="diagnosis__line">Line {shortList(r.lines, 3)}:</span> {r.against ? 'Against it: ' : ''}{r.text}
                  </li>
                ))}
              </ul>
            </>
          )}
          {quoted}
          {top.nextSteps.length > 1 && (
            <details class="finding__steps">
              <summary>All steps ({top.nextSteps.length})</summary>
              <ol>{top.nextSteps.map((s) => <li>{s}</li>)}</ol>
            </details>
          )}
        </div>
      )}

      {!top && quoted}

      {view.thin && (
        <div class="diagnosis__thin">
          <H>The evidence is thin</H>
          <p>
            This paste holds little more than a status or a sentence, so the list below is a short list, not an answer. What to collect next on {view.thin.label}:
          </p>
          <ul>
            {view.thin.items.map((i) => (
              <li>
                <strong>{i.what}</strong>. Where: {i.where}. How: {i.how}
              </li>
            ))}
          </ul>
          <p>
            <a href={`/guides/${view.thin.guide}/`}>The guide to collecting it</a>
          </p>
        </div>
      )}

      {view.answered.length > 0 && (
        <div class="diagnosis__answered">
          <Sub>Your answers</Sub>
          <ul>
            {view.answered.map((a) => (
              <li>
                {a.text} <strong>{a.label}</strong>{' '}
                <button type="button" class="button button--small" disabled={!onAnswer} onClick={() => onAnswer?.(a.node, undefined)}>
                  Take back
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      {shown.length > 0 && (
        <>
          <H>Could also be</H>
          <ol class="diagnosis__findings">{shown.map(alternative)}</ol>
        </>
      )}
      {folded.length > 0 && (
        <details class="diagnosis__more" id={`${idPrefix}-more`}>
          <summary>Other possibilities ({folded.length})</summary>
          <ol class="diagnosis__findings">{folded.map(alternative)}</ol>
        </details>
      )}

      {view.questions.length > 0 && (
        <>
          <H>Questions that would narrow it down</H>
          <div class="diagnosis__questions">
            {view.questions.map((q) => (
              <>
                {ask(q)}
                <p class="diagnosis__note diagnosis__ts-link"><a href={troubleshooterLink(view)}>Answer in the troubleshooter</a></p>
              </>
            ))}
          </div>
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
      {view.unrecognised.length > 0 && view.kinds.length > 0 && (
        <p class="diagnosis__unplaced">Lines not recognised: {shortList(view.unrecognised)}.</p>
      )}
    </div>
  );
}
