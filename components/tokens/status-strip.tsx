"use client";

import type { DecodedToken } from "@/lib/tokens/decode";
import { formatDuration, formatUtc } from "@/lib/format/time";
import { AUTHORIZER_PANEL_ID } from "./authorizer-panel";
import { predict } from "./authorizer-predict";
import { CONSUMER_IDS, CONSUMERS, type AuthorizerSettings, type Consumer, type TokenChoice } from "./authorizer-settings";
import { settledSignature, signaturePhrase, useSignature, type SignatureView } from "./use-signature";
import { useNow } from "./use-now";

/** Short names for the chips; the full name is in each chip's accessible name. */
const SHORT: Record<Consumer, string> = {
  "agentcore-runtime": "AgentCore Runtime",
  "agentcore-gateway": "AgentCore Gateway",
  "appsync-userpool": "AppSync user pools",
  "appsync-oidc": "AppSync OIDC",
  "appsync-events": "AppSync Events",
  "api-gateway": "API Gateway",
};

const TONE = {
  good: "border-green-700 bg-green-50 text-green-900",
  bad: "border-red-700 bg-red-50 text-red-900",
  neutral: "border-slate-400 bg-slate-50 text-slate-800",
} as const;

/**
 * A pasted token at a glance: what it is, how long it has left, where its signature stands, and
 * whether each authorizer would take it with the settings of "Will this token pass?" below.
 * A chip opens that authorizer's full verdict.
 */
export function StatusStrips({ tokens, settings }: { tokens: readonly TokenChoice[]; settings: AuthorizerSettings }) {
  return (
    <div className="space-y-2">
      {tokens.map((t, i) => (
        <StatusStrip key={t.label} choice={t} index={i} settings={settings} />
      ))}
    </div>
  );
}

function StatusStrip({ choice, index, settings }: { choice: TokenChoice; index: number; settings: AuthorizerSettings }) {
  const { token, label } = choice;
  const signature = useSignature(token);
  const own = settings.forToken(token);
  const predictions = CONSUMER_IDS.map((consumer) => predict(consumer, own, token, undefined, settledSignature(signature)));
  const open = (consumer: Consumer) => {
    settings.choose(consumer, index, true);
    document.getElementById(AUTHORIZER_PANEL_ID)?.scrollIntoView({ block: "start" });
  };
  return (
    <section aria-label={`Status of the ${label}`} className="min-w-0 rounded border border-slate-200 bg-white p-3 text-sm">
      <ul className="flex flex-wrap gap-2">
        <Fact testId="strip-kind" tone="neutral">{kindOf(token)}</Fact>
        <Expiry token={token} />
        <Fact testId="strip-signature" tone={signatureTone(signature)}>{signaturePhrase(signature)}</Fact>
      </ul>
      <p className="mt-2 text-xs text-slate-700">Would each authorizer take it? (with the settings of &quot;Will this token pass?&quot;; empty ones are not checked)</p>
      <ul className="mt-1 flex flex-wrap gap-2" aria-label="Authorizers">
        {predictions.map(({ consumer, result }) => {
          const pass = result.verdict === "pass";
          const failing = result.failures.map((f) => f.check.name).join(", ");
          return (
            <li key={consumer} data-consumer={consumer} data-verdict={result.verdict}>
              <button
                type="button"
                onClick={() => open(consumer)}
                aria-label={`${CONSUMERS[consumer]}: ${pass ? "would accept" : `would refuse (${failing})`}. Show the checks.`}
                className={`rounded border px-2 py-0.5 text-xs font-medium ${pass ? TONE.good : TONE.bad}`}
              >
                <span aria-hidden="true">{pass ? "✓" : "✗"}</span> {SHORT[consumer]}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Fact({ testId, tone, children }: { testId: string; tone: keyof typeof TONE; children: React.ReactNode }) {
  return (
    <li data-testid={testId} className={`max-w-full rounded border px-2 py-0.5 text-xs [overflow-wrap:anywhere] ${TONE[tone]}`}>
      {children}
    </li>
  );
}

function Expiry({ token }: { token: DecodedToken }) {
  const now = useNow();
  const exp = token.claims.exp;
  if (typeof exp !== "number") return <Fact testId="strip-expiry" tone="bad">no exp claim</Fact>;
  const left = Math.round(exp - now / 1000);
  return (
    <Fact testId="strip-expiry" tone={left > 0 ? "good" : "bad"}>
      {left > 0 ? `expires in ${formatDuration(left)}` : `expired ${formatDuration(-left)} ago`} ({formatUtc(exp)})
    </Fact>
  );
}

function kindOf(token: DecodedToken): string {
  const kind = token.tokenUse === "id" ? "ID token" : token.tokenUse === "access" ? "access token" : "token (no Cognito token_use)";
  return `${kind} · ${token.kind === "cognito" ? "Cognito user pool" : "other OIDC issuer"}`;
}

function signatureTone(view: SignatureView): keyof typeof TONE {
  return view.state === "verified" ? "good" : view.state === "failed" ? "bad" : "neutral";
}
