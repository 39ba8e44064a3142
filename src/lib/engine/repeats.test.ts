import { describe, expect, it } from 'vitest';
import type { Fact } from './types.ts';
import { dropRepeatedSignals } from './repeats.ts';
import { CAPTURED_OUTPUT } from '../recognisers/shared/event-messages/captured.ts';

const f = (kind: Fact['kind'], name: Fact['name'], start: number, end: number, value: string = 'x'): Fact => ({ kind, name, value, span: { start, end } });

describe('dropRepeatedSignals', () => {
  it('drops a catalogue signal on text a format recogniser already explained, keeps its other facts', () => {
    const facts = [f('nginx', 'signal', 0, 80, 'nginx.upstream-refused'), f('message', 'signal', 30, 70, 'message.nginx.connect-refused'), f('message', 'status', 30, 70, '502')];
    expect(dropRepeatedSignals(facts).map((x) => `${x.kind}:${x.name}`)).toEqual(['nginx:signal', 'message:status']);
  });

  it('keeps catalogue signals where no other kind placed a signal', () => {
    const facts = [f('nginx', 'signal', 0, 10), f('message', 'signal', 10, 20), f('stdout-log', 'placed', 10, 20), f('message', 'signal', 50, 60)];
    expect(dropRepeatedSignals(facts)).toHaveLength(4);
  });

  it('sees an overlap with a long span that starts well before', () => {
    const facts = [f('event-log', 'signal', 0, 1000), f('event-log', 'signal', 10, 20), f('message', 'signal', 500, 520)];
    expect(dropRepeatedSignals(facts).filter((x) => x.kind === 'message')).toEqual([]);
  });

  it("keeps a catalogue signal inside output a record only carries, unless something was read there too", () => {
    const record = f('event-log', 'signal', 0, 160, 'event-log.ancm-inprocess-handler-missing');
    const output = f('event-log', 'placed', 80, 160, CAPTURED_OUTPUT);
    const hostfxr = f('message', 'signal', 82, 124, 'message.hostfxr.app-to-execute-missing');
    expect(dropRepeatedSignals([record, output, hostfxr])).toContain(hostfxr);
    const readThere = f('event-log', 'signal', 84, 120, 'stdout-log.unhandled-exception');
    expect(dropRepeatedSignals([record, output, hostfxr, readThere])).not.toContain(hostfxr);
    // The record's own message, outside the captured output, is still a repeat.
    expect(dropRepeatedSignals([record, output, f('message', 'signal', 0, 40)]).filter((x) => x.kind === 'message')).toEqual([]);
  });

  it('a prose signal on the same text does not shadow a catalogue signal', () => {
    const facts = [f('prose', 'signal', 0, 80, 'prose.after-restart'), f('message', 'signal', 0, 120, 'message.azure.appsvc-percent-memory-recycle')];
    expect(dropRepeatedSignals(facts)).toEqual(facts);
  });

  it('returns everything when there is no first-layer signal', () => {
    const facts = [f('message', 'signal', 0, 5), f('message', 'signal', 0, 5)];
    expect(dropRepeatedSignals(facts)).toEqual(facts);
  });
});
