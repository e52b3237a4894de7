"use client";

import type { FileState } from "./use-file-events";

/**
 * A CloudTrail file from disk: the console's JSON download, a trail log file (.json or .json.gz
 * from S3), or `aws cloudtrail lookup-events` output. Read in a worker, so a 100 MB log leaves the
 * page responsive; damaged records are listed, never fatal.
 */

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function FileLoader({ state, onFile, onCancel }: { state: FileState; onFile: (file: File) => void; onCancel: () => void }) {
  return (
    <div className="space-y-2 text-sm">
      <label className="block">
        <span className="mb-1 block text-slate-700">CloudTrail file (.json, .json.gz)</span>
        <input
          type="file"
          accept=".json,.gz,.jsonl,application/json,application/gzip"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onFile(file);
            e.target.value = "";
          }}
        />
      </label>
      {state.status === "reading" && (
        <p role="status" className="flex items-center gap-3 text-slate-600">
          Reading {state.name} {state.via === "worker" ? "in a worker" : "on the page"}: {state.progress ? `${mb(state.progress.bytesRead)}${state.progress.totalBytes ? ` of ${mb(state.progress.totalBytes)}` : ""}, ${state.progress.records} records, ${state.progress.matches} AssumeRoleWithWebIdentity` : "starting…"}
          <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-2 py-0.5">Cancel</button>
        </p>
      )}
      {state.status === "error" && <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-red-800">{state.name}: {state.message}</p>}
      {state.status === "done" && <FileSummary state={state} />}
    </div>
  );
}

function FileSummary({ state }: { state: Extract<FileState, { status: "done" }> }) {
  const r = state.result;
  const dataEvents = (r.eventNames["GetId"] ?? 0) + (r.eventNames["GetCredentialsForIdentity"] ?? 0);
  return (
    <div role="status" className="space-y-1 text-slate-700" data-file-status="done">
      <p>
        {state.name}: {r.records} records ({r.format ?? "?"}{r.gzip ? ", gzip" : ""}), {r.matches} AssumeRoleWithWebIdentity, {r.malformed.count} malformed{state.via === "page" ? " (read on the page: the worker could not start)" : ""}
        {r.coverage ? `, ${new Date(r.coverage.startMs).toISOString()} to ${new Date(r.coverage.endMs).toISOString()}` : ""}.
      </p>
      {r.truncated && <p className="text-amber-800">Truncated: {r.truncated.reason}.</p>}
      {r.malformed.first.length > 0 && (
        <details>
          <summary className="cursor-pointer">Malformed records (first {r.malformed.first.length} of {r.malformed.count})</summary>
          <ul className="list-disc pl-5 text-xs">
            {r.malformed.first.map((m) => <li key={`${m.offset}-${m.reason}`}>character {m.offset}{m.index >= 0 ? `, value #${m.index + 1}` : ""}: {m.reason}</li>)}
          </ul>
        </details>
      )}
      {dataEvents > 0 && <p className="text-xs">This file also has {dataEvents} GetId / GetCredentialsForIdentity data event(s): it comes from a trail with data events.</p>}
      {Object.keys(r.regions).length > 1 && <p className="text-xs">Regions in this file: {Object.keys(r.regions).join(", ")}.</p>}
    </div>
  );
}
