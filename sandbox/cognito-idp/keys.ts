import { createHash } from "node:crypto";
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";
import { z } from "zod";
import type { StateDir } from "../state-dir";

/**
 * Signing keys, generated fresh at every start unless the sandbox has a state directory
 * (state-dir.ts), where they are kept so tokens issued before a restart still verify after it,
 * as they would at AWS. Like a real user pool, each pool has two RS256 keys with distinct `kid`s,
 * one for ID tokens and one for access tokens, and publishes both in its JWKS. Keeping them
 * apart lets the dashboard show which key signed what, and lets GetUser reject an ID token by its kid.
 */

type TokenUse = "id" | "access";

interface SigningKey {
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

const STATE_FILE = "user-pool-keys";
const privateJwkSchema = z.object({ kty: z.literal("RSA"), n: z.string(), e: z.string(), d: z.string(), p: z.string(), q: z.string(), dp: z.string(), dq: z.string(), qi: z.string() });
const storedKeysSchema = z.record(z.string(), z.object({ id: privateJwkSchema, access: privateJwkSchema }));
type StoredKeys = z.infer<typeof storedKeysSchema>;

async function newKey(poolId: string, use: TokenUse, extractable: boolean): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { modulusLength: 2048, extractable });
  return describeKey(poolId, use, privateKey, publicKey);
}

async function storedKey(poolId: string, use: TokenUse, jwk: z.infer<typeof privateJwkSchema>): Promise<SigningKey> {
  const privateKey = (await importJWK({ ...jwk, alg: "RS256" }, "RS256", { extractable: true })) as CryptoKey;
  const publicKey = (await importJWK({ kty: "RSA", n: jwk.n, e: jwk.e, alg: "RS256" }, "RS256")) as CryptoKey;
  return describeKey(poolId, use, privateKey, publicKey);
}

async function describeKey(poolId: string, use: TokenUse, privateKey: CryptoKey, publicKey: CryptoKey): Promise<SigningKey> {
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

  /** With a state directory, pools keep the keys stored there; new pools get new keys, stored. */
  static async create(poolIds: readonly string[], state?: StateDir): Promise<KeyRing> {
    const byPool = new Map<string, Record<TokenUse, SigningKey>>();
    const byKid = new Map<string, SigningKey>();
    const stored = state?.read(STATE_FILE, storedKeysSchema) ?? {};
    let generated = false;
    await Promise.all(
      poolIds.map(async (poolId) => {
        const kept = stored[poolId];
        const [id, access] = kept
          ? await Promise.all([storedKey(poolId, "id", kept.id), storedKey(poolId, "access", kept.access)])
          : await Promise.all([newKey(poolId, "id", state !== undefined), newKey(poolId, "access", state !== undefined)]);
        if (!kept) generated = true;
        byPool.set(poolId, { id, access });
        byKid.set(id.kid, id);
        byKid.set(access.kid, access);
      }),
    );
    if (state && generated) {
      const all: StoredKeys = { ...stored };
      for (const [poolId, keys] of byPool) {
        const [id, access] = await Promise.all([exportJWK(keys.id.privateKey), exportJWK(keys.access.privateKey)]);
        all[poolId] = { id: privateJwkSchema.parse(id), access: privateJwkSchema.parse(access) };
      }
      state.write(STATE_FILE, all);
    }
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
