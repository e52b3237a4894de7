"use client";

import Link from "next/link";
import { useEnvironments } from "@/components/environments/environments-provider";
import { useAuthSession } from "@/components/session/session-store";
import { decodeToken } from "@/lib/tokens/decode";
import { environmentIssuers } from "@/lib/tokens/issuer";
import type { Environment } from "@/lib/config/environment";
import { AuthorizerPanel } from "./authorizer-panel";
import { useAuthorizerSettings, type TokenChoice } from "./authorizer-settings";
import { ClaimsTable } from "./claims-table";
import { IssuerFormNote } from "./issuer-form-note";
import { VerificationPanel } from "./verification-panel";
import { ExportButtons } from "@/components/report/export-buttons";
import { useM2mState } from "@/components/credentials/m2m-store";

/** The signed-in user's ID and access tokens side by side, verified against the active environment. */
export default function SessionTokens() {
  const { active } = useEnvironments();
  const { state, busy, refresh } = useAuthSession();
  const m2m = useM2mState();
  if (!active) return null;
  // The client credentials token got on the Test calls page (memory only): "Will this token pass?" predicts it too.
  const m2mChoice: TokenChoice[] = m2m.status === "ok" && m2m.environmentId === active.id ? [{ label: "M2M access token (client credentials)", token: decodeToken(m2m.accessToken) }] : [];
  if (state.status === "loading") return <p className="text-slate-500">Reading the session…</p>;
  if (state.status !== "signed-in") {
    return (
      <div className="space-y-4">
        <p className="rounded border border-slate-200 bg-white p-4 text-sm">
          Not signed in to {active.name}. <Link href="/" className="text-blue-700 underline">Sign in</Link> to see your own
          tokens here, or paste one below.
        </p>
        {m2mChoice.length > 0 && <SessionAuthorizer key={`${active.id}-m2m`} environment={active} tokens={m2mChoice} />}
      </div>
    );
  }
  const id = decodeToken(state.idToken.toString());
  const access = decodeToken(state.accessToken.toString());
  // Both issuer forms of the pool, the environment's declared one first: a token of either form is
  // the pool's, as aws-jwt-verify counts it; the note above the claims says which form it is.
  const issuer = environmentIssuers(active);
  return (
    <section aria-labelledby="session-tokens-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="session-tokens-heading" className="text-lg font-semibold">
          Your tokens ({active.name})
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <ExportButtons
            name="tokens"
            build={() => ({
              title: `Tokens: ${active.name}`,
              generatedAt: new Date(),
              environment: active,
              tokens: [
                { label: "ID token", header: { ...id.header }, claims: { ...id.claims } },
                { label: "Access token", header: { ...access.header }, claims: { ...access.claims } },
              ],
            })}
          />
          <button type="button" onClick={() => void refresh()} disabled={busy} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm disabled:opacity-50">
            Refresh tokens
          </button>
        </div>
      </div>
      <IssuerFormNote iss={id.issuer ?? access.issuer} expected={issuer} declared={active.issuerConfiguration} />
      <ClaimsTable tokens={[id, access]} labels={["ID token", "Access token"]} />
      <div className="space-y-4">
        <VerificationPanel title="Verification: ID token" token={id} expectations={{ issuer, clientId: active.userPoolClientId, tokenUse: "id" }} />
        <VerificationPanel title="Verification: access token" token={access} expectations={{ issuer, clientId: active.userPoolClientId, tokenUse: "access" }} />
      </div>
      <SessionAuthorizer key={active.id} environment={active} tokens={[{ label: "ID token", token: id }, { label: "access token", token: access }, ...m2mChoice]} />
    </section>
  );
}

function SessionAuthorizer({ tokens, environment }: { tokens: TokenChoice[]; environment: Environment }) {
  const settings = useAuthorizerSettings(tokens, environment);
  return <AuthorizerPanel environment={environment} tokens={tokens} settings={settings} />;
}
