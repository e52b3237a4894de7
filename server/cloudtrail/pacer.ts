/**
 * LookupEvents allows 2 requests per second per account and Region. The pacer lets requests for
 * one key start one at a time, each at least `intervalMs` after the previous one *actually*
 * started (timers fire late on a busy server; reserving slots ahead would then bunch requests
 * up). It is shared by all lookups of this server process, so two people looking at the same
 * account share the budget instead of throttling each other. (Per process: several server
 * instances each keep their own pace — the backoff on ThrottlingException covers the rest.)
 */
import "server-only";

export interface Pacer {
  /** Resolves with the start time (ms) when the next request for `key` may go; rejects if `signal` aborts first. */
  wait(key: string, signal?: AbortSignal): Promise<number>;
}

export function createPacer(options: { intervalMs?: number; now?: () => number; maxKeys?: number } = {}): Pacer {
  const interval = options.intervalMs ?? 500;
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 1000;
  const lastStart = new Map<string, number>();
  const queues = new Map<string, Promise<unknown>>();
  return {
    wait(key, signal) {
      const turn = (queues.get(key) ?? Promise.resolve()).then(async () => {
        const due = (lastStart.get(key) ?? -Infinity) + interval;
        let t = now();
        while (t < due) {
          await sleep(due - t, signal);
          t = now();
        }
        if (signal?.aborted) throw signal.reason;
        lastStart.delete(key);
        lastStart.set(key, t);
        // Forget the stalest keys; a forgotten key only lets one request go out early.
        if (lastStart.size > maxKeys) lastStart.delete(lastStart.keys().next().value!);
        return t;
      });
      // A cancelled waiter must not stall the ones behind it.
      const settled = turn.catch(() => undefined);
      queues.set(key, settled);
      void settled.then(() => queues.get(key) === settled && queues.delete(key));
      return turn;
    },
  };
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    if (ms <= 0) return resolve();
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
