"use client";

import { useEffect, useState } from "react";
import type { Environment } from "@/lib/config/environment";
import { maskAccessKeyId, roleArnOf } from "@/lib/identity/explain";
import type { IdentityFlow } from "@/lib/identity/credentials";
import { Countdown } from "@/components/session/countdown";
import { ensureCredentials, useCredentials } from "./credentials-store";
import { DiagnosisHint } from "@/components/diagnosis/diagnosis-hint";
import { tokenRoles } from "@/lib/identity/role-mapping/choose";
import { decodeToken } from "@/lib/tokens/decode";

function tokenRolesOf(idToken: string): string[] {
  try {
    return tokenRoles(decodeToken(idToken).claims as Record<string, unknown>);
  } catch {
    return [];
  }
}

/** Which IAM role the identity pool gave this user, and the credentials' life — never the secret. */
export function CredentialsPanel({ environment, idToken }: { environment: Environment; idToken: string }) {
  const state = useCredentials();
  const [flow, setFlow] = useState<IdentityFlow>("enhanced");
  const [roleArn, setRoleArn] = useState("");
  const [customRoleArn, setCustomRoleArn] = useState("");
  // The roles a token-based mapping lets the user pick with CustomRoleArn (cognito:roles).
  const offered = tokenRolesOf(idToken);

  useEffect(() => {
    void ensureCredentials(environment, idToken, { flow: "enhanced" });
  }, [environment, idToken]);

  const run = () =>
    void ensureCredentials(environment, idToken, {
      flow,
      roleArn: roleArn.trim() || undefined,
      ...(flow === "enhanced" && customRoleArn.trim() ? { customRoleArn: customRoleArn.trim() } : {}),
      force: true,
    });

  return (
    <section aria-labelledby="credentials-heading" className="space-y-3 rounded border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="credentials-heading" className="font-medium">
          Identity-pool credentials
        </h2>
        {environment.identityPoolId && (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <select aria-label="Identity flow" value={flow} onChange={(e) => setFlow(e.target.value as IdentityFlow)} className="rounded border border-slate-300 px-2 py-1">
              <option value="enhanced">enhanced flow</option>
              <option value="basic">basic flow</option>
            </select>
            {flow === "enhanced" && (
              <>
                <input aria-label="Custom role ARN" list="custom-role-arns" placeholder="CustomRoleArn (optional)" value={customRoleArn} onChange={(e) => setCustomRoleArn(e.target.value)} className="w-72 rounded border border-slate-300 px-2 py-1 font-mono text-xs" />
                <datalist id="custom-role-arns">
                  {offered.map((arn) => (
                    <option key={arn} value={arn} />
                  ))}
                </datalist>
              </>
            )}
            {flow === "basic" && (
              <input aria-label="Role ARN" placeholder="arn:aws:iam::…:role/…" value={roleArn} onChange={(e) => setRoleArn(e.target.value)} className="w-72 rounded border border-slate-300 px-2 py-1 font-mono text-xs" />
            )}
            <button type="button" onClick={run} disabled={state.status === "loading"} className="rounded border border-slate-300 px-3 py-1 disabled:opacity-50">
              Get credentials
            </button>
          </div>
        )}
      </div>
      {environment.identityPoolId && <p className="text-xs text-slate-500">Identity pool <code>{environment.identityPoolId}</code></p>}
      <CredentialsBody />
    </section>
  );
}

function CredentialsBody() {
  const state = useCredentials();
  switch (state.status) {
    case "idle":
    case "loading":
      return <p className="text-sm text-slate-500">Getting credentials…</p>;
    case "unavailable":
      return <p className="text-sm text-slate-600">{state.reason}</p>;
    case "error": {
      return (
        <div role="alert" data-testid="credentials-error" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p>
            <strong>{state.error.errorType}</strong> at {state.error.step}: {state.error.message}
          </p>
          {state.error.unconfirmed && (
            <p className="mt-2 text-amber-900" data-testid="credentials-unconfirmed">
              <span className="mr-1 rounded border border-amber-700 px-1 font-semibold">Not confirmed</span>
              The local sandbox gave this answer; no public source shows AWS&apos;s words here ({state.error.unconfirmed}).
            </p>
          )}
          <DiagnosisHint input={{ service: "identity-pool", errorType: state.error.errorType, message: state.error.message }} />
        </div>
      );
    }
    case "ok": {
      const { credentials, callerArn, callerError } = state;
      return (
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm [overflow-wrap:anywhere]">
          <dt className="text-slate-500">Identity id</dt>
          <dd><code data-testid="identity-id">{credentials.identityId}</code></dd>
          <dt className="text-slate-500">Flow</dt>
          <dd>{credentials.flow}</dd>
          <dt className="text-slate-500">Assumed role</dt>
          <dd>
            {callerArn ? (
              <>
                <code data-testid="assumed-role">{roleArnOf(callerArn) ?? callerArn}</code>
                <span className="block text-xs text-slate-500">as {callerArn} (from sts:GetCallerIdentity)</span>
              </>
            ) : (
              <span className="text-amber-800">GetCallerIdentity failed: {callerError}</span>
            )}
          </dd>
          <dt className="text-slate-500">Access key id</dt>
          <dd><code>{maskAccessKeyId(credentials.accessKeyId)}</code> <span className="text-xs text-slate-500">(secret key and session token are never shown)</span></dd>
          <dt className="text-slate-500">Expires</dt>
          <dd>
            {credentials.expiration.toISOString().replace(/\.\d{3}Z$/, "Z")} · <Countdown until={credentials.expiration.getTime()} />
          </dd>
        </dl>
      );
    }
  }
}
