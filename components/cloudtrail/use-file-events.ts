"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ParseProgress, TrailParseResult } from "@/lib/cloudtrail/parse-stream";
import { unpackTrailResult, type PackedTrailResult } from "@/lib/cloudtrail/transfer";

/**
 * A CloudTrail file read by cloudtrail-worker.ts, with progress; cancel = terminate the worker.
 *
 * If the worker cannot start — a worker takes its Content-Security-Policy from its own script's
 * response, and a policy without `script-src 'self'` there stops Turbopack's worker from loading
 * its chunks — the same streaming parser runs on the page instead. It still reads chunk by chunk
 * and yields between chunks, so the page stays usable; the status says which one ran.
 */

export type FileState =
  | { status: "idle" }
  | { status: "reading"; name: string; progress: ParseProgress | null; via: "worker" | "page" }
  | { status: "done"; name: string; result: TrailParseResult; via: "worker" | "page" }
  | { status: "error"; name: string; code: string; message: string };

type WorkerMessage = { type: "progress"; progress: ParseProgress } | { type: "result"; result: PackedTrailResult } | { type: "error"; code: string; message: string };

export function useFileEvents() {
  const [state, setState] = useState<FileState>({ status: "idle" });
  const worker = useRef<Worker | null>(null);
  const pageRun = useRef<AbortController | null>(null);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
    pageRun.current?.abort();
    pageRun.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const onPage = useCallback(async (file: File) => {
    const abort = new AbortController();
    pageRun.current = abort;
    setState({ status: "reading", name: file.name, progress: null, via: "page" });
    try {
      const { parseTrailStream } = await import("@/lib/cloudtrail/parse-stream");
      const result = await parseTrailStream(file.stream() as ReadableStream<Uint8Array>, {
        signal: abort.signal,
        totalBytes: file.size,
        progressEveryBytes: 2 * 1024 * 1024,
        onProgress: (progress) => pageRun.current === abort && setState({ status: "reading", name: file.name, progress, via: "page" }),
      });
      if (pageRun.current === abort) setState({ status: "done", name: file.name, result, via: "page" });
    } catch (error) {
      if (pageRun.current !== abort || abort.signal.aborted) return;
      const e = error as Error & { code?: string };
      setState({ status: "error", name: file.name, code: e.code ?? "unreachable:trail-file", message: e.message });
    }
  }, []);

  const load = useCallback(
    (file: File) => {
      stop();
      let heard = false;
      // A classic worker: Turbopack bootstraps workers with importScripts, which module workers forbid.
      const next = new Worker(new URL("./cloudtrail-worker.ts", import.meta.url));
      worker.current = next;
      setState({ status: "reading", name: file.name, progress: null, via: "worker" });
      next.onmessage = (event: MessageEvent<WorkerMessage>) => {
        heard = true;
        const data = event.data;
        if (worker.current !== next) return;
        if (data.type === "progress") return setState({ status: "reading", name: file.name, progress: data.progress, via: "worker" });
        setState(data.type === "result" ? { status: "done", name: file.name, result: unpackTrailResult(data.result), via: "worker" } : { status: "error", name: file.name, code: data.code, message: data.message });
        stop();
      };
      next.onerror = (event) => {
        if (worker.current !== next) return;
        event.preventDefault();
        stop();
        if (!heard) void onPage(file);
        else setState({ status: "error", name: file.name, code: "internal:trail-worker", message: event.message || "The file reader stopped unexpectedly." });
      };
      next.postMessage({ file });
    },
    [stop, onPage],
  );

  const cancel = useCallback(() => {
    stop();
    setState({ status: "idle" });
  }, [stop]);

  return { state, load, cancel };
}
