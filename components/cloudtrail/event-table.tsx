"use client";

import { useMemo, useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { SideScroll } from "@/components/ui/side-scroll";
import type { TrailEvent } from "@/lib/cloudtrail/types";

/**
 * Every event found, filterable by any text (identity, role, key, error) and by outcome, each
 * with its record as CloudTrail wrote it (session tokens redacted) — the raw JSON is what a ticket
 * or a colleague in another team will ask for.
 */

const MAX_ROWS = 300;

function haystack(e: TrailEvent): string {
  return [e.eventTime, e.eventName, e.identityId, e.identityPoolId, e.roleArn, e.issuedAccessKeyId, e.errorCode, e.awsRegion, e.eventId].join(" ").toLowerCase();
}

export function EventTable({ events }: { events: readonly TrailEvent[] }) {
  const [text, setText] = useState("");
  const [outcome, setOutcome] = useState<"all" | "issued" | "refused">("all");
  const filtered = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return events
      .filter((e) => (outcome === "all" ? true : outcome === "refused" ? Boolean(e.errorCode) : !e.errorCode))
      .filter((e) => !needle || haystack(e).includes(needle))
      .sort((a, b) => b.timeMs - a.timeMs);
  }, [events, text, outcome]);

  return (
    <section aria-labelledby="events-heading" className="space-y-2">
      <h2 id="events-heading" className="text-lg font-semibold">Events ({events.length})</h2>
      <div className="flex flex-wrap gap-2 text-sm">
        <input aria-label="Filter events" value={text} onChange={(e) => setText(e.target.value)} placeholder="identity id, role, access key, error…" className="w-72 rounded border border-slate-300 px-2 py-1" />
        <select aria-label="Outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)} className="rounded border border-slate-300 px-2 py-1">
          <option value="all">all outcomes</option>
          <option value="issued">credentials issued</option>
          <option value="refused">refused</option>
        </select>
        <span className="self-center text-slate-500">{filtered.length} shown{filtered.length > MAX_ROWS ? ` (first ${MAX_ROWS})` : ""}</span>
      </div>
      {/* On a phone the five columns scroll inside this box, not the page. */}
      <SideScroll label="CloudTrail events">
        <table className="w-full border-collapse text-xs" aria-label="CloudTrail events">
        <thead>
          <tr className="border-b border-slate-300 text-left text-slate-600">
            <th className="p-1 font-medium">Time (UTC)</th>
            <th className="p-1 font-medium">Event</th>
            <th className="p-1 font-medium">Identity</th>
            <th className="p-1 font-medium">Role</th>
            <th className="p-1 font-medium">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {filtered.slice(0, MAX_ROWS).map((e) => (
            <tr key={e.eventId} data-event-id={e.eventId} className="border-b border-slate-100 align-top">
              <td className="p-1 font-mono">{e.eventTime}</td>
              <td className="p-1">{e.eventName}<br /><span className="text-slate-500">{e.awsRegion}</span></td>
              <td className="break-all p-1 font-mono">{e.identityId ?? "—"}</td>
              <td className="break-all p-1 font-mono">{e.roleArn ?? "—"}</td>
              <td className="p-1">
                {e.errorCode ? <span className="text-red-700">{e.errorCode}</span> : <span className="font-mono text-green-700">{e.issuedAccessKeyId ?? "ok"}</span>}
                <details>
                  <summary className="cursor-pointer text-slate-500">raw JSON</summary>
                  <div className="mt-1 flex justify-end"><CopyButton value={JSON.stringify(e.record, null, 2)} label="Copy event JSON" /></div>
                  <pre tabIndex={0} className="max-h-80 max-w-xl overflow-auto rounded bg-slate-50 p-2">{JSON.stringify(e.record, null, 2)}</pre>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </SideScroll>
    </section>
  );
}
