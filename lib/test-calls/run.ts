import { TestCallMap, type TestCallKey, type TestCallResult, type TestCall } from "./types";

interface RunOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Per cell: run through the relay instead of from the browser. */
  pathOf?: (testCall: TestCall) => "browser" | "relay";
  onResult(key: TestCallKey, result: TestCallResult): void;
  /** Hands out a way to cancel one cell (a slow endpoint) without touching the others. */
  onStart?(key: TestCallKey, cancel: () => void): void;
}

/**
 * Runs every cell at once — the test calls' wall time is its slowest cell, not the sum — each with
 * its own deadline, so one dead endpoint cannot hold the others, and a cell that throws still
 * ends as a result instead of vanishing.
 */
export async function runCalls(testCalls: readonly TestCall[], options: RunOptions): Promise<TestCallMap<TestCallResult>> {
  const results = new TestCallMap<TestCallResult>();
  await Promise.all(
    testCalls.map(async (testCall) => {
      const key: TestCallKey = { row: testCall.row, column: testCall.column };
      const controller = new AbortController();
      const onAbort = () => controller.abort();
      options.signal?.addEventListener("abort", onAbort);
      const started = Date.now();
      let cancelled = false;
      options.onStart?.(key, () => {
        cancelled = true;
        controller.abort();
      });
      options.onResult(key, { outcome: "running", summary: "Running…", startedAt: started });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<TestCallResult>((resolve) => {
        timer = setTimeout(() => {
          // Settle as a timeout first; the abort that follows only tells the cell to stop.
          resolve({ outcome: "error", summary: `Timed out after ${options.timeoutMs} ms`, latencyMs: Date.now() - started });
          controller.abort();
        }, options.timeoutMs + 250);
      });
      let result: TestCallResult;
      try {
        // An abort ends the cell at once, even if its protocol code is slow to notice.
        const aborted = new Promise<TestCallResult>((resolve) =>
          controller.signal.addEventListener("abort", () => resolve({ outcome: "error", summary: "Cancelled.", latencyMs: Date.now() - started })),
        );
        result = await Promise.race([
          testCall.run({ signal: controller.signal, timeoutMs: options.timeoutMs, path: options.pathOf?.(testCall) ?? "browser" }),
          deadline,
          aborted,
        ]);
      } catch (error) {
        result = { outcome: "error", summary: `The test itself failed: ${(error as Error).message}`, latencyMs: Date.now() - started };
      } finally {
        clearTimeout(timer);
        options.signal?.removeEventListener("abort", onAbort);
      }
      if (cancelled) result = { outcome: "error", summary: `Cancelled after ${Date.now() - started} ms.`, latencyMs: Date.now() - started, detail: result.detail };
      else if (options.signal?.aborted && result.outcome === "error") result = { ...result, summary: "Cancelled." };
      results.set(key, result);
      options.onResult(key, result);
    }),
  );
  return results;
}
