/** @jsxImportSource preact */
/**
 * Guided troubleshooter: one question of the decision tree at a time, with the path so far,
 * back and restart. The path is kept in the URL fragment so it can be shared. Answers the
 * reader's paste already gives are filled in and marked as evidence.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { DECISION_TREE, evaluateTree, type DecisionTree } from '../../lib/engine/tree.ts';
import { decodeAnswers, encodeAnswers } from '../../lib/troubleshoot/fragment.ts';
import { diagnoseInWorker } from '../shared/engine-client.ts';

interface Props {
  /** Cause id -> title, for the final answer. */
  causes: Record<string, string>;
}

type Answer = { node: string; answer: string; evidence?: string };

/** The tree without its fact tests: here every answer comes from the reader (or their paste). */
const ASK_ONLY: DecisionTree = {
  ...DECISION_TREE,
  nodes: Object.fromEntries(
    Object.entries(DECISION_TREE.nodes).map(([id, n]) => [id, { ...n, answers: n.answers.map(({ when: _when, ...a }) => a) }]),
  ),
};

export default function Troubleshooter({ causes }: Props) {
  const [answers, setAnswers] = useState<Answer[]>([]);
  const [paste, setPaste] = useState('');
  const [pasteNote, setPasteNote] = useState('');

  useEffect(() => {
    const fromHash = () => setAnswers(decodeAnswers(location.hash).map(([node, answer]) => ({ node, answer })));
    fromHash();
    addEventListener('hashchange', fromHash);
    return () => removeEventListener('hashchange', fromHash);
  }, []);

  const result = useMemo(() => evaluateTree([], Object.fromEntries(answers.map((a) => [a.node, a.answer])), ASK_ONLY), [answers]);
  // Only the answers the walk actually used (an answer for a node off the path is ignored).
  const steps = result.path.map((s) => ({ ...s, evidence: answers.find((a) => a.node === s.node)?.evidence }));

  function commit(next: Answer[]) {
    setAnswers(next);
    const hash = encodeAnswers(next.map((a) => [a.node, a.answer] as const));
    history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
  }

  function answer(node: string, id: string) {
    const used = steps.map((s) => ({ node: s.node, answer: s.answer, ...(s.evidence ? { evidence: s.evidence } : {}) }));
    commit([...used, { node, answer: id }]);
    requestAnimationFrame(() => document.getElementById('ts-question')?.focus());
  }

  async function fillFromPaste() {
    if (!paste.trim()) {
      setPasteNote('Paste some evidence first.');
      return;
    }
    setPasteNote('Reading…');
    try {
      const view = await diagnoseInWorker(paste);
      if (!view.treeAnswers.length) {
        setPasteNote('The paste does not answer any of these questions; answer them below.');
        return;
      }
      commit(view.treeAnswers.map((t) => ({ node: t.node, answer: t.answer, evidence: t.evidence || 'your paste' })));
      setPasteNote(`Your paste answered ${view.treeAnswers.length} question${view.treeAnswers.length === 1 ? '' : 's'}.`);
    } catch (err) {
      if ((err as Error).message !== 'superseded') setPasteNote('The paste could not be read.');
    }
  }

  const node = (id: string) => DECISION_TREE.nodes[id];
  const labelOf = (nodeId: string, answerId: string) => node(nodeId)?.answers.find((a) => a.id === answerId)?.label ?? answerId;

  return (
    <div class="troubleshooter">
      <details class="troubleshooter__paste">
        <summary>Fill in answers from a paste</summary>
        <label for="ts-paste">Paste a log line, error page, event message or code</label>
        <textarea id="ts-paste" rows={4} spellcheck={false} value={paste} onInput={(e) => setPaste((e.target as HTMLTextAreaElement).value)} />
        <button type="button" class="button" onClick={fillFromPaste}>Use this evidence</button>
        <span role="status" class="troubleshooter__note">{pasteNote}</span>
      </details>

      {steps.length > 0 && (
        <nav aria-label="Your answers so far">
          <ol class="troubleshooter__path">
            {steps.map((s) => (
              <li>
                <span class="troubleshooter__q">{node(s.node)?.text}</span>{' '}
                <strong>{labelOf(s.node, s.answer)}</strong>
                {s.evidence && <span class="troubleshooter__evidence"> (from your paste: <code>{s.evidence}</code>)</span>}
              </li>
            ))}
          </ol>
        </nav>
      )}

      {result.question && (
        <fieldset class="troubleshooter__question">
          <legend id="ts-question" tabIndex={-1}>{result.question.text}</legend>
          {node(result.question.node)?.help && <p class="troubleshooter__help">{node(result.question.node)!.help}</p>}
          <ul>
            {result.question.answers.map((a) => (
              <li><button type="button" class="button troubleshooter__answer" onClick={() => answer(result.question!.node, a.id)}>{a.label}</button></li>
            ))}
          </ul>
        </fieldset>
      )}

      {result.leaf && (
        <div class="troubleshooter__result" role="status">
          <p>The most likely cause:</p>
          <p class="troubleshooter__cause"><a href={`/causes/${result.leaf}/`}>{causes[result.leaf] ?? result.leaf}</a></p>
          <p>The article shows how to confirm it and how to fix it.</p>
        </div>
      )}

      <div class="troubleshooter__controls">
        <button type="button" class="button" disabled={steps.length === 0} onClick={() => commit(steps.slice(0, -1).map((s) => ({ node: s.node, answer: s.answer, ...(s.evidence ? { evidence: s.evidence } : {}) })))}>Back</button>
        <button type="button" class="button" disabled={steps.length === 0} onClick={() => commit([])}>Start again</button>
      </div>
    </div>
  );
}
