"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { useEnvironments } from "@/components/environments/environments-provider";
import { TestCallDetail } from "@/components/calls/test-call-detail";
import { TestCallTable } from "@/components/calls/test-call-table";
import { ExportButtons } from "@/components/report/export-buttons";
import { cloudTrailLink } from "@/lib/cloudtrail/fragment";
import type { TestCallKey } from "@/lib/test-calls/types";
import { AgentCoreControls } from "./agentcore-controls";
import { M2mControls } from "./m2m-controls";
import { AppSyncControls } from "./appsync-controls";
import { AGENTCORE_AXIS, AGENTCORE_COLUMN_AXIS, APPSYNC_AXIS, appSyncColumns, describeTestCall, EVENTS_AXIS, EVENTS_COLUMN_AXIS } from "./axes";
import { LiveReplies } from "./live-replies";
import { RestoredNote, RunProgress } from "./run-progress";
import { roleCheckLink } from "./role-check-link";
import { useTestCalls } from "./use-test-calls";

/** Every test call for the active environment, run by one click; results arrive cell by cell. */
export default function CallsView() {
  const { ready, active, configuration } = useEnvironments();
  if (!ready) return <p className="text-slate-500">Loading environments…</p>;
  if (!active) return <p>No environment is selected. <Link href="/environments" className="text-blue-700 underline">Add one</Link>.</p>;
  return <Calls key={configuration} />;
}

function Calls() {
  const environment = useEnvironments().active!;
  const calls = useTestCalls(environment);
  const [open, setOpen] = useState<TestCallKey | null>(null);
  const api = environment.appSync[0];
  const columns = useMemo(() => appSyncColumns(api), [api]);

  const openResult = open ? calls.results.get(open) : undefined;
  const openTrail = open ? calls.cloudTrailOf(open) : undefined;
  const eventApi = environment.appSyncEvents?.[0];
  const allAxes = [...APPSYNC_AXIS, ...EVENTS_AXIS, ...AGENTCORE_AXIS, ...columns, ...AGENTCORE_COLUMN_AXIS];
  const nothing = !api && !eventApi && !environment.agentCore;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Test calls</h1>
        <label className="flex items-center gap-2 text-sm text-slate-600">
          Per-call timeout (ms)
          <input type="number" min={500} max={120000} step={500} value={calls.timeoutMs} onChange={(e) => calls.setTimeoutMs(Math.max(500, Number(e.target.value) || 10_000))} className="w-24 rounded border border-slate-300 px-2 py-1" />
        </label>
      </div>
      {nothing && (
        <p className="rounded border border-slate-200 bg-white p-4 text-sm">
          {environment.name} has no AppSync API, AppSync Event API or AgentCore runtime to call. Add them on <Link href="/environments" className="text-blue-700 underline">Environments</Link>.
        </p>
      )}
      {api && (
        <section aria-labelledby="appsync-heading" className="space-y-3">
          <h2 id="appsync-heading" className="text-lg font-semibold">AppSync</h2>
          <p className="text-xs text-slate-500">
            <code>{api.url}</code> · default {api.defaultAuthMode}
            {api.additionalAuthModes.length > 0 && <> · also {api.additionalAuthModes.join(", ")}</>}
          </p>
          <AppSyncControls api={api} value={calls.appSync} onChange={calls.setAppSync} />
        </section>
      )}
      {eventApi && (
        <section aria-labelledby="events-heading" className="space-y-1">
          <h2 id="events-heading" className="text-lg font-semibold">AppSync Events</h2>
          <p className="text-xs text-slate-500">
            <code>{eventApi.url}</code> · channel <code>{eventApi.channel}</code> (its namespace&apos;s publish and subscribe modes decide)
          </p>
        </section>
      )}
      {environment.agentCore && (
        <section aria-labelledby="agentcore-heading" className="space-y-3">
          <h2 id="agentcore-heading" className="text-lg font-semibold">Bedrock AgentCore</h2>
          <AgentCoreControls environment={environment} value={calls.agentCore} onChange={calls.setAgentCore} />
          <M2mControls environment={environment} />
        </section>
      )}
      {!nothing && (
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" onClick={() => void calls.runAll()} disabled={calls.running} className="rounded bg-slate-900 px-4 py-2 text-sm text-white disabled:opacity-50">
            Run all
          </button>
          {calls.running && (
            <button type="button" onClick={calls.cancel} className="rounded border border-slate-300 px-3 py-2 text-sm">Cancel</button>
          )}
          <RunProgress shown={calls.restoredAt === null} {...calls.progress} />
          {calls.restoredAt !== null && <RestoredNote at={calls.restoredAt} />}
          {calls.wallMs !== null && !calls.running && <span className="text-xs text-slate-500" data-testid="wall-time">All test calls: {calls.wallMs} ms</span>}
          {calls.wallMs !== null && !calls.running && (
            <span className="ml-auto">
              <ExportButtons name="test-calls" build={calls.report} />
            </span>
          )}
        </div>
      )}
      {calls.notes.length > 0 && (
        <ul className="space-y-1 text-sm text-slate-700" aria-label="Before the run">
          {calls.notes.map((n) => <li key={n}>{n}</li>)}
        </ul>
      )}
      {api && <TestCallTable label="AppSync test calls" rows={APPSYNC_AXIS} columns={columns} results={calls.results} exists={calls.exists} onOpen={setOpen} onCancel={calls.cancelTestCall} />}
      {eventApi && <TestCallTable label="AppSync Events test calls" rows={EVENTS_AXIS} columns={EVENTS_COLUMN_AXIS} results={calls.results} exists={calls.exists} onOpen={setOpen} onCancel={calls.cancelTestCall} />}
      {environment.agentCore && <TestCallTable label="AgentCore test calls" rows={AGENTCORE_AXIS} columns={AGENTCORE_COLUMN_AXIS} results={calls.results} exists={calls.exists} onOpen={setOpen} onCancel={calls.cancelTestCall} />}
      <LiveReplies replies={calls.replies} />
      {open && openResult && (
        <TestCallDetail
          title={describeTestCall(open, allAxes)}
          result={openResult}
          onClose={() => setOpen(null)}
          onRelay={calls.canRerun(open) ? () => void calls.rerun(open, "relay") : undefined}
          cloudTrailHref={openTrail ? cloudTrailLink(openTrail) : undefined}
          roleCheckHref={roleCheckLink(open, openResult, calls.appSync)}
          credentials={calls.credentials}
        />
      )}
    </div>
  );
}
