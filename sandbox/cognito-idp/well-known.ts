import type { JsonResult, RequestContext, Route } from "../http/types";
import type { KeyRing } from "./keys";
import type { UserPoolStore } from "./store";
import { issuerFor } from "./tokens";

/**
 * The pool's public OIDC documents, at the paths real Cognito serves them:
 *   /{userPoolId}/.well-known/jwks.json
 *   /{userPoolId}/.well-known/openid-configuration
 * The discovery document names the sandbox itself as issuer, so it matches the `iss` of the
 * tokens the sandbox signs. The OAuth endpoints (hosted UI) are listed in Cognito's layout for
 * completeness but are not served by the sandbox yet; client ids are unique across the
 * sandbox, so they can live at one shared path like a pool domain's.
 */

const POOL_ID = "([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d_[0-9a-zA-Z]+)";

/** Unconfirmed: the exact body real Cognito sends for a pool that does not exist. */
const noSuchPool = (poolId: string): JsonResult => ({
  status: 404,
  body: { message: `User pool ${poolId} does not exist.` },
});

function discovery(baseUrl: string, poolId: string) {
  const issuer = issuerFor(baseUrl, poolId);
  return {
    authorization_endpoint: `${baseUrl}/oauth2/authorize`,
    end_session_endpoint: `${baseUrl}/logout`,
    id_token_signing_alg_values_supported: ["RS256"],
    issuer,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    response_types_supported: ["code", "token"],
    revocation_endpoint: `${baseUrl}/oauth2/revoke`,
    scopes_supported: ["openid", "email", "phone", "profile"],
    subject_types_supported: ["public"],
    token_endpoint: `${baseUrl}/oauth2/token`,
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    userinfo_endpoint: `${baseUrl}/oauth2/userInfo`,
  };
}

export function wellKnownRoutes(store: UserPoolStore, keys: KeyRing): Route[] {
  return [
    {
      method: "GET",
      path: new RegExp(`^/${POOL_ID}/\\.well-known/jwks\\.json$`),
      async handle([poolId = ""]: string[]) {
        const jwks = keys.jwks(poolId);
        return jwks ? { status: 200, body: jwks } : noSuchPool(poolId);
      },
    },
    {
      method: "GET",
      path: new RegExp(`^/${POOL_ID}/\\.well-known/openid-configuration$`),
      async handle([poolId = ""]: string[], ctx: RequestContext) {
        return store.pool(poolId) ? { status: 200, body: discovery(ctx.baseUrl, poolId) } : noSuchPool(poolId);
      },
    },
  ];
}
