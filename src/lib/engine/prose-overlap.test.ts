import { describe, expect, it } from 'vitest';
import type { Fact } from './types.ts';
import { indexLines } from './lines.ts';
import { dropShadowedProse } from './prose-overlap.ts';

const text = 'HTTP Error 502.3 - Bad Gateway after 120 seconds on IIS\nIIS returns 502.3 after 120 seconds';
const lines = indexLines(text);
const at = (word: string, from = 0): { start: number; end: number } => {
  const start = text.indexOf(word, from);
  return { start, end: start + word.length };
};
const f = (kind: Fact['kind'], name: Fact['name'], value: Fact['value'], span: { start: number; end: number }): Fact => ({ kind, name, value, span });

describe('dropShadowedProse', () => {
  const second = text.indexOf('\n') + 1;
  const facts: Fact[] = [
    f('error-page', 'status', '502.3', at('502.3')),
    f('error-page', 'signal', 'error-page.502-3', at('Bad Gateway')),
    f('error-page', 'server', 'iis', at('HTTP Error')),
    f('prose', 'status', '502.3', at('502.3')),
    f('prose', 'stated-duration-ms', 120_000, at('120 seconds')),
    f('prose', 'server', 'iis', at('IIS')),
    f('prose', 'signal', 'prose.topic-timeout', at('Bad Gateway')),
    f('prose', 'signal', 'prose.after-upgrade', at('after')),
    f('prose', 'status', '502.3', at('502.3', second)),
    f('prose', 'server', 'iis', at('IIS', second)),
  ];

  it('drops prose facts that repeat a format recogniser on the same line and keeps the rest', () => {
    const kept = dropShadowedProse(facts, lines);
    // The topic signal goes (the error page's signal says more); the trigger stays: no format
    // recogniser reads "after an upgrade".
    expect(kept.filter((x) => x.kind === 'prose').map((x) => `${x.name}=${x.value}@${x.span.start >= second ? 2 : 1}`)).toEqual([
      'stated-duration-ms=120000@1',
      'signal=prose.after-upgrade@1',
      'status=502.3@2',
      'server=iis@2',
    ]);
    expect(kept.filter((x) => x.kind !== 'prose')).toHaveLength(3);
  });

  it('drops a duration inside the words a recogniser read, and keeps one after them', () => {
    const line = 'Container web_0_1 for site web did not start within expected time limit. Elapsed time = 230.5 sec after 230 seconds';
    const where = (word: string, from = 0): { start: number; end: number } => {
      const start = line.indexOf(word, from);
      return { start, end: start + word.length };
    };
    const message = { start: 0, end: line.indexOf(' after') };
    const own = [
      f('message', 'signal', 'message.azure.appsvc-container-start-time-limit', message),
      f('prose', 'stated-duration-ms', 230_500, where('230.5 sec')),
      f('prose', 'stated-duration-ms', 230_000, where('230 seconds')),
    ];
    const kept = dropShadowedProse(own, indexLines(line));
    expect(kept.filter((x) => x.kind === 'prose').map((x) => x.value)).toEqual([230_000]);
  });

  it('returns the same list when there is no prose fact', () => {
    const only = facts.filter((x) => x.kind !== 'prose');
    expect(dropShadowedProse(only, lines)).toBe(only);
  });
});

describe('dropShadowedProse: a status the writer wrote', () => {
  it('is kept beside another reader\'s status of another code or a less specific one, dropped beside the same one', () => {
    const line = "IIS ARR farm: 502.4 Bad Gateway 'No server is available to handle this request'";
    const ls = indexLines(line);
    const at = (w: string) => ({ start: line.indexOf(w), end: line.indexOf(w) + w.length });
    const written = f('prose', 'status', '502.4', at('502.4'));
    const implied = f('message', 'status', '503', at('No server is available'));
    expect(dropShadowedProse([written, implied], ls)).toContain(written);
    // The writer's 502.4 is more specific than a bare 502 another reader found: kept too.
    const bare = f('message', 'status', '502', at('No server is available'));
    expect(dropShadowedProse([written, bare], ls)).toContain(written);
    // The same status, or a bare one beside a more specific one, repeats the other reader: dropped.
    expect(dropShadowedProse([written, f('message', 'status', '502.4', at('No server is available'))], ls)).not.toContain(written);
    const writtenBare = f('prose', 'status', '502', at('502.4'));
    expect(dropShadowedProse([writtenBare, f('message', 'status', '502.4', at('No server is available'))], ls)).not.toContain(writtenBare);
  });
});
