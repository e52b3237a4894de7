"use client";

import dynamic from "next/dynamic";
import { useCallback, useState } from "react";
import type { FailedCall } from "@/lib/cloudtrail/types";
import { FailureForm } from "./failure-form";

// The credentials store brings the AWS SDK with it: load it after the page, only for prefill.
const SessionPrefill = dynamic(() => import("./session-prefill"), { ssr: false });

export interface FailureEntry {
  failure: FailedCall;
  source: "link" | "test-calls" | "manual";
}

const SOURCE_LABEL: Record<FailureEntry["source"], string> = { link: "from the link", "test-calls": "last test-call run", manual: "entered here" };

/** The failed calls to explain: from a "Check CloudTrail" link, the last test-call run, or by hand. */
export function FailuresPanel(props: {
  entries: readonly FailureEntry[];
  identityPoolId?: string;
  recordedAt: number;
  onAdd: (failure: FailedCall) => void;
  onRemove: (entry: FailureEntry) => void;
  onClearTestCalls: () => void;
}) {
  const [session, setSession] = useState<{ identityId: string; accessKeyId: string } | null>(null);
  // Open by default only while there is nothing else to look at; failures arrive after the first render.
  const [toggled, setAdding] = useState<boolean | null>(null);
  const adding = toggled ?? props.entries.length === 0;
  const onSession = useCallback((s: typeof session) => setSession(s), []);
  const fromTestCalls = props.entries.filter((e) => e.source === "test-calls").length;

  return (
    <section aria-labelledby="failures-heading" className="space-y-2">
      <SessionPrefill onSession={onSession} />
      <h2 id="failures-heading" className="text-lg font-semibold">Failed calls ({props.entries.length})</h2>
      {props.entries.length === 0 && (
        <p className="text-sm text-slate-600">No failed calls yet. Run the test calls on the Test calls page, follow a “Check CloudTrail” link, or add one below.</p>
      )}
      <ul className="space-y-1 text-sm" aria-label="Failed calls">
        {props.entries.map((entry) => {
          const f = entry.failure;
          return (
            <li key={`${entry.source}-${f.at}-${f.label ?? ""}-${f.accessKeyId ?? ""}`} data-failure-source={entry.source} className="flex flex-wrap items-baseline gap-x-3 rounded border border-slate-200 bg-white px-2 py-1">
              <span className="font-mono text-xs">{f.at}</span>
              <span>{f.label ?? f.variant ?? "failed call"}</span>
              <span className="break-all font-mono text-xs text-slate-600">{f.identityId ?? f.identityPoolId ?? "no identity given"}</span>
              {f.accessKeyId && <span className="font-mono text-xs text-slate-600">{f.accessKeyId}</span>}
              <span className="text-xs text-slate-600">{SOURCE_LABEL[entry.source]}</span>
              {entry.source !== "test-calls" && (
                <button type="button" onClick={() => props.onRemove(entry)} className="ml-auto text-xs text-slate-500 underline">remove</button>
              )}
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap gap-3 text-sm">
        <button type="button" onClick={() => setAdding(!adding)} className="rounded border border-slate-300 px-2 py-1" aria-expanded={adding}>
          {adding ? "Hide the form" : "Add a failed call by hand"}
        </button>
        {fromTestCalls > 0 && (
          <button type="button" onClick={props.onClearTestCalls} className="text-xs text-slate-500 underline">
            forget the test-call run of {new Date(props.recordedAt).toISOString().slice(11, 19)} UTC
          </button>
        )}
      </div>
      {adding && (
        <FailureForm
          defaults={{ ...(props.identityPoolId ? { identityPoolId: props.identityPoolId } : {}), ...(session ?? {}) }}
          onAdd={(failure) => {
            props.onAdd(failure);
            setAdding(false);
          }}
        />
      )}
    </section>
  );
}
