"use client";

import { useState } from "react";
import type { Environment } from "@/lib/config/environment";
import { parseScopes, requestClientCredentials, tokenEndpointOf } from "@/lib/oauth/client-credentials";
import { setM2mState, storeM2mToken, useM2mState } from "@/components/credentials/m2m-store";
import { baseFetch } from "./base-fetch";

/**
 * "M2M token": an app client's id and secret and the scopes to ask for; the dashboard posts them to
 * the user pool domain's token endpoint from this browser (client_secret_post, no preflight; the
 * endpoint allows any origin) and the AgentCore cells' "M2M access token" column carries what
 * came back. The secret lives in this component's state only: never stored, shared, reported or
 * logged, and not sent anywhere but the token endpoint.
 */
export function M2mControls({ environment }: { environment: Environment }) {
  const endpoint = tokenEndpointOf(environment);
  const m2m = useM2mState();
  const [clientId, setClientId] = useState("");
  const [secret, setSecret] = useState("");
  const [scopes, setScopes] = useState("");
  const [busy, setBusy] = useState(false);
  const mine = m2m.status !== "none" && m2m.environmentId === environment.id ? m2m : undefined;

  async function getToken() {
    if (!endpoint) return;
    setBusy(true);
    const id = clientId.trim();
    const result = await requestClientCredentials({ tokenEndpoint: endpoint, clientId: id, clientSecret: secret, scopes: parseScopes(scopes), fetchImpl: baseFetch });
    if (result.ok) storeM2mToken(environment.id, id, result.accessToken, result.expiresIn);
    else setM2mState({ status: "error", environmentId: environment.id, clientId: id, ...(result.status ? { httpStatus: result.status } : {}), error: result.error, ...(result.unconfirmed ? { unconfirmed: result.unconfirmed } : {}) });
    setBusy(false);
  }

  return (
    <details className="rounded border border-slate-200 bg-white p-3 text-sm" open={Boolean(mine)}>
      <summary className="cursor-pointer font-medium">M2M token (client credentials)</summary>
      {!endpoint ? (
        <p className="mt-2 text-xs text-slate-600">
          This environment names no user pool domain. Add its OAuth domain (or the Cognito domain endpoint) on Environments to get a token from its <code>/oauth2/token</code>.
        </p>
      ) : (
        <form
          className="mt-2 space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            void getToken();
          }}
        >
          <p className="text-xs text-slate-500">
            Token endpoint <code className="break-all">{endpoint}</code>. The secret stays in this page&apos;s memory and goes only to that endpoint.
          </p>
          <div className="grid gap-2 lg:grid-cols-3">
            <label className="block">
              <span className="mb-1 block text-slate-700">App client id</span>
              <input aria-label="M2M client id" value={clientId} onChange={(e) => setClientId(e.target.value)} autoComplete="off" spellCheck={false} className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs" />
            </label>
            <label className="block">
              <span className="mb-1 block text-slate-700">Client secret</span>
              <input aria-label="M2M client secret" type="password" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs" />
            </label>
            <label className="block">
              <span className="mb-1 block text-slate-700">Scopes (space-separated; empty: all of the client&apos;s)</span>
              <input aria-label="M2M scopes" value={scopes} onChange={(e) => setScopes(e.target.value)} placeholder="resource-server/scope" spellCheck={false} className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs" />
            </label>
          </div>
          <button type="submit" disabled={busy || !clientId.trim() || !secret} className="rounded border border-slate-400 px-3 py-1 text-sm disabled:opacity-50">
            {busy ? "Asking…" : "Get M2M token"}
          </button>
          <M2mStatus state={mine} />
        </form>
      )}
    </details>
  );
}

function M2mStatus({ state }: { state: ReturnType<typeof useM2mState> | undefined }) {
  if (!state || state.status === "none") return null;
  if (state.status === "error") {
    return (
      <p role="alert" className="text-xs text-red-800" data-testid="m2m-status">
        Token endpoint refused {state.clientId}: {state.httpStatus ? `HTTP ${state.httpStatus} ` : ""}
        <code>{state.error}</code>
        {state.unconfirmed && <span className="ml-1 rounded bg-amber-100 px-1 text-amber-900">Not confirmed: {state.unconfirmed}</span>}
      </p>
    );
  }
  return (
    <p role="status" className="text-xs text-emerald-800" data-testid="m2m-status">
      M2M token for {state.clientId}, scope <code>{state.scopes.join(" ") || "(none)"}</code>, expires {new Date(state.expiresAt).toLocaleTimeString()}. Run all to try it.
    </p>
  );
}
