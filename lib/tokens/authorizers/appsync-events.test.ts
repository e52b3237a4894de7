import { beforeAll, describe, expect, it } from "vitest";
import { decodeToken } from "../decode";
import { CLIENT_ID, createFakePool, OTHER_CLIENT_ID, POOL_ID, type FakePool } from "../test-support/cognito-tokens";
import { checkAppSyncEvents, type AppSyncEventsConfig } from "./appsync-events";

const NOW = 1_760_000_000;
let pool: FakePool;
beforeAll(async () => {
  pool = await createFakePool();
});
const decoded = async (kind: "id" | "access", claims: Record<string, unknown> = {}) => decodeToken(await pool[kind](claims, { iat: NOW - 60 }));
const base: AppSyncEventsConfig = { userPoolId: POOL_ID, operation: "publish", namespace: "alerts" };
const check = async (kind: "id" | "access", config: Partial<AppSyncEventsConfig> = {}, claims: Record<string, unknown> = {}) =>
  checkAppSyncEvents({ token: await decoded(kind, claims), now: NOW * 1000 }, { ...base, ...config });
const row = (result: Awaited<ReturnType<typeof check>>, name: string) => result.checks.find((c) => c.name === name);

describe("AppSync Events: will a user-pool token pass one operation on one namespace?", () => {
  it("refuses any user-pool token when the namespace's publish modes leave user pools out, and says the answer is not confirmed", async () => {
    const result = await check("access", { allowedModes: ["AWS_IAM"] });
    expect(result.verdict).toBe("fail");
    expect(row(result, "auth mode")).toMatchObject({ status: "fail", expected: "AWS_IAM" });
    expect(row(result, "auth mode")?.message).toMatch(/namespace alerts's publishAuthModes .* do not list AMAZON_COGNITO_USER_POOLS/);
    expect(result.response).toMatchObject({ status: 401, confirmed: false, error: { errorType: "UnauthorizedException" } });
  });

  it("passes an access token from the pool where the operation allows user pools", async () => {
    const result = await check("access", { allowedModes: ["API_KEY", "AMAZON_COGNITO_USER_POOLS"] });
    expect(result.verdict).toBe("pass");
    expect(row(result, "token_use")?.message).toMatch(/aws-amplify's Events client sends the access token/);
  });

  it("passes an ID token but says Event APIs are not confirmed to take one", async () => {
    const result = await check("id", { allowedModes: ["AMAZON_COGNITO_USER_POOLS"] });
    expect(row(result, "token_use")).toMatchObject({ status: "pass" });
    expect(row(result, "token_use")?.message).toMatch(/^Not confirmed/);
  });

  it("names the connect list for connect, and does not check modes it was not given", async () => {
    expect(row(await check("access", { operation: "connect", allowedModes: ["API_KEY"] }), "auth mode")?.message).toMatch(/the API's connectionAuthModes/);
    expect(row(await check("access"), "auth mode")).toMatchObject({ status: "n/a" });
  });

  it("refuses an expired token, another pool's token and another app client, each marked not confirmed", async () => {
    const expired = await check("access", {}, { exp: NOW - 5 });
    expect(row(expired, "exp")?.status).toBe("fail");
    expect(expired.response).toMatchObject({ confirmed: false, source: expect.stringMatching(/unconfirmed for Event APIs/) });
    const otherPool = await check("access", {}, { iss: "https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Other0001" });
    expect(row(otherPool, "iss")?.status).toBe("fail");
    const otherClient = await check("access", { appIdClientRegex: CLIENT_ID }, { client_id: OTHER_CLIENT_ID });
    expect(row(otherClient, "client")?.status).toBe("fail");
  });
});
