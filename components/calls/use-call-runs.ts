"use client";

import { useCallback, useRef, useState } from "react";
import { runCells } from "@/lib/test-calls/run";
import { CellMap, type CellKey, type CellResult, type MatrixCell } from "@/lib/test-calls/types";

/**
 * State of one matrix run: results arrive cell by cell, a run can be cancelled, a single cell
 * re-run (through the relay when the browser blocked it) without touching the others.
 */
export function useMatrix(timeoutMs: number) {
  const [results, setResults] = useState<CellMap<CellResult>>(() => new CellMap());
  const [running, setRunning] = useState(false);
  const [wallMs, setWallMs] = useState<number | null>(null);
  const cells = useRef(new CellMap<MatrixCell>());
  const controller = useRef<AbortController | null>(null);
  const cancels = useRef(new CellMap<() => void>());
  const onStart = useCallback((key: CellKey, cancel: () => void) => void cancels.current.set(key, cancel), []);
  const decorate = useRef<(key: CellKey, result: CellResult) => CellResult>((_, r) => r);

  const update = useCallback((key: CellKey, result: CellResult) => {
    const shown = result.outcome === "running" ? result : decorate.current(key, result);
    setResults((current) => current.with(key, shown));
  }, []);

  const run = useCallback(
    /** `annotate` adds to each finished result (the diagnosis of a failed cell). */
    async (next: MatrixCell[], annotate?: (key: CellKey, result: CellResult) => CellResult) => {
      if (annotate) decorate.current = annotate;
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      cells.current = new CellMap(next.map((c) => [c, c]));
      setResults(new CellMap());
      setRunning(true);
      const started = performance.now();
      const results = await runCells(next, { timeoutMs, signal: abort.signal, onResult: update, onStart });
      if (controller.current === abort) {
        setWallMs(Math.round(performance.now() - started));
        setRunning(false);
      }
      return results;
    },
    [timeoutMs, update, onStart],
  );

  const rerun = useCallback(
    async (key: CellKey, path: "browser" | "relay") => {
      const cell = cells.current.get(key);
      if (!cell) return;
      await runCells([cell], { timeoutMs, pathOf: () => path, onResult: update, onStart });
    },
    [timeoutMs, update, onStart],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  /** Stops one slow cell; the rest of the run goes on. */
  const cancelCell = useCallback((key: CellKey) => cancels.current.get(key)?.(), []);
  const exists = useCallback((key: CellKey) => cells.current.has(key), []);

  return { results, running, wallMs, run, rerun, cancel, cancelCell, exists };
}
