// The texts the word model (src/lib/words/) learns from, each with its cause:
// - every paragraph of every cause article (content/causes/<id>.mdx), for its cause;
// - every message catalogue entry (content/data/messages/*.json) whose strongest cause weighs 0.5
//   or more, its text for that cause;
// - every word example (content/data/word-examples.txt): short descriptions of a cause in the words
//   people use, written for this model like the articles' paragraphs (not real pastes);
// - every case of the LEARNING part of the real corpus (tests/fixtures/real*, split as in
//   tests/support/real-corpus.ts), for its confirmed cause. Held-out cases are never read here.
// Used by `npm run train-words` (scripts/train-words.mjs).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// The split's own hash (the folds use its upper bits, the split its value modulo 10).
const { fnv1a32, readCorpus } = await import(pathToFileURL(join(ROOT, 'tests', 'support', 'real-corpus.ts')).href);
export const CORPUS_DIRS = [join(ROOT, 'tests', 'fixtures', 'real'), join(ROOT, 'tests', 'fixtures', 'real-events')];

/** A paragraph of an article: text between blank lines, long enough to say something. */
const MIN_PARAGRAPH = 40;
/** A catalogue entry teaches its strongest cause when that cause weighs at least this much. */
const MIN_ENTRY_WEIGHT = 0.5;

export function articleTexts() {
  const causes = JSON.parse(readFileSync(join(ROOT, 'content', 'data', 'causes.json'), 'utf8')).map((c) => c.id);
  const out = [];
  for (const id of causes) {
    const mdx = readFileSync(join(ROOT, 'content', 'causes', `${id}.mdx`), 'utf8');
    for (const para of mdx.split(/\n[ \t]*\n/)) if (para.trim().length >= MIN_PARAGRAPH) out.push({ cause: id, text: para });
  }
  return out;
}

export function catalogueTexts() {
  const dir = join(ROOT, 'content', 'data', 'messages');
  const out = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    for (const e of JSON.parse(readFileSync(join(dir, f), 'utf8'))) {
      const top = [...e.causes].sort((a, b) => b.weight - a.weight || (a.cause < b.cause ? -1 : 1))[0];
      if (top && top.weight >= MIN_ENTRY_WEIGHT) out.push({ cause: top.cause, text: e.text });
    }
  }
  return out;
}

/** The word examples (content/data/word-examples.txt): blocks of a cause id line and a text. */
export function exampleTexts() {
  const raw = readFileSync(join(ROOT, 'content', 'data', 'word-examples.txt'), 'utf8');
  const body = raw.split('\n').filter((l, i, all) => !(l.startsWith('# ') && all.slice(0, i).every((x) => x.startsWith('# ')))).join('\n');
  const out = [];
  for (const block of body.split(/\n=====\n?/)) {
    const lines = block.trim().split('\n');
    const cause = (lines[0] ?? '').trim();
    const text = lines.slice(1).join('\n').trim();
    if (cause && text) out.push({ cause, text });
  }
  return out;
}

/** The real corpus, every case with its part (learning / held-out). */
export async function corpusCases() {
  return readCorpus(CORPUS_DIRS);
}

/** Folds for cross-validation of the word model over the learning part: a hash of the thread's URL. */
export const FOLDS = 5;
export function foldOf(url) {
  return (fnv1a32(url) >>> 16) % FOLDS;
}

/**
 * One word model per fold, each trained without that fold's learning cases: diagnosing a
 * learning case with its fold's model measures the words on a paste they never saw, as for a
 * held-out case (scripts/bench-corpus.mjs, and so `npm run calibrate`). Returns fold -> model.
 */
export async function foldModels() {
  const { trainWordModel } = await import(pathToFileURL(join(ROOT, 'src', 'lib', 'words', 'train.ts')).href);
  const learning = (await corpusCases()).filter((c) => c.part === 'learning');
  const base = [...articleTexts(), ...catalogueTexts(), ...exampleTexts()];
  const out = [];
  for (let k = 0; k < FOLDS; k++) {
    out.push(trainWordModel([...base, ...pasteTexts(learning.filter((c) => foldOf(c.source) !== k))]));
  }
  return out;
}

/** A real paste counts this many times as much as an article paragraph or a catalogue text. */
export const PASTE_WEIGHT = 2;

/** Real cases as training texts, each for its confirmed cause. */
function pasteTexts(cases) {
  return cases.map((c) => ({ cause: c.expect, text: c.text, weight: PASTE_WEIGHT }));
}

/** Everything the shipped model learns from: articles, catalogue, word examples, learning cases. */
export async function trainingTexts() {
  const learning = (await corpusCases()).filter((c) => c.part === 'learning');
  return [...articleTexts(), ...catalogueTexts(), ...exampleTexts(), ...pasteTexts(learning)];
}
