import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The server half of Cognito's SRP-6a variant (USER_SRP_AUTH / PASSWORD_VERIFIER), written from
 * the protocol as clients implement it so that aws-amplify's client interoperates unchanged:
 *
 *   N, g   RFC 5054's 3072-bit group, g = 2
 *   k      = H(pad(N) | pad(g))
 *   x      = H(pad(salt) | H(poolName | userId | ":" | password))   poolName: pool id after "_"
 *   v      = g^x                       B = k·v + g^b (mod N)
 *   u      = H(pad(A) | pad(B))        S = (A · v^u)^b (mod N)
 *   K      = HKDF-SHA256(ikm = pad(S), salt = pad(u), info = "Caldera Derived Key", 16 bytes)
 *   claim  = base64(HMAC-SHA256(K, poolName | userId | secretBlock | timestamp))
 *
 * "pad" is the one subtle rule: numbers are hashed as the bytes of their shortest even-length
 * hex form, with a 00 byte added when the top bit is set (a Java BigInteger's toByteArray).
 * Clients parse SALT, SRP_B and every hash back into integers before padding, so leading zero
 * bytes vanish and a high first byte gains a 00; the server must do exactly the same.
 */

const N_HEX =
  "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
  "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
  "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
  "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
  "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
  "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
  "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
  "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF";

export const N = BigInt(`0x${N_HEX}`);
export const g = 2n;

/** Shortest even-length hex of a non-negative integer, with 00 before a set top bit. */
export function padHex(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/.test(hex) ? `00${hex}` : hex;
}

const bytesOf = (value: bigint) => Buffer.from(padHex(value), "hex");
const sha256 = (...parts: Buffer[]) => createHash("sha256").update(Buffer.concat(parts)).digest();
const toBigInt = (bytes: Buffer) => BigInt(`0x${bytes.toString("hex") || "0"}`);

export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = ((base % modulus) + modulus) % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

const k = toBigInt(sha256(bytesOf(N), bytesOf(g)));

/** A fresh per-user salt, sent to clients as 32 hex digits like Cognito's. */
export function newSalt(): string {
  return randomBytes(16).toString("hex");
}

/** v = g^x for the password the scenario gives the user. */
export function passwordVerifier(saltHex: string, poolName: string, userId: string, password: string): bigint {
  const inner = sha256(Buffer.from(`${poolName}${userId}:${password}`, "utf8"));
  const x = toBigInt(sha256(bytesOf(BigInt(`0x${saltHex}`)), inner));
  return modPow(g, x, N);
}

/** The server's ephemeral pair; b is 256 random bits, B never 0 mod N. */
export function serverEphemeral(v: bigint): { b: bigint; B: bigint } {
  for (;;) {
    const b = toBigInt(randomBytes(32));
    const B = (k * v + modPow(g, b, N)) % N;
    if (B !== 0n) return { b, B };
  }
}

/** Checks the client's PASSWORD_CLAIM_SIGNATURE; false on any mismatch. */
export function verifyPasswordClaim(input: {
  A: bigint;
  B: bigint;
  b: bigint;
  v: bigint;
  poolName: string;
  userId: string;
  secretBlock: Buffer;
  timestamp: string;
  signature: string;
}): boolean {
  const u = toBigInt(sha256(bytesOf(input.A), bytesOf(input.B)));
  if (u === 0n) return false;
  const S = modPow((input.A * modPow(input.v, u, N)) % N, input.b, N);
  const key = Buffer.from(hkdfSync("sha256", bytesOf(S), bytesOf(u), Buffer.from("Caldera Derived Key"), 16));
  const message = Buffer.concat([
    Buffer.from(input.poolName, "utf8"),
    Buffer.from(input.userId, "utf8"),
    input.secretBlock,
    Buffer.from(input.timestamp, "utf8"),
  ]);
  const expected = createHmac("sha256", key).update(message).digest();
  const given = Buffer.from(input.signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
