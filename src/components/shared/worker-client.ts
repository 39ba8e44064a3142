/**
 * One request/response client for a module Web Worker, shared by the engine and FREB clients.
 * Each request carries an id and the worker answers it with a result or `{ error }`. The worker
 * starts on the first request (so its code downloads only then); a worker that fails rejects
 * what it held and is replaced by the next request; `cancel()` rejects everything and stops it.
 */
export interface WorkerClient<Req, Res> {
  /**
   * Send one request; with `supersede`, the open requests that were also sent with `supersede`
   * are rejected with "superseded" (the others, e.g. a copy in progress, run to the end).
   */
  request(message: Req, options?: { supersede?: boolean }): Promise<Res>;
  /** Reject every open request with `reason` and terminate the worker. */
  cancel(reason?: string): void;
  /** Start the worker (and its download) ahead of the first request; a failure shows on that request. */
  warm(): void;
}

export function workerClient<Req extends object, Reply extends { id: number }, Res>(
  start: () => Worker,
  resultOf: (reply: Reply) => { ok: Res } | { error: string },
  failedToStart: string,
): WorkerClient<Req, Res> {
  let worker: Worker | undefined;
  let seq = 0;
  const pending = new Map<number, { resolve: (v: Res) => void; reject: (e: Error) => void; supersedable: boolean }>();

  const stop = (reason: string): void => {
    for (const p of pending.values()) p.reject(new Error(reason));
    pending.clear();
    worker?.terminate();
    worker = undefined;
  };

  const get = (): Worker => {
    if (worker) return worker;
    const w = start();
    w.onmessage = (e: MessageEvent<Reply>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      const r = resultOf(e.data);
      if ('ok' in r) p.resolve(r.ok);
      else p.reject(new Error(r.error));
    };
    w.onerror = (e) => stop(e.message || failedToStart);
    worker = w;
    return w;
  };

  return {
    request(message, options) {
      const id = ++seq;
      const supersedable = options?.supersede ?? false;
      if (supersedable) {
        for (const [oldId, p] of pending) {
          if (!p.supersedable) continue;
          p.reject(new Error('superseded'));
          pending.delete(oldId);
        }
      }
      return new Promise<Res>((resolve, reject) => {
        pending.set(id, { resolve, reject, supersedable });
        get().postMessage({ ...message, id });
      });
    },
    cancel(reason = 'cancelled') {
      stop(reason);
    },
    warm() {
      try {
        get();
      } catch {
        // A worker that cannot start reports itself on the first real request.
      }
    },
  };
}
