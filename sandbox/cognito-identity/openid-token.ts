import { decodeJwt, decodeProtectedHeader, errors, exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK, type JWTPayload } from "jose";

/**
 * The OpenID token GetOpenIdToken returns (basic flow) and STS accepts as WebIdentityToken. Its
 * shape follows a decoded real one (header {"kid":"ap-northeast-15","typ":"JWS","alg":"RS512"};
 * claims sub = identity id, aud = identity pool id, amr, iss https://cognito-identity.amazonaws.com,
 * the pool ARN under https://cognito-identity.amazonaws.com/identity-pool-arn, exp, iat).
 *
 * The issuer is AWS's own even in the sandbox: trust policies name `cognito-identity.amazonaws.com`
 * as the federated principal, and the token never leaves the sandbox unverified (STS here checks
 * it against the sandbox key, published at /cognito-identity/.well-known/jwks_uri).
 */

const OPENID_ISSUER = "https://cognito-identity.amazonaws.com";
/** exp − iat of the captured token; the API reference says "valid for 10 minutes". */
const OPENID_TOKEN_SECONDS = 900;

interface RegionKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

interface OpenIdClaims {
  identityId: string;
  identityPoolId: string;
  amr: string[];
  exp: number;
}

type OpenIdVerification =
  | { ok: true; claims: OpenIdClaims }
  | { ok: false; reason: "malformed" | "foreign-issuer" | "signature" | "expired"; issuer?: string; now?: number; exp?: number };

export class OpenIdKeys {
  private constructor(private readonly byRegion: Map<string, RegionKey>) {}

  /** One RS512 key per region, new at every start, kid `{region}1` like Cognito's regional kids. */
  static async create(regions: Iterable<string>): Promise<OpenIdKeys> {
    const byRegion = new Map<string, RegionKey>();
    for (const region of new Set(regions)) {
      const { privateKey, publicKey } = await generateKeyPair("RS512", { modulusLength: 2048 });
      const kid = `${region}1`;
      const jwk = await exportJWK(publicKey);
      byRegion.set(region, { kid, privateKey, publicKey, publicJwk: { kty: "RSA", alg: "RS512", use: "sig", kid, n: jwk.n, e: jwk.e } });
    }
    return new OpenIdKeys(byRegion);
  }

  jwks(): { keys: JWK[] } {
    return { keys: [...this.byRegion.values()].map((key) => key.publicJwk) };
  }

  async sign(input: { region: string; accountId: string; identityId: string; identityPoolId: string; amr: readonly string[]; now: number }): Promise<string> {
    const key = this.byRegion.get(input.region);
    if (!key) throw new Error(`no OpenID signing key for ${input.region}`);
    const iat = Math.floor(input.now / 1000);
    const claims: JWTPayload = {
      sub: input.identityId,
      aud: input.identityPoolId,
      amr: [...input.amr],
      iss: OPENID_ISSUER,
      "https://cognito-identity.amazonaws.com/identity-pool-arn": `arn:aws:cognito-identity:${input.region}:${input.accountId}:identitypool/${input.identityPoolId}`,
      exp: iat + OPENID_TOKEN_SECONDS,
      iat,
    };
    return new SignJWT(claims).setProtectedHeader({ kid: key.kid, typ: "JWS", alg: "RS512" }).sign(key.privateKey);
  }

  async verify(token: string, now: number): Promise<OpenIdVerification> {
    let kid: string | undefined;
    let unverified: JWTPayload;
    try {
      kid = decodeProtectedHeader(token).kid;
      unverified = decodeJwt(token);
    } catch {
      return { ok: false, reason: "malformed" };
    }
    if (unverified.iss !== OPENID_ISSUER) return { ok: false, reason: "foreign-issuer", issuer: String(unverified.iss ?? "") };
    const key = [...this.byRegion.values()].find((k) => k.kid === kid);
    if (!key) return { ok: false, reason: "signature" };
    try {
      const { payload } = await jwtVerify(token, key.publicKey, { algorithms: ["RS512"], issuer: OPENID_ISSUER, currentDate: new Date(now) });
      const amr = Array.isArray(payload["amr"]) ? payload["amr"].filter((v): v is string => typeof v === "string") : [];
      if (typeof payload.sub !== "string" || typeof payload.aud !== "string") return { ok: false, reason: "malformed" };
      return { ok: true, claims: { identityId: payload.sub, identityPoolId: payload.aud, amr, exp: Number(payload.exp) } };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, reason: "expired", now: Math.floor(now / 1000), exp: Number(unverified.exp) };
      return { ok: false, reason: "signature" };
    }
  }
}
