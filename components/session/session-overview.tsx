"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useEffect } from "react";
import { useEnvironments } from "@/components/environments/environments-provider";
import type { Environment } from "@/lib/config/environment";
import { useAuthSession } from "./session-store";
import { TokenTimes } from "./token-times";

// Amplify UI is the heaviest thing on the page and only needed while signed out.
const SignIn = dynamic(() => import("./sign-in"), {
  ssr: false,
  loading: () => <p className="text-slate-500">Loading sign-in…</p>,
});

// Identity-pool credentials need the AWS SDK's STS and Cognito Identity clients: only signed in.
const CredentialsPanel = dynamic(() => import("@/components/credentials/credentials-panel").then((m) => m.CredentialsPanel), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-500">Loading the credentials panel…</p>,
});

// The role-choice explanation reads the credentials store (and so the STS client): only signed in.
const RoleChoicePanel = dynamic(() => import("./role-choice").then((m) => m.RoleChoicePanel), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-500">Loading the role explanation…</p>,
});

export function SessionOverview() {
  const { ready, active, warnings } = useEnvironments();
  // Most visits to this page are signed out (tokens live per tab): fetch the Authenticator while
  // the environment and the session are still being read, not after.
  useEffect(() => {
    void import("./sign-in");
  }, []);
  if (!ready) return <p className="text-slate-500">Loading environments…</p>;
  if (!active) {
    return (
      <div className="space-y-3">
        <Warnings warnings={warnings} />
        <p>
          No environment yet. <Link className="text-blue-700 underline" href="/environments">Add one</Link> from
          its amplify_outputs.json or by hand.
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <Warnings warnings={warnings} />
      <Session key={active.id} />
    </div>
  );
}

function Session() {
  const { active, configuration } = useEnvironments();
  const { state, busy, refresh, signOut } = useAuthSession();
  if (!active) return null;
  const where = (
    <p className="text-sm text-slate-600">
      {active.name} · user pool <code>{active.userPoolId}</code> · app client <code>{active.userPoolClientId}</code>
      {active.endpoints.cognitoIdp && (
        <>
          {" "}· endpoint <code>{active.endpoints.cognitoIdp}</code>
        </>
      )}
      <MfaNote environment={active} />
      {active.source === "sandbox" && active.description && (
        <span className="mt-1 block text-slate-500">{active.description}</span>
      )}
    </p>
  );

  switch (state.status) {
    case "loading":
      return <p className="text-slate-500">Reading the session…</p>;
    case "error":
      return (
        <div className="space-y-3">
          {where}
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-800">
            {state.message}
          </p>
          <SignIn key={configuration} environment={active} />
        </div>
      );
    case "signed-out":
      return (
        <div className="space-y-3">
          <h1 className="text-xl font-semibold">Sign in</h1>
          {where}
          <SignIn key={configuration} environment={active} />
        </div>
      );
    case "signed-in":
      return (
        <div className="space-y-4">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div>
              <h1 className="text-xl font-semibold">
                Signed in as <span data-testid="signed-in-user">{state.loginId ?? state.username}</span>
              </h1>
              <p className="text-sm text-slate-600">
                username <code>{state.username}</code> · sub <code>{state.userId}</code>
              </p>
              {where}
            </div>
            <div className="flex gap-2">
              <button type="button" onClick={() => void refresh()} disabled={busy} className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white disabled:opacity-50">
                Refresh tokens
              </button>
              <button type="button" onClick={() => void signOut()} disabled={busy} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm disabled:opacity-50">
                Sign out
              </button>
            </div>
          </div>
          <p className="text-xs text-slate-500" data-testid="tokens-read-at">
            Tokens read at {new Date(state.readAt).toLocaleTimeString()}
          </p>
          <div className="grid gap-4 md:grid-cols-2">
            <TokenTimes name="ID token" token={state.idToken} />
            <TokenTimes name="Access token" token={state.accessToken} />
          </div>
          <p className="text-sm">
            <Link className="text-blue-700 underline" href="/tokens">Inspect both tokens</Link>
          </p>
          <CredentialsPanel environment={active} idToken={state.idToken.toString()} />
          {active.identityPoolId && <RoleChoicePanel environment={active} idToken={state.idToken.toString()} />}
        </div>
      );
  }
}

/** "· MFA required (TOTP, EMAIL)": why a code is asked for after the password. */
function MfaNote({ environment }: { environment: Environment }) {
  const mfa = environment.poolDetails?.mfaConfiguration;
  if (!mfa || ["NONE", "OFF"].includes(mfa.toUpperCase())) return null;
  const methods = environment.poolDetails?.mfaMethods ?? [];
  return (
    <span data-testid="pool-mfa">
      {" "}· MFA {mfa.toLowerCase()}
      {methods.length > 0 && ` (${methods.join(", ")})`}
    </span>
  );
}

function Warnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul role="status" className="space-y-1 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      {warnings.map((w) => (
        <li key={w}>{w}</li>
      ))}
    </ul>
  );
}
