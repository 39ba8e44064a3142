/**
 * Vitest side of the real corpus (file format, kinds and the learning / held-out split are
 * described in tests/support/real-corpus.ts). Learning cases are asserted one by one unless
 * pending; held-out cases are only checked for being well-formed and are never diagnosed here.
 */
import { expect, it } from 'vitest';
import { diagnose } from '../../src/lib/engine/diagnose.ts';
import { isAgreedCauseId } from '../support/cause-ids.ts';
import { fileURLToPath } from 'node:url';
import { caseFileProblems, readCorpus, type RealCase } from '../support/real-corpus.ts';

export type { RealCase } from '../support/real-corpus.ts';

const FOLDERS = { real: '../fixtures/real/', 'real-events': '../fixtures/real-events/' } as const;

/**
 * The cases of one corpus folder, with the split decided over the whole corpus (a thread forced
 * into learning in one folder is in learning in the other too).
 */
export function readFolder(folder: keyof typeof FOLDERS): RealCase[] {
  const dirs = Object.values(FOLDERS).map((d) => fileURLToPath(new URL(d, import.meta.url)));
  const wanted = fileURLToPath(new URL(FOLDERS[folder], import.meta.url));
  return readCorpus(dirs).filter((c) => c.dir === wanted);
}

/** Checks that every file is well-formed: thread URL, agreed cause id, kind, evidence, some text. */
export function checkCaseFiles(cases: RealCase[], atLeast: number): void {
  expect(cases.length).toBeGreaterThanOrEqual(atLeast);
  const problems = cases.flatMap((c) => caseFileProblems(c, isAgreedCauseId).map((p) => `${c.file}: ${p}`));
  expect(problems).toEqual([]);
}

/** Why a learning case misses today (empty when the engine gets it right). */
export function caseMisses(c: RealCase): string[] {
  const d = diagnose(c.text);
  const summary = d.findings
    .slice(0, 4)
    .map((f) => `${f.cause} ${f.confidence.toFixed(2)}`)
    .join(', ');
  const out: string[] = [];
  if (!d.findings.slice(0, c.top).some((f) => f.cause === c.expect)) {
    out.push(`${c.expect} not in the top ${c.top}; findings: ${summary || 'none'}`);
    return out;
  }
  const found = d.findings.find((f) => f.cause === c.expect);
  if ((found?.evidence.length ?? 0) === 0) out.push('no evidence for the expected cause');
  for (const e of found?.evidence ?? []) {
    if (c.text.slice(e.span.start, e.span.start + e.text.length) !== e.text) out.push(`evidence span does not point at "${e.text}"`);
  }
  return out;
}

const learning = (cases: RealCase[]) => cases.filter((c) => c.part === 'learning');

/** One test per learning case: the confirmed cause comes first (or in the top two), with real evidence spans. */
export function caseTests(cases: RealCase[]): void {
  for (const c of learning(cases)) {
    const name = `${c.file} -> ${c.expect}${c.top === 2 ? ' (top two)' : ''}`;
    if (c.pending !== undefined) {
      it.skip(`${name} [pending: ${c.pending}]`, () => {});
      continue;
    }
    it(name, () => expect(caseMisses(c)).toEqual([]));
  }
}

/**
 * Pending never hides a fixed case: every pending learning case must still miss. When one passes,
 * this fails and names it, so its pending line gets removed and it is asserted from then on.
 */
export function pendingStillMissTests(cases: RealCase[]): void {
  const pending = learning(cases).filter((c) => c.pending !== undefined);
  it(`pending cases still miss (${pending.length}; a failure means: now passes, remove its pending line)`, () => {
    const nowPass = pending.filter((c) => caseMisses(c).length === 0).map((c) => `${c.file}: now passes: remove its pending line`);
    expect(nowPass).toEqual([]);
  }, 60_000);
}
