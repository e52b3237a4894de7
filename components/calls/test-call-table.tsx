"use client";

import { useEffect, useState } from "react";
import { testCallKeyId, type TestCallKey, type TestCallMap, type TestCallResult, type TestCallOutcome, type TestCallAxis } from "@/lib/test-calls/types";

const TONE: Record<TestCallOutcome, string> = {
  idle: "border-slate-200 bg-white text-slate-400",
  queued: "border-dashed border-slate-300 bg-slate-50 text-slate-700",
  running: "border-sky-200 bg-sky-50 text-sky-800",
  pass: "border-green-300 bg-green-50 text-green-900",
  fail: "border-red-300 bg-red-50 text-red-900",
  blocked: "border-amber-300 bg-amber-50 text-amber-900",
  "not-run": "border-slate-200 bg-slate-50 text-slate-600",
  error: "border-red-400 bg-white text-red-800",
};

const WORD: Record<TestCallOutcome, string> = {
  idle: "not run yet",
  queued: "queued",
  running: "running",
  pass: "accepted",
  fail: "refused",
  blocked: "blocked by the browser",
  "not-run": "could not run",
  error: "no answer",
};

/** Rows are ways of calling, columns are credentials; each cell opens the exact exchange. */
export function TestCallTable({
  label,
  rows,
  columns,
  results,
  exists,
  onOpen,
  onCancel,
}: {
  label: string;
  rows: TestCallAxis[];
  columns: TestCallAxis[];
  results: TestCallMap<TestCallResult>;
  exists: (key: TestCallKey) => boolean;
  onOpen: (key: TestCallKey) => void;
  /** Stops one running cell (a slow endpoint). */
  onCancel?: (key: TestCallKey) => void;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-separate border-spacing-1 text-sm" aria-label={label}>
        <thead>
          <tr>
            <th />
            {columns.map((c) => (
              <th key={c.id} scope="col" className="px-1 text-left align-bottom text-xs font-medium text-slate-600">
                {c.group && <span className="block text-[10px] uppercase tracking-wide text-slate-400">{c.group}</span>}
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="pr-2 text-left align-top text-xs font-medium text-slate-700">
                {row.label}
              </th>
              {columns.map((column) => {
                const key: TestCallKey = { row: row.id, column: column.id };
                const id = testCallKeyId(key);
                if (!exists(key)) return <td key={id} className="text-center text-slate-300">—</td>;
                const result = results.get(key) ?? { outcome: "idle" as const, summary: "" };
                if (result.outcome === "queued") {
                  return (
                    <td key={id} className="align-top">
                      <div data-cell={id} data-status="queued" className={`min-h-16 w-full min-w-36 rounded border p-2 text-xs font-semibold ${TONE.queued}`}>
                        queued
                      </div>
                    </td>
                  );
                }
                if (result.outcome === "running") {
                  return (
                    <td key={id} className="align-top">
                      <div data-cell={id} data-status="running" className={`min-h-16 w-full min-w-36 rounded border p-2 text-xs ${TONE.running}`}>
                        <span className="flex items-center justify-between gap-2 font-semibold">
                          running <Elapsed since={result.startedAt} />
                        </span>
                        {onCancel && (
                          <button type="button" onClick={() => onCancel(key)} aria-label={`Cancel ${row.label}, ${column.label}`} className="mt-1 rounded border border-sky-300 bg-white px-1.5 py-0.5">
                            Cancel
                          </button>
                        )}
                      </div>
                    </td>
                  );
                }
                return (
                  <td key={id} className="align-top">
                    <button
                      type="button"
                      data-cell={id}
                      data-status={result.outcome}
                      onClick={() => onOpen(key)}
                      disabled={result.outcome === "idle"}
                      title={result.summary}
                      aria-label={`${row.label}, ${column.label}: ${WORD[result.outcome]}. ${result.summary}${result.unconfirmed ? " (wording not confirmed)" : ""}`}
                      className={`block min-h-16 w-full min-w-36 rounded border p-2 text-left ${TONE[result.outcome]}`}
                    >
                      <span className="flex items-center justify-between gap-2 text-xs font-semibold">
                        <span>{WORD[result.outcome]}</span>
                        <span className="font-normal">
                          {result.status ?? ""} {result.latencyMs !== undefined ? `${result.latencyMs} ms` : ""}
                          {result.path === "relay" ? " · relay" : ""}
                        </span>
                      </span>
                      <span className="mt-1 line-clamp-3 block text-xs">{result.summary}</span>
                      {result.unconfirmed && <span className="mt-1 block text-xs font-semibold">Wording not confirmed</span>}
                      {result.diagnosis && (
                        <span data-testid="cell-diagnosis" data-diagnosis-id={result.diagnosis.id} className="mt-1 block border-t border-current/20 pt-1 text-xs font-medium">
                          → {result.diagnosis.title}
                        </span>
                      )}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Seconds since a cell started, ticking, so a slow endpoint is visibly slow. */
function Elapsed({ since }: { since?: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, []);
  if (since === undefined) return null;
  return <span data-testid="elapsed" className="font-normal">{((now - since) / 1000).toFixed(1)} s</span>;
}
