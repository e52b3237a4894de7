"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { checkLogSize } from "@/lib/diagnosis/log-limit";
import type { LogScanProgress, LogScanResult } from "@/lib/diagnosis/log-scan";

/**
 * A log scanned by log-scan-worker.ts, with progress; cancel = terminate the worker.
 *
 * If the worker cannot start (a Content-Security-Policy without `script-src 'self'` on the worker's
 * own script stops it), the same scan runs on the page in steps, yielding to the browser between
 * them, so the page stays usable; the state says which one ran.
 */

export type LogScanState =
  | { status: "idle" }
  | { status: "scanning"; name: string; progress: LogScanProgress | null; via: "worker" | "page" }
  | { status: "done"; name: string; result: LogScanResult; via: "worker" | "page" }
  | { status: "error"; name: string; code: string; message: string };

type Source = { file: File } | { text: string };
type WorkerMessage = { type: "progress"; progress: LogScanProgress } | { type: "result"; result: LogScanResult } | { type: "error"; code: string; message: string };

export function useLogScan() {
  const [state, setState] = useState<LogScanState>({ status: "idle" });
  const worker = useRef<Worker | null>(null);
  const pageRun = useRef<{ cancelled: boolean } | null>(null);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
    if (pageRun.current) pageRun.current.cancelled = true;
    pageRun.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const onPage = useCallback(async (source: Source, name: string) => {
    const run = { cancelled: false };
    pageRun.current = run;
    setState({ status: "scanning", name, progress: null, via: "page" });
    try {
      const { checkLogSize, scanLogSteps } = await import("@/lib/diagnosis/log-scan");
      if ("file" in source) checkLogSize(source.file.size);
      const steps = scanLogSteps("file" in source ? await source.file.text() : source.text);
      for (;;) {
        if (run.cancelled) return;
        const step = steps.next();
        if (step.done) return setState({ status: "done", name, result: step.value, via: "page" });
        setState({ status: "scanning", name, progress: step.value, via: "page" });
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    } catch (error) {
      if (run.cancelled) return;
      const e = error as Error & { code?: string };
      setState({ status: "error", name, code: e.code ?? "internal:diagnose-log", message: e.message });
    }
  }, []);

  const scan = useCallback(
    (source: Source, name: string) => {
      stop();
      if ("file" in source) {
        // Too big is known from the file's size: say so at once, without starting anything.
        try {
          checkLogSize(source.file.size);
        } catch (error) {
          const e = error as Error & { code: string };
          return setState({ status: "error", name, code: e.code, message: e.message });
        }
      }
      let heard = false;
      // A classic worker: Turbopack bootstraps workers with importScripts, which module workers forbid.
      const next = new Worker(new URL("./log-scan-worker.ts", import.meta.url));
      worker.current = next;
      setState({ status: "scanning", name, progress: null, via: "worker" });
      next.onmessage = (event: MessageEvent<WorkerMessage>) => {
        heard = true;
        const data = event.data;
        if (worker.current !== next) return;
        if (data.type === "progress") return setState({ status: "scanning", name, progress: data.progress, via: "worker" });
        setState(data.type === "result" ? { status: "done", name, result: data.result, via: "worker" } : { status: "error", name, code: data.code, message: data.message });
        stop();
      };
      next.onerror = (event) => {
        if (worker.current !== next) return;
        event.preventDefault();
        stop();
        if (!heard) void onPage(source, name);
        else setState({ status: "error", name, code: "internal:diagnose-log", message: event.message || "The log scanner stopped unexpectedly." });
      };
      next.postMessage(source);
    },
    [stop, onPage],
  );

  const cancel = useCallback(() => {
    stop();
    setState({ status: "idle" });
  }, [stop]);

  return { state, scan, cancel };
}
