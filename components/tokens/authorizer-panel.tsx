"use client";

import { CheckTable } from "@/components/ui/check-table";
import type { Environment } from "@/lib/config/environment";
import { DiagnosisHint } from "@/components/diagnosis/diagnosis-hint";
import { predict } from "./authorizer-predict";
import { CONSUMERS, FIELDS_OF, MULTILINE, type AuthorizerSettings, type Consumer, type TokenChoice } from "./authorizer-settings";
import { AuthorizerVerdict } from "./authorizer-verdict";
import { settledSignature, useSignature } from "./use-signature";

export const AUTHORIZER_PANEL_ID = "will-this-token-pass";

/** "Will this token pass?": the token against a consumer's authorizer, claim by claim, with its answer. */
export function AuthorizerPanel({ tokens, environment, settings }: { tokens: readonly TokenChoice[]; environment?: Environment; settings: AuthorizerSettings }) {
  const { consumer, which } = settings;
  const chosen = tokens[which] ?? tokens[0];
  const signature = useSignature(chosen?.token);
  const own = settings.forToken(chosen?.token);
  const prediction = settings.checked && chosen ? predict(consumer, own, chosen.token, environment, settledSignature(signature)) : null;

  return (
    <section id={AUTHORIZER_PANEL_ID} aria-labelledby="authorizer-heading" className="min-w-0 space-y-3 rounded border border-slate-200 bg-white p-4">
      <h2 id="authorizer-heading" className="font-medium">
        Will this token pass?
      </h2>
      <div className="flex flex-wrap gap-3 text-sm">
        <label className="flex max-w-full items-center gap-2">
          Consumer
          <select aria-label="Consumer" value={consumer} onChange={(e) => settings.choose(e.target.value as Consumer)} className="min-w-0 rounded border border-slate-300 px-2 py-1">
            {Object.entries(CONSUMERS).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </label>
        {tokens.length > 1 && (
          <label className="flex max-w-full items-center gap-2">
            Token
            <select aria-label="Token to check" value={which} onChange={(e) => settings.choose(consumer, Number(e.target.value))} className="min-w-0 rounded border border-slate-300 px-2 py-1">
              {tokens.map((t, i) => (
                <option key={t.label} value={i}>{t.label}</option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="grid gap-2 md:grid-cols-2">
        {FIELDS_OF[consumer].map(([key, label]) => (
          <label key={key} className="block min-w-0 text-sm">
            <span className="mb-1 block text-slate-700">{label}</span>
            {MULTILINE.has(key) ? (
              <textarea
                aria-label={label}
                value={own.fields[key]}
                onChange={(e) => settings.setField(key, e.target.value)}
                placeholder='empty: not checked. Paste customClaims from get-agent-runtime / get-gateway, e.g. [{"inboundTokenClaimName": "tenant_id", …}]'
                rows={3}
                spellCheck={false}
                className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs"
              />
            ) : (
              <input
                aria-label={label}
                value={own.fields[key]}
                onChange={(e) => settings.setField(key, e.target.value)}
                placeholder="empty: not checked"
                className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs"
              />
            )}
            {own.fromToken.has(key) && (
              <span data-testid={`from-token-${key}`} className="mt-1 block text-xs text-slate-700">
                Filled from the token&apos;s iss. Replace it with your authorizer&apos;s value to check the issuer.
              </span>
            )}
          </label>
        ))}
      </div>
      <button type="button" disabled={!chosen} onClick={() => settings.check()} className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white disabled:opacity-50">
        Check
      </button>
      {prediction && chosen && (
        <div className="space-y-2">
          <AuthorizerVerdict prediction={prediction} tokenLabel={chosen.label} signature={signature} />
          {prediction.result.response && (
            <DiagnosisHint
              input={{
                service: consumer.startsWith("agentcore") ? "agentcore" : consumer.startsWith("appsync") ? "appsync" : "api-gateway",
                status: prediction.result.response.status ?? undefined,
                message: prediction.result.response.message,
                tokenUse: chosen.token.tokenUse === "unknown" ? undefined : chosen.token.tokenUse,
              }}
            />
          )}
          <CheckTable checks={prediction.result.checks} label="Authorizer checks" />
        </div>
      )}
    </section>
  );
}
