import { beforeAll, describe, expect, it } from "vitest";
import type { Check } from "./checks";
import { CheckConfigError, TokenDecodeError } from "./errors";
import { createJwksCache } from "./jwks-cache";
import { CLIENT_ID, createFakePool, ISSUER, OTHER_CLIENT_ID, signHs256, tamper, type FakePool } from "./test-support/cognito-tokens";
import { verifyToken, type VerifyExpectations, type VerifyOptions } from "./verify";

let pool: FakePool;
let otherPool: FakePool;
const NOW = 1_760_000_000; // seconds
const at = (offset: number) => ({ iat: NOW + offset });

beforeAll(async () => {
  [pool, otherPool] = await Promise.all([createFakePool(), createFakePool("https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Other0001")]);
});

const options = (extra: Partial<VerifyOptions> = {}): VerifyOptions => ({
  getJwks: async () => pool.jwks,
  now: NOW * 1000,
  ...extra,
});
const expectAccess: VerifyExpectations = { issuer: ISSUER, clientId: CLIENT_ID, tokenUse: "access" };
const expectId: VerifyExpectations = { issuer: ISSUER, clientId: CLIENT_ID, tokenUse: "id" };

const byName = (checks: readonly Check[]) => Object.fromEntries(checks.map((c) => [c.name, c]));
const statuses = (checks: readonly Check[]) => Object.fromEntries(checks.map((c) => [c.name, c.status]));

describe("verifyToken", () => {
  it("passes a good access token and lists every check", async () => {
    const result = await verifyToken(await pool.access({}, at(-60)), expectAccess, options());
    expect(result.ok).toBe(true);
    expect(statuses(result.checks)).toEqual({
      signature: "pass", alg: "pass", kid: "pass", iss: "pass", token_use: "pass", client: "pass", exp: "pass", nbf: "n/a", iat: "pass",
    });
    expect(byName(result.checks)["client"]?.message).toMatch(/read from client_id/);
    expect(result.tokenAgeSeconds).toBe(60);
  });

  it("reads the client from aud in an ID token", async () => {
    const result = await verifyToken(await pool.id({}, at(-5)), expectId, options());
    expect(result.ok).toBe(true);
    expect(byName(result.checks)["client"]).toMatchObject({ actual: `aud: ${CLIENT_ID}`, message: expect.stringMatching(/read from aud/) });
  });

  it("never stops at the first failure: an expired ID token for the wrong client, used as access token", async () => {
    const token = await pool.id({ aud: OTHER_CLIENT_ID }, at(-7200));
    const result = await verifyToken(token, expectAccess, options());
    expect(result.ok).toBe(false);
    expect(statuses(result.checks)).toMatchObject({ signature: "pass", token_use: "fail", client: "fail", exp: "fail" });
    const c = byName(result.checks);
    expect(c["token_use"]?.message).toMatch(/This is an ID token; an access token is expected/);
    expect(c["exp"]?.message).toMatch(/Expired 1 h 0 min ago/);
  });

  it("fails a tampered payload on the signature only", async () => {
    const token = tamper(await pool.access({}, at(-5)), { token_use: "access", client_id: CLIENT_ID, iss: ISSUER, exp: NOW + 60, iat: NOW - 5 });
    const result = await verifyToken(token, expectAccess, options());
    expect(statuses(result.checks)).toMatchObject({ signature: "fail", kid: "pass", alg: "pass" });
    expect(byName(result.checks)["signature"]?.message).toMatch(/changed after signing/);
  });

  it("fails the issuer and the kid for a token from another pool", async () => {
    const result = await verifyToken(await otherPool.access({}, at(-5)), expectAccess, options());
    const c = byName(result.checks);
    expect(c["iss"]).toMatchObject({ status: "fail", message: expect.stringMatching(/user pool ap-northeast-1_Other0001, expected ap-northeast-1_TestPool1/) });
    expect(c["kid"]).toMatchObject({ status: "fail", message: expect.stringMatching(/not in the JWKS/) });
    expect(c["signature"]?.status).toBe("fail");
  });

  describe("a pool's two issuer forms (IssuerConfigurationType ORIGINAL / UPDATED)", () => {
    const UPDATED = "https://issuer-cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_TestPool1";
    const both = [ISSUER, UPDATED] as const;
    it.each([
      ["ORIGINAL token, both forms expected", ISSUER, both, "pass", /ORIGINAL issuer of user pool ap-northeast-1_TestPool1\. Either issuer form of the pool is accepted/],
      ["UPDATED token, both forms expected", UPDATED, both, "pass", /UPDATED issuer of user pool ap-northeast-1_TestPool1\. Either issuer form/],
      ["UPDATED token, UPDATED first", UPDATED, [UPDATED, ISSUER], "pass", /UPDATED issuer/],
      ["UPDATED token, only the ORIGINAL issuer expected", UPDATED, ISSUER, "fail", /other issuer form: the token carries the UPDATED issuer and the ORIGINAL one is configured here/],
      ["ORIGINAL token, only the UPDATED issuer expected", ISSUER, [UPDATED], "fail", /token carries the ORIGINAL issuer and the UPDATED one/],
    ] as const)("%s", async (_label, iss, issuer, status, message) => {
      const fetched: string[] = [];
      const result = await verifyToken(await pool.access({ iss }, at(-5)), { ...expectAccess, issuer }, options({
        getJwks: async (from) => (fetched.push(from), pool.jwks),
      }));
      expect(byName(result.checks)["iss"]).toMatchObject({ status, message: expect.stringMatching(message) });
      expect(result.ok).toBe(status === "pass");
      // Keys come from the token's own issuer when it is an expected one, else from the first expected.
      const list: readonly string[] = typeof issuer === "string" ? [issuer] : issuer;
      expect(fetched).toEqual([list.includes(iss) ? iss : list[0]]);
    });
  });

  it("fails a kid the JWKS doesn't have", async () => {
    const token = await pool.access({}, { ...at(-5), header: { kid: "retired-kid" } });
    const result = await verifyToken(token, expectAccess, options());
    expect(byName(result.checks)["kid"]).toMatchObject({ status: "fail", actual: "retired-kid" });
    expect(byName(result.checks)["signature"]?.message).toMatch(/No key in the JWKS matches kid retired-kid/);
  });

  it("fails HS256 (alg confusion) on alg and signature", async () => {
    const token = await signHs256({ iss: ISSUER, token_use: "access", client_id: CLIENT_ID, exp: NOW + 60, iat: NOW }, pool.accessKey.kid);
    const c = byName((await verifyToken(token, expectAccess, options())).checks);
    expect(c["alg"]).toMatchObject({ status: "fail", actual: "HS256", expected: "RS256" });
    expect(c["signature"]).toMatchObject({ status: "fail", message: expect.stringMatching(/alg-confusion/) });
  });

  it("marks unasked checks n/a, and never fetches from nowhere", async () => {
    const result = await verifyToken(await pool.access({}, at(-5)), { issuer: null, clientId: null, tokenUse: null }, options());
    expect(statuses(result.checks)).toMatchObject({ iss: "n/a", client: "n/a", token_use: "n/a", signature: "pass" });
  });

  it("checks nbf and a future iat, and shows the clock skew", async () => {
    const token = await pool.access({ nbf: NOW + 30 }, at(+30));
    const c = byName((await verifyToken(token, expectAccess, options())).checks);
    expect(c["nbf"]).toMatchObject({ status: "fail", message: "Not valid for another 30 s." });
    expect(c["iat"]).toMatchObject({ status: "fail", message: expect.stringMatching(/this clock is at least 30 s behind the issuer's/) });
    const tolerant = byName((await verifyToken(token, expectAccess, options({ clockToleranceSeconds: 60 }))).checks);
    expect(tolerant["iat"]?.status).toBe("pass");
    expect(tolerant["nbf"]?.status).toBe("pass");
  });

  it("turns an unreachable JWKS into failed rows, not an exception", async () => {
    const result = await verifyToken(await pool.access({}, at(-5)), expectAccess, options({
      getJwks: async () => {
        throw new Error("fetch failed: CORS");
      },
    }));
    expect(byName(result.checks)["signature"]).toMatchObject({ status: "fail", message: "Not checked: fetch failed: CORS" });
    expect(byName(result.checks)["kid"]?.status).toBe("fail");
    expect(byName(result.checks)["exp"]?.status).toBe("pass");
  });

  it("verifying twice through a JwksCache fetches the JWKS once, from the issuer's URL", async () => {
    const calls: string[] = [];
    const cache = createJwksCache({ fetchJson: async (url) => (calls.push(url), pool.jwks) });
    const token = await pool.access({}, at(-5));
    await verifyToken(token, expectAccess, options({ getJwks: cache.getJwks }));
    await verifyToken(await pool.id({}, at(-5)), expectId, options({ getJwks: cache.getJwks }));
    expect(calls).toEqual([`${ISSUER}/.well-known/jwks.json`]);
  });

  it("requires clientId and tokenUse to be stated (null is the opt-out)", async () => {
    const token = await pool.access();
    const missing = { issuer: ISSUER } as unknown as VerifyExpectations;
    await expect(verifyToken(token, missing, options())).rejects.toBeInstanceOf(CheckConfigError);
    await expect(verifyToken(token, missing, options())).rejects.toMatchObject({ code: "invalid:token-check:expectation-missing", message: expect.stringMatching(/clientId, tokenUse are required/) });
  });

  it("throws TokenDecodeError for text that is not a JWT", async () => {
    await expect(verifyToken("da2-abcdefghijklmnopqrstuvwxyz", expectAccess, options())).rejects.toBeInstanceOf(TokenDecodeError);
  });
});
