"use client";

import { useState } from "react";
import type { Environment } from "@/lib/config/environment";
import type { DecodedToken } from "@/lib/tokens/decode";
import { DISCOVERY_SUFFIX, environmentIssuers } from "@/lib/tokens/issuer";

/**
 * The settings of "Will this token pass?", shared by the panel and the status strip above the
 * claims so both answer for the same configuration. This module holds state and defaults only;
 * the authorizers' rules load with the panel (authorizer-predict.ts).
 */

export const CONSUMERS = {
  "agentcore-runtime": "AgentCore Runtime (CUSTOM_JWT)",
  "agentcore-gateway": "AgentCore Gateway (CUSTOM_JWT)",
  "appsync-userpool": "AppSync: Cognito user pools",
  "appsync-oidc": "AppSync: OpenID Connect",
  "appsync-events": "AppSync Events: Cognito user pools",
  "api-gateway": "API Gateway: Cognito authorizer",
} as const;
export type Consumer = keyof typeof CONSUMERS;
export const CONSUMER_IDS = Object.keys(CONSUMERS) as Consumer[];

export type FieldKey =
  | "discoveryUrl" | "allowedClients" | "allowedAudience" | "allowedScopes" | "customClaims" | "userPoolId" | "appIdClientRegex"
  | "issuer" | "clientId" | "iatTTL" | "authTTL" | "scopes" | "eventOperation" | "eventNamespace" | "eventModes";
export type Fields = Record<FieldKey, string>;

const AGENTCORE_FIELDS: [FieldKey, string][] = [["discoveryUrl", "discoveryUrl"], ["allowedClients", "allowedClients (comma-separated)"], ["allowedAudience", "allowedAudience"], ["allowedScopes", "allowedScopes"], ["customClaims", "customClaims (JSON)"]];

/** Fields whose value is JSON of several lines rather than a word or a list. */
export const MULTILINE: ReadonlySet<FieldKey> = new Set(["customClaims"]);
export const FIELDS_OF: Record<Consumer, [FieldKey, string][]> = {
  "agentcore-runtime": AGENTCORE_FIELDS,
  "agentcore-gateway": AGENTCORE_FIELDS,
  "appsync-userpool": [["userPoolId", "User pool id"], ["appIdClientRegex", "appIdClientRegex"]],
  "appsync-oidc": [["issuer", "Issuer"], ["clientId", "Client id (regex)"], ["iatTTL", "iatTTL (ms)"], ["authTTL", "authTTL (ms)"]],
  "appsync-events": [
    ["userPoolId", "User pool id"], ["appIdClientRegex", "appIdClientRegex"], ["eventOperation", "Operation (connect, publish or subscribe)"],
    ["eventNamespace", "Channel namespace"], ["eventModes", "Auth modes the operation allows (e.g. API_KEY, AWS_IAM)"],
  ],
  "api-gateway": [["userPoolId", "User pool ids"], ["scopes", "OAuth scopes on the method"]],
};

/** The setting each authorizer cannot exist without; left empty, what it decides is not checked. */
export const REQUIRED: Record<Consumer, FieldKey> = {
  "agentcore-runtime": "discoveryUrl",
  "agentcore-gateway": "discoveryUrl",
  "appsync-userpool": "userPoolId",
  "appsync-oidc": "issuer",
  "appsync-events": "userPoolId",
  "api-gateway": "userPoolId",
};

export const labelOf = (consumer: Consumer, key: FieldKey) => FIELDS_OF[consumer].find(([k]) => k === key)?.[1] ?? key;

/** Field values, and which of them were taken from the token rather than given. */
export interface Prefilled {
  readonly fields: Fields;
  readonly fromToken: ReadonlySet<FieldKey>;
}

const EMPTY: Fields = {
  discoveryUrl: "", allowedClients: "", allowedAudience: "", allowedScopes: "", customClaims: "", userPoolId: "",
  appIdClientRegex: "", issuer: "", clientId: "", iatTTL: "", authTTL: "", scopes: "",
  eventOperation: "publish", eventNamespace: "", eventModes: "",
};

/**
 * Defaults. With an environment, its pool: the discovery URL takes the issuer form the environment
 * declares; when it declares none, the form the tokens carry (one of the pool's two), else the
 * ORIGINAL one. Without one (a pasted token), the issuer URLs come from the token's own iss,
 * marked as such: the issuer is then not a check of anyone's configuration, only what to set.
 */
export function prefill(environment: Environment | undefined, token: DecodedToken | undefined): Prefilled {
  const tokenIssuer = token?.issuer ?? null;
  if (environment) {
    const issuers = environmentIssuers(environment);
    const issuer = !environment.issuerConfiguration && tokenIssuer && issuers.includes(tokenIssuer) ? tokenIssuer : issuers[0];
    return {
      fields: {
        ...EMPTY,
        discoveryUrl: `${issuer}${DISCOVERY_SUFFIX}`,
        allowedClients: environment.userPoolClientId ?? "",
        userPoolId: environment.userPoolId ?? "",
        issuer,
        eventNamespace: namespaceOf(environment.appSyncEvents?.[0]?.channel),
      },
      fromToken: new Set(),
    };
  }
  if (!tokenIssuer) return { fields: EMPTY, fromToken: new Set() };
  return {
    fields: { ...EMPTY, discoveryUrl: `${tokenIssuer.replace(/\/+$/, "")}${DISCOVERY_SUFFIX}`, issuer: tokenIssuer },
    fromToken: new Set<FieldKey>(["discoveryUrl", "issuer"]),
  };
}

/** The namespace of a channel path (`/alerts/room-1` → `alerts`). */
const namespaceOf = (channel: string | undefined) => channel?.replace(/^\//, "").split("/")[0] ?? "";

export interface TokenChoice {
  readonly label: string;
  readonly token: DecodedToken;
}

export interface AuthorizerSettings {
  readonly consumer: Consumer;
  readonly which: number;
  /** The user's own values; every other field is its default for the token in question. */
  readonly edits: Partial<Fields>;
  /** Whether the verdict is shown (after Check, or after choosing an authorizer in the strip). */
  readonly checked: boolean;
  choose(consumer: Consumer, which?: number, check?: boolean): void;
  setField(key: FieldKey, value: string): void;
  check(): void;
  /** The settings as they apply to one token. */
  forToken(token: DecodedToken | undefined): Prefilled;
}

export function useAuthorizerSettings(tokens: readonly TokenChoice[], environment?: Environment): AuthorizerSettings {
  const [consumer, setConsumer] = useState<Consumer>("agentcore-runtime");
  const [which, setWhich] = useState(0);
  const [edits, setEdits] = useState<Partial<Fields>>({});
  const [checked, setChecked] = useState(false);
  // An environment's defaults follow the first token's issuer form, as they did before a token was chosen.
  const envToken = tokens[0]?.token;
  return {
    consumer,
    which: which < tokens.length ? which : 0,
    edits,
    checked,
    choose(next, nextWhich = which, check = false) {
      setConsumer(next);
      setWhich(nextWhich);
      setChecked(check);
    },
    setField: (key, value) => setEdits((current) => ({ ...current, [key]: value })),
    check: () => setChecked(true),
    forToken(token) {
      const base = prefill(environment, environment ? envToken : token);
      const fromToken = new Set([...base.fromToken].filter((key) => edits[key] === undefined));
      return { fields: { ...base.fields, ...edits }, fromToken };
    },
  };
}
