import { beforeAll, describe, expect, it } from "vitest";
import { diagnose } from "../../diagnosis";
import { decodeToken } from "../decode";
import { createFakePool, OTHER_CLIENT_ID, POOL_ID, type FakePool } from "../test-support/cognito-tokens";
import { checkApiGateway, type ApiGatewayCognitoConfig } from "./api-gateway";

const NOW = 1_760_000_000;
const UPDATED = `https://issuer-cognito-idp.ap-northeast-1.amazonaws.com/${POOL_ID}`;
let pool: FakePool;
beforeAll(async () => {
  pool = await createFakePool();
});

type Kind = "id" | "access";
async function run(kind: Kind, claims: Record<string, unknown>, config: Partial<ApiGatewayCognitoConfig> = {}) {
  const token = decodeToken(await pool[kind](claims, { iat: NOW - 60 }));
  return checkApiGateway({ token, now: NOW * 1000 }, { userPoolIds: [POOL_ID], ...config });
}

describe("API Gateway COGNITO_USER_POOLS authorizer", () => {
  const cases: Array<[string, Kind, Record<string, unknown>, Partial<ApiGatewayCognitoConfig>, "pass" | "fail", string[]]> = [
    ["ID token, no scopes on the method", "id", {}, {}, "pass", []],
    ["access token, no scopes on the method", "access", {}, {}, "fail", ["token_use"]],
    ["access token with one of the method's scopes", "access", { scope: "openid tickets/read" }, { scopes: ["tickets/read", "tickets/write"] }, "pass", []],
    ["access token without the method's scopes", "access", {}, { scopes: ["tickets/read"] }, "fail", ["scope"]],
    ["ID token on a method with scopes", "id", {}, { scopes: ["openid"] }, "fail", ["token_use", "scope"]],
    ["token from another pool", "id", { iss: "https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Other0001" }, {}, "fail", ["iss"]],
    ["token from the second of two pools", "id", { iss: "https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Other0001" }, { userPoolIds: [POOL_ID, "ap-northeast-1_Other0001"] }, "pass", []],
    ["expired", "id", { exp: NOW - 1 }, {}, "fail", ["exp"]],
    // AWS documents the UPDATED issuer as not compatible with API Gateway's Cognito authorizers.
    ["the pool's UPDATED issuer", "id", { iss: UPDATED }, {}, "fail", ["iss"]],
    ["UPDATED issuer from a sandbox standing in for AWS", "id", { iss: `http://127.0.0.1:4577/issuer-cognito-idp/${POOL_ID}` }, { userPoolEndpoint: "http://127.0.0.1:4577" }, "fail", ["iss"]],
    ["the ORIGINAL issuer from a sandbox standing in for AWS", "id", { iss: `http://127.0.0.1:4577/${POOL_ID}` }, { userPoolEndpoint: "http://127.0.0.1:4577" }, "pass", []],
    ["AWS's UPDATED issuer where a sandbox is configured", "id", { iss: `https://issuer-cognito-idp.ap-northeast-1.amazonaws.com/${POOL_ID}` }, { userPoolEndpoint: "http://127.0.0.1:4577" }, "fail", ["iss"]],
    ["any app client of the pool", "id", { aud: OTHER_CLIENT_ID }, {}, "pass", []],
  ];

  it.each(cases)("%s", async (_label, kind, claims, config, verdict, failing) => {
    const result = await run(kind, claims, config);
    expect(result.verdict).toBe(verdict);
    expect(result.checks.filter((c) => c.status === "fail").map((c) => c.name)).toEqual(failing);
  });

  it('answers 401 {"message":"Unauthorized"} for the wrong kind of token', async () => {
    const result = await run("access", {});
    expect(result.response).toMatchObject({ status: 401, message: '{"message":"Unauthorized"}', confirmed: true });
    expect(result.checks.find((c) => c.name === "token_use")?.message).toMatch(/Send the ID token, or add authorization scopes/);
  });

  it("answers 401 The incoming token has expired for an expired token", async () => {
    const result = await run("id", { exp: NOW - 1 });
    expect(result.response).toMatchObject({ status: 401, message: '{"message":"The incoming token has expired"}' });
  });

  it("refuses the pool's UPDATED issuer as AWS documents, and says its answer is not confirmed", async () => {
    const result = await run("id", { iss: UPDATED });
    expect(result.response).toMatchObject({ status: null, confirmed: false, source: expect.stringContaining("federation-endpoints.html#user-pool-oidc-issuer") });
    expect(result.response?.message).toContain(`does not accept the UPDATED issuer ${UPDATED}`);
    expect(result.response?.message).toContain("not confirmed");
    const iss = result.checks.find((c) => c.name === "iss");
    expect(iss).toMatchObject({ expected: `https://cognito-idp.ap-northeast-1.amazonaws.com/${POOL_ID}` });
    expect(iss?.message).toMatch(/UPDATED issuer type is not compatible with API Gateway's Amazon Cognito authorizers/);
    expect(iss?.message).toMatch(/Keep the pool on the ORIGINAL issuer \(https:\/\/cognito-idp\.ap-northeast-1\.amazonaws\.com\//);
  });

  it("names the documented cause when the refusal is diagnosed, as the authorizer panel does", async () => {
    const response = (await run("id", { iss: UPDATED })).response!;
    expect(diagnose({ service: "api-gateway", message: response.message, tokenUse: "id" })[0]?.id).toBe("cognito-updated-issuer-unsupported");
  });

  it("still tells another pool's UPDATED issuer apart from this pool's", async () => {
    const result = await run("id", { iss: "https://issuer-cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Other0001" });
    expect(result.checks.find((c) => c.name === "iss")?.message).toMatch(/Issued by user pool ap-northeast-1_Other0001/);
    expect(result.response).toMatchObject({ status: 401, message: '{"message":"Unauthorized"}' });
  });

  it("says the app client is not checked", async () => {
    const result = await run("id", {});
    expect(result.checks.find((c) => c.name === "client")).toMatchObject({ status: "n/a", message: expect.stringMatching(/any app client/) });
  });
});
