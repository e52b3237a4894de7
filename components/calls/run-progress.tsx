"use client";

import { formatClockTime } from "@/lib/format/time";

/** "3 of 12 done" from the click to the end of a run, announced politely as cells end. */
export function RunProgress({ shown, done, total }: { shown: boolean; done: number; total: number }) {
  return (
    <span role="status" data-testid="run-progress" className="text-sm text-slate-700">
      {shown && total > 0 ? `${done} of ${total} done` : ""}
    </span>
  );
}

/** Marks results shown again from an earlier visit, so nobody takes them for a fresh run. */
export function RestoredNote({ at }: { at: number }) {
  return (
    <span data-testid="restored-run" className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900">
      Results from <time dateTime={new Date(at).toISOString()}>{formatClockTime(at)}</time>, kept from your last visit — Run all again for fresh ones.
    </span>
  );
}
