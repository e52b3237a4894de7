"use client";

import type { usePolling } from "./use-polling";

/** "Not there yet": offer to look again every minute, with the countdown visible. */
export function PollControl({ polling, lookAgainAt }: { polling: ReturnType<typeof usePolling>; lookAgainAt?: string }) {
  return (
    <div className="flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-slate-50 p-3 text-sm" data-polling={polling.enabled ? "on" : "off"}>
      <span>
        Events can take about 5 minutes to reach CloudTrail{lookAgainAt ? ` (worth another look from ${lookAgainAt.slice(11, 19)} UTC)` : ""}.
      </span>
      {polling.enabled ? (
        <>
          <span role="timer" aria-live="polite">
            {polling.secondsLeft !== null ? `Next lookup in ${polling.secondsLeft} s` : "Looking up…"} · {polling.runs} of {polling.maxRuns} done
          </span>
          <button type="button" onClick={polling.stop} className="rounded border border-slate-300 px-2 py-0.5">Stop polling</button>
        </>
      ) : (
        <button type="button" onClick={polling.start} className="rounded border border-slate-300 bg-white px-2 py-0.5">
          Look again every minute (up to {polling.maxRuns}×)
        </button>
      )}
    </div>
  );
}
