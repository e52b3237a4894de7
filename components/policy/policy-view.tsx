"use client";

import Link from "next/link";
import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import type { Environment } from "@/lib/config/environment";
import { useEnvironments } from "@/components/environments/environments-provider";
import { useAuthSession } from "@/components/session/session-store";
import { useKnownAccount } from "@/components/credentials/known-account";
import { RoleCheck } from "./role-check";
import type { CredentialFacts } from "./credentials-reader";
import type { KnownIdentity, Operations } from "./use-policy-check";

const CredentialsReader = dynamic(() => import("./credentials-reader"), { ssr: false });

/**
 * "Check this role against my token": the page reads what the dashboard already knows — the
 * signed-in user's sub, the identity-pool credentials (identity id, flow, caller ARN, account) and,
 * for a sandbox environment, the pool's roles — and hands it to the check, where all of it can be
 * edited. `?call=<row>&query=…&subscription=…` (from a refused test call) picks the call to show first.
 */
export default function PolicyView() {
  const { ready, active, configuration } = useEnvironments();
  if (!ready) return <p className="text-slate-500">Loading environments…</p>;
  if (!active) return <p>No environment is selected. <Link href="/environments" className="text-blue-700 underline">Add one</Link>.</p>;
  return <WithIdentity key={configuration} environment={active} />;
}

function WithIdentity({ environment }: { environment: Environment }) {
  const { state } = useAuthSession();
  const [facts, setFacts] = useState<CredentialFacts>({});
  const account = useKnownAccount(environment.id);
  const [operations] = useState<Operations & { call?: string }>(() => fromLocation());
  const idToken = state.status === "signed-in" ? state.idToken.toString() : undefined;
  // Once shown, the check stays mounted while the session is re-read (a token refresh), so what was pasted is kept.
  const shown = useRef(false);
  if (state.status !== "loading") shown.current = true;
  if (!shown.current) return <p className="text-slate-500">Reading the session…</p>;
  const sub = state.status === "signed-in" && typeof state.idToken.payload.sub === "string" ? state.idToken.payload.sub : undefined;
  const known: KnownIdentity = { ...(sub ? { sub } : {}), ...facts, ...(account ? { account } : {}) };
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Check this role against my token</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        Paste the identity pool role&apos;s trust policy and its permission policies (or import them from a template). The trust policy is
        checked against this identity&apos;s <code>sts:AssumeRoleWithWebIdentity</code>, the permission policies against the exact resource ARN
        every IAM-signed test call needs, statement by statement. Nothing you paste leaves the browser.
      </p>
      {state.status !== "signed-in" && (
        <p className="rounded border border-slate-200 bg-white p-3 text-sm">
          Not signed in: the identity below is a guest&apos;s (amr <code>unauthenticated</code>). <Link href="/" className="text-blue-700 underline">Sign in</Link> to check your own.
        </p>
      )}
      <CredentialsReader environment={environment} {...(idToken ? { idToken } : {})} onChange={setFacts} />
      <RoleCheck environment={environment} known={known} operations={operations} highlight={operations.call} />
    </div>
  );
}

function fromLocation(): Operations & { call?: string } {
  const params = new URLSearchParams(typeof window === "undefined" ? "" : window.location.search);
  const call = params.get("call") ?? undefined;
  return {
    query: params.get("query") ?? "",
    subscription: params.get("subscription") ?? "",
    trigger: "",
    ...(call ? { call } : {}),
  };
}
