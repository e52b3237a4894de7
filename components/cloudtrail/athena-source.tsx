"use client";

import { useMemo, useState } from "react";
import { describeScan } from "@/lib/cloudtrail/athena/cost";
import { correlationQuery } from "@/lib/cloudtrail/athena/correlation-query";
import type { AthenaRequestInput } from "@/lib/cloudtrail/athena/request-schema";
import type { FailedCall } from "@/lib/cloudtrail/types";
import { CopyButton } from "@/components/ui/copy-button";
import type { AthenaState } from "./use-athena";

/**
 * The Athena source: an organization trail's table (see `correlate --print-sql --create-table`),
 * which holds the data events (GetId, GetCredentialsForIdentity, InvokeAgentRuntime) and every
 * account's AssumeRoleWithWebIdentity. The query is built from the failed calls — on the server
 * for the run, here for "Copy SQL" — never typed in. Credentials as for LookupEvents: pasted for
 * one query, the deployment's under server mode, or the local sandbox's reader.
 */

export type AthenaSettings = Omit<AthenaRequestInput, "failures" | "endpoint">;

const input = "w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs";
const list = (value: string) => value.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);

export function AthenaSource(props: {
  defaultRegion: string;
  /** The sandbox's /athena; absent for AWS's regional endpoint. */
  endpoint?: string;
  serverMode: boolean;
  sandboxReader: boolean;
  failures: readonly FailedCall[];
  state: AthenaState;
  onRun: (settings: AthenaSettings) => void;
  onCancel: () => void;
}) {
  const [typedRegion, setRegion] = useState<string | null>(null);
  const region = typedRegion ?? props.defaultRegion;
  const [database, setDatabase] = useState("default");
  const [table, setTable] = useState("cloudtrail_logs");
  const [workgroup, setWorkgroup] = useState("");
  const [output, setOutput] = useState("");
  const [accounts, setAccounts] = useState("");
  const [regions, setRegions] = useState("");
  const [lookBack, setLookBack] = useState("15");
  const [chosen, setMode] = useState<"pasted" | "server" | "sandbox">("pasted");
  const mode = (chosen === "sandbox" && !props.sandboxReader) || (chosen === "server" && !props.serverMode) ? "pasted" : chosen;
  const [accessKeyId, setAccessKeyId] = useState("");
  const [secret, setSecret] = useState("");
  const [sessionToken, setSessionToken] = useState("");
  const running = props.state.status === "running";
  const minutes = Number(lookBack);

  // The same query the server will build, for the console; an input it refuses is named here too.
  const sql = useMemo(() => {
    if (props.failures.length === 0) return { error: "Add a failed call first." };
    try {
      return { text: `${correlationQuery(props.failures, { database: database.trim(), table: table.trim(), accounts: list(accounts), regions: list(regions), windowBeforeMs: Math.max(1, minutes) * 60_000 }).sql};` };
    } catch (error) {
      const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
      return { error: issues ? issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ") : (error as Error).message };
    }
  }, [props.failures, database, table, accounts, regions, minutes]);

  const ready = !running && "text" in sql && /^[a-z]{2}(-[a-z]+)+-\d$/.test(region) && minutes > 0 && (mode !== "pasted" || (accessKeyId.trim() !== "" && secret.trim() !== ""));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!ready) return;
    props.onRun({
      region,
      database: database.trim(),
      table: table.trim(),
      ...(workgroup.trim() ? { workgroup: workgroup.trim() } : {}),
      ...(output.trim() ? { outputLocation: output.trim() } : {}),
      accounts: list(accounts),
      regions: list(regions),
      lookBackMinutes: minutes,
      credentials: mode !== "pasted" ? { mode } : { mode, accessKeyId: accessKeyId.trim(), secretAccessKey: secret.trim(), ...(sessionToken.trim() ? { sessionToken: sessionToken.trim() } : {}) },
    });
  }

  const field = (label: string, value: string, set: (v: string) => void, hint?: string) => (
    <label className="block">
      <span className="mb-1 block text-slate-700">{label}</span>
      <input value={value} onChange={(e) => set(e.target.value)} spellCheck={false} className={input} {...(hint ? { placeholder: hint } : {})} />
    </label>
  );

  return (
    <form onSubmit={submit} className="space-y-3 text-sm" aria-label="Query CloudTrail with Athena" autoComplete="off">
      <p className="text-xs text-slate-600">
        An organization trail&apos;s table in Athena has the data events (GetId, GetCredentialsForIdentity, InvokeAgentRuntime) and the role account&apos;s AssumeRoleWithWebIdentity. No table yet? <code>auth-flow-debugger correlate --print-sql --create-table --bucket s3://… --org-id o-…</code> prints one.
      </p>
      <div className="grid gap-2 sm:grid-cols-3">
        {field("Region", region, (v) => setRegion(v.trim()))}
        {field("Database", database, setDatabase)}
        {field("Table", table, setTable)}
        {field("Workgroup", workgroup, setWorkgroup, "primary")}
        {field("Output location", output, setOutput, "s3://bucket/athena-results/ (or the workgroup's)")}
        {field("Look back before the call (minutes)", lookBack, setLookBack)}
        {field("Accounts (partition filter)", accounts, setAccounts, "111122223333, 444455556666 — empty: all")}
        {field("Regions (partition filter)", regions, setRegions, "us-east-1, ap-northeast-1 — empty: all")}
        <p className="self-end text-xs text-slate-500">Endpoint: {props.endpoint ?? `https://athena.${region}.amazonaws.com`}</p>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-slate-700">Credentials allowed to run Athena queries on this table</legend>
        <label className="mr-4"><input type="radio" name="athena-mode" checked={mode === "pasted"} onChange={() => setMode("pasted")} /> Paste temporary credentials</label>
        {props.serverMode && <label className="mr-4"><input type="radio" name="athena-mode" checked={mode === "server"} onChange={() => setMode("server")} /> Use this deployment&apos;s credentials (signed-in support staff)</label>}
        {props.sandboxReader && <label><input type="radio" name="athena-mode" checked={mode === "sandbox"} onChange={() => setMode("sandbox")} /> Use the sandbox&apos;s CloudTrail reader (sign in first)</label>}
        {mode === "pasted" && (
          <div className="grid gap-2 sm:grid-cols-3">
            <label className="block"><span className="mb-1 block text-slate-700">Access key id</span><input value={accessKeyId} onChange={(e) => setAccessKeyId(e.target.value)} spellCheck={false} className={input} /></label>
            <label className="block"><span className="mb-1 block text-slate-700">Secret access key</span><input type="password" value={secret} onChange={(e) => setSecret(e.target.value)} className={input} /></label>
            <label className="block"><span className="mb-1 block text-slate-700">Session token (temporary keys)</span><input type="password" value={sessionToken} onChange={(e) => setSessionToken(e.target.value)} className={input} /></label>
          </div>
        )}
        {mode === "pasted" && <p className="text-xs text-slate-500">Sent to this dashboard&apos;s server for this query only; never stored, never logged.</p>}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={!ready} className="rounded bg-slate-900 px-3 py-1.5 text-white disabled:opacity-50">Run Athena query</button>
        {running && <button type="button" onClick={props.onCancel} className="rounded border border-slate-300 px-3 py-1.5">Cancel</button>}
        {"text" in sql ? (
          <span className="flex items-center gap-1 text-xs text-slate-600">Copy SQL for the Athena console: <CopyButton value={sql.text ?? ""} label="Copy SQL" /></span>
        ) : (
          <span className="text-slate-500" data-athena-sql-error>{sql.error}</span>
        )}
      </div>
      <AthenaStatus state={props.state} />
      {"text" in sql && (
        <details className="text-xs">
          <summary className="cursor-pointer text-slate-600">The query</summary>
          <pre data-athena-sql className="mt-1 overflow-x-auto rounded bg-slate-50 p-2">{sql.text}</pre>
        </details>
      )}
    </form>
  );
}

function AthenaStatus({ state }: { state: AthenaState }) {
  if (state.status === "idle") return null;
  if (state.status === "error") return <p role="alert" data-error-code={state.code} className="rounded border border-red-300 bg-red-50 p-2 text-red-800">{state.message}</p>;
  const seconds = (state.elapsedMs / 1000).toFixed(1);
  if (state.status === "running") {
    return (
      <p role="status" className="text-slate-600" data-athena-status="running" data-athena-state={state.state}>
        Query {state.state.toLowerCase()}… {describeScan(state.dataScannedBytes).split(" (")[0]}, {seconds} s
      </p>
    );
  }
  return (
    <p role="status" className="text-slate-600" data-athena-status="done" data-scanned-bytes={state.dataScannedBytes}>
      Query succeeded: {state.rows} row(s), {describeScan(state.dataScannedBytes)}, {seconds} s{state.truncated ? " — results cut short, narrow the window" : ""}.
    </p>
  );
}
