import type { IssuerForm } from "../../lib/tokens/issuer";
import type { JsonResult, RequestContext, Route } from "../http/types";
import type { KeyRing } from "./keys";
import type { UserPoolStore } from "./store";
import { issuerFor } from "./tokens";

/**
 * The pool's public OIDC documents, at the paths real Cognito serves them, under both issuer forms
 * (Cognito API reference, IssuerConfigurationType):
 *   ORIGINAL  /{userPoolId}/.well-known/{jwks.json,openid-configuration}
 *             (https://cognito-idp.{region}.amazonaws.com/{userPoolId}/.well-known/…)
 *   UPDATED   /issuer-cognito-idp/{userPoolId}/.well-known/{jwks.json,openid-configuration}
 *             (https://issuer-cognito-idp.{region}.amazonaws.com/{userPoolId}/.well-known/…)
 * Each discovery document names as issuer the URL it is served under (OpenID Connect Discovery
 * 1.0 §4.3 requires that), so it matches the `iss` of tokens the pool signs only when the pool uses
 * that form. A pool with the UPDATED issuer still serves its ORIGINAL documents (inferred: AWS
 * describes the UPDATED issuer as hosting the same JWKS in more Regions, and nothing says the
 * ORIGINAL endpoint goes away); a pool with the ORIGINAL issuer has no UPDATED documents: AWS
 * answers 403 there (captured in awslabs/aws-jwt-verify#279, aws-jwt-verify 5.2.0's hydrate()
 * fetching the issuer-cognito-idp JWKS of a pool that never switched).
 * The OAuth endpoints (hosted UI) are listed in Cognito's layout for completeness but are not
 * served by the sandbox yet; client ids are unique across the sandbox, so they can live at one
 * shared path like a pool domain's.
 */

const POOL_ID = "([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d_[0-9a-zA-Z]+)";
const PREFIX: Record<IssuerForm, string> = { ORIGINAL: "", UPDATED: "/issuer-cognito-idp" };

/** Unconfirmed: the exact body real Cognito sends for a pool that does not exist. */
const noSuchPool = (poolId: string): JsonResult => ({
  status: 404,
  body: { message: `User pool ${poolId} does not exist.` },
});

/** The status is captured (awslabs/aws-jwt-verify#279); the body is our best guess. */
const updatedIssuerNotEnabled = (): JsonResult => ({ status: 403, body: { message: "Forbidden" } });

function discovery(baseUrl: string, poolId: string, form: IssuerForm) {
  const issuer = issuerFor(baseUrl, poolId, form);
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
  /** Why a pool's documents are not served under this form, or null when they are. */
  const refusal = (poolId: string, form: IssuerForm): JsonResult | null => {
    const pool = store.pool(poolId);
    if (!pool) return noSuchPool(poolId);
    return form === "UPDATED" && pool.issuerConfiguration !== "UPDATED" ? updatedIssuerNotEnabled() : null;
  };
  return (["ORIGINAL", "UPDATED"] as const).flatMap((form): Route[] => [
    {
      method: "GET",
      path: new RegExp(`^${PREFIX[form]}/${POOL_ID}/\\.well-known/jwks\\.json$`),
      async handle([poolId = ""]: string[]) {
        const jwks = keys.jwks(poolId);
        return refusal(poolId, form) ?? (jwks ? { status: 200, body: jwks } : noSuchPool(poolId));
      },
    },
    {
      method: "GET",
      path: new RegExp(`^${PREFIX[form]}/${POOL_ID}/\\.well-known/openid-configuration$`),
      async handle([poolId = ""]: string[], ctx: RequestContext) {
        return refusal(poolId, form) ?? { status: 200, body: discovery(ctx.baseUrl, poolId, form) };
      },
    },
  ]);
}
