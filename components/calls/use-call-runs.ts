"use client";

import { useCallback, useRef, useState } from "react";
import { runCalls } from "@/lib/test-calls/run";
import { TestCallMap, type TestCallKey, type TestCallResult, type TestCall } from "@/lib/test-calls/types";

/**
 * State of one test-call run: results arrive cell by cell, a run can be cancelled, a single cell
 * re-run (through the relay when the browser blocked it) without touching the others.
 */
export function useCallRuns(timeoutMs: number) {
  const [results, setResults] = useState<TestCallMap<TestCallResult>>(() => new TestCallMap());
  const [running, setRunning] = useState(false);
  const [wallMs, setWallMs] = useState<number | null>(null);
  const testCalls = useRef(new TestCallMap<TestCall>());
  const controller = useRef<AbortController | null>(null);
  const cancels = useRef(new TestCallMap<() => void>());
  const onStart = useCallback((key: TestCallKey, cancel: () => void) => void cancels.current.set(key, cancel), []);
  const decorate = useRef<(key: TestCallKey, result: TestCallResult) => TestCallResult>((_, r) => r);

  const update = useCallback((key: TestCallKey, result: TestCallResult) => {
    const shown = result.outcome === "running" ? result : decorate.current(key, result);
    setResults((current) => current.with(key, shown));
  }, []);

  const run = useCallback(
    /** `annotate` adds to each finished result (the diagnosis of a failed cell). */
    async (next: TestCall[], annotate?: (key: TestCallKey, result: TestCallResult) => TestCallResult) => {
      if (annotate) decorate.current = annotate;
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      testCalls.current = new TestCallMap(next.map((c) => [c, c]));
      setResults(new TestCallMap());
      setRunning(true);
      const started = performance.now();
      const results = await runCalls(next, { timeoutMs, signal: abort.signal, onResult: update, onStart });
      if (controller.current === abort) {
        setWallMs(Math.round(performance.now() - started));
        setRunning(false);
      }
      return results;
    },
    [timeoutMs, update, onStart],
  );

  const rerun = useCallback(
    async (key: TestCallKey, path: "browser" | "relay") => {
      const testCall = testCalls.current.get(key);
      if (!testCall) return;
      await runCalls([testCall], { timeoutMs, pathOf: () => path, onResult: update, onStart });
    },
    [timeoutMs, update, onStart],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  /** Stops one slow cell; the rest of the run goes on. */
  const cancelTestCall = useCallback((key: TestCallKey) => cancels.current.get(key)?.(), []);
  const exists = useCallback((key: TestCallKey) => testCalls.current.has(key), []);

  return { results, running, wallMs, run, rerun, cancel, cancelTestCall, exists };
}
