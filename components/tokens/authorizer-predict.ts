import type { Environment } from "@/lib/config/environment";
import type { DecodedToken } from "@/lib/tokens/decode";
import type { SignatureState } from "@/lib/tokens/signature-state";
import { checkAgentCore } from "@/lib/tokens/authorizers/agentcore";
import { parseCustomClaims } from "@/lib/tokens/authorizers/agentcore-claims-input";
import { checkAppSyncUserPool } from "@/lib/tokens/authorizers/appsync";
import { checkAppSyncOidc } from "@/lib/tokens/authorizers/appsync-oidc";
import { checkAppSyncEvents, type EventOperation } from "@/lib/tokens/authorizers/appsync-events";
import { checkApiGateway } from "@/lib/tokens/authorizers/api-gateway";
import type { AuthorizerResult } from "@/lib/tokens/authorizers/result";
import { labelOf, REQUIRED, type Consumer, type Fields, type Prefilled } from "./authorizer-settings";

const list = (text: string) => text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
const num = (text: string) => (text.trim() === "" ? undefined : Number(text));

/** One authorizer's answer for one token, with what it rests on. */
export interface Prediction {
  readonly consumer: Consumer;
  readonly result: AuthorizerResult;
  /** The required setting, by its label, when it was left empty (so what it decides was not checked). */
  readonly notChecked: readonly string[];
  /** Settings of this authorizer taken from the token, by label. */
  readonly fromToken: readonly string[];
}

function evaluate(consumer: Consumer, f: Fields, token: DecodedToken, environment: Environment | undefined, signature: SignatureState | undefined): AuthorizerResult {
  const input = { token, ...(signature ? { signature } : {}) };
  const endpoint = environment?.endpoints.cognitoIdp;
  switch (consumer) {
    case "agentcore-runtime":
    case "agentcore-gateway": {
      const claims = parseCustomClaims(f.customClaims);
      return checkAgentCore(
        input,
        {
          discoveryUrl: f.discoveryUrl.trim(),
          allowedClients: list(f.allowedClients),
          allowedAudience: list(f.allowedAudience),
          allowedScopes: list(f.allowedScopes),
          ...(claims.ok ? { customClaims: claims.customClaims } : { customClaimsError: claims.error }),
        },
        consumer === "agentcore-runtime" ? "runtime" : "gateway",
      );
    }
    case "appsync-userpool":
      return checkAppSyncUserPool(input, { userPoolId: f.userPoolId.trim(), appIdClientRegex: f.appIdClientRegex.trim() || undefined, userPoolEndpoint: endpoint });
    case "appsync-oidc":
      return checkAppSyncOidc(input, { issuer: f.issuer.trim(), clientId: f.clientId.trim() || undefined, iatTTL: num(f.iatTTL), authTTL: num(f.authTTL) });
    case "appsync-events": {
      const operation = f.eventOperation.trim().toLowerCase();
      return checkAppSyncEvents(input, {
        userPoolId: f.userPoolId.trim(),
        appIdClientRegex: f.appIdClientRegex.trim() || undefined,
        operation: (["connect", "publish", "subscribe"].includes(operation) ? operation : "publish") as EventOperation,
        allowedModes: list(f.eventModes),
        ...(f.eventNamespace.trim() ? { namespace: f.eventNamespace.trim() } : {}),
        ...(endpoint ? { userPoolEndpoint: endpoint } : {}),
      });
    }
    case "api-gateway":
      return checkApiGateway(input, { userPoolIds: list(f.userPoolId), scopes: list(f.scopes), userPoolEndpoint: endpoint });
  }
}

export function predict(
  consumer: Consumer,
  settings: Prefilled,
  token: DecodedToken,
  environment: Environment | undefined,
  signature: SignatureState | undefined,
): Prediction {
  const required = REQUIRED[consumer];
  return {
    consumer,
    result: evaluate(consumer, settings.fields, token, environment, signature),
    notChecked: settings.fields[required].trim() === "" ? [labelOf(consumer, required)] : [],
    fromToken: settings.fromToken.has(required) ? [labelOf(consumer, required)] : [],
  };
}
