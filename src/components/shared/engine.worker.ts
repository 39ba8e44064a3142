/// <reference lib="webworker" />
/**
 * The engine off the main thread: the page posts the paste, the worker answers with a view. The
 * worker also does what leaves the page, so the page's own script stays small: redaction, the
 * Markdown report (of the redacted paste when Redact is on) and share links (packing and
 * unpacking the paste in the URL fragment).
 */
import { diagnose } from '../../lib/engine/diagnose.ts';
import { toView } from '../../lib/report/view.ts';
import type { DiagnosisView } from '../../lib/report/view.ts';
import { redact } from '../../lib/redact/redact.ts';
import type { Redaction } from '../../lib/redact/redact.ts';
import { diagnosisMarkdown } from '../../lib/report/markdown.ts';
import { decodeShareFragment, encodeShareFragment } from '../../lib/share/share.ts';

type Answers = Record<string, string>;

export type EngineRequest =
  | { id: number; type: 'diagnose'; text: string; answers: Answers; redact: boolean }
  | { id: number; type: 'markdown'; text: string; answers: Answers; redact: boolean; origin: string }
  | { id: number; type: 'share'; text: string; redact: boolean }
  | { id: number; type: 'open'; fragment: string };

export interface EngineResults {
  diagnose: { view: DiagnosisView; redactions: Redaction[] };
  markdown: { markdown: string };
  share: { fragment: string };
  open: { text: string | null };
}

export type EngineResponse = { id: number; result: EngineResults[keyof EngineResults] } | { id: number; error: string };

const outgoing = (text: string, on: boolean): string => (on ? redact(text).text : text);

async function handle(req: EngineRequest): Promise<EngineResults[keyof EngineResults]> {
  switch (req.type) {
    case 'diagnose':
      return { view: toView(req.text, diagnose(req.text, { answers: req.answers }), req.answers), redactions: req.redact ? redact(req.text).redactions : [] };
    case 'markdown': {
      const text = outgoing(req.text, req.redact);
      return { markdown: diagnosisMarkdown(toView(text, diagnose(text, { answers: req.answers }), req.answers), req.origin) };
    }
    case 'share':
      return { fragment: await encodeShareFragment(outgoing(req.text, req.redact)) };
    case 'open':
      return { text: (await decodeShareFragment(req.fragment)) ?? null };
  }
}

self.onmessage = async (event: MessageEvent<EngineRequest>) => {
  const { id } = event.data;
  let response: EngineResponse;
  try {
    response = { id, result: await handle(event.data) };
  } catch (err) {
    response = { id, error: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(response);
};
