import { base64url, importJWK, SignJWT, type CryptoKey, type JSONWebKeySet, type JWTPayload } from "jose";
import { TEST_PRIVATE_JWKS } from "./test-keys";

/**
 * Test-only: a fake user pool that signs tokens shaped like Cognito's (claims, claim order,
 * header `{kid, alg}` with no typ), one RSA key for ID tokens and one for access tokens, as a
 * real pool does. Not imported by product code.
 */

const REGION = "ap-northeast-1";
export const POOL_ID = "ap-northeast-1_TestPool1";
export const CLIENT_ID = "3n4b5urk1ft4fl3mg5e62d9ado";
export const OTHER_CLIENT_ID = "7c0ugh2m4qqn0ab1e2ggg4q6kl";
export const ISSUER = `https://cognito-idp.${REGION}.amazonaws.com/${POOL_ID}`;

export interface PoolKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
}

export interface FakePool {
  readonly issuer: string;
  readonly idKey: PoolKey;
  readonly accessKey: PoolKey;
  readonly jwks: JSONWebKeySet;
  /** Signs an ID token; `claims` override or (with undefined) remove defaults. */
  id(claims?: Record<string, unknown>, options?: SignOptions): Promise<string>;
  access(claims?: Record<string, unknown>, options?: SignOptions): Promise<string>;
}

export interface SignOptions {
  readonly key?: PoolKey;
  readonly header?: Record<string, unknown>;
  /** Seconds since the epoch for iat; exp defaults to iat + 1 h. */
  readonly iat?: number;
}

async function newKey(index: number, kid: string): Promise<{ key: PoolKey; jwk: JSONWebKeySet["keys"][number] }> {
  const priv = TEST_PRIVATE_JWKS[index % TEST_PRIVATE_JWKS.length] ?? {};
  const privateKey = (await importJWK(priv, "RS256")) as CryptoKey;
  return { key: { kid, privateKey }, jwk: { alg: "RS256", e: priv.e, kid, kty: "RSA", n: priv.n, use: "sig" } };
}

let pools = 0;

export async function createFakePool(issuer = ISSUER): Promise<FakePool> {
  // Distinct kids per pool, as real pools have, so cross-pool mix-ups are visible.
  const n = ++pools;
  const [id, access] = await Promise.all([newKey(2 * n, `pool${n}-id-kid`), newKey(2 * n + 1, `pool${n}-access-kid`)]);
  const jwks: JSONWebKeySet = { keys: [id.jwk, access.jwk] };
  const sign = (defaults: Record<string, unknown>, claims: Record<string, unknown>, key: PoolKey, options: SignOptions) => {
    const merged: Record<string, unknown> = { ...defaults, ...claims };
    for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
    return new SignJWT(merged as JWTPayload)
      .setProtectedHeader({ kid: key.kid, alg: "RS256", ...options.header })
      .sign(key.privateKey);
  };
  const times = (options: SignOptions) => {
    const iat = options.iat ?? Math.floor(Date.now() / 1000);
    return { auth_time: iat, exp: iat + 3600, iat };
  };
  return {
    issuer,
    idKey: id.key,
    accessKey: access.key,
    jwks,
    id: (claims = {}, options = {}) =>
      sign(
        {
          sub: "8f1e0a9c-1111-2222-3333-444455556666",
          "cognito:groups": ["support"],
          email_verified: true,
          iss: issuer,
          "cognito:username": "demo",
          origin_jti: "0b6a8a8e-origin",
          aud: CLIENT_ID,
          event_id: "5d1f-event",
          token_use: "id",
          ...times(options),
          jti: "id-jti-1",
          email: "demo@example.com",
        },
        claims,
        options.key ?? id.key,
        options,
      ),
    access: (claims = {}, options = {}) =>
      sign(
        {
          sub: "8f1e0a9c-1111-2222-3333-444455556666",
          "cognito:groups": ["support"],
          iss: issuer,
          client_id: CLIENT_ID,
          origin_jti: "0b6a8a8e-origin",
          event_id: "5d1f-event",
          token_use: "access",
          scope: "aws.cognito.signin.user.admin",
          ...times(options),
          jti: "access-jti-1",
          username: "demo",
        },
        claims,
        options.key ?? access.key,
        options,
      ),
  };
}

/** An HS256 token carrying a pool's kid: the alg-confusion forgery. */
export function signHs256(claims: Record<string, unknown>, kid: string): Promise<string> {
  return new SignJWT(claims as JWTPayload)
    .setProtectedHeader({ kid, alg: "HS256" })
    .sign(new TextEncoder().encode("a-shared-secret-nobody-should-use"));
}

/** Swaps the payload of a signed token, keeping its header and signature. */
export function tamper(token: string, claims: Record<string, unknown>): string {
  const [header, , signature] = token.split(".");
  const payload = base64url.encode(JSON.stringify(claims));
  return `${header}.${payload}.${signature}`;
}

/** Shaped like a Cognito refresh token: a compact JWE with Cognito's header. */
export const JWE_LIKE =
  base64url.encode(JSON.stringify({ cty: "JWT", enc: "A256GCM", alg: "RSA-OAEP" })) +
  ".c29tZS1lbmNyeXB0ZWQta2V5.aXYtaXYtaXY.Y2lwaGVydGV4dA.dGFnLXRhZw";

export const APPSYNC_API_KEY = "da2-abcdefghijklmnopqrstuvwxyz";
