import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { customizeAccessClaims } from "./pre-token-generation";
import { UNCONFIRMED_WORDING_HEADER } from "../../lib/http/unconfirmed-wording";
import type { HttpResult, RawResult, RequestContext, Route } from "../http/types";
import type { KeyRing } from "./keys";
import type { ClientRecord, PoolRecord, UserPoolStore } from "./store";
import { issuerFor } from "./tokens";

/**
 * A user pool domain's OAuth 2.0 token endpoint, client credentials grant only.
 *
 * Host mapping: AWS serves it at `https://{prefix}.auth.{region}.amazoncognito.com/oauth2/token`
 * (or a custom domain); the sandbox has one host, so the domain becomes a path segment, as a
 * gateway's host label does (`/agentcore-gateway/{gatewayId}/mcp`):
 *   POST {sandbox}/cognito-domain/{prefix}/oauth2/token
 * An environment names it with `endpoints.cognitoDomain = {sandbox}/cognito-domain/{prefix}`.
 *
 * Wire facts (https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html):
 * POST only, `Content-Type: application/x-www-form-urlencoded`; client_secret_basic
 * (`Authorization: Basic base64(client_id:client_secret)`) and client_secret_post (both in the
 * body); `scope` space-separated, and without it "the authentication server uses all custom
 * scopes associated with the client"; success `{"access_token","token_type":"Bearer","expires_in"}`
 * (no id or refresh token for this grant); errors HTTP 400 with `{"error":"…"}`
 * ("HTTP/1.1 400 Bad Request … {"error":"invalid_request|invalid_client|invalid_grant|unauthorized_client|unsupported_grant_type"}",
 * awsdocs/amazon-cognito-developer-guide:doc_source/token-endpoint.md). The endpoint sends
 * `Access-Control-Allow-Origin: *` (same page: "You can call the token endpoint cross-origin from
 * browser-based applications"); the sandbox's open CORS does that.
 */

const ROUTE = /^\/cognito-domain\/([a-z0-9-]+)\/oauth2\/token$/;
const FORM = "application/x-www-form-urlencoded";

type OAuthError = "invalid_request" | "invalid_client" | "invalid_grant" | "unauthorized_client" | "unsupported_grant_type" | "invalid_scope";

/** Cognito's error body; `unconfirmed` adds the sandbox's marker where no source shows this answer for this case. */
function refuse(error: OAuthError, unconfirmed?: string): RawResult {
  return {
    status: 400,
    contentType: "application/json;charset=UTF-8",
    body: JSON.stringify({ error }),
    ...(unconfirmed ? { headers: { [UNCONFIRMED_WORDING_HEADER]: unconfirmed } } : {}),
  };
}

interface TokenEndpointContext {
  store: UserPoolStore;
  keys: KeyRing;
  now: () => number;
  tokenTtlSeconds?: () => number;
}

/** client_secret_basic or client_secret_post; Basic wins when both are sent (unconfirmed which Cognito prefers). */
function clientCredentials(ctx: RequestContext, form: URLSearchParams): { id: string; secret: string | undefined } | undefined {
  const header = ctx.headers["authorization"];
  const basic = /^Basic\s+(.+)$/i.exec((Array.isArray(header) ? header[0] : header)?.trim() ?? "");
  if (basic) {
    const decoded = Buffer.from(basic[1]!, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return undefined;
    // RFC 6749 §2.3.1: both parts are form-urlencoded before Base64.
    const unform = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));
    try {
      return { id: unform(decoded.slice(0, colon)), secret: unform(decoded.slice(colon + 1)) };
    } catch {
      return undefined;
    }
  }
  const id = form.get("client_id");
  return id ? { id, secret: form.get("client_secret") ?? undefined } : undefined;
}

/**
 * The scopes to grant: the requested ones when every one is allowed, all the client's custom
 * scopes when none is requested. "If a client requests a disallowed scope at runtime, an error is
 * returned and an access token isn't issued" (Cognito developer guide, resource servers); the
 * error is `{"error":"invalid_scope"}` (captured for a client_credentials request, re:Post
 * QUnhrxb08MRJaH7hIRtUnCKA "oauth-password-grant-type-with-cognito").
 */
function grantedScopes(requested: string | null, client: ClientRecord, pool: PoolRecord): string[] | "invalid_scope" {
  const allowedCustom = client.allowedOAuthScopes.filter((s) => pool.customScopes.has(s));
  if (requested === null || requested.trim() === "") return allowedCustom;
  const wanted = requested.trim().split(/\s+/);
  if (wanted.some((s) => !allowedCustom.includes(s))) return "invalid_scope";
  return [...new Set(wanted)];
}

async function issue(ctx: TokenEndpointContext, baseUrl: string, pool: PoolRecord, client: ClientRecord, scopes: string[]): Promise<HttpResult> {
  const iat = Math.floor(ctx.now() / 1000);
  const forced = ctx.tokenTtlSeconds?.() ?? 0;
  const ttl = forced > 0 ? forced : client.accessTokenSeconds;
  // The access token of a client credentials grant has no user: sub is the app client id and
  // there is no username, cognito:groups, origin_jti or event_id. Inferred from the developer
  // guide's access-token claims (sub "the ID of the authenticated user or application") and
  // public decodes of M2M tokens; the claim order follows user access tokens (tokens.ts).
  const claims = {
    sub: client.id,
    token_use: "access",
    scope: scopes.join(" "),
    auth_time: iat,
    iss: issuerFor(baseUrl, pool.id, pool.issuerConfiguration),
    exp: iat + ttl,
    iat,
    version: 2,
    jti: randomUUID(),
    client_id: client.id,
  };
  const key = ctx.keys.signingKey(pool.id, "access");
  // Only a V3_0 pre token generation trigger customises client credentials tokens.
  const accessToken = await new SignJWT(customizeAccessClaims(pool.preTokenGeneration, claims, "client-credentials")).setProtectedHeader({ kid: key.kid, alg: "RS256" }).sign(key.privateKey);
  return {
    status: 200,
    contentType: "application/json;charset=UTF-8",
    body: JSON.stringify({ access_token: accessToken, expires_in: ttl, token_type: "Bearer" }),
  };
}

export async function tokenEndpoint(ctx: TokenEndpointContext, domain: string, req: RequestContext): Promise<HttpResult> {
  const pool = ctx.store.poolByDomain(domain);
  // A domain nobody created does not resolve on AWS; the sandbox has to answer something.
  if (!pool) return { status: 404, body: { message: `No user pool has the domain ${domain}.` }, headers: { [UNCONFIRMED_WORDING_HEADER]: "status and wording (AWS: the host does not resolve)" } };
  const type = String(req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== FORM) return refuse("invalid_request", "which error a body that is not form-encoded gets");
  const form = new URLSearchParams(req.body.toString("utf8"));
  const grantType = form.get("grant_type");
  // "The request is missing a required parameter" (token-endpoint.md, invalid_request).
  if (!grantType) return refuse("invalid_request");
  // "Returned if grant_type is anything other than authorization_code or refresh_token" (or client_credentials).
  if (!["authorization_code", "refresh_token", "client_credentials"].includes(grantType)) return refuse("unsupported_grant_type");
  if (grantType !== "client_credentials") return refuse("invalid_request", `the sandbox does not emulate the ${grantType} grant`);

  const presented = clientCredentials(req, form);
  const found = presented ? ctx.store.client(presented.id) : undefined;
  // "Client authentication failed. For example, when the client includes client_id and
  // client_secret in the authorization header, but there's no such client with that client_id and
  // client_secret." A client of another pool is no client of this domain.
  if (!presented || !found || found.pool.id !== pool.id || !found.client.secret || presented.secret !== found.client.secret) {
    return refuse("invalid_client", presented && found?.pool.id === pool.id && !found.client.secret ? "the answer for a client without a secret" : undefined);
  }
  const { client } = found;
  if (!client.allowedOAuthFlows.includes("client_credentials")) {
    // "Client is not allowed for code grant flow or for refreshing tokens": the same code for a
    // client not allowed this grant is inferred.
    return refuse("unauthorized_client", "the error for a client without client_credentials in AllowedOAuthFlows");
  }
  if (!client.allowedOAuthFlowsUserPoolClient) return refuse("invalid_grant");
  const scopes = grantedScopes(form.get("scope"), client, pool);
  if (scopes === "invalid_scope") return refuse("invalid_scope");
  return issue(ctx, req.baseUrl, pool, client, scopes);
}

export function tokenEndpointRoutes(ctx: TokenEndpointContext): Route[] {
  return [{ method: "POST", path: ROUTE, handle: ([domain], req) => tokenEndpoint(ctx, domain!, req) }];
}
