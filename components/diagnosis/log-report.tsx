"use client";

import { useEffect, useRef } from "react";
import { LogFailureList } from "./log-failure-list";
import { useLogScan } from "./use-log-scan";

/**
 * A whole log — a file opened here or many pasted lines — scanned in a Web Worker: each distinct
 * failure once, with the lines it was seen on, then the failures no known cause fits. Nothing
 * leaves the browser.
 */

const PASTE_SETTLE_MS = 300;
const PASTED = "the pasted log";

export function LogReport({ pasted }: { pasted: string }) {
  const { state, scan, cancel } = useLogScan();
  // What is shown: a file opened here, or the pasted log; a new paste replaces a file's report.
  const showing = useRef<"file" | "pasted" | null>(null);

  useEffect(() => {
    if (!pasted) {
      if (showing.current === "pasted") {
        showing.current = null;
        cancel();
      }
      return;
    }
    const timer = setTimeout(() => {
      showing.current = "pasted";
      scan({ text: pasted }, PASTED);
    }, PASTE_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [pasted, scan, cancel]);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <label className="inline-flex max-w-full flex-wrap items-center gap-2">
          <span className="text-slate-700">Open a log file</span>
          <input
            type="file"
            accept=".log,.txt,.out,.json,.jsonl,.csv,text/plain,application/json"
            className="max-w-full text-xs file:mr-2 file:rounded file:border file:border-slate-300 file:bg-white file:px-2 file:py-1"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) {
                showing.current = "file";
                scan({ file }, file.name);
              }
              e.target.value = "";
            }}
          />
        </label>
        <span className="text-xs text-slate-500">up to 10 MB, read in this browser; each distinct failure listed once</span>
      </div>
      {state.status === "scanning" && (
        <p role="status" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
          <span>
            Scanning {state.name}
            {state.via === "page" ? " on the page" : ""}:{" "}
            {state.progress ? `${state.progress.examined.toLocaleString("en-US")} of ${state.progress.candidates.toLocaleString("en-US")} entries that may hold a failure…` : "reading…"}
          </span>
          <button type="button" onClick={cancel} className="rounded border border-slate-300 px-2 py-0.5">
            Cancel
          </button>
        </p>
      )}
      {state.status === "error" && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm break-words text-red-800">
          {state.name}: {state.message}
        </p>
      )}
      {state.status === "done" && <LogFailureList name={state.name} result={state.result} onPage={state.via === "page"} />}
    </div>
  );
}
