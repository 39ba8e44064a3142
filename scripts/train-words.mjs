// `npm run train-words`: trains the word model (src/lib/words/, used by
// src/lib/engine/word-findings.ts) from the cause articles, the message catalogue and the LEARNING
// part of the real corpus (scripts/word-training.mjs), and writes content/data/word-model.json.
// Run it after adding corpus cases, articles or catalogue entries, then `npm run calibrate`.
// Deterministic: the same inputs give the same file.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { trainingTexts } from './word-training.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FILE = join(ROOT, 'content', 'data', 'word-model.json');
const { trainWordModel } = await import(pathToFileURL(join(ROOT, 'src', 'lib', 'words', 'train.ts')).href);

const texts = await trainingTexts();
const model = trainWordModel(texts);
writeFileSync(FILE, JSON.stringify(model) + '\n');
const entries = Object.values(model.tokens).reduce((n, pairs) => n + pairs.length / 2, 0);
console.log(`Word model: ${texts.length} texts, ${model.causes.length} causes, ${Object.keys(model.tokens).length} tokens (${entries} weights) -> content/data/word-model.json`);
