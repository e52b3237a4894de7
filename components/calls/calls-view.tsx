"use client";

import Link from "next/link";
import { useState } from "react";
import { useProfiles } from "@/components/profiles/profiles-provider";
import { AppSyncSection } from "./appsync-section";

/** Every test call for the active environment; each protocol adds its section and matrix rows. */
export default function CallsView() {
  const { ready, active, configuration } = useProfiles();
  const [timeoutMs, setTimeoutMs] = useState(10_000);
  if (!ready) return <p className="text-slate-500">Loading environments…</p>;
  if (!active) return <p>No environment is selected. <Link href="/environments" className="text-blue-700 underline">Add one</Link>.</p>;
  return (
    <div className="space-y-6" key={configuration}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Test calls</h1>
        <label className="flex items-center gap-2 text-sm text-slate-600">
          Per-call timeout (ms)
          <input type="number" min={500} max={120000} step={500} value={timeoutMs} onChange={(e) => setTimeoutMs(Math.max(500, Number(e.target.value) || 10_000))} className="w-24 rounded border border-slate-300 px-2 py-1" />
        </label>
      </div>
      {active.appSync.length > 0 ? (
        <AppSyncSection profile={active} timeoutMs={timeoutMs} />
      ) : (
        <p className="rounded border border-slate-200 bg-white p-4 text-sm">
          {active.name} has no AppSync API. Add its GraphQL endpoint on <Link href="/environments" className="text-blue-700 underline">Environments</Link>.
        </p>
      )}
    </div>
  );
}
