import { beforeAll, describe, expect, it } from "vitest";
import { decodeToken } from "./decode";
import { describeSignature, signatureStateOf } from "./signature-state";
import { createFakePool, signHs256, tamper, type FakePool } from "./test-support/cognito-tokens";
import { verifyToken } from "./verify";

const NOW = 1_760_000_000;
const ANY = { issuer: null, clientId: null, tokenUse: null } as const;
let pool: FakePool;
beforeAll(async () => {
  pool = await createFakePool();
});

async function stateOf(raw: string, getJwks = async () => pool.jwks) {
  const result = await verifyToken(decodeToken(raw), ANY, { getJwks, now: NOW * 1000 });
  return signatureStateOf(result.checks);
}

describe("signatureStateOf", () => {
  it("verified: signed by a key of the issuer's JWKS", async () => {
    expect((await stateOf(await pool.access({}, { iat: NOW - 60 }))).state).toBe("verified");
  });

  it("failed: the payload was edited after signing", async () => {
    const raw = await pool.access({}, { iat: NOW - 60 });
    const edited = tamper(raw, { ...decodeToken(raw).claims, "cognito:groups": ["admin"] });
    const state = await stateOf(edited);
    expect(state.state).toBe("failed");
    expect(describeSignature(state)).toMatch(/^Signature failed: /);
  });

  it("failed: an HS256 forgery carrying the pool's kid", async () => {
    const forged = await signHs256({ iss: pool.issuer, token_use: "access", exp: NOW + 600 }, pool.accessKey.kid);
    expect((await stateOf(forged)).state).toBe("failed");
  });

  it("failed: a kid the issuer does not publish", async () => {
    const other = await createFakePool();
    expect((await stateOf(await other.access({}, { iat: NOW - 60 }))).state).toBe("failed");
  });

  it("not verified: the keys could not be fetched, and says why", async () => {
    const state = await stateOf(await pool.access({}, { iat: NOW - 60 }), async () => {
      throw new Error("HTTP 404");
    });
    expect(state).toEqual({ state: "not verified", detail: "HTTP 404" });
    expect(describeSignature(state)).toMatch(/^Signature not verified \(HTTP 404\)/);
  });
});
