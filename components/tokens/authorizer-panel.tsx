"use client";

import { useState } from "react";
import { CheckTable } from "@/components/ui/check-table";
import type { Environment } from "@/lib/config/environment";
import type { DecodedToken } from "@/lib/tokens/decode";
import { DISCOVERY_SUFFIX, environmentIssuers } from "@/lib/tokens/issuer";
import { checkAgentCore } from "@/lib/tokens/authorizers/agentcore";
import { checkAppSyncUserPool } from "@/lib/tokens/authorizers/appsync";
import { checkAppSyncOidc } from "@/lib/tokens/authorizers/appsync-oidc";
import { checkApiGateway } from "@/lib/tokens/authorizers/api-gateway";
import type { AuthorizerResult } from "@/lib/tokens/authorizers/result";
import { DiagnosisHint } from "@/components/diagnosis/diagnosis-hint";

const CONSUMERS = {
  "agentcore-runtime": "AgentCore Runtime (CUSTOM_JWT)",
  "agentcore-gateway": "AgentCore Gateway (CUSTOM_JWT)",
  "appsync-userpool": "AppSync: Cognito user pools",
  "appsync-oidc": "AppSync: OpenID Connect",
  "api-gateway": "API Gateway: Cognito authorizer",
} as const;
type Consumer = keyof typeof CONSUMERS;

type Fields = Record<"discoveryUrl" | "allowedClients" | "allowedAudience" | "allowedScopes" | "userPoolId" | "appIdClientRegex" | "issuer" | "clientId" | "iatTTL" | "authTTL" | "scopes", string>;

const list = (text: string) => text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
const num = (text: string) => (text.trim() === "" ? undefined : Number(text));

/**
 * Defaults from the active environment: the runtime's usual config is the pool's discovery URL and app
 * client. The discovery URL takes the issuer form the environment declares; when it declares none,
 * the form the signed-in tokens carry (one of the pool's two), else the ORIGINAL one.
 */
function prefill(environment: Environment | undefined, tokenIssuer: string | null | undefined): Fields {
  const issuers = environment ? environmentIssuers(environment) : null;
  const issuer = !issuers
    ? ""
    : !environment?.issuerConfiguration && tokenIssuer && issuers.includes(tokenIssuer)
      ? tokenIssuer
      : issuers[0];
  return {
    discoveryUrl: issuer ? `${issuer}${DISCOVERY_SUFFIX}` : "",
    allowedClients: environment?.userPoolClientId ?? "",
    allowedAudience: "",
    allowedScopes: "",
    userPoolId: environment?.userPoolId ?? "",
    appIdClientRegex: "",
    issuer,
    clientId: "",
    iatTTL: "",
    authTTL: "",
    scopes: "",
  };
}

function evaluate(consumer: Consumer, f: Fields, token: DecodedToken, environment?: Environment): AuthorizerResult {
  const input = { token };
  const endpoint = environment?.endpoints.cognitoIdp;
  switch (consumer) {
    case "agentcore-runtime":
    case "agentcore-gateway":
      return checkAgentCore(
        input,
        { discoveryUrl: f.discoveryUrl.trim(), allowedClients: list(f.allowedClients), allowedAudience: list(f.allowedAudience), allowedScopes: list(f.allowedScopes) },
        consumer === "agentcore-runtime" ? "runtime" : "gateway",
      );
    case "appsync-userpool":
      return checkAppSyncUserPool(input, { userPoolId: f.userPoolId.trim(), appIdClientRegex: f.appIdClientRegex.trim() || undefined, userPoolEndpoint: endpoint });
    case "appsync-oidc":
      return checkAppSyncOidc(input, { issuer: f.issuer.trim(), clientId: f.clientId.trim() || undefined, iatTTL: num(f.iatTTL), authTTL: num(f.authTTL) });
    case "api-gateway":
      return checkApiGateway(input, { userPoolIds: list(f.userPoolId), scopes: list(f.scopes), userPoolEndpoint: endpoint });
  }
}

const FIELDS_OF: Record<Consumer, [keyof Fields, string][]> = {
  "agentcore-runtime": [["discoveryUrl", "discoveryUrl"], ["allowedClients", "allowedClients (comma-separated)"], ["allowedAudience", "allowedAudience"], ["allowedScopes", "allowedScopes"]],
  "agentcore-gateway": [["discoveryUrl", "discoveryUrl"], ["allowedClients", "allowedClients (comma-separated)"], ["allowedAudience", "allowedAudience"], ["allowedScopes", "allowedScopes"]],
  "appsync-userpool": [["userPoolId", "User pool id"], ["appIdClientRegex", "appIdClientRegex"]],
  "appsync-oidc": [["issuer", "Issuer"], ["clientId", "Client id (regex)"], ["iatTTL", "iatTTL (ms)"], ["authTTL", "authTTL (ms)"]],
  "api-gateway": [["userPoolId", "User pool ids"], ["scopes", "OAuth scopes on the method"]],
};

/** "Will this token pass?": the token against a consumer's authorizer, claim by claim, with its answer. */
export function AuthorizerPanel({ tokens, environment }: { tokens: { label: string; token: DecodedToken }[]; environment?: Environment }) {
  const [consumer, setConsumer] = useState<Consumer>("agentcore-runtime");
  const [fields, setFields] = useState<Fields>(() => prefill(environment, tokens[0]?.token.issuer));
  const [which, setWhich] = useState(0);
  const [result, setResult] = useState<AuthorizerResult | null>(null);
  const chosen = tokens[which] ?? tokens[0];

  return (
    <section aria-labelledby="authorizer-heading" className="space-y-3 rounded border border-slate-200 bg-white p-4">
      <h2 id="authorizer-heading" className="font-medium">
        Will this token pass?
      </h2>
      <div className="flex flex-wrap gap-3 text-sm">
        <label className="flex items-center gap-2">
          Consumer
          <select aria-label="Consumer" value={consumer} onChange={(e) => { setConsumer(e.target.value as Consumer); setResult(null); }} className="rounded border border-slate-300 px-2 py-1">
            {Object.entries(CONSUMERS).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </label>
        {tokens.length > 1 && (
          <label className="flex items-center gap-2">
            Token
            <select aria-label="Token to check" value={which} onChange={(e) => { setWhich(Number(e.target.value)); setResult(null); }} className="rounded border border-slate-300 px-2 py-1">
              {tokens.map((t, i) => (
                <option key={t.label} value={i}>{t.label}</option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="grid gap-2 md:grid-cols-2">
        {FIELDS_OF[consumer].map(([key, label]) => (
          <label key={key} className="block text-sm">
            <span className="mb-1 block text-slate-700">{label}</span>
            <input aria-label={label} value={fields[key]} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs" />
          </label>
        ))}
      </div>
      <button type="button" disabled={!chosen} onClick={() => chosen && setResult(evaluate(consumer, fields, chosen.token, environment))} className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white disabled:opacity-50">
        Check
      </button>
      {result && (
        <div className="space-y-2">
          <p role="status" className={`rounded p-3 text-sm ${result.verdict === "pass" ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900"}`}>
            {result.verdict === "pass" ? (
              <>The {CONSUMERS[consumer]} would accept the {chosen?.label}.</>
            ) : (
              <>
                The {CONSUMERS[consumer]} would refuse the {chosen?.label}
                {result.response && (
                  <>
                    : <strong>{result.response.status ?? ""} {result.response.message}</strong>
                    {result.response.confirmed ? (
                      <span className="block text-xs">AWS's wording, seen in: {result.response.source}</span>
                    ) : (
                      <span className="block text-xs">
                        <span className="mr-1 rounded border border-amber-700 px-1 font-semibold text-amber-900">Not confirmed</span>
                        No public source shows AWS's answer for this case; the text describes the refusal, it is not AWS's wording. {result.response.source}
                      </span>
                    )}
                  </>
                )}
              </>
            )}
          </p>
          {result.verdict === "fail" && result.response && (
            <DiagnosisHint
              input={{
                service: consumer.startsWith("agentcore") ? "agentcore" : consumer.startsWith("appsync") ? "appsync" : "api-gateway",
                status: result.response.status ?? undefined,
                message: result.response.message,
                tokenUse: chosen?.token.tokenUse === "unknown" ? undefined : chosen?.token.tokenUse,
              }}
            />
          )}
          <CheckTable checks={result.checks} label="Authorizer checks" />
        </div>
      )}
    </section>
  );
}
