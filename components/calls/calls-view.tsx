"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { useProfiles } from "@/components/profiles/profiles-provider";
import { CellDetail } from "@/components/matrix/cell-detail";
import { MatrixTable } from "@/components/matrix/matrix-table";
import { APPSYNC_ROWS } from "@/lib/appsync/cells";
import { APPSYNC_VARIANTS, VARIANT_LABEL } from "@/lib/appsync/variants";
import { AGENTCORE_COLUMNS, AGENTCORE_ROWS, COLUMN_LABEL, ROW_LABEL } from "@/lib/agentcore/variants";
import { CellMap, type CellKey, type MatrixAxis } from "@/lib/matrix/types";
import { AgentCoreControls, initialAgentCore } from "./agentcore-controls";
import { amplifyColumn } from "./amplify-cells";
import { AppSyncControls, INITIAL_APPSYNC } from "./appsync-controls";
import { LiveReplies } from "./live-replies";
import { useMatrix } from "./use-matrix";
import { ExportButtons } from "@/components/report/export-buttons";
import { recordFailures } from "@/components/trail/failures-store";
import { trailLink } from "@/lib/cloudtrail/fragment";
import type { FailedCall } from "@/lib/cloudtrail/types";


const APPSYNC_AXIS: MatrixAxis[] = [
  { id: APPSYNC_ROWS.http, label: "AppSync HTTP" },
  { id: APPSYNC_ROWS.realtime, label: "AppSync realtime subscribe" },
];
const AGENTCORE_AXIS: MatrixAxis[] = Object.values(AGENTCORE_ROWS).map((id) => ({ id, label: ROW_LABEL[id] }));
const AGENTCORE_COLUMN_AXIS: MatrixAxis[] = AGENTCORE_COLUMNS.map((id) => ({ id, label: COLUMN_LABEL[id] }));

/** Every test call for the active environment, run by one click; results arrive cell by cell. */
export default function CallsView() {
  const { ready, active, configuration } = useProfiles();
  if (!ready) return <p className="text-slate-500">Loading environments…</p>;
  if (!active) return <p>No environment is selected. <Link href="/environments" className="text-blue-700 underline">Add one</Link>.</p>;
  return <Calls key={configuration} />;
}

function Calls() {
  const profile = useProfiles().active!;
  const [timeoutMs, setTimeoutMs] = useState(10_000);
  const [appSync, setAppSync] = useState(INITIAL_APPSYNC);
  const [agentCore, setAgentCore] = useState(initialAgentCore);
  const [notes, setNotes] = useState<string[]>([]);
  const [replies, setReplies] = useState(() => new CellMap<string>());
  const [open, setOpen] = useState<CellKey | null>(null);
  const [trail, setTrail] = useState(() => new CellMap<FailedCall>());
  const matrix = useMatrix(timeoutMs);
  const api = profile.appSync[0];

  const appSyncColumns: MatrixAxis[] = useMemo(
    () => [
      ...APPSYNC_VARIANTS.map((v) => ({ id: v, label: VARIANT_LABEL[v] })),
      ...(api ? [api.defaultAuthMode, ...api.additionalAuthModes] : [])
        .filter((m, i, all) => m !== "AWS_LAMBDA" && all.indexOf(m) === i)
        .map((m) => ({ id: amplifyColumn(m), label: m, group: "as aws-amplify sends it" })),
    ],
    [api],
  );

  async function runAll() {
    setReplies(new CellMap());
    // The call machinery (AWS SDK clients, signing, GraphQL, aws-amplify's API client) loads on
    // the first run, not with the page.
    const [{ buildCells }, { gatherCredentials }, { withDiagnosis }, { trailFailures, firstFieldOf }, { getCredentialsState }] = await Promise.all([
      import("./build-cells"),
      import("./gather-credentials"),
      import("./diagnose-cell"),
      import("./trail-failures"),
      import("@/components/credentials/credentials-store"),
    ]);
    const { credentials, notes: prepared } = await gatherCredentials(profile);
    const cells = buildCells({
      profile,
      appSync,
      agentCore,
      credentials,
      onChunk: (key, text) => setReplies((r) => r.with(key, (r.get(key) ?? "") + text)),
    });
    if (typeof cells === "string") return setNotes([cells]);
    setNotes(prepared);
    const startedAt = new Date();
    const results = await matrix.run(cells, withDiagnosis);
    // Failed IAM cells go to /trail: was the role assumed when they failed?
    const failures = trailFailures(profile, results, getCredentialsState(), startedAt, firstFieldOf(appSync.query));
    setTrail(failures);
    recordFailures([...failures.values()]);
  }

  const openResult = open ? matrix.results.get(open) : undefined;
  const allAxes = [...APPSYNC_AXIS, ...AGENTCORE_AXIS, ...appSyncColumns, ...AGENTCORE_COLUMN_AXIS];
  const nothing = !api && !profile.agentCore;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Test calls</h1>
        <label className="flex items-center gap-2 text-sm text-slate-600">
          Per-call timeout (ms)
          <input type="number" min={500} max={120000} step={500} value={timeoutMs} onChange={(e) => setTimeoutMs(Math.max(500, Number(e.target.value) || 10_000))} className="w-24 rounded border border-slate-300 px-2 py-1" />
        </label>
      </div>
      {nothing && (
        <p className="rounded border border-slate-200 bg-white p-4 text-sm">
          {profile.name} has no AppSync API or AgentCore runtime to call. Add them on <Link href="/environments" className="text-blue-700 underline">Environments</Link>.
        </p>
      )}
      {api && (
        <section aria-labelledby="appsync-heading" className="space-y-3">
          <h2 id="appsync-heading" className="text-lg font-semibold">AppSync</h2>
          <p className="text-xs text-slate-500">
            <code>{api.url}</code> · default {api.defaultAuthMode}
            {api.additionalAuthModes.length > 0 && <> · also {api.additionalAuthModes.join(", ")}</>}
          </p>
          <AppSyncControls api={api} value={appSync} onChange={setAppSync} />
        </section>
      )}
      {profile.agentCore && (
        <section aria-labelledby="agentcore-heading" className="space-y-3">
          <h2 id="agentcore-heading" className="text-lg font-semibold">Bedrock AgentCore</h2>
          <AgentCoreControls profile={profile} value={agentCore} onChange={setAgentCore} />
        </section>
      )}
      {!nothing && (
        <div className="flex items-center gap-3">
          <button type="button" onClick={() => void runAll()} disabled={matrix.running} className="rounded bg-slate-900 px-4 py-2 text-sm text-white disabled:opacity-50">
            Run all
          </button>
          {matrix.running && (
            <button type="button" onClick={matrix.cancel} className="rounded border border-slate-300 px-3 py-2 text-sm">Cancel</button>
          )}
          {matrix.wallMs !== null && !matrix.running && <span className="text-xs text-slate-500" data-testid="wall-time">Whole matrix: {matrix.wallMs} ms</span>}
          {matrix.wallMs !== null && !matrix.running && (
            <span className="ml-auto">
              <ExportButtons
                name="test-calls"
                build={() => ({
                  title: `Test calls: ${profile.name}`,
                  generatedAt: new Date(),
                  environment: profile,
                  matrix: [...matrix.results].map(([{ row, column }, result]) => ({ row, column, result, diagnosis: result.diagnosis })),
                })}
              />
            </span>
          )}
        </div>
      )}
      {notes.length > 0 && (
        <ul className="space-y-1 text-sm text-slate-700" aria-label="Before the run">
          {notes.map((n) => <li key={n}>{n}</li>)}
        </ul>
      )}
      {api && <MatrixTable label="AppSync matrix" rows={APPSYNC_AXIS} columns={appSyncColumns} results={matrix.results} exists={matrix.exists} onOpen={setOpen} onCancel={matrix.cancelCell} />}
      {profile.agentCore && <MatrixTable label="AgentCore matrix" rows={AGENTCORE_AXIS} columns={AGENTCORE_COLUMN_AXIS} results={matrix.results} exists={matrix.exists} onOpen={setOpen} onCancel={matrix.cancelCell} />}
      <LiveReplies replies={replies} />
      {open && openResult && (
        <CellDetail
          title={describeKey(open, allAxes)}
          result={openResult}
          onClose={() => setOpen(null)}
          onRelay={() => void matrix.rerun(open, "relay")}
          trailHref={trail.get(open) ? trailLink(trail.get(open)!) : undefined}
        />
      )}
    </div>
  );
}

function describeKey({ row, column }: CellKey, axes: MatrixAxis[]): string {
  const label = (id?: string) => axes.find((a) => a.id === id)?.label ?? id;
  return `${label(row)} · ${label(column)}`;
}
