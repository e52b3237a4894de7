import { parseArgs } from "node:util";
import type { AgentCoreJwtConfig, AgentCoreTarget } from "../../lib/tokens/authorizers/agentcore";
import { parseCustomClaims } from "../../lib/tokens/authorizers/agentcore-claims-input";
import type { ApiGatewayCognitoConfig } from "../../lib/tokens/authorizers/api-gateway";
import type { AppSyncUserPoolConfig } from "../../lib/tokens/authorizers/appsync";
import type { AppSyncOidcConfig } from "../../lib/tokens/authorizers/appsync-oidc";
import type { AppSyncEventsConfig } from "../../lib/tokens/authorizers/appsync-events";
import { cognitoIssuer, issuerFromDiscoveryUrl, poolIssuers } from "../../lib/tokens/issuer";
import { UsageError } from "../io";

/** Flags → authorizer configs. Validation here, so lib/ receives only well-formed configs. */

const CHECK_OPTIONS = {
  json: { type: "boolean" },
  pick: { type: "string" },
  at: { type: "string" },
  authorizer: { type: "string" },
  // AgentCore CUSTOM_JWT
  "discovery-url": { type: "string" },
  "allowed-clients": { type: "string" },
  "allowed-audience": { type: "string" },
  "allowed-scopes": { type: "string" },
  "custom-claims": { type: "string" },
  config: { type: "string" },
  target: { type: "string" },
  // AppSync / API Gateway
  "user-pool-id": { type: "string", multiple: true },
  "user-pool-endpoint": { type: "string" },
  "app-id-client-regex": { type: "string" },
  "default-action": { type: "string" },
  "field-groups": { type: "string" },
  field: { type: "string" },
  "client-id-regex": { type: "string" },
  "iat-ttl": { type: "string" },
  "auth-ttl": { type: "string" },
  scopes: { type: "string" },
  // AppSync Events
  operation: { type: "string" },
  namespace: { type: "string" },
  "auth-modes": { type: "string" },
  // Signature verification (fetches the JWKS)
  verify: { type: "boolean" },
  issuer: { type: "string" },
  "client-id": { type: "string" },
  "token-use": { type: "string" },
  "clock-tolerance": { type: "string" },
} as const;

export function parseCheckArgs(args: string[]) {
  return parseArgs({ args, allowPositionals: true, strict: true, options: CHECK_OPTIONS });
}

export type CheckValues = ReturnType<typeof parseCheckArgs>["values"];

export type AuthorizerChoice =
  | { kind: "agentcore"; config: AgentCoreJwtConfig; target: AgentCoreTarget }
  | { kind: "appsync-userpool"; config: AppSyncUserPoolConfig }
  | { kind: "appsync-oidc"; config: AppSyncOidcConfig }
  | { kind: "appsync-events"; config: AppSyncEventsConfig }
  | { kind: "api-gateway"; config: ApiGatewayCognitoConfig };

export const list = (value: string | undefined): string[] | undefined =>
  value === undefined ? undefined : value.split(",").map((s) => s.trim()).filter(Boolean);

function required(values: CheckValues, flag: keyof CheckValues, authorizer: string): string {
  const v = values[flag];
  if (typeof v !== "string" || v === "") throw new UsageError(`--authorizer ${authorizer} needs --${flag}.`);
  return v;
}

function json<T>(text: string, flag: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new UsageError(`--${flag} is not valid JSON.`);
  }
}

function milliseconds(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${flag} wants milliseconds, not "${value}".`);
  return n;
}

function userPools(values: CheckValues, authorizer: string): string[] {
  const ids = (values["user-pool-id"] ?? []).flatMap((v) => list(v) ?? []);
  if (ids.length === 0) throw new UsageError(`--authorizer ${authorizer} needs --user-pool-id.`);
  return ids;
}

/** AgentCore's customJWTAuthorizer, from --config (as get-agent-runtime prints it) and/or flags. */
function agentCore(values: CheckValues): AgentCoreJwtConfig {
  const pasted = values.config ? json<Record<string, unknown>>(values.config, "config") : {};
  const inner = (pasted["customJWTAuthorizer"] ?? pasted) as Partial<AgentCoreJwtConfig>;
  const discoveryUrl = values["discovery-url"] ?? inner.discoveryUrl;
  if (!discoveryUrl) throw new UsageError("--authorizer agentcore needs --discovery-url (or --config with discoveryUrl).");
  // The same reading as the Tokens page: the list, or the authorizer object around it; a wrong shape is bad input.
  const claimsText = values["custom-claims"] ?? (inner.customClaims !== undefined ? JSON.stringify(inner.customClaims) : undefined);
  const claimsRead = claimsText === undefined ? undefined : parseCustomClaims(claimsText);
  if (claimsRead && !claimsRead.ok) throw new UsageError(`--custom-claims: ${claimsRead.error}`);
  const customClaims = claimsRead?.ok && claimsRead.customClaims.length > 0 ? claimsRead.customClaims : undefined;
  const pick = (flag: "allowed-clients" | "allowed-audience" | "allowed-scopes", from?: readonly string[]) => list(values[flag]) ?? from;
  const allowedClients = pick("allowed-clients", inner.allowedClients);
  const allowedAudience = pick("allowed-audience", inner.allowedAudience);
  const allowedScopes = pick("allowed-scopes", inner.allowedScopes);
  return {
    discoveryUrl,
    ...(allowedClients ? { allowedClients } : {}),
    ...(allowedAudience ? { allowedAudience } : {}),
    ...(allowedScopes ? { allowedScopes } : {}),
    ...(customClaims ? { customClaims } : {}),
  };
}

export function authorizerFrom(values: CheckValues): AuthorizerChoice | null {
  const kind = values.authorizer;
  if (kind === undefined) return null;
  const endpoint = values["user-pool-endpoint"];
  switch (kind) {
    case "agentcore": {
      const target = values.target ?? "runtime";
      if (target !== "runtime" && target !== "gateway") throw new UsageError(`--target is runtime or gateway, not "${target}".`);
      return { kind, config: agentCore(values), target };
    }
    case "appsync-userpool": {
      const [userPoolId] = userPools(values, kind);
      const action = values["default-action"]?.toUpperCase();
      if (action !== undefined && action !== "ALLOW" && action !== "DENY") throw new UsageError("--default-action is ALLOW or DENY.");
      const field = values.field?.split(".");
      const fieldGroups = values["field-groups"] === undefined ? undefined : (list(values["field-groups"]) ?? []);
      return {
        kind,
        config: {
          userPoolId: userPoolId ?? "",
          ...(values["app-id-client-regex"] !== undefined ? { appIdClientRegex: values["app-id-client-regex"] } : {}),
          ...(action ? { defaultAction: action } : {}),
          ...(fieldGroups ? { fieldGroups } : {}),
          ...(field?.length === 2 && field[0] && field[1] ? { field: { typeName: field[0], fieldName: field[1] } } : {}),
          ...(endpoint ? { userPoolEndpoint: endpoint } : {}),
        },
      };
    }
    case "appsync-oidc": {
      const iatTTL = milliseconds(values["iat-ttl"], "iat-ttl");
      const authTTL = milliseconds(values["auth-ttl"], "auth-ttl");
      return {
        kind,
        config: {
          issuer: required(values, "issuer", kind),
          ...(values["client-id-regex"] !== undefined ? { clientId: values["client-id-regex"] } : {}),
          ...(iatTTL !== undefined ? { iatTTL } : {}),
          ...(authTTL !== undefined ? { authTTL } : {}),
        },
      };
    }
    case "appsync-events": {
      const [userPoolId] = userPools(values, kind);
      const operation = values.operation ?? "publish";
      if (operation !== "connect" && operation !== "publish" && operation !== "subscribe") throw new UsageError(`--operation is connect, publish or subscribe, not "${operation}".`);
      const modes = list(values["auth-modes"]);
      return {
        kind,
        config: {
          userPoolId: userPoolId ?? "",
          operation,
          ...(values["app-id-client-regex"] !== undefined ? { appIdClientRegex: values["app-id-client-regex"] } : {}),
          ...(modes ? { allowedModes: modes } : {}),
          ...(values.namespace ? { namespace: values.namespace } : {}),
          ...(endpoint ? { userPoolEndpoint: endpoint } : {}),
        },
      };
    }
    case "api-gateway": {
      const scopes = list(values.scopes);
      return { kind, config: { userPoolIds: userPools(values, kind), ...(scopes ? { scopes } : {}), ...(endpoint ? { userPoolEndpoint: endpoint } : {}) } };
    }
    default:
      throw new UsageError(`--authorizer is agentcore, appsync-userpool, appsync-oidc, appsync-events or api-gateway, not "${kind}".`);
  }
}

/**
 * The issuer(s) the authorizer trusts, so --verify fetches keys from there and not from the token.
 * AppSync, configured by user pool id, trusts both issuer forms of the pool (ORIGINAL
 * cognito-idp, UPDATED issuer-cognito-idp); API Gateway's Cognito authorizer only the ORIGINAL
 * one (AWS documents the UPDATED form as not compatible with it, lib/tokens/authorizers/api-gateway.ts);
 * a discovery URL or an OIDC issuer names exactly one.
 */
export function authorizerIssuer(choice: AuthorizerChoice | null): string | readonly string[] | null {
  if (!choice) return null;
  switch (choice.kind) {
    case "agentcore":
      return issuerFromDiscoveryUrl(choice.config.discoveryUrl);
    case "appsync-userpool":
    case "appsync-events":
      return poolIssuers(choice.config.userPoolId, endpointOf(choice.config.userPoolEndpoint));
    case "appsync-oidc":
      return choice.config.issuer;
    case "api-gateway":
      return choice.config.userPoolIds.map((id) => cognitoIssuer(id, choice.config.userPoolEndpoint, "ORIGINAL"));
  }
}

const endpointOf = (endpoint: string | undefined) => (endpoint ? { endpoint } : {});
