import { createRemoteJWKSet, customFetch, decodeJwt, errors, jwtVerify, type JWTPayload } from "jose";
import { USER_POOL_ID_PATTERN } from "../../lib/config/environment";
import * as fail from "./errors";
import type { IdentityPoolRecord } from "./identities";

/**
 * Checks a `Logins` map the way an identity pool checks user pool logins: the key names a user
 * pool the identity pool trusts, and the value is that pool's ID token, verified for real —
 * signature against the pool's published JWKS (fetched from the sandbox like Cognito fetches it
 * from cognito-idp), expiry, issuer, token_use and an app client the identity pool lists.
 *
 * In AWS the key is `cognito-idp.{region}.amazonaws.com/{userPoolId}`. The sandbox's user pools
 * issue tokens with the sandbox as issuer, and Amplify derives the key from `iss`, so the
 * sandbox form `127.0.0.1:{port}/{userPoolId}` is accepted too. Either way the identity is
 * recorded under the AWS form, which is what amr and trust policies name.
 */

export interface VerifiedLogin {
  /** `cognito-idp.{region}.amazonaws.com/{userPoolId}`. */
  readonly provider: string;
  readonly userPoolId: string;
  readonly clientId: string;
  readonly sub: string;
  readonly claims: JWTPayload;
}

interface LoginContext {
  readonly baseUrl: string;
  /** Milliseconds since epoch. */
  readonly now: number;
  readonly jwks: JwksCache;
}

/** One remote JWKS per user pool issuer, refetched by jose on an unknown kid. */
export class JwksCache {
  private readonly sets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

  /** `doFetch`: the TLS listener's own issuer URLs need a fetch that trusts the sandbox's CA. */
  constructor(private readonly doFetch?: typeof fetch) {}

  for(issuer: string): ReturnType<typeof createRemoteJWKSet> {
    let set = this.sets.get(issuer);
    if (!set) {
      set = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`), this.doFetch ? { [customFetch]: this.doFetch } : {});
      this.sets.set(issuer, set);
    }
    return set;
  }
}

const awsProviderName = (userPoolId: string) =>
  `cognito-idp.${USER_POOL_ID_PATTERN.exec(userPoolId)?.[1] ?? ""}.amazonaws.com/${userPoolId}`;

/** The user pool a Logins key names, in either accepted form; undefined for anything else. */
function userPoolOfKey(key: string, baseUrl: string): string | undefined {
  const aws = /^cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/(.+)$/.exec(key);
  const sandboxHost = `${new URL(baseUrl).host}/`;
  const poolId = aws?.[1] ?? (key.startsWith(sandboxHost) ? key.slice(sandboxHost.length) : undefined);
  if (!poolId || !USER_POOL_ID_PATTERN.test(poolId)) return undefined;
  // The AWS form must name the pool's own region.
  return aws && awsProviderName(poolId) !== key ? undefined : poolId;
}

async function verifyOne(pool: IdentityPoolRecord, key: string, token: string, ctx: LoginContext): Promise<VerifiedLogin> {
  // A value that is not a JWT is refused before the provider is looked up: a Facebook token under
  // an unknown key got this answer, not "not from a supported provider" (flutter_cognito_plugin#13).
  let unverified: JWTPayload;
  try {
    unverified = decodeJwt(token);
  } catch {
    throw fail.notValidOidcToken();
  }
  const userPoolId = userPoolOfKey(key, ctx.baseUrl);
  const trusted = pool.providers.filter((p) => p.userPoolId === userPoolId);
  if (!userPoolId || trusted.length === 0) throw fail.unsupportedProvider();

  const issuer = `${ctx.baseUrl}/${userPoolId}`;
  if (unverified.iss !== issuer) throw fail.issuerMismatch();

  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(token, ctx.jwks.for(issuer), {
      algorithms: ["RS256"],
      currentDate: new Date(ctx.now),
      // Cognito allows no clock skew on exp that we know of; neither do we.
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw fail.loginTokenExpired(Math.floor(ctx.now / 1000), Number(unverified.exp));
    throw fail.cannotVerifyToken();
  }
  // Access tokens carry client_id, not aud: Cognito reports the missing claim.
  if (typeof claims.aud !== "string") throw fail.missingAudClaim();
  if (claims["token_use"] !== "id") throw fail.notACognitoToken();
  if (!trusted.some((p) => p.clientId === claims.aud)) throw fail.unsupportedProvider();
  if (typeof claims.sub !== "string") throw fail.cannotVerifyToken();
  return { provider: awsProviderName(userPoolId), userPoolId, clientId: claims.aud, sub: claims.sub, claims };
}

/** Verifies every login (one bad token fails the call, as in AWS), in a stable order. */
export async function verifyLogins(pool: IdentityPoolRecord, logins: Record<string, string>, ctx: LoginContext): Promise<VerifiedLogin[]> {
  const entries = Object.entries(logins).sort(([a], [b]) => a.localeCompare(b));
  const verified: VerifiedLogin[] = [];
  for (const [key, token] of entries) verified.push(await verifyOne(pool, key, token, ctx));
  return verified;
}
