"use client";

import { useCallback, useRef, useState } from "react";
import { runCalls } from "@/lib/test-calls/run";
import { TestCallMap, type TestCallKey, type TestCallResult, type TestCall } from "@/lib/test-calls/types";

const QUEUED: TestCallResult = { outcome: "queued", summary: "Queued" };

/** What a finished run leaves behind, so a page left and opened again can show it (saved-run.ts). */
export interface RunSnapshot {
  results: TestCallMap<TestCallResult>;
  wallMs: number | null;
}

/**
 * State of one test-call run: results arrive cell by cell, a run can be cancelled, a single cell
 * re-run (through the relay when the browser blocked it) without touching the others. `queue`
 * marks the cells of a run the moment "Run all" is clicked, before credentials and the call
 * machinery are ready, so the click is answered at once.
 */
export function useCallRuns(timeoutMs: number, restored?: RunSnapshot) {
  const [results, setResults] = useState<TestCallMap<TestCallResult>>(() => restored?.results ?? new TestCallMap());
  const [running, setRunning] = useState(false);
  const [wallMs, setWallMs] = useState<number | null>(restored?.wallMs ?? null);
  const testCalls = useRef(new TestCallMap<TestCall>());
  /** The cells on screen: a restored or queued run has no TestCall objects (yet). */
  const shown = useRef(new TestCallMap<true>(restored ? [...restored.results].map(([key]) => [key, true] as const) : []));
  const controller = useRef<AbortController | null>(null);
  const cancels = useRef(new TestCallMap<() => void>());
  const onStart = useCallback((key: TestCallKey, cancel: () => void) => void cancels.current.set(key, cancel), []);
  const decorate = useRef<(key: TestCallKey, result: TestCallResult) => TestCallResult>((_, r) => r);

  const update = useCallback((key: TestCallKey, result: TestCallResult) => {
    const shown = result.outcome === "running" ? result : decorate.current(key, result);
    setResults((current) => current.with(key, shown));
  }, []);

  /**
   * Answers the click: every planned cell "queued", Run all disabled, until `run` or `abandon`.
   * Returns the run's ticket, handed back to `run` and `abandon`.
   */
  const queue = useCallback((keys: readonly TestCallKey[]): AbortController => {
    controller.current?.abort();
    const ticket = new AbortController();
    controller.current = ticket;
    testCalls.current = new TestCallMap();
    shown.current = new TestCallMap(keys.map((k) => [k, true] as const));
    setResults(new TestCallMap(keys.map((k) => [k, QUEUED] as const)));
    setWallMs(null);
    setRunning(true);
    return ticket;
  }, []);

  /** Nothing could run after all (invalid variables, an error while gathering credentials). */
  const abandon = useCallback((ticket: AbortController) => {
    if (controller.current !== ticket) return;
    controller.current = null;
    shown.current = new TestCallMap();
    setResults(new TestCallMap());
    setRunning(false);
  }, []);

  const run = useCallback(
    /** `annotate` adds to each finished result (the diagnosis of a failed cell); `ticket` is `queue`'s. */
    async (next: TestCall[], annotate?: (key: TestCallKey, result: TestCallResult) => TestCallResult, ticket?: AbortController) => {
      // A queued run cancelled, or replaced by a newer click, before its cells could start.
      if (ticket && (ticket.signal.aborted || controller.current !== ticket)) return new TestCallMap<TestCallResult>();
      if (annotate) decorate.current = annotate;
      if (!ticket) controller.current?.abort();
      const abort = ticket ?? new AbortController();
      controller.current = abort;
      testCalls.current = new TestCallMap(next.map((c) => [c, c]));
      shown.current = new TestCallMap(next.map((c) => [c, true] as const));
      setResults(new TestCallMap(next.map((c) => [c, QUEUED] as const)));
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

  /** Stops the run; cells still queued end as cancelled (running ones end through their own abort). */
  const cancel = useCallback(() => {
    controller.current?.abort();
    setResults((current) => new TestCallMap([...current].map(([key, r]) => [key, r.outcome === "queued" ? { outcome: "error" as const, summary: "Cancelled before it started." } : r] as const)));
    // Still gathering credentials: no cell has started, so nothing else will end the run.
    if (testCalls.current.size === 0) setRunning(false);
  }, []);
  /** Stops one slow cell; the rest of the run goes on. */
  const cancelTestCall = useCallback((key: TestCallKey) => cancels.current.get(key)?.(), []);
  const exists = useCallback((key: TestCallKey) => shown.current.has(key), []);
  /** Whether a cell can be run again from here (not a cell restored from an earlier visit). */
  const canRerun = useCallback((key: TestCallKey) => testCalls.current.has(key), []);

  return { results, running, wallMs, queue, abandon, run, rerun, cancel, cancelTestCall, exists, canRerun };
}
