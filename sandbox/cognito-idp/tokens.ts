import { randomUUID } from "node:crypto";
import { decodeProtectedHeader, errors, jwtVerify, SignJWT, type JWTPayload } from "jose";
import { cognitoIssuer, poolIssuers, type IssuerForm } from "../../lib/tokens/issuer";
import * as fail from "./errors";
import { groupRoleClaims } from "./group-roles";
import type { KeyRing } from "./keys";
import { customizeAccessClaims, customizeIdClaims } from "./pre-token-generation";
import type { SessionStore } from "./sessions";
import type { ClientRecord, PoolRecord, UserPoolStore, UserRecord } from "./store";

/**
 * ID and access tokens with the claims, claim order and header real Cognito uses, so what the
 * dashboard decodes from the sandbox looks like what it decodes from AWS.
 */

export interface TokenContext {
  readonly store: UserPoolStore;
  readonly sessions: SessionStore;
  readonly keys: KeyRing;
  /** Milliseconds since epoch; injectable so tests can move time. */
  readonly now: () => number;
  /** When above 0, ID and access tokens live this many seconds instead of the client's setting (a sandbox fault). */
  readonly tokenTtlSeconds?: () => number;
}

/**
 * The iss of a pool's tokens, by its IssuerConfiguration (Cognito API reference,
 * IssuerConfigurationType): ORIGINAL `https://cognito-idp.{region}.amazonaws.com/{poolId}` is
 * `{sandbox}/{poolId}` here, UPDATED `https://issuer-cognito-idp.{region}.amazonaws.com/{poolId}`
 * is `{sandbox}/issuer-cognito-idp/{poolId}`.
 */
export const issuerFor = (baseUrl: string, poolId: string, form: IssuerForm = "ORIGINAL") => cognitoIssuer(poolId, baseUrl, form);

interface TokenGrant {
  readonly pool: PoolRecord;
  readonly client: ClientRecord;
  readonly user: UserRecord;
  readonly originJti: string;
  readonly authTime: number;
}

/** Standard attributes Cognito puts in ID tokens as booleans rather than strings. */
const BOOLEAN_CLAIMS = new Set(["email_verified", "phone_number_verified"]);

function idClaims(grant: TokenGrant, iss: string, eventId: string, iat: number, ttl: number): JWTPayload {
  const { user, client } = grant;
  const attributes = Object.entries(user.attributes).filter(([name]) => name !== "sub");
  const value = (name: string, v: string) => (BOOLEAN_CLAIMS.has(name) ? v === "true" : v);
  const head: Record<string, unknown> = { sub: user.sub };
  if (user.groups.length > 0) head["cognito:groups"] = [...user.groups];
  for (const [name, v] of attributes) if (BOOLEAN_CLAIMS.has(name)) head[name] = value(name, v);
  // Where AWS's ID token example puts them: preferred_role before iss, roles after origin_jti
  // (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html).
  const { roles, preferred } = groupRoleClaims(grant.pool, user);
  if (preferred) head["cognito:preferred_role"] = preferred;
  return {
    ...head,
    iss,
    "cognito:username": user.username,
    origin_jti: grant.originJti,
    ...(roles.length > 0 ? { "cognito:roles": roles } : {}),
    aud: client.id,
    event_id: eventId,
    token_use: "id",
    auth_time: grant.authTime,
    exp: iat + ttl,
    iat,
    jti: randomUUID(),
    ...Object.fromEntries(attributes.filter(([name]) => !BOOLEAN_CLAIMS.has(name))),
  };
}

function accessClaims(grant: TokenGrant, iss: string, eventId: string, iat: number, ttl: number): JWTPayload {
  const { user, client } = grant;
  // No `aud` in Cognito access tokens: client_id carries the app client instead.
  return {
    sub: user.sub,
    ...(user.groups.length > 0 ? { "cognito:groups": [...user.groups] } : {}),
    iss,
    // `version` is a number claim of Cognito access tokens in AWS's own verifier model
    // (awslabs/aws-jwt-verify src/jwt-model.ts, CognitoAccessTokenFields) and 2 in decoded real
    // tokens, placed right after iss. Inferred for SDK sign-ins: the public decodes that show it
    // come mostly from the hosted UI / token endpoint.
    version: 2,
    client_id: client.id,
    origin_jti: grant.originJti,
    event_id: eventId,
    token_use: "access",
    scope: client.scopes.join(" "),
    auth_time: grant.authTime,
    exp: iat + ttl,
    iat,
    jti: randomUUID(),
    username: user.username,
  };
}

async function sign(ctx: TokenContext, poolId: string, use: "id" | "access", claims: JWTPayload): Promise<string> {
  const key = ctx.keys.signingKey(poolId, use);
  // Cognito's header is exactly {"kid":…,"alg":"RS256"}: no typ.
  return new SignJWT(claims).setProtectedHeader({ kid: key.kid, alg: "RS256" }).sign(key.privateKey);
}

/** Mints an ID and access token pair for one issuance event (sign-in or refresh). */
export async function mintTokens(ctx: TokenContext, baseUrl: string, grant: TokenGrant) {
  const iss = issuerFor(baseUrl, grant.pool.id, grant.pool.issuerConfiguration);
  const iat = Math.floor(ctx.now() / 1000);
  const eventId = randomUUID();
  const forced = ctx.tokenTtlSeconds?.() ?? 0;
  const idTtl = forced > 0 ? forced : grant.client.idTokenSeconds;
  const accessTtl = forced > 0 ? forced : grant.client.accessTokenSeconds;
  const [idToken, accessToken] = await Promise.all([
    // The pool's pre token generation trigger sees both tokens' claims before they are signed.
    sign(ctx, grant.pool.id, "id", customizeIdClaims(grant.pool.preTokenGeneration, idClaims(grant, iss, eventId, iat, idTtl))),
    sign(ctx, grant.pool.id, "access", customizeAccessClaims(grant.pool.preTokenGeneration, accessClaims(grant, iss, eventId, iat, accessTtl), "user")),
  ]);
  return { idToken, accessToken, expiresIn: accessTtl };
}

/**
 * Checks an access token the way Cognito's own APIs (GetUser, GlobalSignOut) do: our
 * signature, an access-token kid, not expired, and not revoked by RevokeToken/GlobalSignOut.
 */
export async function verifyAccessToken(ctx: TokenContext, baseUrl: string, token: string) {
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(token).kid;
  } catch {
    throw fail.invalidAccessToken();
  }
  const key = kid ? ctx.keys.byKid(kid) : undefined;
  if (!key || key.use !== "access") throw fail.invalidAccessToken();
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key.publicKey, {
      algorithms: ["RS256"],
      // Either form of the pool: a token keeps the iss it was issued with, and which form Cognito's
      // own APIs accept after a pool's issuer configuration changes is not confirmed; the key
      // (the pool's own) is what proves the token.
      issuer: poolIssuers(key.poolId, { endpoint: baseUrl }),
      currentDate: new Date(ctx.now()),
    }));
  } catch (error) {
    throw error instanceof errors.JWTExpired ? fail.accessTokenExpired() : fail.invalidAccessToken();
  }
  if (payload["token_use"] !== "access") throw fail.invalidAccessToken();
  const originJti = payload["origin_jti"];
  if (typeof originJti === "string" && ctx.sessions.isOriginRevoked(originJti)) throw fail.accessTokenRevoked();
  const pool = ctx.store.pool(key.poolId);
  const username = payload["username"];
  const user = pool && typeof username === "string" ? ctx.store.user(pool, username) : undefined;
  if (!pool || !user) throw fail.userDoesNotExist();
  const scopes = typeof payload["scope"] === "string" ? payload["scope"].split(" ") : [];
  return { pool, user, scopes, claims: payload };
}
