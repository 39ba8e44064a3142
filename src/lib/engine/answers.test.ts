import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.ts';
import { DECISION_TREE } from './tree.ts';
import { answerEffects, separatingQuestion } from './answers.ts';

const SEED = '2024-03-05 10:14:22 10.0.0.4 POST /api/reports/export - 443 - 203.0.113.7 Mozilla/5.0 - 502 3 12002 120016';

describe('separatingQuestion', () => {
  it('asks the narrowest question whose answers split the two causes', () => {
    const q = separatingQuestion('request-timeout', 'thread-pool-starvation', DECISION_TREE)!;
    expect(q.node).toBe('timeout');
    expect(q.answers.map((a) => a.id)).toEqual(['under-load', 'request-timeout']);
    const reset = separatingQuestion('request-timeout', 'backend-connection-reset', DECISION_TREE)!;
    expect(reset.node).toBe('winhttp');
    expect(reset.answers.map((a) => a.id)).toEqual(['12030', '12002']);
  });

  it('skips questions already answered and causes the tree cannot tell apart', () => {
    expect(separatingQuestion('request-timeout', 'thread-pool-starvation', DECISION_TREE, { timeout: 'request-timeout' })?.node).not.toBe('timeout');
    expect(separatingQuestion('request-timeout', 'no-such-cause', DECISION_TREE)).toBeUndefined();
  });
});

describe('answers re-rank', () => {
  it('an answer supports its leaf and weakens the causes only the other answers lead to', () => {
    const e = answerEffects({ timeout: 'under-load', nowhere: 'x', winhttp: 'nope' }, DECISION_TREE);
    expect(e.contributions.map((c) => c.cause)).toEqual(['thread-pool-starvation']);
    expect(e.weakenings.map((w) => w.cause).sort()).toEqual(['azure-frontend-timeout', 'request-timeout']);
  });

  it('answering the separating question puts the alternative first', () => {
    const plain = diagnose(SEED);
    expect(plain.findings[0]!.cause).toBe('request-timeout');
    const answered = diagnose(SEED, { answers: { timeout: 'under-load' } });
    expect(answered.findings[0]!.cause).toBe('thread-pool-starvation');
    expect(answered.findings.findIndex((f) => f.cause === 'request-timeout')).toBeGreaterThan(0);
    // Confirming the top finding keeps it first.
    expect(diagnose(SEED, { answers: { timeout: 'request-timeout' } }).findings[0]!.cause).toBe('request-timeout');
  });
});

describe('out of scope', () => {
  it('says when a paste comes from classic ASP.NET, and not for ours', () => {
    const d = diagnose('ModuleName="AspNetInitializationExceptionModule" RequestURL="http://x/About.aspx" AppPoolId="Clr4IntegratedAppPool" 500');
    expect(d.outOfScope?.stack).toBe('classic-aspnet');
    expect(diagnose(SEED).outOfScope).toBeUndefined();
  });
});
