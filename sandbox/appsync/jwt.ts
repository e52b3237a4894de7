import {
  checkAppSyncOidc,
  checkAppSyncUserPool,
  decodeToken,
  poolIssuers,
  verifyToken,
  type AuthorizerResult,
  type DecodedToken,
  type JwksGetter,
} from "../../lib/tokens";
import { FAIL, type AppSyncFailure } from "./errors";
import type { ApiConfig, AuthResult } from "./caller";

/**
 * AMAZON_COGNITO_USER_POOLS and OPENID_CONNECT: the raw JWT in Authorization. The rules (issuer,
 * token kind, expiry, client regex, OIDC TTLs) are lib/tokens' AppSync authorizers, so the
 * sandbox refuses exactly what the dashboard predicts it will refuse.
 */

interface JwtEnv {
  baseUrl: string;
  now: number;
  /** The issuer's JWKS, fetched from the issuer as AppSync does (for sandbox pools: itself). */
  getJwks: JwksGetter;
}

/** `{sandbox}` in a scenario's OIDC issuer is the sandbox URL, known only once it listens. */
const resolveIssuer = (issuer: string, baseUrl: string) => issuer.replace(/^\{sandbox\}/, baseUrl);

export async function authenticateJwt(api: ApiConfig, value: string, env: JwtEnv): Promise<AuthResult> {
  // AppSync reads the header as the token itself; "Bearer " makes it unparsable (community #198).
  if (/^bearer\s/i.test(value)) return { ok: false, failure: FAIL.unparsableJwt };
  let token: DecodedToken;
  try {
    token = decodeToken(value);
  } catch {
    return { ok: false, failure: FAIL.unparsableJwt };
  }
  const pool = api.modes.has("AMAZON_COGNITO_USER_POOLS") ? api.userPoolConfig : undefined;
  const oidc = api.modes.has("OPENID_CONNECT") ? api.openIdConnectConfig : undefined;
  // The pool's issuers in both forms (ORIGINAL, UPDATED): userPoolConfig names the pool, not an
  // issuer URL (lib/tokens/authorizers/pool-issuer.ts; AppSync's acceptance of UPDATED is unconfirmed).
  const poolIssuerList = pool ? poolIssuers(pool.userPoolId, { endpoint: env.baseUrl }) : undefined;
  const oidcIssuer = oidc ? resolveIssuer(oidc.issuer, env.baseUrl) : undefined;
  // The token's issuer picks the mode (the user pool first when both name the same issuer); a
  // token from neither is judged, and refused, by the user pool mode when there is one.
  const fromPool = poolIssuerList !== undefined && token.issuer !== null && poolIssuerList.includes(token.issuer);
  const useOidc = !fromPool && oidcIssuer !== undefined && (token.issuer === oidcIssuer || poolIssuerList === undefined);
  const issuer = useOidc ? oidcIssuer : fromPool ? token.issuer! : poolIssuerList?.[0];
  if (!issuer) return { ok: false, failure: FAIL.noValidHeader };

  // A token not signed with the issuer's keys is not that issuer's, whatever its claims say.
  if (token.issuer === issuer) {
    const verified = await verifyToken(token, { issuer, clientId: null, tokenUse: null }, { getJwks: env.getJwks, now: env.now });
    const forged = verified.checks.some((c) => ["signature", "alg", "kid"].includes(c.name) && c.status === "fail");
    // Unconfirmed wording: no public report of AppSync's answer to a bad signature.
    if (forged) return { ok: false, failure: { ...FAIL.noValidHeader, unconfirmed: "wording for a bad signature" } };
  }

  const input = { token, now: env.now, scheme: "raw" as const };
  const result: AuthorizerResult = useOidc
    ? checkAppSyncOidc(input, { issuer, ...definedOnly(oidc!) })
    : checkAppSyncUserPool(input, {
        userPoolId: pool!.userPoolId,
        defaultAction: pool!.defaultAction,
        userPoolEndpoint: env.baseUrl,
        ...(pool!.appIdClientRegex !== undefined ? { appIdClientRegex: pool!.appIdClientRegex } : {}),
      });
  if (result.verdict === "fail") return { ok: false, failure: failureOf(result) };

  const claims = token.claims;
  const groups = Array.isArray(claims["cognito:groups"]) ? claims["cognito:groups"].filter((g): g is string => typeof g === "string") : [];
  const username = String(claims["cognito:username"] ?? claims["username"] ?? claims.sub ?? "");
  const mode = useOidc ? "OPENID_CONNECT" : "AMAZON_COGNITO_USER_POOLS";
  const kind = token.tokenUse === "unknown" ? "token" : `${token.tokenUse === "id" ? "ID" : "access"} token`;
  const detail = useOidc
    ? `OPENID_CONNECT: sub ${claims.sub ?? "?"} from ${issuer}`
    : `AMAZON_COGNITO_USER_POOLS: ${username} (${kind}, sub ${claims.sub ?? "?"}, groups: ${groups.join(", ") || "none"})`;
  return { ok: true, caller: { mode, owner: username, groups, detail } };
}

function definedOnly(config: NonNullable<ApiConfig["openIdConnectConfig"]>) {
  const { clientId, iatTTL, authTTL } = config;
  return {
    ...(clientId !== undefined ? { clientId } : {}),
    ...(iatTTL !== undefined ? { iatTTL } : {}),
    ...(authTTL !== undefined ? { authTTL } : {}),
  };
}

/** lib/tokens' AppSync refusal as the sandbox sends it: the status and the error its body carries. */
function failureOf(result: AuthorizerResult): AppSyncFailure {
  const response = result.response;
  // No typed error (e.g. an invalid regex in the configuration): AppSync's generic refusal.
  if (!response?.status || !response.error) return FAIL.noValidHeader;
  const { errorType, message } = response.error;
  return { status: response.status, errorType, message, ...(response.confirmed ? {} : { unconfirmed: "wording" }) };
}
