import type { CommandAuth } from "../http/command-line";
import type { AwsCredentials } from "../sigv4/types";
import { decodeToken } from "../tokens/decode";
import { AGENTCORE_SIGNING_NAME } from "./urls";

/**
 * The test calls for AgentCore. Rows are ways of calling; columns are the credential a call
 * carries. The same three columns apply to every row (so the table lines up): the Cognito
 * access token, the ID token, and SigV4 with identity-pool credentials (a signed request over
 * HTTP, a presigned URL for the WebSocket). `bearer-header` exists only for the WebSocket row:
 * the token in an Authorization header, which only non-browser clients can send. `sigv4-user-id`
 * exists only for the runtime's HTTP row: SigV4 plus X-Amzn-Bedrock-AgentCore-Runtime-User-Id
 * (invoking on behalf of a user, which also needs bedrock-agentcore:InvokeAgentRuntimeForUser).
 * `m2m-token` is an access token of the client credentials grant (an app client's id and secret
 * at the user pool domain's token endpoint, lib/oauth): the only way to a token with custom
 * scopes, which an authorizer's allowedScopes wants.
 */

export const AGENTCORE_ROWS = {
  http: "agentcore-http",
  ws: "agentcore-ws",
  gateway: "gateway-mcp",
} as const;

export const AGENTCORE_COLUMNS = ["access-token", "id-token", "sigv4", "sigv4-user-id", "m2m-token", "bearer-header"] as const;
export type AgentCoreColumn = (typeof AGENTCORE_COLUMNS)[number];

/** The columns of the HTTP rows (runtime invocations, gateway): a browser can send no other. */
export const HTTP_COLUMNS: readonly AgentCoreColumn[] = ["access-token", "id-token", "sigv4", "m2m-token"];
/** The runtime HTTP row's columns: the HTTP ones and SigV4 on behalf of a user. */
export const RUNTIME_HTTP_COLUMNS: readonly AgentCoreColumn[] = [...HTTP_COLUMNS, "sigv4-user-id"];
/** The WebSocket row's columns: the HTTP ones and the token in a header (non-browser clients only). */
export const WS_COLUMNS: readonly AgentCoreColumn[] = [...HTTP_COLUMNS, "bearer-header"];

export const ROW_LABEL: Record<(typeof AGENTCORE_ROWS)[keyof typeof AGENTCORE_ROWS], string> = {
  "agentcore-http": "Runtime: HTTP invocations (SSE)",
  "agentcore-ws": "Runtime: WebSocket stream",
  "gateway-mcp": "Gateway: MCP tools/list",
};

export const COLUMN_LABEL: Record<AgentCoreColumn, string> = {
  "access-token": "Access token (Bearer)",
  "id-token": "ID token (Bearer)",
  sigv4: "IAM SigV4 (identity pool)",
  "sigv4-user-id": "IAM SigV4 + user id header",
  "m2m-token": "M2M access token (client credentials)",
  "bearer-header": "Access token in a WebSocket header",
};

export interface AgentCoreCredentials {
  idToken?: string;
  accessToken?: string;
  aws?: AwsCredentials;
  /** An access token from the client credentials grant, held in memory only. */
  m2mAccessToken?: string;
  /** Why `m2mAccessToken` is missing (no client id and secret given, the token endpoint refused…). */
  m2mUnavailable?: string;
  /** Why `aws` is missing (identity-pool error, no identity pool configured…). */
  awsUnavailable?: string;
}

/** What a column needs from the session; a missing one means "could not run", with the reason. */
export function missingFor(column: AgentCoreColumn, c: AgentCoreCredentials): string | undefined {
  switch (column) {
    case "access-token":
    case "bearer-header":
      return c.accessToken ? undefined : "Not signed in: no access token.";
    case "id-token":
      return c.idToken ? undefined : "Not signed in: no ID token.";
    case "sigv4":
      return c.aws ? undefined : (c.awsUnavailable ?? "No identity-pool credentials.");
    case "sigv4-user-id":
      if (!c.aws) return c.awsUnavailable ?? "No identity-pool credentials.";
      return runtimeUserIdFor(c) ? undefined : "Not signed in: no user to invoke for (the ID token's sub).";
    case "m2m-token":
      return c.m2mAccessToken ? undefined : (c.m2mUnavailable ?? "No M2M token: give an app client id and secret under \"M2M token\" and get one.");
  }
}

/**
 * The user a `sigv4-user-id` call names: the signed-in user's `sub`, the stable id an app would
 * pass as the SDK's `runtimeUserId` (any string the agent can key the user's tokens on will do).
 */
export function runtimeUserIdFor(c: AgentCoreCredentials): string | undefined {
  if (!c.idToken) return undefined;
  try {
    const sub = decodeToken(c.idToken).claims.sub;
    return typeof sub === "string" && sub ? sub : undefined;
  } catch {
    return undefined;
  }
}

/** SigV4 columns: signed with identity-pool credentials rather than carrying a token. */
export const isSigV4Column = (column: AgentCoreColumn) => column === "sigv4" || column === "sigv4-user-id";

/** The token a bearer column sends. */
export const tokenFor = (column: AgentCoreColumn, c: AgentCoreCredentials) =>
  column === "id-token" ? c.idToken : column === "m2m-token" ? c.m2mAccessToken : c.accessToken;

/** The shell variable a copied command reads this column's token from. */
export const tokenVariable = (column: AgentCoreColumn) => (column === "id-token" ? "ID_TOKEN" : column === "m2m-token" ? "M2M_ACCESS_TOKEN" : "ACCESS_TOKEN");

/**
 * How a copied command carries this column's credential: `Authorization: Bearer <JWT>` for
 * CUSTOM_JWT, SigV4 for the `bedrock-agentcore` signing name, signed by curl.
 */
export function commandAuthFor(column: AgentCoreColumn, region: string, c: AgentCoreCredentials): CommandAuth {
  if (isSigV4Column(column)) return { kind: "sigv4", region, service: AGENTCORE_SIGNING_NAME, sessionToken: Boolean(c.aws?.sessionToken) };
  return { kind: "header", name: "authorization", scheme: "Bearer", variable: tokenVariable(column) };
}
