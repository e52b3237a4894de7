import { createHash } from "node:crypto";
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from "jose";

/**
 * Signing keys, generated fresh at every start (nothing secret is ever written to disk).
 * Like a real user pool, each pool has two RS256 keys with distinct `kid`s, one for ID tokens
 * and one for access tokens, and publishes both in its JWKS. Keeping them apart lets the
 * dashboard show which key signed what, and lets GetUser reject an ID token by its kid.
 */

export type TokenUse = "id" | "access";

export interface SigningKey {
  readonly kid: string;
  readonly poolId: string;
  readonly use: TokenUse;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicJwk: JWK;
}

/** Cognito's kids are base64 SHA-256 digests (44 characters); ours are made the same way. */
function kidFor(jwk: JWK): string {
  return createHash("sha256").update(jwk.n ?? "").digest("base64");
}

async function newKey(poolId: string, use: TokenUse): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { modulusLength: 2048 });
  const jwk = await exportJWK(publicKey);
  const kid = kidFor(jwk);
  // The member order of Cognito's JWKS entries.
  const publicJwk: JWK = { alg: "RS256", e: jwk.e, kid, kty: "RSA", n: jwk.n, use: "sig" };
  return { kid, poolId, use, privateKey, publicKey, publicJwk };
}

export class KeyRing {
  private constructor(
    private readonly byPool: Map<string, Record<TokenUse, SigningKey>>,
    private readonly byKidMap: Map<string, SigningKey>,
  ) {}

  static async create(poolIds: readonly string[]): Promise<KeyRing> {
    const byPool = new Map<string, Record<TokenUse, SigningKey>>();
    const byKid = new Map<string, SigningKey>();
    await Promise.all(
      poolIds.map(async (poolId) => {
        const [id, access] = await Promise.all([newKey(poolId, "id"), newKey(poolId, "access")]);
        byPool.set(poolId, { id, access });
        byKid.set(id.kid, id);
        byKid.set(access.kid, access);
      }),
    );
    return new KeyRing(byPool, byKid);
  }

  signingKey(poolId: string, use: TokenUse): SigningKey {
    const key = this.byPool.get(poolId)?.[use];
    if (!key) throw new Error(`no signing key for pool ${poolId}`);
    return key;
  }

  byKid(kid: string): SigningKey | undefined {
    return this.byKidMap.get(kid);
  }

  /** The pool's JWKS document, or undefined for an unknown pool. */
  jwks(poolId: string): { keys: JWK[] } | undefined {
    const keys = this.byPool.get(poolId);
    return keys && { keys: [keys.id.publicJwk, keys.access.publicJwk] };
  }
}
