"use client";

import { useEffect, useMemo, useState } from "react";
import type { IntrospectionQuery } from "graphql";
import type { Profile } from "@/lib/config/profile";
import { appSyncCells, APPSYNC_ROWS } from "@/lib/appsync/cells";
import type { WebSocketLike } from "@/lib/appsync/realtime-probe";
import { appSyncEndpoints } from "@/lib/appsync/endpoints";
import { examplesFromIntrospection, INTROSPECTION, type SchemaExamples } from "@/lib/appsync/examples";
import { buildGraphqlRequest, type GraphqlOperation } from "@/lib/appsync/http-request";
import { APPSYNC_VARIANTS, VARIANT_LABEL, type AppSyncCredentials } from "@/lib/appsync/variants";
import { sendPrepared } from "@/lib/http/exchange";
import type { MatrixAxis } from "@/lib/matrix/types";
import { ensureCredentials } from "@/components/credentials/credentials-store";
import { readTokens } from "@/components/session/read-tokens";
import { CellDetail } from "@/components/matrix/cell-detail";
import { MatrixTable } from "@/components/matrix/matrix-table";
import { amplifyCells, amplifyColumn } from "./amplify-cells";
import { useMatrix } from "./use-matrix";

// Saved when the page loads, before the Amplify cells' capture can patch window.fetch.
const baseFetch: typeof fetch = typeof window === "undefined" ? fetch : window.fetch.bind(window);

const ROWS: MatrixAxis[] = [
  { id: APPSYNC_ROWS.http, label: "AppSync HTTP" },
  { id: APPSYNC_ROWS.realtime, label: "AppSync realtime subscribe" },
];

function parseVariables(text: string): Record<string, unknown> | string {
  if (!text.trim()) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : "Variables must be a JSON object.";
  } catch (error) {
    return `Variables are not valid JSON: ${(error as Error).message}`;
  }
}

/** AppSync: one query, every credential variant, HTTP and realtime, side by side. */
export function AppSyncSection({ profile, timeoutMs }: { profile: Profile; timeoutMs: number }) {
  const [apiIndex, setApiIndex] = useState(0);
  const api = profile.appSync[apiIndex] ?? profile.appSync[0]!;
  const [examples, setExamples] = useState<SchemaExamples | null>(null);
  const [schemaNote, setSchemaNote] = useState("Reading the schema…");
  const [query, setQuery] = useState("query Probe {\n  __typename\n}");
  const [variables, setVariables] = useState("");
  const [subscription, setSubscription] = useState("");
  const [notes, setNotes] = useState<string[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const matrix = useMatrix(timeoutMs);

  useEffect(() => {
    let current = true;
    void loadExamples(profile, api.url).then((result) => {
      if (!current) return;
      if (typeof result === "string") return setSchemaNote(result);
      setExamples(result);
      setSchemaNote("");
      if (result.queries[0]) setQuery(result.queries[0].operation.query);
      if (result.subscription) setSubscription(result.subscription.query);
    });
    return () => {
      current = false;
    };
  }, [profile, api.url]);

  const columns: MatrixAxis[] = useMemo(
    () => [
      ...APPSYNC_VARIANTS.map((v) => ({ id: v, label: VARIANT_LABEL[v] })),
      ...[api.defaultAuthMode, ...api.additionalAuthModes]
        .filter((m, i, all) => m !== "AWS_LAMBDA" && all.indexOf(m) === i)
        .map((m) => ({ id: amplifyColumn(m), label: m, group: "as aws-amplify sends it" })),
    ],
    [api],
  );

  async function runAll() {
    const vars = parseVariables(variables);
    if (typeof vars === "string") return setNotes([vars]);
    const { credentials, notes: prep } = await gatherCredentials(profile, api.apiKey);
    setNotes(prep);
    const operation: GraphqlOperation = { query, variables: vars };
    const cells = [
      ...appSyncCells({
        api,
        query: operation,
        subscription: subscription.trim() ? { query: subscription } : undefined,
        trigger: subscription.trim() ? examples?.trigger : undefined,
        credentials,
        // The browser WebSocket fits WebSocketLike; its handler types are just narrower.
        createSocket: (url, protocols) => new WebSocket(url, protocols) as unknown as WebSocketLike,
        fetchImpl: baseFetch,
      }),
      ...amplifyCells(api, operation, credentials),
    ];
    await matrix.run(cells);
  }

  const openResult = open ? matrix.results.get(open) : undefined;
  return (
    <section aria-labelledby="appsync-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="appsync-heading" className="text-lg font-semibold">
          AppSync
        </h2>
        {profile.appSync.length > 1 && (
          <select aria-label="AppSync API" value={apiIndex} onChange={(e) => setApiIndex(Number(e.target.value))} className="rounded border border-slate-300 px-2 py-1 text-sm">
            {profile.appSync.map((a, i) => (
              <option key={a.url} value={i}>{a.name}</option>
            ))}
          </select>
        )}
      </div>
      <p className="text-xs text-slate-500">
        <code>{api.url}</code> · default {api.defaultAuthMode}
        {api.additionalAuthModes.length > 0 && <> · also {api.additionalAuthModes.join(", ")}</>}
      </p>
      <div className="grid gap-3 lg:grid-cols-2">
        <label className="block text-sm">
          <span className="mb-1 flex items-center gap-2 text-slate-700">
            Query
            {examples && examples.queries.length > 0 && (
              <select aria-label="Example query" onChange={(e) => setQuery(examples.queries[Number(e.target.value)]!.operation.query)} className="rounded border border-slate-300 px-1 py-0.5 text-xs">
                {examples.queries.map((q, i) => (
                  <option key={q.name} value={i}>{q.name}</option>
                ))}
              </select>
            )}
            {schemaNote && <span className="text-xs text-slate-500">{schemaNote}</span>}
          </span>
          <textarea aria-label="GraphQL query" value={query} onChange={(e) => setQuery(e.target.value)} rows={6} spellCheck={false} className="w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs" />
        </label>
        <div className="space-y-2">
          <label className="block text-sm">
            <span className="mb-1 block text-slate-700">Variables (JSON)</span>
            <textarea aria-label="Variables" value={variables} onChange={(e) => setVariables(e.target.value)} rows={2} spellCheck={false} className="w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs" />
          </label>
          <label className="block text-sm">
            <span className="mb-1 block text-slate-700">Subscription (realtime row)</span>
            <textarea aria-label="Subscription" value={subscription} onChange={(e) => setSubscription(e.target.value)} rows={3} spellCheck={false} className="w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs" />
          </label>
        </div>
      </div>
      <div className="flex items-center gap-3">
        <button type="button" onClick={() => void runAll()} disabled={matrix.running} className="rounded bg-slate-900 px-4 py-2 text-sm text-white disabled:opacity-50">
          Run all
        </button>
        {matrix.running && (
          <button type="button" onClick={matrix.cancel} className="rounded border border-slate-300 px-3 py-2 text-sm">
            Cancel
          </button>
        )}
        {matrix.wallMs !== null && !matrix.running && <span className="text-xs text-slate-500" data-testid="wall-time">Whole matrix: {matrix.wallMs} ms</span>}
      </div>
      {notes.length > 0 && (
        <ul className="space-y-1 text-sm text-slate-700" aria-label="Before the run">
          {notes.map((n) => <li key={n}>{n}</li>)}
        </ul>
      )}
      <MatrixTable label="AppSync matrix" rows={ROWS} columns={columns} results={matrix.results} exists={(key) => matrix.exists(key)} onOpen={setOpen} />
      {open && openResult && (
        <CellDetail
          title={describeKey(open, columns)}
          result={openResult}
          onClose={() => setOpen(null)}
          onRelay={() => void matrix.rerun(open, "relay")}
        />
      )}
    </section>
  );
}

function describeKey(key: string, columns: MatrixAxis[]): string {
  const [row, column] = key.split("|");
  return `${ROWS.find((r) => r.id === row)?.label ?? row} · ${columns.find((c) => c.id === column)?.label ?? column}`;
}

/** Tokens (refreshed by Amplify when expired), identity-pool credentials and the API key. */
async function gatherCredentials(profile: Profile, apiKey?: string): Promise<{ credentials: AppSyncCredentials; notes: string[] }> {
  const notes: string[] = [];
  const before = Date.now() / 1000;
  const tokens = await readTokens().catch(() => undefined);
  const idToken = tokens?.idToken;
  const accessToken = tokens?.accessToken;
  if (idToken && (idToken.payload.iat ?? 0) >= Math.floor(before) - 1) notes.push("The tokens were refreshed before this run (they had expired or were about to).");
  const credentials: AppSyncCredentials = { apiKey, idToken: idToken?.toString(), accessToken: accessToken?.toString() };
  if (!idToken) {
    credentials.awsUnavailable = "Not signed in: identity-pool credentials need the ID token.";
  } else {
    const state = await ensureCredentials(profile, idToken.toString());
    if (state.status === "ok") credentials.aws = state.credentials;
    else if (state.status === "error") credentials.awsUnavailable = `No IAM credentials: ${state.error.code} at ${state.error.step}: ${state.error.message}`;
    else if (state.status === "unavailable") credentials.awsUnavailable = state.reason;
  }
  return { credentials, notes };
}

/** Introspection with the first credential that may be allowed to read the schema. */
async function loadExamples(profile: Profile, url: string): Promise<SchemaExamples | string> {
  const api = profile.appSync.find((a) => a.url === url);
  if (!api) return "No API.";
  const tokens = await readTokens().catch(() => undefined);
  const credentials: AppSyncCredentials = { apiKey: api.apiKey, accessToken: tokens?.accessToken?.toString(), idToken: tokens?.idToken?.toString() };
  const endpoints = appSyncEndpoints(url);
  for (const variant of ["api-key", "access-token", "id-token"] as const) {
    try {
      const request = await buildGraphqlRequest(variant, endpoints, INTROSPECTION, credentials, api.region);
      const exchange = await sendPrepared(request, { path: "browser", timeoutMs: 8000, fetchImpl: baseFetch });
      if (exchange.response?.status !== 200) continue;
      const body = JSON.parse(exchange.response.body) as { data?: IntrospectionQuery };
      if (body.data?.__schema) return examplesFromIntrospection(body.data);
    } catch {
      // try the next credential
    }
  }
  return "Introspection was not allowed with any available credential; type a query.";
}
