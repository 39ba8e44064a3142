import { describe, expect, it } from 'vitest';
import { workerClient } from './worker-client.ts';

interface Msg { id: number; value: string }

/** A stand-in worker that answers only when told to, so requests can be left open. */
function fakeWorker() {
  const held: Msg[] = [];
  const w = {
    onmessage: null as ((e: MessageEvent<Msg>) => void) | null,
    onerror: null as ((e: ErrorEvent) => void) | null,
    postMessage(m: Msg) {
      held.push(m);
    },
    terminate() {},
  };
  const answerAll = () => {
    for (const m of held.splice(0)) w.onmessage?.({ data: { id: m.id, value: m.value.toUpperCase() } } as MessageEvent<Msg>);
  };
  return { w, answerAll };
}

describe('workerClient', () => {
  it('a superseding request rejects only the open requests that were superseding too', async () => {
    const { w, answerAll } = fakeWorker();
    const client = workerClient<{ value: string }, Msg, string>(() => w as unknown as Worker, (r) => ({ ok: r.value }), 'failed');
    const first = client.request({ value: 'first' }, { supersede: true });
    const copy = client.request({ value: 'copy' });
    const second = client.request({ value: 'second' }, { supersede: true });
    answerAll();
    await expect(first).rejects.toThrow('superseded');
    await expect(copy).resolves.toBe('COPY');
    await expect(second).resolves.toBe('SECOND');
  });

  it('cancel rejects everything open', async () => {
    const { w } = fakeWorker();
    const client = workerClient<{ value: string }, Msg, string>(() => w as unknown as Worker, (r) => ({ ok: r.value }), 'failed');
    const a = client.request({ value: 'a' });
    const b = client.request({ value: 'b' }, { supersede: true });
    client.cancel();
    await expect(a).rejects.toThrow('cancelled');
    await expect(b).rejects.toThrow('cancelled');
  });
});
