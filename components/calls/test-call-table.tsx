"use client";

import { useEffect, useState } from "react";
import { SideScroll } from "@/components/ui/side-scroll";
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

/**
 * Rows are ways of calling, columns are credentials; each cell opens the exact exchange. Wider than
 * its box, the table scrolls inside it with the row labels kept in view; below 640 px each row is a
 * card of its cells, each named by its credential.
 */
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
    <SideScroll label={label}>
      <table className="w-full border-separate border-spacing-1 text-sm max-sm:block" aria-label={label}>
        <thead className="max-sm:sr-only">
          <tr>
            <th className={STICKY} />
            {columns.map((c) => (
              <th key={c.id} scope="col" className="px-1 text-left align-bottom text-xs font-medium text-slate-600">
                {c.group && <span className="block text-[11px] uppercase tracking-wide text-slate-600">{c.group}</span>}
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="max-sm:block max-sm:space-y-3">
          {rows.map((row) => (
            <tr key={row.id} className="max-sm:block max-sm:space-y-2 max-sm:rounded max-sm:border max-sm:border-slate-200 max-sm:bg-white max-sm:p-2">
              <th scope="row" className={`${STICKY} pr-2 text-left align-top text-xs font-medium text-slate-700 max-sm:text-sm`}>
                {row.label}
              </th>
              {columns.map((column) => {
                const key: TestCallKey = { row: row.id, column: column.id };
                const id = testCallKeyId(key);
                if (!exists(key)) return <td key={id} className="text-center text-slate-500 max-sm:hidden"><span aria-hidden>—</span><span className="sr-only">no such test call</span></td>;
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
                    <td key={id} className="align-top max-sm:block">
                      <ColumnLabel id={id} column={column} />
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
                  <td key={id} className="align-top max-sm:block">
                    <ColumnLabel id={id} column={column} />
                    <button
                      type="button"
                      data-cell={id}
                      data-status={result.outcome}
                      onClick={() => onOpen(key)}
                      disabled={result.outcome === "idle"}
                      title={result.summary}
                      className={`block min-h-16 w-full min-w-36 rounded border p-2 text-left ${TONE[result.outcome]}`}
                    >
                      {/* Named by what it shows, after its row and column: speech users can say what they see (WCAG 2.5.3). */}
                      <span className="sr-only">{`${row.label}, ${column.label}: `}</span>
                      <span className="flex items-center justify-between gap-2 text-xs font-semibold">
                        <span>{WORD[result.outcome]}</span>{" "}
                        <span className="font-normal">
                          {result.status ?? ""} {result.latencyMs !== undefined ? `${result.latencyMs} ms` : ""}
                          {result.path === "relay" ? " · relay" : ""}
                        </span>
                      </span>{" "}
                      <span className="mt-1 line-clamp-3 block text-xs">{result.summary}</span>{" "}
                      {result.unconfirmed && <span className="mt-1 block text-xs font-semibold">Wording not confirmed </span>}
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
    </SideScroll>
  );
}

/** The first column stays in view while the cells scroll under it (a table, not the card layout). */
const STICKY = "sm:sticky sm:left-0 sm:z-10 sm:bg-slate-50";

/** On a phone the column headers are out of sight: each card says which credential it used. */
function ColumnLabel({ id, column }: { id: string; column: TestCallAxis }) {
  return (
    <span data-column-label={id} aria-hidden className="mb-1 block text-xs font-medium text-slate-700 sm:hidden">
      {column.label}
      {column.group && <span className="font-normal text-slate-600"> · {column.group}</span>}
    </span>
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
