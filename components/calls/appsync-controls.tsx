"use client";

import { useEffect, useState } from "react";
import type { AppSyncApi } from "@/lib/config/environment";
import type { SchemaExamples } from "@/lib/appsync/examples";
import { AppError, kindOf } from "@/lib/errors";

export interface AppSyncInputs {
  query: string;
  variables: string;
  subscription: string;
  trigger?: SchemaExamples["trigger"];
}

export const INITIAL_APPSYNC: AppSyncInputs = { query: "query Probe {\n  __typename\n}", variables: "", subscription: "" };

/** The query editor: examples come from the API's own schema when introspection is allowed. */
export function AppSyncControls({ api, value, onChange }: { api: AppSyncApi; value: AppSyncInputs; onChange: (next: AppSyncInputs) => void }) {
  const [examples, setExamples] = useState<SchemaExamples | null>(null);
  const [note, setNote] = useState("Reading the schema…");
  /** Why the schema could not be read, when the endpoint itself is the problem (it cannot be reached). */
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    // graphql-js and the request code load only once the page is up.
    void import("./load-examples").then(({ loadExamples }) => loadExamples(api)).then((result) => {
      if (!current) return;
      if (result instanceof AppError) {
        const endpointDown = kindOf(result.code) === "unreachable" || kindOf(result.code) === "timeout";
        setNote(endpointDown ? "" : result.message);
        setProblem(endpointDown ? result.message : null);
        return;
      }
      setExamples(result);
      setNote("");
      onChange({
        query: result.queries[0]?.operation.query ?? INITIAL_APPSYNC.query,
        variables: "",
        subscription: result.subscription?.query ?? "",
        trigger: result.trigger,
      });
    });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload only when the API changes
  }, [api.url]);

  return (
    <>
      {problem && (
        <p role="alert" data-testid="schema-problem" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900 [overflow-wrap:anywhere]">
          {problem}
        </p>
      )}
      <div className="grid gap-3 lg:grid-cols-2">
        <label className="block text-sm">
          <span className="mb-1 flex items-center gap-2 text-slate-700">
            Query
            {examples && examples.queries.length > 0 && (
              <select aria-label="Example query" onChange={(e) => onChange({ ...value, query: examples.queries[Number(e.target.value)]!.operation.query })} className="rounded border border-slate-300 px-1 py-0.5 text-xs">
                {examples.queries.map((q, i) => (
                  <option key={q.name} value={i}>{q.name}</option>
                ))}
              </select>
            )}
            {note && <span className="text-xs text-slate-500">{note}</span>}
          </span>
          <textarea aria-label="GraphQL query" value={value.query} onChange={(e) => onChange({ ...value, query: e.target.value })} rows={6} spellCheck={false} className="w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs" />
        </label>
        <div className="space-y-2">
          <label className="block text-sm">
            <span className="mb-1 block text-slate-700">Variables (JSON)</span>
            <textarea aria-label="Variables" value={value.variables} onChange={(e) => onChange({ ...value, variables: e.target.value })} rows={2} spellCheck={false} className="w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs" />
          </label>
          <label className="block text-sm">
            <span className="mb-1 block text-slate-700">Subscription (realtime row; a matching mutation makes it fire)</span>
            <textarea aria-label="Subscription" value={value.subscription} onChange={(e) => onChange({ ...value, subscription: e.target.value })} rows={3} spellCheck={false} className="w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs" />
          </label>
        </div>
      </div>
    </>
  );
}

export function parseVariables(text: string): Record<string, unknown> | string {
  if (!text.trim()) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : "Variables must be a JSON object.";
  } catch (error) {
    return `Variables are not valid JSON: ${(error as Error).message}`;
  }
}
