"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { AppSyncApi } from "@/lib/config/environment";
import type { SchemaExamples } from "@/lib/appsync/examples";
import { AppError, kindOf } from "@/lib/errors";

export interface AppSyncInputs {
  query: string;
  variables: string;
  subscription: string;
  trigger?: SchemaExamples["trigger"];
  /** The token the API's AWS_LAMBDA authorizer expects, as the user typed it: this tab's memory only. */
  lambdaToken: string;
}

export const INITIAL_APPSYNC: AppSyncInputs = { query: "query Probe {\n  __typename\n}", variables: "", subscription: "", lambdaToken: "" };

const hasLambdaMode = (api: AppSyncApi) => [api.defaultAuthMode, ...api.additionalAuthModes].includes("AWS_LAMBDA");

/** The query editor: examples come from the API's own schema when introspection is allowed. */
export function AppSyncControls({ api, value, onChange }: { api: AppSyncApi; value: AppSyncInputs; onChange: (next: AppSyncInputs) => void }) {
  const [examples, setExamples] = useState<SchemaExamples | null>(null);
  const [note, setNote] = useState("Reading the schema…");
  /** Why the schema could not be read, when the endpoint itself is the problem (it cannot be reached). */
  const [problem, setProblem] = useState<string | null>(null);
  // The schema loads asynchronously; a token typed meanwhile must survive the examples arriving.
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  });

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
        lambdaToken: latest.current.lambdaToken,
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
      {hasLambdaMode(api) && <LambdaTokenInput value={value.lambdaToken} onChange={(lambdaToken) => onChange({ ...value, lambdaToken })} />}
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

/**
 * The AWS_LAMBDA column's credential: whatever the customer's authorizer expects (AppSync passes
 * the Authorization header to it unread). A password field, kept in React state only: never
 * stored, reported or put in a share link; copied commands read it as $LAMBDA_TOKEN.
 */
function LambdaTokenInput({ value, onChange }: { value: string; onChange: (next: string) => void }) {
  const id = useId();
  return (
    <div className="max-w-xl text-sm">
      <label htmlFor={`${id}-token`} className="mb-1 block text-slate-700">Lambda authorizer token</label>
      <input
        id={`${id}-token`}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={`${id}-help`}
        className="w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
      />
      <p id={`${id}-help`} className="mt-1 text-xs text-slate-500">
        The token your authorizer function expects, sent as the Authorization header as your app sends it. Kept in this tab&apos;s memory only; reports and copied commands show $LAMBDA_TOKEN instead.
      </p>
    </div>
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
